// The release extension (dist/chrome, with the wasm-opt'ed wasm) in headless Chromium: visit local shops, check the badge and the popup (verdicts, quotes and their readings; a terms page is no policy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startRoutes, startShop, termsShopRoutes, updateDocsPicture } from './shop-site.mjs';
import { readFile } from 'node:fs/promises';
import { useMessages } from '../../extension/src/i18n.js';
import { requestMailto } from '../../extension/src/request.js';

const EXTENSION = join(ROOT, 'dist/chrome');
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const TIMEOUT_MS = 20_000;
const SHOPS = ['calijewelz.com', 'crypjama.com'];
/** A shop whose footer's privacy link leads to its Terms of Service, which points to a separate privacy policy. */
const TERMS_SHOP = 'fernleaf-candles.example';
/** A shop (calijewelz's pages) whose only page visited has no privacy link, and whose policy was never read. */
const UNREAD_SHOP = 'unread-shop.example';
/** Each shop is served on 127.0.0.1; Chromium resolves its real name there, so the popup shows the shop's name. */
const shopUrl = (shop, path = '/') => `http://${shop}${path}`;

let context;
let profile;
let worker;
let extensionId;
const shops = {};

before(async () => {
  for (const shop of SHOPS) shops[shop] = await startShop(shop);
  shops[TERMS_SHOP] = await startRoutes(await termsShopRoutes(TERMS_SHOP));
  shops[UNREAD_SHOP] = await startShop('calijewelz.com');
  const hostRules = [...SHOPS, TERMS_SHOP, UNREAD_SHOP].map((shop) => `MAP ${shop} ${new URL(shops[shop].origin).host}`).join(', ');
  profile = await mkdtemp(join(tmpdir(), 'policylens-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      `--host-resolver-rules=${hostRules}`,
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await context?.close();
  await Promise.all(Object.values(shops).map((s) => s.close()));
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Wait until the background holds a settled state for a tab showing pageUrl; returns [tabId, state]. */
async function settledTab(pageUrl) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    // Tab ids are not visible to Playwright; the background's tab map (storage.session) names them.
    const found = await worker.evaluate(async (url) => {
      const site = new URL(url).origin;
      const all = await chrome.storage.session.get(null);
      const [tabId, state] = Object.entries(all)
        .filter(([key, state]) => key.startsWith('tab:') && state.site === site && state.status !== 'analyzing')
        .map(([key, state]) => [Number(key.slice(4)), state])
        .pop() ?? [];
      if (tabId === undefined) return null;
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.id === tabId);
      return tab ? [tabId, state] : null;
    }, pageUrl);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no settled analysis for ${pageUrl}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function badge(tabId) {
  return worker.evaluate(async (tabId) => ({
    text: await chrome.action.getBadgeText({ tabId }),
    title: await chrome.action.getTitle({ tabId }),
  }), tabId);
}

async function openPopup(tabId, status = 'done') {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 404, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector(`body[data-status="${status}"]`, { timeout: TIMEOUT_MS });
  return popup;
}

/** Open the shop's home page and wait for its policy (found through the footer link) to be read. */
async function visitHome(shop) {
  const page = await context.newPage();
  await page.goto(shopUrl(shop));
  const [tabId, state] = await settledTab(page.url());
  return { page, tabId, state };
}

test('calijewelz.com: the home page links to a policy that says it sells data', async () => {
  const { page, tabId, state } = await visitHome('calijewelz.com');
  assert.equal(state.status, 'done');
  assert.equal(state.policyUrl, shopUrl('calijewelz.com', '/policies/privacy-policy'));
  assert.equal(state.report.selling.verdict, 'sells');
  const { text, title } = await badge(tabId);
  assert.equal(text, 'SELL');
  assert.match(title, /sells your personal data/);

  const popup = await openPopup(tabId);
  assert.equal(await popup.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  assert.equal(await popup.locator('.pl-verdict').textContent(), 'Sells or shares your data');
  assert.ok(await popup.locator('.pl-selling .pl-quote q').count() >= 1, 'the deciding sentence is quoted');
  // Each quote says, under it, what policylens read it to say; a quote with no reading has no reading line.
  const marketing = popup.locator('.pl-selling li.pl-quote', { hasText: 'These companies and organizations may use the information we share' });
  assert.equal(await marketing.count(), 1);
  const reading = state.report.selling.evidence.find((q) => q.text.startsWith('These companies and organizations')).reading;
  assert.match(reading, /^shared for others' marketing: /);
  assert.equal(await marketing.locator('.pl-reading').textContent(), `policylens reads this as ${reading}`);
  assert.match(await marketing.locator('.pl-reading strong').textContent(), /^shared for others' marketing:$/);
  for (const quote of state.report.selling.evidence) {
    const item = popup.locator('.pl-selling li.pl-quote', { has: popup.locator('q', { hasText: quote.text }) });
    assert.equal(await item.locator('.pl-reading').count(), quote.reading ? 1 : 0, `a reading line only where the report has one: ${quote.text}`);
  }
  // The reading is the renderer's own line, set apart from the quote (not inside the <q>).
  assert.equal(await popup.locator('.pl-selling q .pl-reading, .pl-selling q strong').count(), 0);
  assert.equal(await popup.locator('.pl-statements').count(), 0, 'the popup stays compact: no statements list');
  assert.equal(await popup.locator('.pl-opt-out a[href="http://www.aboutads.info/"]').count(), 1);
  assert.equal(await popup.locator('.pl-opt-out a[href="mailto:CaliJewelz@gmail.com"]').count(), 1);
  assert.equal(await popup.locator('#site a').getAttribute('href'), state.policyUrl);
  await popup.close();
  await page.close();
});

test('crypjama.com: verdict, trackers, Do Not Track and clickable opt-out links in the popup', async () => {
  const { page, tabId, state } = await visitHome('crypjama.com');
  assert.equal(state.status, 'done');
  assert.equal((await badge(tabId)).text, 'SELL');
  // The policy page was fetched and parsed inert: its script (which retitles the page) never ran.
  assert.equal(state.report.document.title, 'Privacy policy – crypjama.com');

  const popup = await openPopup(tabId);
  const verdict = popup.locator('.pl-selling');
  assert.equal(await verdict.getAttribute('data-verdict'), 'sells');
  assert.match(await verdict.textContent(), /WE DO SHARE SOME PERSONAL INFORMATION WITH THIRD PARTIES/);

  const chips = await popup.locator('.pl-tracking .pl-chip').allTextContents();
  for (const expected of ['Cookies', 'Analytics', 'Targeted ads', 'Google Analytics', 'Shopify Analytics', 'Do Not Track: not honored']) {
    assert.ok(chips.includes(expected), `chip "${expected}" in ${JSON.stringify(chips)}`);
  }
  assert.equal(await popup.locator('.pl-tracking').getAttribute('data-do-not-track'), 'not_honored');
  // The readings: the CCPA sentence in the selling evidence, each named service in the tracking "Why?".
  assert.match(await verdict.locator('.pl-reading').first().textContent(), /^policylens reads this as CCPA sale or sharing: /);
  await popup.locator('.pl-tracking details').evaluate((d) => { d.open = true; });
  const serviceReadings = await popup.locator('.pl-tracking .pl-reading').allTextContents();
  for (const service of ['Google Analytics', 'Shopify Analytics']) {
    assert.ok(serviceReadings.includes(`policylens reads this as service: the site uses ${service} (analytics)`), JSON.stringify(serviceReadings));
  }
  await popup.locator('.pl-tracking details').evaluate((d) => { d.open = false; });

  const links = await popup.locator('.pl-opt-out a').evaluateAll((as) => as.map((a) => a.href));
  for (const expected of ['http://www.aboutads.info/choices/', 'http://www.networkadvertising.org/choices/', 'https://tools.google.com/dlpage/gaoptout']) {
    assert.ok(links.includes(expected), `opt-out link ${expected} in ${JSON.stringify(links)}`);
  }
  assert.ok(links.includes('mailto:contact@crypjama.com'));
  assert.ok(links.every((href) => /^(https?|mailto):/.test(href)), 'only http(s) and mailto links are clickable');
  // A URL without a scheme is shown, but not as a link.
  assert.equal(await popup.locator('.pl-opt-out .pl-plain', { hasText: /^www\.networkadvertising\.org$/ }).count(), 1);

  await popup.screenshot({ path: join(ARTIFACTS, 'popup-crypjama.png') });
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await updateDocsPicture(join(ARTIFACTS, 'popup-crypjama.png'), 'popup.png');
  await popup.close();
  await page.close();
});

test('an opt-out request: for each address a choice of request, and a mailto: link with the subject and body policylens writes', async () => {
  useMessages(JSON.parse(await readFile(join(ROOT, 'extension/src/_locales/en/messages.json'), 'utf8')));
  const { page, tabId, state } = await visitHome('crypjama.com');
  const popup = await openPopup(tabId);
  const section = popup.locator('.pl-request');
  assert.deepEqual(await section.locator('.pl-request-address').allTextContents(), state.report.opt_out.emails);
  const item = section.locator('.pl-request-item').first();
  const toggle = item.locator('.pl-request-toggle');
  assert.equal(await toggle.getAttribute('aria-label'), 'Write an opt-out request to contact@crypjama.com');
  assert.equal(await item.locator('.pl-request-form').isVisible(), false);
  await toggle.press('Enter'); // keyboard-usable
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await item.locator('legend').textContent(), 'What do you want to ask contact@crypjama.com?');
  assert.deepEqual(await item.locator('label').allTextContents(), [' Opt out of the sale and sharing of my data (CCPA/CPRA)', ' Unsubscribe me from marketing',
    ' Delete my data', ' Object to direct marketing (UK/EU GDPR Art. 21)']);
  assert.equal(await item.locator('a').isVisible(), false, 'no link before a choice');
  for (const kind of ['ccpa_opt_out', 'unsubscribe', 'delete', 'gdpr_object']) {
    await item.locator(`input[value="${kind}"]`).check();
    const href = await item.locator('a.pl-request-open').getAttribute('href');
    assert.equal(href, requestMailto({ address: 'contact@crypjama.com', site: state.site, kind, report: state.report }));
    const url = new URL(href);
    assert.equal(url.pathname, 'contact@crypjama.com');
    assert.deepEqual([...url.searchParams.keys()], ['subject', 'body']);
  }
  await item.locator('input[value="ccpa_opt_out"]').check();
  const url = new URL(await item.locator('a.pl-request-open').getAttribute('href'));
  // crypjama asks for "CALIFORNIA PRIVACY" in the subject line and a name and street address:
  // the reader finds that (report.opt_out.request) and the request follows it.
  assert.equal(state.report.opt_out.request.subject, 'CALIFORNIA PRIVACY');
  assert.deepEqual(state.report.opt_out.request.include, ['name', 'address']);
  assert.equal(url.searchParams.get('subject'), 'CALIFORNIA PRIVACY: Do Not Sell or Share My Personal Information – crypjama.com');
  assert.match(url.searchParams.get('body'), /^Hello,\r\n\r\nUnder the California Consumer Privacy Act/);
  assert.match(url.searchParams.get('body'), /\r\nPostal address: \[/);
  await item.locator('details').evaluate((d) => { d.open = true; });
  assert.equal(await item.locator('.pl-request-body').textContent(), url.searchParams.get('body'), 'the preview is the message');
  await section.evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await popup.screenshot({ path: join(ARTIFACTS, 'popup-request.png') });
  await updateDocsPicture(join(ARTIFACTS, 'popup-request.png'), 'popup-request.png');
  await popup.close();
  await page.close();
});

test('on the policy page itself: read in place, and "Show" selects the sentence in the page', async () => {
  const page = await context.newPage();
  await page.goto(shopUrl('crypjama.com', '/policies/privacy-policy'));
  const [tabId, state] = await settledTab(page.url());
  assert.equal(state.status, 'done');
  assert.equal(state.policyUrl, page.url());
  assert.equal(state.report.selling.verdict, 'sells');

  const popup = await openPopup(tabId);
  const quote = await popup.locator('.pl-selling .pl-quote q').first().textContent();
  await popup.locator('.pl-selling .pl-show').first().click();
  await page.waitForFunction((q) => getSelection().toString().replace(/\s+/g, ' ').trim() === q, quote, { timeout: 5000 });
  await popup.close();
  await page.close();
});

test('Re-analyze forgets the cached report and reads the policy again', async () => {
  const { page, tabId } = await visitHome('crypjama.com');
  const savedAt = () => worker.evaluate(async () => (await chrome.storage.local.get('site:http://crypjama.com'))['site:http://crypjama.com']?.savedAt);
  const before = await savedAt();
  assert.ok(before, 'the report is cached for the site');
  const popup = await openPopup(tabId);
  await popup.locator('#reanalyze').press('Enter'); // keyboard-usable
  const deadline = Date.now() + TIMEOUT_MS;
  while (!((await savedAt()) > before)) {
    assert.ok(Date.now() < deadline, 'the policy was analyzed again, not taken from the cache');
    await new Promise((r) => setTimeout(r, 100));
  }
  await popup.waitForSelector('body[data-status="done"] .pl-selling[data-verdict="sells"]', { timeout: TIMEOUT_MS });
  assert.equal((await badge(tabId)).text, 'SELL');
  await popup.close();
  await page.close();
});

test('a page without a privacy link, on a site never read: badge and popup say no policy was found', async () => {
  const page = await context.newPage();
  await page.goto(shopUrl(UNREAD_SHOP, '/pages/about'));
  const [tabId, state] = await settledTab(page.url());
  assert.equal(state.status, 'no-policy');
  const { text, title } = await badge(tabId);
  assert.equal(text, '–');
  assert.match(title, /no privacy policy link/);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-status="no-policy"]', { timeout: TIMEOUT_MS });
  assert.match(await popup.locator('#content').textContent(), /No privacy policy found on this page/);
  await popup.close();
  await page.close();
});

test('a shop whose privacy link leads to its Terms of Service: not-a-policy badge and popup, never a verdict', async () => {
  const { page, tabId, state } = await visitHome(TERMS_SHOP);
  assert.equal(state.status, 'not-policy');
  assert.equal(state.policyUrl, shopUrl(TERMS_SHOP, '/policies/terms-of-service'));
  assert.equal(state.report.document.is_policy, false);
  const reason = state.report.document.reason;
  assert.match(reason, /terms page that points to a separate privacy policy/);

  const { text, title } = await badge(tabId);
  assert.equal(text, '–', 'the not-a-policy badge');
  assert.equal(title, `policylens: the linked page does not read like a privacy policy: ${reason}`);

  const popup = await openPopup(tabId, 'not-policy');
  const content = popup.locator('#content');
  assert.equal(await content.locator('.pl-notice-title').textContent(), 'The page policylens read is not a privacy policy.');
  assert.equal(await content.locator('.pl-reason').textContent(), reason);
  assert.equal(await content.locator('.pl-selling, .pl-verdict, .pl-tracking, .pl-opt-out').count(), 0, 'no verdict, no findings');
  const link = popup.locator('#site a');
  assert.equal(await link.getAttribute('href'), state.policyUrl);
  assert.equal(await link.textContent(), 'the page read', 'the terms page is not called a privacy policy');
  await popup.screenshot({ path: join(ARTIFACTS, 'popup-terms.png') });
  await popup.close();
  await page.close();
});
