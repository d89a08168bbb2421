// Test helper: local HTTP servers on 127.0.0.1 (random ports) for an example shop (home page, footer link to its Shopify-style privacy policy) or a static folder.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One policy line as HTML: escaped, with its http(s) URLs and e-mail addresses as links. */
function lineToHtml(line) {
  return escapeHtml(line)
    .replace(/\bhttps?:\/\/[^\s<>"&]+[^\s<>"&.,;:)]/g, (url) => `<a href="${url}">${url}</a>`)
    .replace(/(?<![\w.:/-])[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, (email) => `<a href="mailto:${email}">${email}</a>`);
}

const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body { font-family: sans-serif; max-width: 760px; margin: auto; } footer a { margin-right: 1em; }</style>
</head><body>${body}</body></html>`;

const header = (shop) => `<header><nav><a href="/">${escapeHtml(shop)}</a> <a href="/collections/all">Shop all</a> <a href="/cart">Cart</a></nav></header>`;
const footer = `<footer><a href="/pages/contact">Contact</a> <a href="/policies/refund-policy">Refund policy</a>
<a href="/policies/terms-of-service">Terms of service</a> <a href="/policies/privacy-policy">Privacy policy</a></footer>`;

/**
 * Serve one example shop (tests/fixtures/<shop>.txt) on its own origin:
 *   /                         home page, footer links to the policy
 *   /policies/privacy-policy  the policy text as a simple HTML page (with a script that must never run)
 *   /pages/about              a page with no privacy link at all
 */
export async function startShop(shop) {
  const policy = await readFile(join(ROOT, 'tests/fixtures', `${shop}.txt`), 'utf8');
  const routes = {
    '/': page(`${shop} – handmade jewelry`, `${header(shop)}<main><h1>${escapeHtml(shop)}</h1>
      <p>New arrivals every week. Free shipping over $50.</p>
      <ul><li>Gold hoop earrings – $39</li><li>Silver chain – $25</li></ul></main>${footer}`),
    '/policies/privacy-policy': page(`Privacy policy – ${shop}`, `${header(shop)}<main>
      <script>document.title = 'a script ran'; document.body.dataset.ran = 'yes';</script>
      <div hidden>Hidden text that is not part of the policy.</div>
      ${policy.split('\n').filter((l) => l.trim()).map((l) => `<p>${lineToHtml(l)}</p>`).join('\n')}</main>${footer}`),
    '/pages/about': page(`About – ${shop}`, `<main><h1>About us</h1><p>We make jewelry.</p></main>`),
  };
  return listen((req, res) => {
    const body = routes[new URL(req.url, 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? page('Not found', '<h1>Not found</h1>'));
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

/** Serve a folder's files (GET only, no listing, nothing outside it). */
export async function startStatic(dir) {
  return listen(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
}

/** Listen on 127.0.0.1 at a free port; resolves to { origin, close() }. */
function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}
