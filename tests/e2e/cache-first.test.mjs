// Cache first, in Chromium (dist/chrome): once a shop's policy is read, the other pages of the shop are answered from the cached report: the test server sees no second fetch of the policy; Re-analyze fetches it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { shopRoutes, startSites } from './shop-site.mjs';
import { badge, launchChromium, openPopup, settledTab, sleep, TIMEOUT_MS } from './extension-browser.mjs';

const SHOP = 'crypjama.com';
const HOME = `http://${SHOP}/`;
const POLICY_PATH = '/policies/privacy-policy';

let sites;
let chromium;

before(async () => {
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP) });
  chromium = await launchChromium({ hostRules: sites.hostRules });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
});

/** How many times the test server was asked for the policy page. */
const policyFetches = () => sites.requests.filter((r) => r.host === SHOP && r.path === POLICY_PATH).length;

test('a second page of a shop already read: its report from the cache, no second fetch of the policy', async () => {
  const { context, worker, extensionId, logs } = chromium;
  const home = await context.newPage();
  await home.goto(HOME);
  const [homeTab, first] = await settledTab(worker, HOME);
  assert.equal(first.status, 'done');
  assert.equal(policyFetches(), 1, 'the first visit fetched the policy once');
  const savedAt = (await worker.evaluate((key) => chrome.storage.local.get(key), `site:http://${SHOP}`))[`site:http://${SHOP}`].savedAt;
  await home.close();

  // Two more pages of the shop: the about page (no privacy link of its own) and the home page again.
  for (const path of ['/pages/about', '/']) {
    const page = await context.newPage();
    await page.goto(`${HOME.slice(0, -1)}${path}`);
    const [tabId, state] = await settledTab(worker, HOME);
    assert.notEqual(tabId, homeTab);
    assert.equal(state.status, 'done', `${path}: the site's report`);
    assert.equal(state.policyUrl, `${HOME.slice(0, -1)}${POLICY_PATH}`);
    assert.equal(state.report.selling.verdict, 'sells');
    assert.equal(state.gpc, undefined, 'the page was not even looked at');
    assert.equal((await badge(worker, tabId)).text, 'SELL');
    const popup = await openPopup(context, extensionId, tabId);
    assert.equal(await popup.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
    // Whether GPC is on, the popup asks the tab's content script.
    assert.equal(await popup.locator('.pl-gpc').getAttribute('data-gpc'), 'off');
    await popup.close();
    await page.close();
    // The tab's state was set as the content script's question was answered; a fetch would have followed at once.
    assert.equal(policyFetches(), 1, `${path}: no second fetch of the policy`);
  }
  const entry = (await worker.evaluate((key) => chrome.storage.local.get(key), `site:http://${SHOP}`))[`site:http://${SHOP}`];
  assert.equal(entry.savedAt, savedAt, 'not analyzed again either');
  assert.deepEqual(sites.requests.filter((r) => r.host === SHOP).map((r) => r.path).filter((p) => p !== '/favicon.ico'),
    ['/', POLICY_PATH, '/pages/about', '/'], 'the server saw the pages and one policy fetch');

  // Re-analyze reads it again: a second fetch.
  const page = await context.newPage();
  await page.goto(`${HOME}pages/about`);
  const [tabId] = await settledTab(worker, HOME);
  const popup = await openPopup(context, extensionId, tabId);
  await popup.locator('#reanalyze').click();
  const deadline = Date.now() + TIMEOUT_MS;
  while (policyFetches() < 2) {
    assert.ok(Date.now() < deadline, 'Re-analyze fetched the policy again');
    await sleep(50);
  }
  await popup.waitForSelector('body[data-status="done"] .pl-selling[data-verdict="sells"]', { timeout: TIMEOUT_MS });
  assert.equal(policyFetches(), 2);
  assert.deepEqual(logs.filter((l) => l.type === 'error' || /refused/.test(l.text)), []);
  await popup.close();
  await page.close();
});
