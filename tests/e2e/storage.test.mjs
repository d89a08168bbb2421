// Storage in Chromium (dist/chrome): the per-site report cache is used when sound and fresh (7 days), stays within its bounds (50 sites, 180 days), and a corrupt or unlisted entry is discarded and the policy read again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopRoutes, startSites } from './shop-site.mjs';
import { badge, launchChromium, openPopup, settledTab } from './extension-browser.mjs';

/** The bounds background.js keeps the cache within, and the report schema it keeps (REPORT_SCHEMA_VERSION). */
const CACHE_MAX_SITES = 50;
const SCHEMA_VERSION = 2;
const DAY_MS = 24 * 60 * 60 * 1000;
const SHOP = 'crypjama.com';
const SITE = `http://${SHOP}`;
const KEY = `site:${SITE}`;

let sites;
let chromium;
let profile;

before(async () => {
  sites = await startSites({ [SHOP]: await shopRoutes(SHOP) });
  profile = await mkdtemp(join(tmpdir(), 'policylens-storage-'));
  chromium = await launchChromium({ hostRules: sites.hostRules, profile });
});

after(async () => {
  await chromium?.close();
  await sites?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const local = (worker) => worker.evaluate(() => chrome.storage.local.get(null));
const seed = (worker, items) => worker.evaluate((items) => chrome.storage.local.set(items), items);

/** Open the shop's home page in a new tab, wait for its reading, check badge and popup; returns the state. */
async function visit() {
  const { context, worker, extensionId } = chromium;
  const page = await context.newPage();
  await page.goto(`${SITE}/`);
  const [tabId, state] = await settledTab(worker, page.url());
  assert.equal(state.status, 'done');
  assert.equal(state.report.selling.verdict, 'sells');
  assert.equal((await badge(worker, tabId)).text, 'SELL');
  const popup = await openPopup(context, extensionId, tabId);
  assert.equal(await popup.locator('.pl-selling').getAttribute('data-verdict'), 'sells');
  await popup.close();
  await page.close(); // settledTab tells tabs apart by site: one open tab per site at a time
  return state;
}

/** A schema-2 report as schema 1 had it: no statements, no readings on its quotes, and a verdict of its own (to tell it apart). */
function schemaOne(report) {
  const strip = (value) => (Array.isArray(value) ? value.map(strip)
    : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'reading').map(([key, v]) => [key, strip(v)]))
      : value);
  const old = strip(report);
  delete old.statements;
  return { ...old, schema_version: 1, selling: { ...old.selling, verdict: 'does_not_sell' } };
}

/** The sound entry made by the first visit: every test below corrupts a copy of it. */
let sound;

test('a sound cached report is used: a second visit reads nothing again', async () => {
  await visit();
  sound = (await local(chromium.worker))[KEY];
  assert.ok(sound?.report, 'the report is cached for the site');
  await visit();
  assert.equal((await local(chromium.worker))[KEY].savedAt, sound.savedAt, 'served from the cache (its report shape is the one the wasm makes)');
});

test('the cache stays within 50 sites: the least recently analyzed are evicted', async () => {
  const { worker } = chromium;
  const now = Date.now();
  const seeded = {};
  const index = { [SITE]: sound.savedAt };
  for (let i = 0; i < 60; i++) {
    const site = `http://shop${i}.example`;
    const savedAt = now - DAY_MS + i * 60_000; // shop0 oldest … shop59 newest, all under a day old
    seeded[`site:${site}`] = { ...sound, policyUrl: `${site}/privacy`, savedAt };
    index[site] = savedAt;
  }
  await seed(worker, { ...seeded, sites: index });
  // Any write prunes: here the shop's entry is expired, so it is read again and stored anew.
  await seed(worker, { [KEY]: { ...sound, savedAt: now - 8 * DAY_MS }, sites: { ...index, [SITE]: now - 8 * DAY_MS } });
  await visit();
  const stored = await local(worker);
  const entries = Object.keys(stored).filter((key) => key.startsWith('site:'));
  assert.equal(entries.length, CACHE_MAX_SITES);
  assert.deepEqual(new Set(Object.keys(stored.sites).map((site) => `site:${site}`)), new Set(entries), 'the index lists exactly the entries');
  assert.ok(stored[KEY].savedAt > now, 'the expired entry was read again');
  for (let i = 0; i < 11; i++) assert.equal(stored[`site:http://shop${i}.example`], undefined, `shop${i} (among the oldest) evicted`);
  for (let i = 11; i < 60; i++) assert.ok(stored[`site:http://shop${i}.example`], `shop${i} kept`);
});

test('entries older than 180 days are pruned on the next write; one past its 7 days is kept (to compare with), not reused', async () => {
  const { worker } = chromium;
  const now = Date.now();
  // Only the shop's entry, so that the 50-site bound evicts nothing here.
  await worker.evaluate(async (site) => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((key) => key.startsWith('site:') && key !== `site:${site}`));
    await chrome.storage.local.set({ sites: { [site]: all.sites[site] } });
  }, SITE);
  const stored = await local(worker);
  const old = { ...sound, policyUrl: 'http://old.example/privacy', savedAt: now - 181 * DAY_MS };
  const week = { ...sound, policyUrl: 'http://week.example/privacy', savedAt: now - 8 * DAY_MS };
  await seed(worker, {
    'site:http://old.example': old, 'site:http://week.example': week,
    sites: { ...stored.sites, 'http://old.example': old.savedAt, 'http://week.example': week.savedAt }, [KEY]: 'garbage',
  });
  await visit();
  const after = await local(worker);
  assert.equal(after['site:http://old.example'], undefined);
  assert.equal(after.sites['http://old.example'], undefined);
  assert.deepEqual(after['site:http://week.example'], week, 'kept as it was');
  assert.equal(after.sites['http://week.example'], week.savedAt);
});

