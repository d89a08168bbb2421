// The options page (every shop read on this device) in Chromium and Firefox ESR: it lists the shops read, search filters, sort works (also by keyboard), export downloads the CSV and JSON the builders make, forget removes a site (or all) from storage; light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { By, Key, until } from 'selenium-webdriver';
import { ROOT, shopRoutes, startRoutes, startShop, startSites, termsShopRoutes, updateDocsPicture } from './shop-site.mjs';
import { launchChromium, openPopup, settledTab, sleep, TIMEOUT_MS } from './extension-browser.mjs';
import { closeTabs, launchFirefox, visit } from './firefox-browser.mjs';
import { siteRow, sitesCsv } from '../../extension/src/sites.js';
import { useMessages } from '../../extension/src/i18n.js';

/** Four shops: two that sell, one that does not, one whose privacy link leads to its terms. */
const SHOPS = ['calijewelz.com', 'crypjama.com', 'amightygirl.com'];
const TERMS_SHOP = 'fernleaf-candles.example';

let en;
let sites;

before(async () => {
  en = JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8'));
  useMessages(en);
  const routes = Object.fromEntries(await Promise.all(SHOPS.map(async (shop) => [shop, await shopRoutes(shop)])));
  sites = await startSites({ ...routes, [TERMS_SHOP]: await termsShopRoutes(TERMS_SHOP) });
});

after(async () => {
  await sites?.close();
});

/** The rows the options page should show for these storage contents, newest first (as sites.js makes them). */
function expectedRows(stored) {
  return Object.entries(stored.sites).sort((a, b) => b[1] - a[1]).map(([site]) => siteRow(site, stored[`site:${site}`]));
}

