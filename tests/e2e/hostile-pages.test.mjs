// Hostile pages in Chromium (dist/chrome): page text and links that carry markup, script URLs, look-alike addresses and right-to-left overrides never run or render as markup in the popup; 10,000 links stay cheap; a policy inside an iframe is not read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostileSites, startSites } from './shop-site.mjs';
import { badge, contentScriptWorld, launchChromium, settledTab, TIMEOUT_MS } from './extension-browser.mjs';

/** Characters that change the direction of the text after them, or mark it invisibly. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The only elements the renderer makes, and the only attributes it sets. */
const RENDERED_TAGS = new Set(['section', 'h2', 'h3', 'p', 'ul', 'li', 'q', 'button', 'details', 'summary', 'a', 'span', 'div', 'strong',
  'fieldset', 'legend', 'label', 'input']); // the opt-out request's form
const RENDERED_ATTRIBUTES = new Set(['class', 'id', 'href', 'target', 'rel', 'title', 'type', 'aria-label', 'aria-labelledby', 'data-verdict', 'data-do-not-track', 'data-kind', 'data-gpc',
  'aria-expanded', 'aria-controls', 'hidden', 'name', 'value',
  'open', // set by this test, to show every quote
]);
/** A page with 10,000 links is read within this (the usual shop takes well under a second). */
const CROWDED_PAGE_MS = 5_000;
/** JavaScript time on a crowded page that runs no script of its own: the content script's cost. */
const CONTENT_SCRIPT_BUDGET_S = 0.5;

let sites;
let chromium;

before(async () => {
  sites = await startSites(await hostileSites());
  chromium = await launchChromium({ hostRules: sites.hostRules });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
});

