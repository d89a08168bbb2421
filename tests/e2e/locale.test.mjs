// The extension in another language (Spanish): the popup, the badge and the options page in Chromium (--lang=es) and Firefox ESR (intl.locale.requested, with the Spanish language pack): real Spanish strings, no English left in them, no `__MSG_`, no empty labels; and the messages render.js falls back to on www/ give what the browser's own i18n gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { ROOT, shopRoutes, startRoutes, startSites, termsShopRoutes } from './shop-site.mjs';
import { badge, launchChromium, openPopup, settledTab } from './extension-browser.mjs';
import { closeTabs, launchFirefox, TIMEOUT_MS, visit } from './firefox-browser.mjs';
import { auditLocalized } from './localized.mjs';

const SHOP = 'crypjama.com';
/** A shop whose privacy link leads to its Terms of Service: the reason it is no policy, in Spanish. */
const TERMS_SHOP = 'fernleaf-candles.example';
const messages = async (locale) => JSON.parse(await readFile(join(ROOT, `extension/src/_locales/${locale}/messages.json`), 'utf8'));

let en;
let es;
let sites;

before(async () => {
  [en, es] = await Promise.all([messages('en'), messages('es')]);
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP), [TERMS_SHOP]: await termsShopRoutes(TERMS_SHOP) });
});

after(async () => {
  await sites?.close();
});

/** What a Spanish popup on crypjama.com must show (its verdict, headings, chips, buttons), and English it must not. */
function assertSpanishPopup({ lang, text, problems }) {
  assert.deepEqual(problems, [], 'every label localized');
  assert.equal(lang, 'es');
  for (const spanish of [es.verdict_sells.message, es.sellingHeading.message, es.trackingHeading.message, es.optOutHeading.message,
    es.reanalyze.message, 'Do Not Track: no respetado', es.tracker_targeted_advertising.message, es.mechanism_reply_stop.message]) {
    assert.ok(text.toLowerCase().includes(spanish.toLowerCase()), `"${spanish}" in the popup`);
  }
  // No English message left: every English text of a few words that Spanish says otherwise (placeholders aside).
  const englishOnly = Object.keys(en).map((key) => en[key].message)
    .filter((message, i) => message.includes(' ') && !message.includes('$') && message !== es[Object.keys(en)[i]]?.message);
  for (const english of englishOnly) assert.ok(!text.includes(english), `no English "${english}" left in the popup`);
  assert.ok(!text.includes('Why?'));
}

/** What the Spanish options page must show, with one shop read (crypjama.com, which sells). */
function assertSpanishOptions({ lang, title, text, problems }) {
  assert.deepEqual(problems, [], 'every label localized');
  assert.equal(lang, 'es');
  assert.equal(title, es.sitesTitle.message);
  for (const key of ['sitesHeading', 'sitesExportCsv', 'sitesForgetAll', 'verdict_sells', 'sitesNoChanges', 'sitesForget']) {
    assert.ok(text.toLowerCase().includes(es[key].message.toLowerCase()), `"${es[key].message}" in the options page`);
  }
  for (const key of ['sitesHeading', 'sitesExportCsv', 'sitesForgetAll', 'verdict_sells', 'sitesIntro']) assert.ok(!text.includes(en[key].message), `no English "${en[key].message}"`);
}

test('Chromium in Spanish (--lang=es): the badge tooltip and the popup are in Spanish', async () => {
  const chromium = await launchChromium({ hostRules: sites.hostRules, args: ['--lang=es'] });
  try {
    const { context, worker, extensionId } = chromium;
    const page = await context.newPage();
    await page.goto(`http://${SHOP}/`);
    const [tabId, state] = await settledTab(worker, page.url());
    assert.equal(state.status, 'done');
    const { text, title } = await badge(worker, tabId);
    assert.equal(text, 'SELL');
    assert.equal(title, `policylens: ${es.badge_sells.message}`);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    const audit = await popup.evaluate(auditLocalized, Object.keys(en));
    assertSpanishPopup(audit);
    assert.match(audit.text, /¿Por qué\? \(\d+ frases?\)/);
    assert.match(audit.text, /policylens lo lee como/);

    // The fallback that www/ uses (i18n.js's formatMessage over messages.json) gives what Chromium's own i18n gives, for every message.
    const mismatches = await popup.evaluate(async (names) => {
      const { formatMessage } = await import('./i18n.js');
      const bundled = await (await fetch('_locales/es/messages.json')).json();
      const subs = ['A$1', 'B', 'C'];
      return names.filter((name) => chrome.i18n.getMessage(name, subs) !== formatMessage(bundled[name], subs));
    }, Object.keys(es));
    assert.deepEqual(mismatches, []);
    await popup.close();

    // The options page, in Spanish too.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('body[data-status="ready"]');
    assertSpanishOptions(await options.evaluate(auditLocalized, Object.keys(en)));
    await options.close();
    await page.close();

    // A Terms page: the reader's reason code, said in Spanish in the badge tooltip and the popup.
    const terms = await context.newPage();
    await terms.goto(`http://${TERMS_SHOP}/`);
    const [termsTab, termsState] = await settledTab(worker, terms.url());
    assert.equal(termsState.status, 'not-policy');
    assert.equal(termsState.report.document.reason_code, 'terms_page');
    const termsBadge = await badge(worker, termsTab);
    assert.ok(termsBadge.title.includes(es.reason_terms_page.message), termsBadge.title);
    assert.ok(!termsBadge.title.includes(termsState.report.document.reason), 'not the reader\'s English words');
    const termsPopup = await openPopup(context, extensionId, termsTab, 'not-policy');
    assert.equal(await termsPopup.locator('.pl-reason').textContent(), es.reason_terms_page.message);
    await termsPopup.close();
    await terms.close();
  } finally {
    await chromium.close();
  }
});

test('Firefox ESR in Spanish (intl.locale.requested = es-ES): the badge tooltip and the popup are in Spanish', async () => {
  const firefox = await launchFirefox({ prefs: { 'intl.locale.requested': 'es-ES' } });
  try {
    const { driver } = firefox;
    // Firefox resolves no custom names: the shop is served on 127.0.0.1, on a server of its own.
    const shop = await startRoutes(await shopRoutes(SHOP));
    try {
      const { tabId, state, badge: shown } = await visit(firefox, `${shop.origin}/`);
      assert.equal(state.status, 'done');
      assert.equal(shown.text, 'SELL');
      assert.equal(shown.title, `policylens: ${es.badge_sells.message}`);
      await driver.get(firefox.extensionPage(`popup.html?tab=${tabId}`));
      await driver.wait(until.elementLocated(By.css('body[data-status="done"]')), TIMEOUT_MS);
      await driver.executeScript(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const audit = await driver.executeScript(auditLocalized, Object.keys(en));
      assertSpanishPopup(audit);
      await driver.get(firefox.extensionPage('options.html'));
      await driver.wait(until.elementLocated(By.css('body[data-status="ready"]')), TIMEOUT_MS);
      assertSpanishOptions(await driver.executeScript(auditLocalized, Object.keys(en)));
      await closeTabs(firefox);
    } finally {
      await shop.close();
    }
  } finally {
    await firefox.close();
  }
});