test('Chromium: the options page lists every shop read; search, sort, export, forget; light and dark', async () => {
  const chromium = await launchChromium({ hostRules: sites.hostRules });
  try {
    const { context, worker, extensionId } = chromium;
    let lastTab;
    for (const shop of [...SHOPS, TERMS_SHOP]) {
      const page = await context.newPage();
      await page.goto(`http://${shop}/`);
      [lastTab] = await settledTab(worker, page.url());
      if (shop !== TERMS_SHOP) await page.close();
    }
    // The popup's link opens the options page.
    const popup = await openPopup(context, extensionId, lastTab, 'not-policy');
    const [options] = await Promise.all([context.waitForEvent('page'), popup.locator('#all-sites').click()]);
    await options.waitForURL(`chrome-extension://${extensionId}/options.html`);
    await popup.close();
    await options.setViewportSize({ width: 1100, height: 640 });
    await options.waitForSelector('body[data-status="ready"]');

    const stored = await worker.evaluate(() => chrome.storage.local.get(null));
    const hosts = () => options.locator('tbody td.site').allTextContents();
    assert.deepEqual(await hosts(), ['fernleaf-candles.example', 'amightygirl.com', 'crypjama.com', 'calijewelz.com'], 'newest first');
    assert.equal(await options.locator('th[aria-sort="descending"]').getAttribute('data-column'), 'savedAt');
    const row = (host) => options.locator('tbody tr', { has: options.locator('td.site', { hasText: host }) });
    assert.equal(await row('crypjama.com').locator('.verdict').textContent(), en.verdict_sells.message);
    assert.equal(await row('amightygirl.com').locator('.verdict').textContent(), en.verdict_does_not_sell.message);
    assert.equal(await row(TERMS_SHOP).locator('.verdict').textContent(), en.sitesNotPolicy.message);
    assert.equal(await row('crypjama.com').locator('a').getAttribute('href'), 'http://crypjama.com/policies/privacy-policy');
    assert.equal(await row('crypjama.com').locator('time').getAttribute('datetime'), new Date(stored['site:http://crypjama.com'].savedAt).toISOString());
    assert.equal(await row('crypjama.com').locator('td').nth(4).textContent(), en.sitesNoChanges.message);
    assert.ok((await options.locator('tbody a').evaluateAll((as) => as.map((a) => a.protocol))).every((p) => p === 'http:' || p === 'https:'));
    await mkdir(join(ROOT, 'tests/e2e/artifacts'), { recursive: true });
    await options.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/sites.png') });
    await updateDocsPicture(join(ROOT, 'tests/e2e/artifacts/sites.png'), 'sites.png');

    // Sort: by site (A–Z, then Z–A), by verdict (sells first); by keyboard.
    await options.locator('th[data-column="site"] button').click();
    assert.deepEqual(await hosts(), ['amightygirl.com', 'calijewelz.com', 'crypjama.com', 'fernleaf-candles.example']);
    assert.equal(await options.locator('th[data-column="site"]').getAttribute('aria-sort'), 'ascending');
    await options.locator('th[data-column="site"] button').focus();
    await options.keyboard.press('Enter');
    assert.deepEqual(await hosts(), ['fernleaf-candles.example', 'crypjama.com', 'calijewelz.com', 'amightygirl.com']);
    await options.locator('th[data-column="verdict"] button').click();
    assert.deepEqual(await hosts(), ['calijewelz.com', 'crypjama.com', 'amightygirl.com', 'fernleaf-candles.example']);

    // Search, typed from the keyboard: by site, and by verdict words.
    await options.locator('#search').focus();
    await options.keyboard.type('CRYP');
    assert.deepEqual(await hosts(), ['crypjama.com']);
    await options.locator('#search').fill('does not sell');
    assert.deepEqual(await hosts(), ['amightygirl.com']);
    await options.locator('#search').fill('nothing like it');
    assert.equal(await options.locator('#empty').textContent(), en.sitesNoMatch.message);
    await options.locator('#search').fill('');
    // Tab order: search, the two exports, forget all, then the sort buttons.
    await options.locator('#search').focus();
    const order = [];
    for (let i = 0; i < 5; i++) {
      await options.keyboard.press('Tab');
      order.push(await options.evaluate(() => document.activeElement.id || document.activeElement.dataset.sort));
    }
    assert.deepEqual(order, ['export-json', 'export-csv', 'forget-all', 'site', 'verdict']);

    // Export: the CSV downloaded is the one the builder makes of the rows shown (sorted by verdict).
    const [csvDownload] = await Promise.all([options.waitForEvent('download'), options.locator('#export-csv').click()]);
    assert.match(csvDownload.suggestedFilename(), /^policylens-sites-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    const byVerdict = ['calijewelz.com', 'crypjama.com', 'amightygirl.com', TERMS_SHOP].map((host) => siteRow(`http://${host}`, stored[`site:http://${host}`]));
    assert.equal(csv, sitesCsv(byVerdict));
    assert.match(csv.split('\r\n')[2], /^http:\/\/crypjama\.com,sells,/);
    assert.equal(await options.locator('#status').textContent(), '4 shops exported.');
    const [jsonDownload] = await Promise.all([options.waitForEvent('download'), options.locator('#export-json').click()]);
    const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    assert.deepEqual(json.sites.map((s) => s.site), byVerdict.map((r) => r.site));
    assert.deepEqual(json.sites[1].tracking.services, ['Google Analytics', 'Shopify Analytics']);

    // Forget one: gone from the page and from storage.
    await row('crypjama.com').locator('button', { hasText: en.sitesForget.message }).click();
    await options.waitForFunction(() => ![...document.querySelectorAll('td.site')].some((td) => td.textContent === 'crypjama.com'));
    let after = await worker.evaluate(() => chrome.storage.local.get(null));
    assert.equal(after['site:http://crypjama.com'], undefined);
    assert.equal(after.sites['http://crypjama.com'], undefined);
    assert.equal(Object.keys(after.sites).length, 3);
    assert.deepEqual(await hosts(), ['calijewelz.com', 'amightygirl.com', TERMS_SHOP]);

    // Light and dark.
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await options.emulateMedia({ colorScheme: 'light' });
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await options.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background(), 'rgb(13, 17, 23)');

    // Forget all, after a confirmation (Cancel first).
    await options.locator('#forget-all').click();
    assert.equal(await options.locator('#confirm').isVisible(), true);
    assert.equal(await options.evaluate(() => document.activeElement.id), 'confirm-no', 'the safe answer has the focus');
    await options.keyboard.press('Enter');
    assert.equal(await options.locator('#confirm').isVisible(), false);
    assert.equal((await hosts()).length, 3, 'nothing forgotten on Cancel');
    await options.locator('#forget-all').click();
    await options.locator('#confirm-yes').click();
    await options.waitForSelector('#empty:not([hidden])');
    assert.equal(await options.locator('#empty').textContent(), en.sitesNone.message);
    after = await worker.evaluate(() => chrome.storage.local.get(null));
    assert.deepEqual(Object.keys(after).filter((key) => key.startsWith('site:')), []);
    await options.close();
  } finally {
    await chromium.close();
  }
});

