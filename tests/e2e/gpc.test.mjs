// Global Privacy Control: the popup says whether the browser sends it, and where the policy honors it and the browser does not, how to turn it on; Chromium (no GPC of its own; a page claiming it in its own world changes nothing) and Firefox ESR with privacy.globalprivacycontrol.enabled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { ROOT, shopRoutes, startRoutes, startSites } from './shop-site.mjs';
import { contentScriptWorld, launchChromium, openPopup, settledTab } from './extension-browser.mjs';
import { closeTabs, launchFirefox, TIMEOUT_MS, visit } from './firefox-browser.mjs';

/** A policy that says the site honors GPC (and sells: a CCPA "sale"). */
const SHOP = 'worldmarket.com';
/** The same shop, whose home page claims GPC in the page's own world before the content script runs. */
const FORGER = 'gpc-forger.example';

let en;
let sites;

before(async () => {
  en = JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8'));
  const forger = await shopRoutes(SHOP);
  forger['/'] = forger['/'].replace('<body>', `<body><script>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    window.claimedGpc = navigator.globalPrivacyControl;</script>`);
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP), [FORGER]: forger });
});

after(async () => {
  await sites?.close();
});

test('Chromium sends no GPC: the popup says so and, since the policy honors it, that Chrome has no setting for it', async () => {
  const chromium = await launchChromium({ hostRules: sites.hostRules });
  try {
    const { context, worker, extensionId } = chromium;
    for (const host of [SHOP, FORGER]) {
      const page = await context.newPage();
      await page.goto(`http://${host}/`);
      const [tabId, state] = await settledTab(worker, page.url());
      assert.equal(state.status, 'done');
      assert.ok(state.report.opt_out.mechanisms.includes('gpc'), 'the policy honors GPC');
      assert.equal(state.gpc, false, `${host}: the content script saw no GPC`);
      if (host === FORGER) {
        // The page's own world believes its forgery; the content script's world still reads the browser's (absent) property.
        assert.equal(await page.evaluate(() => window.claimedGpc), true);
        const inContentScript = await contentScriptWorld(context, page);
        assert.equal(await inContentScript('navigator.globalPrivacyControl ?? null'), null);
      }
      const popup = await openPopup(context, extensionId, tabId);
      const gpc = popup.locator('.pl-gpc');
      assert.equal(await gpc.getAttribute('data-gpc'), 'off');
      assert.equal(await gpc.locator('.pl-gpc-status').textContent(), en.gpcOff.message);
      assert.equal(await gpc.locator('.pl-gpc-honored').textContent(), en.gpcHonored.message);
      assert.equal(await gpc.locator('.pl-gpc-how').textContent(), en.gpcHowChrome.message);
      assert.equal(await gpc.locator('a').count(), 0, 'no link to anything remote');
      await popup.close();
      await page.close();
    }
  } finally {
    await chromium.close();
  }
});

test('Firefox ESR with privacy.globalprivacycontrol.enabled: the popup says the browser sends GPC, and gives no how-to', async () => {
  const firefox = await launchFirefox({ prefs: { 'privacy.globalprivacycontrol.enabled': true } });
  const shop = await startRoutes(await shopRoutes(SHOP));
  try {
    const { driver } = firefox;
    const { tabId, state } = await visit(firefox, `${shop.origin}/`);
    assert.equal(state.status, 'done');
    assert.equal(state.gpc, true);
    await driver.get(firefox.extensionPage(`popup.html?tab=${tabId}`));
    await driver.wait(until.elementLocated(By.css('body[data-status="done"] .pl-gpc')), TIMEOUT_MS);
    const gpc = await driver.findElement(By.css('.pl-gpc'));
    assert.equal(await gpc.getAttribute('data-gpc'), 'on');
    assert.equal(await gpc.findElement(By.css('.pl-gpc-status')).getText(), en.gpcOn.message);
    assert.equal(await gpc.findElement(By.css('.pl-gpc-honored')).getText(), en.gpcHonored.message);
    assert.equal((await gpc.findElements(By.css('.pl-gpc-how'))).length, 0, 'nothing to turn on');
    await closeTabs(firefox);
  } finally {
    await shop.close();
    await firefox.close();
  }
});
