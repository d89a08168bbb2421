// Messages in Chromium (dist/chrome): the background answers only the messages it knows, only from its own content scripts (top frames) and pages; everything else is refused, logged, and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopRoutes, startSites } from './shop-site.mjs';
import { badge, contentScriptWorld, launchChromium, settledTab, sleep } from './extension-browser.mjs';

const SHOP = 'crypjama.com';
const HOME = `http://${SHOP}/`;
/** A refusal is logged on one short line, however big the message was. */
const MAX_LOG_LINE = 400;
const BIG = 50 * 1024 * 1024;

let sites;
let chromium;
let otherExtension;

before(async () => {
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP) });
  // Another extension, installed beside policylens, that tries to talk to it.
  otherExtension = await mkdtemp(join(tmpdir(), 'policylens-other-extension-'));
  await writeFile(join(otherExtension, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'other', version: '1.0', background: { service_worker: 'sender.js' },
  }));
  await writeFile(join(otherExtension, 'sender.js'), '// Sends what the test asks for.\n');
  chromium = await launchChromium({ hostRules: sites.hostRules, otherExtensions: [otherExtension] });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
  if (otherExtension) await rm(otherExtension, { recursive: true, force: true });
});

/** Everything the extension keeps: both storage areas. */
const snapshot = (worker) => worker.evaluate(async () => ({
  session: await chrome.storage.session.get(null),
  local: await chrome.storage.local.get(null),
}));

/** The worker's refusal lines logged since `from`. */
const refusals = (logs, from) => logs.slice(from).filter((l) => l.text.startsWith('policylens: refused'));

let shopPage;
let shopTab;

test('a web page cannot reach the background', async () => {
  const { context, worker, logs } = chromium;
  shopPage = await context.newPage();
  await shopPage.goto(HOME);
  [shopTab] = await settledTab(worker, HOME);
  const before = await snapshot(worker);
  const logged = logs.length;
  const tried = await shopPage.evaluate((id) => {
    const runtime = globalThis.chrome?.runtime;
    // What a page could try: the extension API (not exposed without externally_connectable), or posting to the content script.
    window.postMessage({ what: 'analyze', page: { text: 'We sell nothing.', links: [], url: location.href } }, '*');
    window.postMessage({ what: 'reanalyze', tabId: 1 }, '*');
    document.dispatchEvent(new CustomEvent('policylens', { detail: { what: 'get-state' } }));
    let sent;
    try {
      runtime.sendMessage(id, { what: 'get-state', tabId: 1 });
      sent = 'sent';
    } catch (error) {
      sent = `threw: ${error.message}`;
    }
    return { hasSendMessage: typeof runtime?.sendMessage, sent };
  }, chromium.extensionId);
  assert.equal(tried.hasSendMessage, 'undefined', 'no chrome.runtime.sendMessage for web pages');
  assert.match(tried.sent, /^threw/);
  await sleep(500);
  assert.deepEqual(await snapshot(worker), before, 'nothing changed');
  assert.deepEqual(logs.slice(logged), [], 'the background heard nothing');
});

test('another extension cannot reach the background', async () => {
  const { context, worker, extensionId, logs } = chromium;
  const other = context.serviceWorkers().find((w) => w.url().endsWith('/sender.js'));
  assert.ok(other, "the other extension's worker runs");
  const before = await snapshot(worker);
  const logged = logs.length;
  const answers = await other.evaluate(async ({ id, tabId }) => Promise.all([
    { what: 'get-state', tabId },
    { what: 'reanalyze', tabId },
    { what: 'analyze', page: { text: 'x', links: [], url: 'http://crypjama.com/' } },
  ].map((msg) => chrome.runtime.sendMessage(id, msg).then((answer) => ({ answer }), (error) => ({ error: error.message })))), { id: extensionId, tabId: shopTab });
  for (const answer of answers) assert.ok(answer.error, `refused: ${JSON.stringify(answer)}`);
  assert.deepEqual(await snapshot(worker), before, 'nothing changed');
  assert.deepEqual(logs.slice(logged), [], 'onMessageExternal is not listened to');
});