for (const [what, corrupt] of [
  ['garbage instead of an entry', () => 'garbage'],
  ['an entry without its report', (entry) => ({ ...entry, report: undefined })],
  ['a report of another schema version', (entry) => ({ ...entry, report: { ...entry.report, schema_version: 999, selling: { verdict: 'does_not_sell', evidence: [] } } })],
  // What the previous extension cached: schema 1, before statements and readings.
  ['a report of schema version 1 (no statements, no readings)', (entry) => ({ ...entry, report: schemaOne(entry.report) })],
  ['a report missing its tracking part', (entry) => ({ ...entry, report: { ...entry.report, tracking: undefined } })],
  ['a report with an unknown verdict', (entry) => ({ ...entry, report: { ...entry.report, selling: { verdict: '<b>fine</b>', evidence: [] } } })],
  ['an entry saved in the future', (entry) => ({ ...entry, savedAt: Date.now() + DAY_MS })],
  ['an entry the index does not list', (entry) => ({ ...entry, report: { ...entry.report, selling: { ...entry.report.selling, verdict: 'does_not_sell' } } })],
]) {
  test(`a corrupt cached entry is discarded, not trusted: ${what}`, async () => {
    const { worker, logs } = chromium;
    const stored = await local(worker);
    const entry = stored[KEY];
    const corrupted = corrupt(entry);
    const index = { ...stored.sites };
    if (what.includes('does not list')) delete index[SITE];
    await seed(worker, { [KEY]: corrupted, sites: index });
    const logged = logs.length;
    await visit();
    const after = (await local(worker))[KEY];
    assert.equal(after.report.schema_version, SCHEMA_VERSION);
    assert.ok(Array.isArray(after.report.statements) && after.report.statements.length, 'the fresh report has its statements');
    assert.ok(after.report.selling.evidence.some((quote) => typeof quote.reading === 'string'), 'and its readings');
    assert.equal(after.report.selling.verdict, 'sells');
    assert.ok(after.savedAt > entry.savedAt && after.savedAt <= Date.now(), 'replaced by a fresh analysis');
    assert.equal((await local(worker)).sites[SITE], after.savedAt, 'listed in the index');
    if (!what.includes('future')) {
      assert.ok(logs.slice(logged).some((l) => l.text.startsWith('policylens: discarded a malformed or unlisted cached report')), 'the discard is logged');
    }
  });
}

test('a malformed earlier reading or list of changes is left out: the entry is still used, no change is shown', async () => {
  const { worker } = chromium;
  const stored = await local(worker);
  const entry = stored[KEY];
  const changes = (items) => ({ since: entry.savedAt - DAY_MS, seen: entry.savedAt, dismissed: false, items });
  for (const [previous, forged] of [
    ['garbage', changes([{ kind: 'verdict', from: 'does_not_sell', to: 'sells' }])],
    [{ ...entry, savedAt: entry.savedAt - DAY_MS }, changes([{ kind: '<script>', value: 'x' }])],
    [{ ...entry, savedAt: entry.savedAt - DAY_MS }, { ...changes([]), items: 'all of them' }],
  ]) {
    await seed(worker, { [KEY]: { ...entry, previous, changes: forged } });
    const state = await visit();
    assert.equal(state.changes, undefined, `no change shown for ${JSON.stringify(forged.items).slice(0, 60)}`);
    assert.equal((await local(worker))[KEY].savedAt, entry.savedAt, 'the cached report was used');
  }
});

test('a corrupt index is rebuilt from the entries, and broken entries are removed', async () => {
  const { worker, logs } = chromium;
  const stored = await local(worker);
  await seed(worker, { sites: ['not', 'an', 'index'], 'site:http://broken.example': { savedAt: 'yesterday' }, [KEY]: 'garbage' });
  const logged = logs.length;
  await visit();
  const after = await local(worker);
  assert.equal(after['site:http://broken.example'], undefined);
  assert.equal(typeof after.sites, 'object');
  assert.ok(!Array.isArray(after.sites));
  const entries = Object.keys(after).filter((key) => key.startsWith('site:'));
  assert.deepEqual(new Set(Object.keys(after.sites).map((site) => `site:${site}`)), new Set(entries));
  assert.ok(entries.length <= CACHE_MAX_SITES && entries.length >= Object.keys(stored.sites).length - 1);
  assert.ok(logs.slice(logged).some((l) => /rebuilt the cache index \(2 broken entries removed\)/.test(l.text)), JSON.stringify(logs.slice(logged)));
});

test('a new install, update or reload of the extension starts with an empty cache', async () => {
  assert.ok(Object.keys(await local(chromium.worker)).length > 1, 'the cache holds reports');
  // Loaded from the command line, the extension is installed anew at each start of the browser.
  await chromium.close();
  chromium = await launchChromium({ hostRules: sites.hostRules, profile });
  const deadline = Date.now() + 5000;
  let stored = await local(chromium.worker);
  while (Object.keys(stored).length && Date.now() < deadline) stored = await local(chromium.worker);
  assert.deepEqual(stored, {}, 'no report made by an earlier engine is kept');
  await visit();
  assert.ok((await local(chromium.worker))[KEY]?.report);
});
