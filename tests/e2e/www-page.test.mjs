// The www/ paste page in headless Chromium: paste crypjama's policy, check the verdicts and the marked sentences; load a bundled example.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startStatic } from './shop-site.mjs';

const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const TIMEOUT_MS = 20_000;

let browser;
let server;
let page;
const requests = [];
const pageErrors = [];

before(async () => {
  server = await startStatic(join(ROOT, 'www'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  await server?.close();
});

test('pasted crypjama.com policy: verdicts, and the deciding sentences marked in the text', async () => {
  const text = await readFile(join(ROOT, 'tests/fixtures/crypjama.com.txt'), 'utf8');
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.getElementById('version').textContent.startsWith('policylens'), null, { timeout: TIMEOUT_MS });
  await page.fill('#policy', text);
  await page.click('#analyze');
  await page.waitForSelector('#output:not([hidden]) .pl-selling', { timeout: TIMEOUT_MS });

  assert.equal(await page.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  assert.equal(await page.locator('.pl-verdict').textContent(), 'Sells or shares your data');
  assert.equal(await page.locator('.pl-tracking').getAttribute('data-do-not-track'), 'not_honored');
  const chips = await page.locator('.pl-tracking .pl-chip').allTextContents();
  assert.ok(chips.includes('Google Analytics') && chips.includes('Shopify Analytics'), JSON.stringify(chips));
  assert.equal(await page.locator('.pl-opt-out a[href="https://tools.google.com/dlpage/gaoptout"]').count(), 1);

  // The text is shown whole, and the selling sentence (found by its UTF-8 byte offsets) is in a <mark>.
  assert.equal(await page.locator('#text').textContent(), text);
  const marks = await page.locator('#text mark').allTextContents();
  const sellingQuote = await page.locator('.pl-selling .pl-quote q').first().textContent();
  assert.ok(marks.some((mark) => mark.includes(sellingQuote)), 'the selling sentence is marked');
  // Byte offsets past a non-ASCII character ("“SALE”", "’") still land on the right characters.
  assert.ok(marks.some((mark) => mark.includes('Because uniform standards for “Do Not Track” signals')), 'the Do Not Track sentence is marked');

  await page.locator('.pl-selling .pl-show').first().click();
  const current = page.locator('#text mark.current');
  assert.ok((await current.textContent()).includes(sellingQuote), '"Show" picks out the sentence');
  await page.screenshot({ path: join(ARTIFACTS, 'www.png') });

  const foreign = requests.filter((url) => !url.startsWith(server.origin));
  assert.deepEqual(foreign, [], 'the page loads nothing but its own files');
});

test('bundled example (calijewelz.com) loads and is analyzed', async () => {
  await page.click('button[data-example="calijewelz.com"]');
  await page.waitForFunction(() => document.getElementById('policy').value.includes('Cali Jewelz'), null, { timeout: TIMEOUT_MS });
  await page.waitForFunction(() => document.getElementById('text').textContent.includes('Cali Jewelz'), null, { timeout: TIMEOUT_MS });
  assert.equal(await page.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  assert.equal(await page.locator('.pl-opt-out a[href="mailto:CaliJewelz@gmail.com"]').count(), 1);
});

test('text that is not a privacy policy: no verdicts, only "not a privacy policy"', async () => {
  await page.fill('#policy', 'Gold hoop earrings, $39. Silver chain, $25. Free shipping on orders over $50. Sign up for our newsletter!');
  await page.click('#analyze');
  await page.waitForSelector('.pl-not-policy', { timeout: TIMEOUT_MS });
  assert.match(await page.locator('#report').textContent(), /This page is not a privacy policy/);
  assert.equal(await page.locator('.pl-selling').count(), 0, 'no verdicts are shown');
});
