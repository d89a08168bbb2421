// Test helper: local HTTP servers on 127.0.0.1 (random ports) for an example shop (home page, footer link to its Shopify-style privacy policy), a shop whose privacy link leads to its terms, for several named sites (hostile ones too), or a static folder.
import { createServer } from 'node:http';
import { copyFile, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Copy a screenshot the tests took into docs/ (the README's pictures), only when asked to:
 * `POLICYLENS_UPDATE_DOCS=1 node --test --test-concurrency=1 tests/e2e/`. A plain test run
 * changes no tracked file.
 */
export async function updateDocsPicture(shot, name) {
  if (process.env.POLICYLENS_UPDATE_DOCS === '1') await copyFile(shot, join(ROOT, 'docs', name));
}

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
 * The pages of one example shop (tests/fixtures/<shop>.txt), by path:
 *   /                         home page, footer links to the policy
 *   /policies/privacy-policy  the policy text as a simple HTML page (with a script that must never run)
 *   /pages/about              a page with no privacy link at all
 */
export async function shopRoutes(shop) {
  return policyShopRoutes(shop, await readFile(join(ROOT, 'tests/fixtures', `${shop}.txt`), 'utf8'));
}

/** The pages of a shop (as shopRoutes) whose policy is the given text. */
export function policyShopRoutes(shop, policy) {
  return {
    '/': page(`${shop} – handmade jewelry`, `${header(shop)}<main><h1>${escapeHtml(shop)}</h1>
      <p>New arrivals every week. Free shipping over $50.</p>
      <ul><li>Gold hoop earrings – $39</li><li>Silver chain – $25</li></ul></main>${footer}`),
    '/policies/privacy-policy': page(`Privacy policy – ${shop}`, `${header(shop)}<main>
      <script>document.title = 'a script ran'; document.body.dataset.ran = 'yes';</script>
      <div hidden>Hidden text that is not part of the policy.</div>
      ${policyHtml(policy)}</main>${footer}`),
    '/pages/about': page(`About – ${shop}`, `<main><h1>About us</h1><p>We make jewelry.</p></main>`),
  };
}

/** A plain-text policy as HTML paragraphs, its URLs and e-mail addresses as links. */
const policyHtml = (text) => text.split('\n').filter((l) => l.trim()).map((l) => `<p>${lineToHtml(l)}</p>`).join('\n');

/**
 * The pages of a shop whose only privacy link, in its footer, leads to its Terms of Service
 * (tests/e2e/terms-of-service.txt, which points to a separate privacy policy), by path:
 *   /                          home page, footer links "Terms of service & privacy" to the terms
 *   /policies/terms-of-service the terms as a simple HTML page
 */
export async function termsShopRoutes(shop) {
  const terms = await readFile(join(ROOT, 'tests/e2e/terms-of-service.txt'), 'utf8');
  const termsFooter = `<footer><a href="/pages/contact">Contact</a>
<a href="/policies/terms-of-service">Terms of service &amp; privacy</a></footer>`;
  return {
    '/': page(`${shop} – hand-poured candles`, `${header(shop)}<main><h1>${escapeHtml(shop)}</h1>
      <p>Soy candles poured in small batches.</p>
      <ul><li>Fern &amp; moss candle – $24</li><li>Cedar candle – $22</li></ul></main>${termsFooter}`),
    '/policies/terms-of-service': page(`Terms of service – ${shop}`, `${header(shop)}<main>${policyHtml(terms)}</main>${termsFooter}`),
  };
}

/** Serve one example shop (see shopRoutes) on its own origin. */
export async function startShop(shop) {
  return startRoutes(await shopRoutes(shop));
}

/** Serve one site's pages ({ '/path': html, … }) on its own origin. */
export async function startRoutes(routes) {
  return listen((req, res) => {
    const body = routes[new URL(req.url, 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? page('Not found', '<h1>Not found</h1>'));
  });
}

/**
 * Serve several sites from one server, told apart by the Host header (the browser maps each
 * name to it with --host-resolver-rules): sites = { 'shop.example': { '/path': html, … }, … }.
 * Every request is recorded in `requests` as { host, path, method }.
 * Resolves to { origin, hostRules, requests, close() }; hostRules is the Chromium flag's value.
 */
export async function startSites(sites) {
  const requests = [];
  const server = await listen((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url, 'http://x').pathname;
    requests.push({ host, path, method: req.method });
    const body = sites[host]?.[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? page('Not found', '<h1>Not found</h1>'));
  });
  const hostRules = Object.keys(sites).map((name) => `MAP ${name} ${new URL(server.origin).host}`).join(', ');
  return { ...server, hostRules, requests };
}

/** Right-to-left override: text after it is shown reversed ("lmth.tuo" reads "out.html"). */
const RLO = '\u202E';
/** How many links the crowded pages carry. */
export const MANY_LINKS = 10_000;

/**
 * Sites whose pages attack the extension (served with startSites):
 *   hostile.example  a shop whose privacy policy carries markup and script as text, javascript: and
 *                    data: URLs posing as opt-out links (as <a href> and in the text), HTML-looking
 *                    e-mail addresses, a mailto link with a bcc, and right-to-left overrides in URLs;
 *   many.example     a home page with 10,000 links before its policy link, and a policy page with
 *                    10,000 links of its own (/many/privacy-policy, read in place);
 *   frames.example   a home page whose only privacy policy is inside a cross-origin iframe (from
 *                    evil.example), and a policy page whose text is inside a same-origin iframe.
 */
export async function hostileSites() {
  const policy = await readFile(join(ROOT, 'tests/fixtures/crypjama.com.txt'), 'utf8');
  const home = (name, extra = '') => page(`${name} – gifts`, `${header(name)}<main><h1>${escapeHtml(name)}</h1>
    <p>Gifts for everyone.</p>${extra}</main>${footer}`);
  const hostilePolicy = `${header('hostile.example')}<main>
    <h1>Privacy policy</h1>
    <script>document.body.dataset.ran = 'yes';</script>
    <img src="x" onerror="document.body.dataset.imgError = 'yes'" alt="">
    ${policyHtml(policy)}
    <h2>Your choices &lt;b&gt;bold&lt;/b&gt;</h2>
    <p>To opt out of the sale of your personal information, visit &lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt; or email privacy@hostile.example&lt;script&gt;alert(2)&lt;/script&gt; today.</p>
    <p>You can opt out of targeted advertising at &lt;img src=x onerror="window.__pwned = 1; alert(3)"&gt; at any time.</p>
    <p>To opt out of analytics, visit javascript:window.__pwned=1;alert(6)//https://optout.hostile.example/ or data:text/html,&lt;script&gt;alert(7)&lt;/script&gt; in your browser.</p>
    <p>You may <a href="javascript:window.__pwned=1;alert(4)">opt out of the sale of your personal information</a>
      or use <a href="data:text/html,%3Cscript%3Ealert(5)%3C/script%3E">Do Not Sell or Share My Personal Information</a>.
      To opt out of interest-based ads, visit <a href="javascript:alert(8)">https://optout.hostile.example/</a>.</p>
    <p>To exercise your right to opt out, email "&lt;b&gt;x&lt;/b&gt;"@evil.example or privacy@hostile.example&lt;script&gt; with the subject OPT OUT.</p>
    <p>You may opt out of interest-based advertising at https://hostile.example/choices/${RLO}lmth.tuo-tpo or at
      <a href="https://evil.example/${RLO}moc.elgoog.www//:sptth">https://evil.example/${RLO}moc.elgoog.www//:sptth</a> today.</p>
    <p>To opt out of marketing e-mails, write to <a href="mailto:privacy@hostile.example?bcc=collector@evil.example&amp;body=%3Cscript%3E">privacy${RLO}@hostile.example</a>.</p>
    </main>${footer}`;
  const manyLinks = Array.from({ length: MANY_LINKS }, (_, i) => `<a href="/products/item-${i}">Item ${i}</a>`).join(' ');
  return {
    'hostile.example': {
      '/': home('hostile.example'),
      '/policies/privacy-policy': page('Privacy policy <img src=x onerror=alert(9)>', hostilePolicy),
    },
    'many.example': {
      '/': home('many.example', `<nav>${manyLinks}</nav>`),
      '/policies/privacy-policy': page('Privacy policy – many.example', `<main><h1>Privacy policy</h1>${policyHtml(policy)}</main>${footer}`),
      '/many/privacy-policy': page('Privacy policy – many.example', `<main><h1>Privacy policy</h1>${policyHtml(policy)}<nav>${manyLinks}</nav></main>`),
    },
    'frames.example': {
      '/': page('frames.example – gifts', `<main><h1>frames.example</h1><p>Gifts for everyone.</p>
        <iframe src="http://evil.example/" width="600" height="400"></iframe></main>`),
      '/policies/privacy-policy': page('Privacy policy – frames.example', `<main><h1>Privacy policy</h1>
        <p>Our privacy policy is shown below.</p>
        <iframe src="/policies/privacy-policy-frame" width="600" height="400"></iframe></main>`),
      '/policies/privacy-policy-frame': page('Privacy policy – frames.example', `<main>${policyHtml(policy)}</main>`),
    },
    'evil.example': {
      '/': home('evil.example'),
      '/policies/privacy-policy': page('Privacy policy – evil.example', `<main><h1>Privacy policy</h1>${policyHtml(policy)}</main>${footer}`),
    },
  };
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
