// Service-worker restarts in Chromium (dist/chrome): the worker is stopped mid-session; the analyzed tab's badge and popup come back from storage.session, a reading cut short is resumed, and a new tab is analyzed normally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { shopRoutes, startSites } from './shop-site.mjs';
import { badge, launchChromium, openPopup, settledTab, stopWorker, TIMEOUT_MS } from './extension-browser.mjs';

let sites;
let chromium;

before(async () => {
  sites = await startSites({ 'calijewelz.com': await shopRoutes('calijewelz.com'), 'crypjama.com': await shopRoutes('crypjama.com') });
  chromium = await launchChromium({ hostRules: sites.hostRules });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
});

/** Mark the running worker, so a later check can tell whether it is still the same one. */
const markLife = (worker) => worker.evaluate(() => { globalThis.policylensTestLife = 'before the stop'; });
const lifeMark = (worker) => worker.evaluate(() => globalThis.policylensTestLife ?? null);

test('the worker stopped mid-session: the analyzed tab keeps its badge and popup, and a new tab on another shop is analyzed', async () => {
  const { context, worker, extensionId, logs } = chromium;
  const shop = await context.newPage();
  await shop.goto('http://calijewelz.com/');
  const [tabId, state] = await settledTab(worker, 'http://calijewelz.com/');
  assert.equal(state.status, 'done');
  assert.equal((await badge(worker, tabId)).text, 'SELL');

  await markLife(worker);
  const stopped = await stopWorker(context, extensionId);
  // While it is stopped, the badge (kept by the browser) is unchanged.
  const whileStopped = await badge(stopped.page, tabId);
  assert.equal(whileStopped.text, 'SELL');
  assert.match(whileStopped.title, /sells your personal data/);
  assert.equal(stopped.status(), 'stopped', 'reading the badge did not start the worker');

  // The popup's question starts a new worker, which answers from storage.session.
  const popup = await openPopup(context, extensionId, tabId);
  assert.equal(await lifeMark(worker), null, 'a new worker answered');
  assert.equal(await popup.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  assert.equal(await popup.locator('#site strong').textContent(), 'calijewelz.com');
  assert.equal((await badge(worker, tabId)).text, 'SELL');
  await popup.close();
  await stopped.close();

  // A new tab on the other shop: found, fetched and analyzed by the new worker (which loads the wasm again).
  const other = await context.newPage();
  await other.goto('http://crypjama.com/');
  const [otherTab, otherState] = await settledTab(worker, 'http://crypjama.com/');
  assert.equal(otherState.status, 'done');
  assert.equal(otherState.report.selling.verdict, 'sells');
  assert.equal((await badge(worker, otherTab)).text, 'SELL');
  const otherPopup = await openPopup(context, extensionId, otherTab);
  assert.equal(await otherPopup.locator('.pl-tracking').getAttribute('data-do-not-track'), 'not_honored');
  await otherPopup.close();
  assert.deepEqual(logs.filter((l) => l.type === 'error'), [], 'no errors in either life of the worker');
  await other.close();
  await shop.close();
});

test('a reading cut short by a stop is resumed by the next worker', async () => {
  const { context, worker, extensionId } = chromium;
  const shop = await context.newPage();
  await shop.goto('http://crypjama.com/policies/privacy-policy');
  const [tabId, done] = await settledTab(worker, 'http://crypjama.com/');
  assert.equal(done.status, 'done');
  // As the worker leaves a tab while it reads: 'analyzing' in storage.session, "…" on the badge.
  await worker.evaluate(async ({ tabId, state }) => {
    await chrome.storage.session.set({ [`tab:${tabId}`]: { status: 'analyzing', site: state.site, policyUrl: state.policyUrl } });
    await chrome.action.setBadgeText({ tabId, text: '…' });
  }, { tabId, state: done });
  await markLife(worker);
  const stopped = await stopWorker(context, extensionId);
  assert.equal((await badge(stopped.page, tabId)).text, '…');

  // The next worker asks the tab for its policy again: the popup goes from "reading" to the report.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-status="done"] .pl-selling[data-verdict="sells"]', { timeout: TIMEOUT_MS });
  assert.equal(await lifeMark(worker), null, 'a new worker answered');
  assert.equal((await badge(worker, tabId)).text, 'SELL');
  await popup.close();
  await stopped.close();
  await shop.close();
});
