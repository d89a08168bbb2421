// The release extension (dist/firefox) in headless Firefox ESR via geckodriver: visit local shops, check the badge and the popup (verdicts, readings; a terms page is no policy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, until } from 'selenium-webdriver';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startRoutes, startShop, termsShopRoutes } from './shop-site.mjs';
import { useMessages } from '../../extension/src/i18n.js';
import { requestMailto } from '../../extension/src/request.js';
import { closeTabs, launchFirefox, TIMEOUT_MS, visit } from './firefox-browser.mjs';

let firefox;
let driver;
const shops = {};

before(async () => {
  for (const shop of ['calijewelz.com', 'crypjama.com']) shops[shop] = await startShop(shop);
  shops.terms = await startRoutes(await termsShopRoutes('fernleaf-candles.example'));
  shops.gpc = await startShop('worldmarket.com');
  firefox = await launchFirefox();
  driver = firefox.driver;
});

after(async () => {
  await firefox?.close();
  await Promise.all(Object.values(shops).map((s) => s.close()));
});

for (const [shop, expectations] of Object.entries({
  'calijewelz.com': { links: ['http://www.aboutads.info/'], chips: ['Cookies', 'Do Not Track: not mentioned'], reading: /^policylens reads this as shared for others' marketing: / },
  'crypjama.com': {
    links: ['http://www.aboutads.info/choices/', 'http://www.networkadvertising.org/choices/', 'https://tools.google.com/dlpage/gaoptout'],
    chips: ['Google Analytics', 'Shopify Analytics', 'Do Not Track: not honored'],
    reading: /^policylens reads this as CCPA sale or sharing: /,
  },
})) {
  test(`${shop} in Firefox: badge and popup verdicts`, async () => {
    const origin = shops[shop].origin;
    const found = await visit(firefox, `${origin}/`);
    assert.equal(found.state.status, 'done');
    assert.equal(found.state.policyUrl, `${origin}/policies/privacy-policy`);
    assert.equal(found.state.report.selling.verdict, 'sells');
    assert.equal(found.badge.text, 'SELL');
    assert.match(found.badge.title, /sells your personal data/);

    await driver.get(firefox.extensionPage(`popup.html?tab=${found.tabId}`));
    await driver.wait(until.elementLocated(By.css('body[data-status="done"]')), TIMEOUT_MS);
    assert.equal(await driver.findElement(By.css('.pl-selling')).getAttribute('data-verdict'), 'sells');
    assert.equal(await driver.findElement(By.css('.pl-verdict')).getText(), 'Sells or shares your data');
    const chips = await Promise.all((await driver.findElements(By.css('.pl-tracking .pl-chip'))).map((chip) => chip.getText()));
    for (const expected of expectations.chips) assert.ok(chips.some((c) => c.endsWith(expected)), `chip "${expected}" in ${JSON.stringify(chips)}`);
    const links = await Promise.all((await driver.findElements(By.css('.pl-opt-out a'))).map((a) => a.getAttribute('href')));
    for (const expected of expectations.links) assert.ok(links.includes(expected), `opt-out link ${expected} in ${JSON.stringify(links)}`);
    const readings = await Promise.all((await driver.findElements(By.css('.pl-selling .pl-quote .pl-reading'))).map((r) => r.getText()));
    assert.ok(readings.some((r) => expectations.reading.test(r)), `a selling quote's reading in ${JSON.stringify(readings)}`);
    // An opt-out request to the first address: a mailto: with policylens's subject and body only.
    useMessages(JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8')));
    const item = await driver.findElement(By.css('.pl-request-item'));
    await item.findElement(By.css('.pl-request-toggle')).click();
    await item.findElement(By.css('input[value="delete"]')).click();
    const address = found.state.report.opt_out.emails[0];
    assert.equal(await item.findElement(By.css('a.pl-request-open')).getAttribute('href'),
      requestMailto({ address, site: found.state.site, kind: 'delete', report: found.state.report }));

    await closeTabs(firefox);
  });
}

test('a shop whose privacy link leads to its Terms of Service, in Firefox: not-a-policy badge and popup', async () => {
  const origin = shops.terms.origin;
  const found = await visit(firefox, `${origin}/`);
  assert.equal(found.state.status, 'not-policy');
  assert.equal(found.state.policyUrl, `${origin}/policies/terms-of-service`);
  const reason = found.state.report.document.reason;
  assert.match(reason, /terms page that points to a separate privacy policy/);
  assert.equal(found.badge.text, '–');
  assert.equal(found.badge.title, `policylens: the linked page does not read like a privacy policy: ${reason}`);

  await driver.get(firefox.extensionPage(`popup.html?tab=${found.tabId}`));
  await driver.wait(until.elementLocated(By.css('body[data-status="not-policy"]')), TIMEOUT_MS);
  assert.equal(await driver.findElement(By.css('.pl-notice-title')).getText(), 'The page policylens read is not a privacy policy.');
  assert.equal(await driver.findElement(By.css('.pl-reason')).getText(), reason);
  assert.equal((await driver.findElements(By.css('.pl-selling, .pl-verdict'))).length, 0, 'no verdict');

  await closeTabs(firefox);
});

test('Firefox without Global Privacy Control, on a shop that honors it: the popup says where to turn it on', async () => {
  const en = JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8'));
  const found = await visit(firefox, `${shops.gpc.origin}/`);
  assert.equal(found.state.gpc, false);
  await driver.get(firefox.extensionPage(`popup.html?tab=${found.tabId}`));
  await driver.wait(until.elementLocated(By.css('body[data-status="done"] .pl-gpc')), TIMEOUT_MS);
  assert.equal(await driver.findElement(By.css('.pl-gpc')).getAttribute('data-gpc'), 'off');
  assert.equal(await driver.findElement(By.css('.pl-gpc-status')).getText(), en.gpcOff.message);
  assert.equal(await driver.findElement(By.css('.pl-gpc-how')).getText(), en.gpcHowFirefox.message);
  await closeTabs(firefox);
});
