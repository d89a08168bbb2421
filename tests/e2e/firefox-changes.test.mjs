// Policy-change alerts in Firefox ESR (dist/firefox, via geckodriver): a shop's policy is read, then changed on the server and read again by Re-analyze in the popup: the popup lists every changed answer in words and the badge tooltip says so, until dismissed; the cache keeps both readings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { policyShopRoutes, ROOT, startRoutes } from './shop-site.mjs';
import { badge, closeTabs, launchFirefox, stored, TIMEOUT_MS, visit } from './firefox-browser.mjs';
import { CHANGE_WORDS, CHANGED, changedSellsTitle, enDate, FIRST, SELLS_TITLE, servePolicy } from './changed-policy.mjs';
import { changeWords, reportChanges } from '../../extension/src/changes.js';
import { useMessages } from '../../extension/src/i18n.js';

const SHOP = 'amightygirl.example';

let routes;
let shop;
let firefox;

before(async () => {
  useMessages(JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8')));
  routes = policyShopRoutes(SHOP, FIRST);
  shop = await startRoutes(routes);
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  await shop?.close();
});

/** The popup of a tab, opened in the current tab; resolves once it shows a reading. */
async function openPopup(tabId) {
  await firefox.driver.get(firefox.extensionPage(`popup.html?tab=${tabId}`));
  await firefox.driver.wait(until.elementLocated(By.css('body[data-status="done"]')), TIMEOUT_MS);
}

const texts = async (selector) => Promise.all((await firefox.driver.findElements(By.css(selector))).map((node) => node.getText()));

test('Firefox: a changed policy, read again by Re-analyze: "Changed since" with each change, in the popup and the badge tooltip, until dismissed', async () => {
  const { driver } = firefox;
  const key = `site:${shop.origin}`;
  const { tabId, state, badge: firstBadge } = await visit(firefox, `${shop.origin}/`);
  assert.equal(state.status, 'done');
  assert.equal(state.policyUrl, `${shop.origin}/policies/privacy-policy`);
  assert.equal(state.report.selling.verdict, 'does_not_sell');
  assert.equal(state.changes ?? null, null, 'no changes yet'); // WebDriver returns undefined as null
  assert.equal(firstBadge.text, '✓');
  assert.doesNotMatch(firstBadge.title, /changed/);
  const first = await stored(firefox, 'local', key);
  assert.equal(first.report.selling.verdict, 'does_not_sell');
  assert.equal(first.previous ?? null, null, 'no earlier reading');
  await openPopup(tabId);
  assert.equal((await driver.findElements(By.css('.pl-changes'))).length, 0, 'nothing changed yet');

  // The shop changes its policy; Re-analyze in the popup reads it again (the shop's tab fetches it anew).
  servePolicy(routes, SHOP, CHANGED);
  await driver.findElement(By.css('#reanalyze')).click();
  await driver.wait(until.elementLocated(By.css('body[data-status="done"] .pl-changes')), TIMEOUT_MS);

  // The cache keeps both readings, and what changed between them.
  const second = await stored(firefox, 'local', key);
  assert.ok(second.savedAt > first.savedAt, 'read again');
  assert.equal(second.report.selling.verdict, 'sells');
  assert.equal(second.previous.savedAt, first.savedAt);
  assert.equal(second.previous.hash, first.hash);
  assert.notEqual(second.hash, first.hash);
  assert.deepEqual(second.previous.report.selling, first.report.selling);
  const expected = reportChanges(first.report, second.report);
  assert.deepEqual(second.changes, { since: first.savedAt, seen: second.savedAt, items: expected, dismissed: false });
  const words = expected.map(changeWords);
  for (const change of CHANGE_WORDS) assert.ok(words.includes(change), `"${change}" in ${JSON.stringify(words)}`);

  // The popup: "Changed since <the first reading's date>:" and each change in words, in order, first of all.
  assert.equal(await driver.findElement(By.css('.pl-changes h2')).getText(), `Changed since ${enDate(first.savedAt)}:`);
  assert.deepEqual(await texts('.pl-changes li'), words);
  assert.equal(await driver.findElement(By.css('#content > :first-child')).getAttribute('class'), 'pl-changes', 'the alert comes first');
  assert.equal(await driver.findElement(By.css('.pl-selling')).getAttribute('data-verdict'), 'sells');
  // The badge: the new verdict, and a tooltip that says the policy changed, since when and how much.
  const changedBadge = await badge(firefox, tabId);
  assert.equal(changedBadge.text, 'SELL');
  assert.equal(changedBadge.title, changedSellsTitle(first.savedAt, expected.length));

  // Dismissed: gone from the popup, the badge tooltip and the tab's state; kept in the cache as history.
  await driver.findElement(By.css('.pl-changes-dismiss')).click();
  await driver.wait(async () => (await driver.findElements(By.css('body[data-status="done"] .pl-selling'))).length > 0 &&
    (await driver.findElements(By.css('.pl-changes'))).length === 0, TIMEOUT_MS, 'the alert is dismissed');
  assert.deepEqual(await badge(firefox, tabId), { text: 'SELL', title: SELLS_TITLE });
  const tabState = await stored(firefox, 'session', `tab:${tabId}`);
  assert.equal(tabState.status, 'done');
  assert.equal(tabState.changes ?? null, null, 'the tab shows no changes');
  const dismissed = await stored(firefox, 'local', key);
  assert.equal(dismissed.changes.dismissed, true);
  assert.deepEqual(dismissed.changes.items, expected);
  await openPopup(tabId);
  assert.equal((await driver.findElements(By.css('.pl-changes'))).length, 0, 'still gone in a new popup');
  assert.equal(await driver.findElement(By.css('.pl-selling')).getAttribute('data-verdict'), 'sells');

  await closeTabs(firefox);
});