test('from an extension page: unknown messages, and known ones from the wrong sender or with bad arguments, are refused and logged', async () => {
  const { context, worker, extensionId, logs } = chromium;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/icons/16.png`);
  const before = await snapshot(worker);
  const logged = logs.length;
  const answers = await page.evaluate(async ({ tabId, big }) => {
    const send = (msg) => chrome.runtime.sendMessage(msg).catch((error) => ({ threw: error.message }));
    return {
      unknown: await send({ what: 'delete-everything' }),
      notAnObject: await send('get-state'),
      noWhat: await send({ tabId }),
      hugeWhat: await send({ what: 'x'.repeat(big) }),
      analyzeFromPopup: await send({ what: 'analyze', page: { text: 42 } }),
      noPolicyFromPopup: await send({ what: 'no-policy' }),
      cachedFromPopup: await send({ what: 'cached', gpc: true }),
      stateForText: await send({ what: 'get-state', tabId: String(tabId) }),
      reanalyzeFraction: await send({ what: 'reanalyze', tabId: tabId + 0.5 }),
      known: await send({ what: 'get-state', tabId }),
    };
  }, { tabId: shopTab, big: BIG });
  assert.deepEqual(answers.unknown, { error: 'refused: unknown message' });
  assert.deepEqual(answers.notAnObject, { error: 'refused: unknown message' });
  assert.deepEqual(answers.noWhat, { error: 'refused: unknown message' });
  assert.deepEqual(answers.hugeWhat, { error: 'refused: unknown message' });
  assert.deepEqual(answers.analyzeFromPopup, { error: 'refused: not from a web page' });
  assert.deepEqual(answers.noPolicyFromPopup, { error: 'refused: not from a web page' });
  assert.deepEqual(answers.cachedFromPopup, { error: 'refused: not from a web page' });
  assert.deepEqual(answers.stateForText, { error: 'refused: not from the popup' });
  assert.deepEqual(answers.reanalyzeFraction, { error: 'refused: not from the popup' });
  assert.equal(answers.known.state.status, 'done', 'a good question is still answered');
  assert.deepEqual(await snapshot(worker), before, 'nothing changed');
  const lines = refusals(logs, logged);
  assert.equal(lines.length, 9, JSON.stringify(lines));
  for (const { type, text } of lines) {
    assert.equal(type, 'warning');
    assert.ok(text.length < MAX_LOG_LINE, `a short log line (${text.length} characters)`);
  }
  assert.ok(lines.some((l) => l.text.includes('"delete-everything" (unknown message)')), JSON.stringify(lines));
  await page.close();
});

test("from the content script's own world: malformed pages and questions it may not ask are refused, logged, and change nothing", async () => {
  const { context, worker, logs } = chromium;
  const inContentScript = await contentScriptWorld(context, shopPage);
  const before = await snapshot(worker);
  const logged = logs.length;
  const started = Date.now();
  const answers = await inContentScript(`(async () => {
    const send = (msg) => chrome.runtime.sendMessage(msg).catch((error) => ({ threw: error.message }));
    const page = { text: 'We do not sell your personal information.', links: [], url: location.href, title: 'Privacy policy' };
    return {
      textNotString: await send({ what: 'analyze', page: { ...page, text: 42 } }),
      noPage: await send({ what: 'analyze' }),
      hugeText: await send({ what: 'analyze', page: { ...page, text: 'x'.repeat(${BIG}) } }),
      linksNotArray: await send({ what: 'analyze', page: { ...page, links: 'http://evil.example/' } }),
      badLink: await send({ what: 'analyze', page: { ...page, links: [{ href: 42, text: 'x' }] } }),
      tooManyLinks: await send({ what: 'analyze', page: { ...page, links: Array.from({ length: 6000 }, () => ({ href: 'http://a.example/', text: 'a' })) } }),
      otherSite: await send({ what: 'analyze', page: { ...page, url: 'http://evil.example/privacy' } }),
      scriptUrl: await send({ what: 'analyze', page: { ...page, url: 'javascript:alert(1)' } }),
      hugeTitle: await send({ what: 'analyze', page: { ...page, title: 't'.repeat(100000) } }),
      errorNotString: await send({ what: 'read-failed', error: { message: 'x' } }),
      gpcNotBoolean: await send({ what: 'analyze', page, gpc: 'yes' }),
      gpcObject: await send({ what: 'no-policy', gpc: { valueOf: 1 } }),
      gpcOnCached: await send({ what: 'cached', gpc: 1 }),
      askOtherTab: await send({ what: 'get-state', tabId: 1 }),
      reanalyzeOtherTab: await send({ what: 'reanalyze', tabId: 1 }),
      dismissChanges: await send({ what: 'dismiss-changes', tabId: 1 }),
      listSites: await send({ what: 'list-sites' }),
      forgetSite: await send({ what: 'forget-site', site: location.origin }),
      forgetAll: await send({ what: 'forget-all' }),
    };
  })()`);
  const elapsed = Date.now() - started;
  const expected = {
    textNotString: 'malformed page: text missing or too long',
    noPage: 'malformed page: no page',
    hugeText: 'malformed page: text missing or too long',
    linksNotArray: 'malformed page: links malformed or too many',
    badLink: 'malformed page: links malformed or too many',
    tooManyLinks: 'malformed page: links malformed or too many',
    otherSite: 'malformed page: not a page of this site',
    scriptUrl: 'malformed page: not a page of this site',
    hugeTitle: 'malformed page: title malformed or too long',
    errorNotString: 'malformed error',
    gpcNotBoolean: 'malformed gpc',
    gpcObject: 'malformed gpc',
    gpcOnCached: 'malformed gpc',
    askOtherTab: 'not from the popup',
    reanalyzeOtherTab: 'not from the popup',
    dismissChanges: 'not from the popup',
    listSites: 'not from the options page',
    forgetSite: 'not from the options page',
    forgetAll: 'not from the options page',
  };
  assert.deepEqual(answers, Object.fromEntries(Object.entries(expected).map(([k, why]) => [k, { error: `refused: ${why}` }])));
  console.log(`# ${Object.keys(expected).length} forged messages (one of 50 MB) refused in ${elapsed} ms`);
  assert.deepEqual(await snapshot(worker), before, 'no state changed, nothing cached');
  assert.equal((await badge(worker, shopTab)).text, 'SELL');
  const lines = refusals(logs, logged);
  assert.equal(lines.length, Object.keys(expected).length, JSON.stringify(lines));
  for (const { text } of lines) assert.ok(text.length < MAX_LOG_LINE, `a short log line (${text.length} characters)`);

  // A long error message from the page is kept, cut short.
  const cut = await inContentScript(`chrome.runtime.sendMessage({ what: 'read-failed', error: 'e'.repeat(100000) })`);
  assert.deepEqual(cut, { ok: true });
  const [, state] = await settledTab(worker, HOME);
  assert.equal(state.status, 'error');
  assert.ok(state.error.length <= 500, `the error is cut (${state.error.length} characters)`);
  assert.ok((await badge(worker, shopTab)).title.length < 700);
  await shopPage.close();
});
