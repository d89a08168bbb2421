// The www/ paste page in headless Chromium: paste crypjama's policy, check the verdicts, the readings, the statements list and the marked sentences; load a bundled example.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startStatic, updateDocsPicture } from './shop-site.mjs';

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

  // Beside each selling quote, what policylens read it to say.
  const sellingReadings = await page.locator('.pl-selling .pl-quote .pl-reading').allTextContents();
  assert.ok(sellingReadings.some((r) => r.startsWith('policylens reads this as CCPA sale or sharing: ')), JSON.stringify(sellingReadings));

  const foreign = requests.filter((url) => !url.startsWith(server.origin));
  assert.deepEqual(foreign, [], 'the page loads nothing but its own files');
});

/** The statement kinds that decide the selling verdict: the statements list shows them first. */
const DECIDING_KINDS = new Set(['sale_admission', 'ccpa_sale', 'marketing_disclosure', 'general_denial', 'limited_denial']);
/** How many statements the list shows before "and N more" (render.js). */
const STATEMENTS_SHOWN = 20;

test('crypjama.com: "What the policy says about your data" lists the statements, deciding ones first, each with its reading', async () => {
  const section = page.locator('.pl-statements');
  assert.equal(await section.count(), 1);
  const summary = section.locator('summary');
  assert.match(await summary.textContent(), /^What the policy says about your data \((\d+) statements\)$/);
  const total = Number((await summary.textContent()).match(/(\d+) statements/)[1]);
  assert.ok(total > STATEMENTS_SHOWN, `crypjama's policy says a lot (${total} statements)`);
  assert.equal(await section.locator('details').evaluate((d) => d.open), false, 'collapsed at first');
  await summary.click();
  assert.equal(await section.locator('details').evaluate((d) => d.open), true);

  const items = await section.locator('li.pl-statement').evaluateAll((lis) => lis.map((li) => ({
    kind: li.dataset.kind,
    children: [...li.children].map((c) => c.className || c.localName),
    reading: li.querySelector('.pl-reading')?.textContent ?? null,
    leadIn: li.querySelector('.pl-lead-in')?.textContent ?? null,
    quote: li.querySelector('q').textContent,
  })));
  assert.equal(items.length, STATEMENTS_SHOWN, 'the list is capped');
  assert.equal(await section.locator('.pl-more').textContent(), `and ${total - STATEMENTS_SHOWN} more`);
  const firstOther = items.findIndex((item) => !DECIDING_KINDS.has(item.kind));
  assert.ok(firstOther > 0, 'deciding statements come first');
  assert.ok(items.slice(firstOther).every((item) => !DECIDING_KINDS.has(item.kind)), JSON.stringify(items.map((i) => i.kind)));
  assert.deepEqual(await section.locator('h3').allTextContents(), ['Deciding whether it sells your data', 'Other statements about your data']);
  assert.ok(['sale_admission', 'ccpa_sale'].includes(items[0].kind), `a sale is listed first: ${items[0].kind}`);
  const ccpa = items.find((item) => item.kind === 'ccpa_sale');
  assert.match(ccpa.reading, /^CCPA sale or sharing: /);
  assert.match(ccpa.quote, /MAY BE CONSIDERED A “SALE” UNDER THE CCPA/);
  assert.ok(items.some((item) => item.kind === 'general_denial' && item.reading.startsWith('denial: ')), 'a denial is listed with its reading');
  // Each item: its reading, then (for a list item) the sentence leading into the list, then the quote.
  const text = await readFile(join(ROOT, 'tests/fixtures/crypjama.com.txt'), 'utf8');
  for (const item of items) {
    assert.ok(item.reading, `every statement here has a reading: ${item.quote}`);
    assert.deepEqual(item.children, ['pl-reading', ...(item.leadIn ? ['pl-lead-in'] : []), 'q', 'pl-show']);
  }
  const listItem = items.find((item) => item.leadIn);
  assert.ok(listItem, 'a list item is shown with its lead-in');
  const leadIn = listItem.leadIn.replace(/\u00A0…$/, '');
  assert.ok(text.includes(leadIn) && text.indexOf(leadIn) < text.indexOf(listItem.quote), `the lead-in comes before the item in the policy: ${leadIn}`);

  // "Show" on a statement picks out its sentence in the text: a deciding one is marked as evidence,
  // another is underlined as a statement.
  const current = page.locator('#text mark.current');
  await page.locator('#output').evaluate((output) => window.scrollTo(0, output.getBoundingClientRect().top + window.scrollY - 8));
  await section.locator('li.pl-statement').first().locator('.pl-show').click();
  assert.ok((await current.textContent()).includes(items[0].quote), '"Show" picks out the statement');
  assert.equal(await current.getAttribute('class'), 'current', 'a deciding statement is evidence: highlighted');
  await page.waitForFunction(() => {
    const box = document.getElementById('text').getBoundingClientRect();
    const mark = document.querySelector('#text mark.current').getBoundingClientRect();
    return Math.abs((mark.top + mark.bottom) / 2 - (box.top + box.bottom) / 2) < 40; // scrolled to the middle
  }, null, { timeout: 5000 });
  await page.locator('#output').evaluate((output) => window.scrollTo(0, output.getBoundingClientRect().top + window.scrollY - 8));
  await page.locator('.report').evaluate((report) => { report.scrollTop = 0; });
  await page.screenshot({ path: join(ARTIFACTS, 'www-statements.png') });
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await updateDocsPicture(join(ARTIFACTS, 'www-statements.png'), 'www-statements.png');

  await section.locator('li.pl-statement').nth(firstOther).locator('.pl-show').click();
  assert.ok((await current.textContent()).includes(items[firstOther].quote), '"Show" picks out another statement');
  assert.ok(await page.locator('#text mark.stated').count() > 0, 'statements that are not evidence are underlined');
});

test('bundled example (calijewelz.com) loads and is analyzed', async () => {
  await page.click('button[data-example="calijewelz.com"]');
  await page.waitForFunction(() => document.getElementById('policy').value.includes('Cali Jewelz'), null, { timeout: TIMEOUT_MS });
  await page.waitForFunction(() => document.getElementById('text').textContent.includes('Cali Jewelz'), null, { timeout: TIMEOUT_MS });
  assert.equal(await page.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  assert.equal(await page.locator('.pl-opt-out a[href="mailto:CaliJewelz@gmail.com"]').count(), 1);
  const marketing = page.locator('.pl-selling li.pl-quote', { hasText: 'These companies and organizations may use the information we share' });
  assert.match(await marketing.locator('.pl-reading').textContent(), /^policylens reads this as shared for others' marketing: /);
  assert.ok(await page.locator('.pl-statements li.pl-statement[data-kind="marketing_disclosure"]').count() >= 1, 'its statements are listed');
});

test('text that is not a privacy policy: no verdicts, only "not a privacy policy"', async () => {
  await page.fill('#policy', 'Gold hoop earrings, $39. Silver chain, $25. Free shipping on orders over $50. Sign up for our newsletter!');
  await page.click('#analyze');
  await page.waitForSelector('.pl-not-policy', { timeout: TIMEOUT_MS });
  assert.match(await page.locator('#report').textContent(), /This page is not a privacy policy/);
  assert.equal(await page.locator('.pl-selling').count(), 0, 'no verdicts are shown');
});
