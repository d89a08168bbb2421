// Network audit and CSP in Chromium (dist/chrome): every request made during a full run on a shop (page, popup, re-analyze) is the page's own or the one same-site policy fetch; extension pages and the worker can neither run strings as code nor reach the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopRoutes, startSites } from './shop-site.mjs';
import { CHROME_EXTENSION, launchChromium, openPopup, settledTab, sleep, TIMEOUT_MS } from './extension-browser.mjs';

const SHOP = 'crypjama.com';
const HOME = `http://${SHOP}/`;
const POLICY = `http://${SHOP}/policies/privacy-policy`;

let sites;
let chromium;
let netlogDir;
/** Every request Playwright saw: pages, the popup and the service worker. */
const requests = [];

before(async () => {
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP) });
  netlogDir = await mkdtemp(join(tmpdir(), 'policylens-netlog-'));
  // The browser's own log of everything it put on the network, whoever asked (read once it exits).
  chromium = await launchChromium({ hostRules: sites.hostRules, args: [`--log-net-log=${join(netlogDir, 'net.json')}`] });
  chromium.context.on('request', (request) => requests.push({
    url: request.url(),
    method: request.method(),
    type: request.resourceType(),
    fromWorker: Boolean(request.serviceWorker()),
  }));
});

after(async () => {
  await chromium?.close();
  await sites?.close();
  if (netlogDir) await rm(netlogDir, { recursive: true, force: true });
});

test('a full run on a shop: the only request by the extension is the same-site policy fetch', async () => {
  const { context, worker, extensionId } = chromium;
  const page = await context.newPage();
  await page.goto(HOME);
  const [tabId, state] = await settledTab(worker, HOME);
  assert.equal(state.status, 'done');
  const popup = await openPopup(context, extensionId, tabId);
  const savedAt = () => worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key]?.savedAt, `site:http://${SHOP}`);
  const before = await savedAt();
  await popup.locator('#reanalyze').click();
  const deadline = Date.now() + TIMEOUT_MS;
  while (!((await savedAt()) > before)) {
    assert.ok(Date.now() < deadline, 'the policy was read again');
    await sleep(100);
  }
  await popup.waitForSelector('body[data-status="done"]', { timeout: TIMEOUT_MS });
  await popup.close();
  await page.close();

  const extensionOrigin = `chrome-extension://${extensionId}/`;
  const own = requests.filter((r) => r.url.startsWith(extensionOrigin));
  const web = requests.filter((r) => !r.url.startsWith(extensionOrigin));
  console.log(`# requests seen: ${JSON.stringify(requests.map((r) => `${r.method} ${r.type}${r.fromWorker ? ' (worker)' : ''} ${r.url}`), null, 1)}`);
  // The extension's own files, all of them shipped in the package: no remote code.
  for (const { url } of own) assert.ok(existsSync(join(CHROME_EXTENSION, new URL(url).pathname)), `${url} is a file of the package`);
  assert.ok(own.some((r) => r.fromWorker && r.url.endsWith('/pkg/policylens_bg.wasm')), 'the worker loads the bundled wasm');
  assert.ok(requests.filter((r) => r.fromWorker).every((r) => r.url.startsWith(extensionOrigin)), 'the worker asks for nothing but its own files');
  // On the web: the page itself, and the policy fetched from the same site (once, then once more for Re-analyze).
  assert.deepEqual(web.map((r) => `${r.method} ${r.type} ${r.url}`), [`GET document ${HOME}`, `GET fetch ${POLICY}`, `GET fetch ${POLICY}`]);
  // The server agrees: nothing but those (and the favicon the browser asks for by itself).
  const served = sites.requests.map((r) => `${r.method} ${r.host}${r.path}`).filter((r) => !r.endsWith('/favicon.ico'));
  assert.deepEqual(served, [`GET ${SHOP}/`, `GET ${SHOP}/policies/privacy-policy`, `GET ${SHOP}/policies/privacy-policy`]);
});

test('the CSP: extension pages and the worker run no strings as code and reach no server', async () => {
  const { context, worker, extensionId } = chromium;
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.externally_connectable, undefined, 'no web page may message the extension');
  assert.equal(manifest.web_accessible_resources, undefined, 'no web page may load its files');
  assert.deepEqual(manifest.content_scripts.map((c) => c.matches), [['http://*/*', 'https://*/*']]);
  const csp = manifest.content_security_policy.extension_pages;
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }

  const served = sites.requests.length;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=-1`);
  const tried = await popup.evaluate(async (home) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    // Run in a task of the page's own: DevTools evaluation itself is allowed to compile strings.
    const fails = (attempt) => new Promise((resolve) => setTimeout(async () => {
      try {
        await attempt();
        resolve(false);
      } catch {
        resolve(true);
      }
    }));
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const image = new Image();
    const imageFailed = new Promise((resolve) => { image.onerror = () => resolve(true); image.onload = () => resolve(false); });
    image.src = `${home}logo.png`;
    const result = {
      eval: await fails(() => eval('1')), // eslint-disable-line no-eval
      newFunction: await fails(() => new Function('return 1')()), // eslint-disable-line no-new-func
      fetch: await fails(() => fetch(home)),
      remoteImport: await fails(() => import(`${home}remote.js`)),
      inlineScriptRan: window.__inline === 1,
      image: await imageFailed,
    };
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ...result, violations: [...new Set(violations)].sort() };
  }, HOME);
  assert.deepEqual(tried, {
    eval: true, newFunction: true, fetch: true, remoteImport: true, inlineScriptRan: false, image: true,
    violations: ['connect-src', 'img-src', 'script-src-elem', 'script-src'].sort(),
  });
  const fromWorker = await worker.evaluate((home) => new Promise((resolve) => setTimeout(async () => resolve({
    eval: (() => { try { eval('1'); return false; } catch { return true; } })(), // eslint-disable-line no-eval
    fetch: await fetch(home).then(() => false, () => true),
  }))), HOME);
  assert.deepEqual(fromWorker, { eval: true, fetch: true });
  assert.equal(sites.requests.length, served, 'none of these reached the server');
  await popup.close();
});

test("the browser's own network log: nothing was asked for by the extension, and the page asked only for its policy", async () => {
  const { extensionId } = chromium;
  await chromium.close(); // the log is complete once the browser has exited
  chromium = null;
  const netlog = JSON.parse(await readFile(join(netlogDir, 'net.json'), 'utf8'));
  const START_JOB = netlog.constants.logEventTypes.URL_REQUEST_START_JOB;
  const jobs = netlog.events.filter((e) => e.type === START_JOB && e.params?.url).map((e) => ({ url: e.params.url, initiator: e.params.initiator }));
  console.log(`# network log: ${JSON.stringify(jobs, null, 1)}`);
  const shopOrigin = `http://${SHOP}`;
  assert.deepEqual(jobs.filter((j) => j.initiator?.startsWith('chrome-extension://')), [], 'no request initiated by an extension context');
  assert.ok(!jobs.some((j) => j.url.includes(extensionId)), 'the extension id never went on the network');
  // Requests made by a web page or an extension name an origin as initiator; those all stayed on the shop.
  const fromContexts = jobs.filter((j) => j.initiator && j.initiator !== 'not an origin');
  for (const { url } of fromContexts) assert.equal(new URL(url).origin, shopOrigin, url);
  assert.deepEqual(fromContexts.map((j) => new URL(j.url).pathname).filter((p) => p !== '/favicon.ico'),
    ['/policies/privacy-policy', '/policies/privacy-policy']);
});