test('hostile policy: nothing runs in the popup, nothing renders as markup, only http(s) and mailto are clickable', async () => {
  const { context, worker, extensionId } = chromium;
  const page = await context.newPage();
  const pageDialogs = [];
  page.on('dialog', (dialog) => { pageDialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto('http://hostile.example/');
  const [tabId, state] = await settledTab(worker, page.url());
  assert.equal(state.status, 'done');
  assert.equal(state.report.selling.verdict, 'sells');
  assert.equal((await badge(worker, tabId)).text, 'SELL');
  // The policy page was parsed inert: its script and its broken image's onerror never ran.
  assert.equal(await page.evaluate(() => document.body.dataset.ran ?? null), null);

  const popup = await context.newPage();
  const dialogs = [];
  const errors = [];
  popup.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-status="done"]', { timeout: TIMEOUT_MS });
  await popup.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));

  // The hostile text reached the popup, as text.
  const quotes = await popup.locator('q').allTextContents();
  assert.ok(quotes.some((q) => q.includes('<script>alert(2)</script>')), `a quote shows the script tag as text: ${JSON.stringify(quotes)}`);

  const census = await popup.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    images: document.images.length,
    elements: [...document.querySelectorAll('#content *, #site *')].map((e) => ({ tag: e.localName, attributes: e.getAttributeNames() })),
  }));
  assert.deepEqual(census.scripts, ['popup.js'], 'no script but the popup\'s own');
  assert.equal(census.images, 1, 'no image but the header icon');
  for (const { tag, attributes } of census.elements) {
    assert.ok(RENDERED_TAGS.has(tag), `<${tag}> is not one the renderer makes`);
    for (const name of attributes) assert.ok(RENDERED_ATTRIBUTES.has(name), `<${tag} ${name}> is not an attribute the renderer sets`);
  }

  // Every request form opened, a request picked: its link is policylens's own (checked below); the page's links are the rest.
  for (const toggle of await popup.locator('.pl-request-toggle').all()) await toggle.click();
  for (const radio of await popup.locator('.pl-request input[value="delete"]').all()) await radio.check();
  const requests = await popup.locator('.pl-request a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(requests.length >= 1, 'the plain privacy addresses get a request');
  assert.equal(await popup.locator('.pl-request-address', { hasText: 'privacy@hostile.example' }).count(), 1);
  for (const href of requests) {
    const url = new URL(href);
    assert.equal(url.protocol, 'mailto:');
    assert.ok(state.report.opt_out.emails.includes(url.pathname) && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(url.pathname), `a request only to a plain address of the policy: ${href}`);
    assert.deepEqual([...url.searchParams.keys()], ['subject', 'body'], 'policylens sets subject and body, nothing else');
    for (const value of url.searchParams.values()) assert.ok(!/<|script|evil|bcc/i.test(value), `no page text in ${JSON.stringify(value)}`);
  }
  const links = await popup.locator('a:not(.pl-request a)').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent, site: !!a.closest('#site') })));
  assert.ok(links.length >= 5, `the opt-out links are shown: ${JSON.stringify(links)}`);
  for (const { href, text, site } of links) {
    assert.match(new URL(href).protocol, /^(https?|mailto):$/, `only http(s) and mailto links: ${href}`);
    assert.ok(!BIDI_CONTROLS.test(href) && !BIDI_CONTROLS.test(text), `no direction controls in a link: ${JSON.stringify(text)}`);
    if (href.startsWith('mailto:')) assert.ok(!href.includes('?'), `no bcc, body or subject smuggled into ${href}`);
    else if (!site) assert.equal(text, href, 'a link reads as the address it opens');
  }
  // javascript: and data: URLs, in the text or as hrefs, are never links.
  const scriptUrls = await popup.evaluate(() => [...document.querySelectorAll('#content *')]
    .filter((e) => !e.children.length && /\b(javascript|data):/i.test(e.textContent))
    .map((e) => ({ tag: e.localName, inLink: !!e.closest('a') })));
  for (const found of scriptUrls) assert.ok(!found.inLink && found.tag !== 'a', JSON.stringify(found));
  // The reversed URL is shown, and reads as what it is (cut at the override by the engine, or with
  // the override percent-encoded by the renderer); a quote's direction controls end with the quote.
  // (A path of its own: the engine lists no home page as a way to opt out.)
  assert.ok(links.some(({ href }) => /^https:\/\/hostile\.example\/choices\/(%E2%80%AElmth\.tuo-tpo)?$/.test(href)), JSON.stringify(links));
  for (const label of await popup.locator('.pl-quote-label, .pl-plain').allTextContents()) {
    assert.ok(!BIDI_CONTROLS.test(label), `no direction controls in ${JSON.stringify(label)}`);
  }
  assert.ok(quotes.some((q) => q.includes('\u202E')), 'a quote keeps the policy\'s own characters');
  assert.deepEqual(new Set(await popup.locator('q').evaluateAll((qs) => qs.map((q) => getComputedStyle(q).unicodeBidi))), new Set(['isolate']));

  // "Show" on the hostile quote (not in this tab's page) opens the policy at it, as a text fragment.
  const hostile = popup.locator('li.pl-quote', { hasText: '<script>alert(2)</script>' }).first();
  const [opened] = await Promise.all([context.waitForEvent('page'), hostile.locator('.pl-show').click()]);
  await opened.waitForLoadState();
  assert.ok(opened.url().startsWith('http://hostile.example/policies/privacy-policy#:~:text='), opened.url());
  await opened.close();

  assert.equal(await popup.evaluate(() => window.__pwned ?? null), null, 'no payload ran in the popup');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no payload ran in the page');
  assert.deepEqual(dialogs, [], 'no dialog opened from the popup');
  assert.deepEqual(pageDialogs, [], 'no dialog opened in the page');
  assert.deepEqual(errors, [], 'no error in the popup');
  await popup.close();
  await page.close();
});

