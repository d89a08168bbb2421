// Policy-change alerts in Chromium (dist/chrome): a shop's policy is read, then changed on the server and read again (Re-analyze, and a cache past its age): the popup lists every changed answer in words and the badge tooltip says so, until dismissed; the cache keeps both readings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { policyShopRoutes, ROOT, startSites, updateDocsPicture } from './shop-site.mjs';
import { badge, launchChromium, openPopup, settledTab, sleep, TIMEOUT_MS } from './extension-browser.mjs';
import { CHANGE_WORDS, CHANGED, changedSellsTitle, enDate, FIRST, SELLS_TITLE, servePolicy as serve } from './changed-policy.mjs';
import { changeWords, reportChanges } from '../../extension/src/changes.js';
import { useMessages } from '../../extension/src/i18n.js';

const SHOP = 'amightygirl.example';
const HOME = `http://${SHOP}/`;
const KEY = `site:http://${SHOP}`;
const DAY_MS = 24 * 60 * 60 * 1000;

let routes;
let sites;
let chromium;

before(async () => {
  useMessages(JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8')));
  routes = policyShopRoutes(SHOP, FIRST);
  sites = await startSites({ [SHOP]: routes });
  chromium = await launchChromium({ hostRules: sites.hostRules });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
});

/** Serve this policy text from now on. */
const servePolicy = (text) => serve(routes, SHOP, text);
const entry = () => chromium.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], KEY);

/** Wait until the site's cache entry is one saved after `since`. */
async function readAgain(since) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!((await entry())?.savedAt > since)) {
    assert.ok(Date.now() < deadline, 'the policy was read again');
    await sleep(100);
  }
  return entry();
}

test('a changed policy, read again by Re-analyze: "Changed since" with each change, in the popup and the badge tooltip, until dismissed', async () => {
  const { context, worker, extensionId } = chromium;
  const page = await context.newPage();
  await page.goto(HOME);
  const [tabId, state] = await settledTab(worker, HOME);
  assert.equal(state.report.selling.verdict, 'does_not_sell');
  assert.equal(state.changes, undefined);
  const first = await entry();
  assert.equal(first.previous, undefined);
  let popup = await openPopup(context, extensionId, tabId);
  assert.equal(await popup.locator('.pl-changes').count(), 0, 'nothing changed yet');

  servePolicy(CHANGED);
  await popup.locator('#reanalyze').click();
  const second = await readAgain(first.savedAt);
  await popup.waitForSelector('body[data-status="done"] .pl-changes', { timeout: TIMEOUT_MS });

  // The cache keeps both readings, and what changed between them.
  assert.equal(second.report.selling.verdict, 'sells');
  assert.equal(second.previous.savedAt, first.savedAt);
  assert.equal(second.previous.hash, first.hash);
  assert.deepEqual(second.previous.report.selling, first.report.selling);
  const expected = reportChanges(first.report, second.report);
  assert.deepEqual(second.changes, { since: first.savedAt, seen: second.savedAt, items: expected, dismissed: false });
  const words = expected.map(changeWords);
  for (const change of CHANGE_WORDS) {
    assert.ok(words.includes(change), `"${change}" in ${JSON.stringify(words)}`);
  }

  // The popup: "Changed since <the first reading's date>:" and each change, in order.
  const alert = popup.locator('.pl-changes');
  assert.equal(await alert.locator('h2').textContent(), `Changed since ${enDate(first.savedAt)}:`);
  assert.deepEqual(await alert.locator('li').allTextContents(), words);
  assert.equal(await popup.locator('#content > :first-child').getAttribute('class'), 'pl-changes', 'the alert comes first');
  const { text, title } = await badge(worker, tabId);
  assert.equal(text, 'SELL');
  assert.equal(title, changedSellsTitle(first.savedAt, expected.length));
  await mkdir(join(ROOT, 'tests/e2e/artifacts'), { recursive: true });
  await popup.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/popup-change.png') });
  await updateDocsPicture(join(ROOT, 'tests/e2e/artifacts/popup-change.png'), 'popup-change.png');

  // Dismissed (by keyboard): gone from the popup, the badge tooltip and the tab's state; kept in the cache as history.
  await alert.locator('button').focus();
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('body[data-status="done"]:not(:has(.pl-changes))', { timeout: TIMEOUT_MS });
  assert.equal((await badge(worker, tabId)).title, SELLS_TITLE);
  const [, dismissedState] = await settledTab(worker, HOME);
  assert.equal(dismissedState.changes, undefined);
  assert.equal((await entry()).changes.dismissed, true);
  await popup.close();
  popup = await openPopup(context, extensionId, tabId);
  assert.equal(await popup.locator('.pl-changes').count(), 0, 'still gone in a new popup');
  await popup.close();

  // A new tab on the site shows the report without the dismissed changes.
  await page.close();
  const other = await context.newPage();
  await other.goto(`${HOME}pages/about`);
  const [otherTab, otherState] = await settledTab(worker, HOME);
  assert.equal(otherState.changes, undefined);
  assert.doesNotMatch((await badge(worker, otherTab)).title, /changed/);
  await other.close();
});

test('a cached report past its age is read again on the next visit: a change back is an alert too', async () => {
  const { context, worker, extensionId } = chromium;
  const old = await entry();
  // As if the last reading were 8 days old (the report is reused for 7), and the policy back as it first was.
  const aged = { ...old, savedAt: Date.now() - 8 * DAY_MS, previous: { ...old.previous, savedAt: Date.now() - 9 * DAY_MS } };
  await worker.evaluate(async ({ key, site, aged }) => {
    const { sites: index } = await chrome.storage.local.get('sites');
    await chrome.storage.local.set({ [key]: aged, sites: { ...index, [site]: aged.savedAt } });
  }, { key: KEY, site: `http://${SHOP}`, aged });
  servePolicy(FIRST);
  const page = await context.newPage();
  await page.goto(HOME);
  const now = await readAgain(aged.savedAt);
  assert.equal(now.report.selling.verdict, 'does_not_sell');
  assert.equal(now.previous.savedAt, aged.savedAt, 'compared with the reading before (its changes were dismissed)');
  assert.equal(now.changes.dismissed, false);
  const [tabId, state] = await settledTab(worker, HOME);
  assert.deepEqual(state.changes.items, now.changes.items);
  const popup = await openPopup(context, extensionId, tabId);
  const items = await popup.locator('.pl-changes li').allTextContents();
  assert.equal(items[0], 'Data selling: was “Sells or shares your data”, now “Does not sell your data”');
  assert.ok(items.includes('Service no longer named: Hotjar'), JSON.stringify(items));
  assert.match((await badge(worker, tabId)).title, /Its policy changed since/);
  await popup.close();
  await page.close();
});