test('Firefox ESR: the options page lists the shops read; search, sort, forget, and a real CSV download', async () => {
  const firefox = await launchFirefox();
  const shops = {};
  try {
    for (const shop of ['crypjama.com', 'amightygirl.com']) shops[shop] = await startShop(shop);
    const { driver, downloads } = firefox;
    for (const shop of Object.values(shops)) await visit(firefox, `${shop.origin}/`);
    await closeTabs(firefox);
    await driver.get(firefox.extensionPage('options.html'));
    await driver.wait(until.elementLocated(By.css('body[data-status="ready"]')), TIMEOUT_MS);
    // Read in one script run: the table re-renders on storage changes, so elements found one call
    // earlier may be gone by the next (a stale element reference).
    const hosts = () => driver.executeScript(() => [...document.querySelectorAll('tbody td.site')].map((td) => td.textContent.trim()));
    const [crypjama, amightygirl] = [shops['crypjama.com'], shops['amightygirl.com']].map((s) => new URL(s.origin).host);
    assert.deepEqual(await hosts(), [amightygirl, crypjama], 'newest first');
    const verdicts = await Promise.all((await driver.findElements(By.css('tbody .verdict'))).map((v) => v.getText()));
    assert.deepEqual(verdicts, [en.verdict_does_not_sell.message, en.verdict_sells.message]);

    // Sort by verdict: sells first.
    await driver.findElement(By.css('th[data-column="verdict"] button')).click();
    assert.deepEqual(await hosts(), [crypjama, amightygirl]);

    // A real download of the CSV (to the profile's download folder): what the builder makes of these rows.
    const stored = await driver.executeAsyncScript((done) => { browser.storage.local.get(null).then(done); });
    await driver.findElement(By.id('export-csv')).click();
    let files = [];
    for (const deadline = Date.now() + TIMEOUT_MS; !files.some((f) => f.endsWith('.csv')) && Date.now() < deadline; await sleep(100)) {
      files = (await readdir(downloads)).filter((f) => !f.endsWith('.part'));
    }
    const file = files.find((f) => f.endsWith('.csv'));
    assert.match(file ?? '', /^policylens-sites-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = [crypjama, amightygirl].map((host) => siteRow(`http://${host}`, stored[`site:http://${host}`]));
    assert.equal(await readFile(join(downloads, file), 'utf8'), sitesCsv(rows));

    // Search from the keyboard.
    await driver.findElement(By.id('search')).sendKeys('does not');
    assert.deepEqual(await hosts(), [amightygirl]);
    await driver.findElement(By.id('search')).sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    assert.equal((await hosts()).length, 2);

    // Forget one: gone from storage and the page.
    await driver.findElement(By.css(`tbody tr[data-site="http://${crypjama}"] button`)).click();
    await driver.wait(async () => (await hosts()).length === 1, TIMEOUT_MS);
    const after = await driver.executeAsyncScript((done) => { browser.storage.local.get(null).then(done); });
    assert.equal(after[`site:http://${crypjama}`], undefined);
    assert.deepEqual(Object.keys(after.sites), [`http://${amightygirl}`]);
  } finally {
    await firefox.close();
    await Promise.all(Object.values(shops).map((s) => s.close()));
  }
});