test('the renderer itself, given a forged report: script URLs are text, markup is text (in quotes, readings, lead-ins), mailto carries no extras', async () => {
  const { context, extensionId } = chromium;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=-1`);
  const urls = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)',
    'vbscript:msgbox(1)', 'file:///etc/passwd', 'chrome://settings', 'https://ok.example/\u202Efdp.exe'];
  const emails = ['privacy@ok.example', '"<b>x</b>"@evil.example', 'a@b.example?bcc=c@evil.example', 'a@b.example#x', 'privacy@shop.example<script>'];
  /** Readings and lead-ins are policylens's own words, but they are shown as untrusted text all the same. */
  const readings = {
    selling: 'sale: <img src=x onerror="window.__pwned=1">the site sells',
    service: '<script>window.__pwned=1</script>: uses <b>Evil</b>',
    statement: 'denial: \u202Eatad lles ton seod<svg onload="window.__pwned=1">',
    leadIn: 'We may share it with: <iframe src="javascript:window.__pwned=1"></iframe>',
  };
  const rendered = await popup.evaluate(async ({ urls, emails, readings }) => {
    const { renderReport } = await import('./render.js');
    const q = (text, reading) => ({ text, start: 0, end: text.length, ...(reading === undefined ? {} : { reading }) });
    const f = (value) => ({ value, evidence: [q(`Opt out at ${value} <img src=x onerror=alert(1)>`)] });
    const statement = (kind, quote, extra = {}) => ({
      quote, actor: '<b>site</b>', act: 'sell', data: 'personal', recipient: 'third_parties', purpose: 'none', polarity: 'negative', modality: 'plain', kind, strength: 'strong', ...extra,
    });
    const report = {
      schema_version: 2,
      document: { is_policy: true, policy_likelihood: 1, reason: '', url: null, title: null, bytes_read: 1, truncated: false },
      selling: { verdict: '<img src=x onerror=alert(1)>', evidence: [q('<script>window.__pwned=1</script>', readings.selling)] },
      tracking: {
        cookies: true, web_beacons: false, analytics: false, targeted_advertising: false, services: ['<b>Evil</b>'], do_not_track: '<i>x</i>',
        evidence: {
          cookies: [], web_beacons: [], analytics: [], targeted_advertising: [], do_not_track: [],
          services: [{ value: '<b>Evil</b>', evidence: [q('We use <b>Evil</b>.', readings.service)] }],
        },
      },
      opt_out: { urls, emails, mechanisms: ['<u>m</u>'], evidence: { urls: urls.map(f), emails: emails.map(f), mechanisms: [] } },
      statements: [
        statement('general_denial', q('We do not <i>sell</i>.', readings.statement)),
        statement('<img src=x onerror=alert(1)>', q('<b>Partners</b>', ['<b>not a string</b>']), {
          lead_in: { text: readings.leadIn, start: 0, end: 1 }, strength: '<b>weak</b>',
        }),
        { quote: '<b>not a quote</b>' }, null,
      ],
    };
    const container = document.createElement('div');
    document.body.append(container); // attached, for its computed styles
    renderReport(container, report, { onShowQuote: () => {}, statements: true });
    container.querySelectorAll('details').forEach((d) => { d.open = true; });
    const text = (selector) => [...container.querySelectorAll(selector)].map((e) => e.textContent);
    return {
      tags: [...new Set([...container.querySelectorAll('*')].map((e) => e.localName))],
      attributes: [...new Set([...container.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()))],
      hrefs: [...container.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      text: container.textContent,
      readings: text('.pl-reading'),
      leadIns: text('.pl-lead-in'),
      statements: [...container.querySelectorAll('.pl-statement')].map((e) => ({ kind: e.dataset.kind ?? null, quote: e.querySelector('q').textContent })),
      readingBidi: [...new Set([...container.querySelectorAll('.pl-reading, .pl-lead-in')].map((e) => getComputedStyle(e).unicodeBidi))],
    };
  }, { urls, emails, readings });
  for (const tag of rendered.tags) assert.ok(RENDERED_TAGS.has(tag), `<${tag}> rendered`);
  for (const name of rendered.attributes) assert.ok(RENDERED_ATTRIBUTES.has(name), `attribute ${name} rendered`);
  assert.deepEqual(rendered.hrefs, ['https://ok.example/%E2%80%AEfdp.exe', 'mailto:privacy@ok.example']);
  for (const shown of ['javascript:window.__pwned=1', 'data:text/html,<script>', '"<b>x</b>"@evil.example', 'a@b.example?bcc=c@evil.example',
    'privacy@shop.example<script>', '<b>Evil</b>', '<img src=x onerror=alert(1)>']) {
    assert.ok(rendered.text.includes(shown), `${shown} is shown as text`);
  }
  // Every reading is shown whole, as text, on its own line beside its quote; a reading that is not a string is not shown.
  assert.deepEqual(rendered.readings, [
    `policylens reads this as ${readings.selling}`,
    readings.statement, // in the statements list, the reading heads the item (no label)
    `policylens reads this as ${readings.service}`,
  ]);
  assert.ok(!rendered.text.includes('<b>not a string</b>'), 'a reading that is not a string is left out');
  assert.deepEqual(rendered.leadIns, [`${readings.leadIn}\u00A0…`]);
  assert.deepEqual(rendered.readingBidi, ['isolate'], 'a reading\'s direction controls end with it');
  // Malformed statements are skipped; an unknown kind is listed last and not echoed into an attribute.
  assert.deepEqual(rendered.statements, [{ kind: 'general_denial', quote: 'We do not <i>sell</i>.' }, { kind: null, quote: '<b>Partners</b>' }]);
  assert.equal(await popup.evaluate(() => window.__pwned ?? null), null);
  await popup.close();
});

test('the request form, given a forged report: hostile addresses get no request, a hostile subject phrase stays out, only subject and body are set', async () => {
  const { context, worker, extensionId } = chromium;
  const page = await context.newPage();
  await page.goto('http://hostile.example/');
  const [, real] = await settledTab(worker, page.url());
  const emails = ['a@b.com?bcc=evil@x.com', 'a@b.com%0Abcc:evil@x.com', 'a@b.com\r\nbcc: evil@x.com', '"<b>x</b>"@evil.example', 'a@b.com,evil@x.com',
    'privacy@hostile.example', 'dpo@hostile.example'];
  const forged = { ...real, report: { ...real.report, opt_out: { ...real.report.opt_out, emails,
    request: { subject: 'Privacy Rights\r\nBcc: evil@x.com', include: ['order_number', '<img src=x onerror=alert(1)>', 'phone'] } } } };
  // A tab id of no tab: the popup shows whatever state the background keeps for it.
  const tabId = 999_999;
  await worker.evaluate(({ tabId, forged }) => chrome.storage.session.set({ [`tab:${tabId}`]: forged }), { tabId, forged });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-status="done"] .pl-request');
  assert.deepEqual(await popup.locator('.pl-request-address').allTextContents(), ['privacy@hostile.example', 'dpo@hostile.example']);
  const item = popup.locator('.pl-request-item').nth(1);
  await item.locator('button').click();
  assert.equal(await item.locator('button').getAttribute('aria-expanded'), 'true');
  assert.equal(await popup.evaluate(() => document.activeElement.value), 'ccpa_opt_out', 'the first choice has the focus');
  await popup.keyboard.press('Space');
  const url = new URL(await item.locator('a').getAttribute('href'));
  assert.equal(url.pathname, 'dpo@hostile.example');
  assert.deepEqual([...url.searchParams.keys()], ['subject', 'body']);
  assert.equal(url.searchParams.get('subject'), 'Do Not Sell or Share My Personal Information – hostile.example', 'the hostile phrase is left out');
  const body = url.searchParams.get('body');
  assert.match(body, /\r\nPhone number: \[your phone number\]\r\nOrder number: \[one of your order numbers\]\r\n\r\n/, 'the known items, in the vocabulary\'s order');
  assert.ok(!/evil|<img|Bcc/i.test(body), body);
  assert.equal(await popup.evaluate(() => window.__pwned ?? null), null);
  await worker.evaluate((tabId) => chrome.storage.session.remove(`tab:${tabId}`), tabId);
  await popup.close();
  await page.close();
});

for (const [path, policyPath, what] of [
  ['/', '/policies/privacy-policy', 'a home page with 10,000 links before its policy link'],
  ['/many/privacy-policy', '/many/privacy-policy', 'a policy page with 10,000 links, read in place'],
]) {
  test(`${what}: a badge within seconds, and the content script stays cheap`, async () => {
    const { context, worker } = chromium;
    // A first visit: nothing cached (else the second page would be answered from the first's report).
    await worker.evaluate(() => chrome.storage.local.clear());
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    await page.goto(`http://many.example${path}`);
    const [tabId, state] = await settledTab(worker, page.url());
    const elapsed = Date.now() - started;
    assert.equal(state.status, 'done');
    assert.equal(state.policyUrl, `http://many.example${policyPath}`);
    assert.equal(state.report.selling.verdict, 'sells');
    assert.equal((await badge(worker, tabId)).text, 'SELL');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const scriptSeconds = metrics.find((m) => m.name === 'ScriptDuration').value;
    console.log(`# ${what}: badge after ${elapsed} ms, ${(scriptSeconds * 1000).toFixed(0)} ms of JavaScript in the page`);
    assert.ok(elapsed < CROWDED_PAGE_MS, `badge after ${elapsed} ms`);
    // The page runs no script of its own: this is the content script (and Playwright's own probes).
    assert.ok(scriptSeconds < CONTENT_SCRIPT_BUDGET_S, `${scriptSeconds} s of JavaScript`);
    await cdp.detach();
    await page.close();
  });
}

test('a policy inside an iframe is not read: only the top page and its same-origin policy link are', async () => {
  const { context, worker, logs } = chromium;
  // The home page's only privacy link is inside a cross-origin iframe (evil.example's own footer).
  const home = await context.newPage();
  await home.goto('http://frames.example/');
  const [homeTab, homeState] = await settledTab(worker, home.url());
  assert.equal(homeState.status, 'no-policy');
  assert.equal((await badge(worker, homeTab)).text, '–');
  await home.frames()[1].waitForLoadState();
  assert.equal(sites.requests.filter((r) => r.host === 'evil.example' && r.path === '/policies/privacy-policy').length, 0,
    "the iframe's policy link was not followed");
  await home.close(); // settledTab tells tabs apart by site

  // A policy page whose text is inside a same-origin iframe: only the top page's own text is read.
  const framed = await context.newPage();
  await framed.goto('http://frames.example/policies/privacy-policy');
  await framed.frames()[1].waitForLoadState();
  const [framedTab, framedState] = await settledTab(worker, framed.url());
  assert.equal(framedState.status, 'not-policy');
  assert.ok(framedState.report.document.bytes_read < 200, `only the top page was read (${framedState.report.document.bytes_read} bytes)`);
  assert.equal((await badge(worker, framedTab)).text, '–');

  // No content script ran in any iframe: no tab state for evil.example, nothing refused.
  const states = await worker.evaluate(async () => Object.values(await chrome.storage.session.get(null)).map((s) => s.site));
  assert.ok(!states.includes('http://evil.example'), JSON.stringify(states));
  assert.deepEqual(logs.filter((l) => /refused/.test(l.text)), []);
  // And the page's own script context is not the content script's: the page cannot reach the extension.
  const probe = await contentScriptWorld(context, framed);
  assert.equal(await probe('typeof chrome.runtime.sendMessage'), 'function', 'the content script world speaks to the extension');
  assert.equal(await framed.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage), 'undefined', 'the page does not');
  await framed.close();
});
