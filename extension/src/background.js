// Background: the one message switchboard. Analyzes policies with the wasm core, caches reports per site, keeps per-tab state and sets each tab's badge from it.
import init, { analyzePage, prepare, warmUp } from './pkg/policylens.js';
import { warmUpReader } from './warm-up.js';
import { badgeFor } from './badge.js';
import { isChanges, mergeReading, pendingChanges } from './changes.js';
import { t } from './i18n.js';
import { siteRow } from './sites.js';

const webext = globalThis.browser ?? globalThis.chrome;

/** A site's report is reused this long without reading its policy again (policies change rarely; Re-analyze reads it at once). */
const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A site's last reading is kept this long, though no longer reused after CACHE_MAX_AGE_MS: when
 * the policy is read again, it tells whether the policy changed, and the options page lists it.
 */
const KEEP_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;
/** Sites kept in the cache; the least recently analyzed go first. An entry (two readings at most) is a few KB to a few tens of KB. */
const CACHE_MAX_SITES = 50;
/** The report shape render.js reads (`SCHEMA_VERSION` in src/report.rs); a cached report of another shape is discarded. */
const REPORT_SCHEMA_VERSION = 2;
const VERDICTS = new Set(['sells', 'does_not_sell', 'not_stated']);

/*
 * Limits on what a content script may send (content.js cuts to these; anything larger is refused).
 * The analysis reads at most 1 MiB of text anyway.
 */
const MAX_TEXT_CHARS = 4 << 20;
const MAX_LINKS = 5000;
const MAX_URL_CHARS = 4096;
const MAX_SHORT_CHARS = 500; // a link's text, a title, an error message

/*
 * Per-tab state lives in storage.session, because the service worker (Chrome) or event page
 * (Firefox) can be stopped at any time; it is forgotten when the tab closes.
 *
 *   `tab:<tabId>` → {
 *     status: 'analyzing' | 'done' | 'no-policy' | 'not-policy' | 'error',
 *     site: string,        // origin of the page the tab shows
 *     policyUrl?: string,  // the policy page read (this page or the one its link points to)
 *     report?: object,     // the analysis (status 'done', and 'not-policy' for its reason)
 *     error?: string,      // status 'error': what went wrong, in words
 *     gpc?: boolean,       // whether the browser sends Global Privacy Control to the page (as its content script saw)
 *     changes?: object,    // the answers that changed since an earlier reading, not dismissed: { since, seen, items } (changes.js)
 *   }
 *
 * The site cache is all that storage.local holds: `site:<origin>` → { policyUrl, hash, savedAt,
 * report, stale?, previous?, changes? }, and `sites` → { <origin>: savedAt }, the index that bounds
 * it (CACHE_MAX_SITES, KEEP_MAX_AGE_MS). `previous` is an earlier reading ({ policyUrl, hash,
 * savedAt, report }) of other text, and `changes` what changed since it (mergeReading in
 * changes.js); `stale` marks an entry Re-analyze asked to read again. An entry is trusted only if
 * the index lists it with the same savedAt and its reports have the expected shape (else it is
 * forgotten); its report is reused only if it is fresh (CACHE_MAX_AGE_MS, not stale) and, when the
 * content script sent the page, made from the same policy URL and text. An install, update or
 * reload of the extension empties the cache, so a report is only ever read back by the engine that made it.
 */
const tabKey = (tabId) => `tab:${tabId}`;
const siteKey = (site) => `site:${site}`;

/** The latest analysis started per tab, so a slow one cannot overwrite a newer page's state. */
const latestRun = new Map();

/**
 * A local timing entry, the latest of its name only (the benchmark reads them through the worker);
 * nothing is sent anywhere.
 */
function timed(name, start) {
  performance.clearMeasures(name);
  performance.measure(name, { start });
}

let wasmReady = null;
/** The wasm core, instantiated once per worker life (a failed load is retried next time). */
function loadWasm() {
  if (!wasmReady) {
    const started = performance.now();
    wasmReady = init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) }).then((exports) => {
      timed('policylens: wasm init', started);
      return exports;
    }, (error) => {
      wasmReady = null;
      throw error;
    });
  }
  return wasmReady;
}

let readerPrepared = null;
/** Analyses under way: the reader's warm-up stops for them. */
let analysesWaiting = 0;
/**
 * Make the reader ready (its patterns, and the engine's optimized code: see warm-up.js) once per
 * worker life, when a content script has said its site's report is not cached: the policy is then
 * on its way, and this runs while the page fetches it instead of after. It gives way to an
 * analysis as soon as one starts.
 */
function prepareReader() {
  readerPrepared ??= loadWasm().then(() => warmUpReader({ prepare, warmUp }, () => analysesWaiting > 0)).catch((error) => {
    readerPrepared = null;
    console.warn(`policylens: could not prepare the reader: ${error?.message ?? error}`);
  });
  return readerPrepared;
}

async function getState(tabId) {
  return (await webext.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
}

async function setState(tabId, state) {
  await webext.storage.session.set({ [tabKey(tabId)]: state });
  const { text, color, title } = badgeFor(state);
  // Rejects only if the tab closed meanwhile: then there is no badge to set.
  await Promise.all([
    webext.action.setBadgeText({ tabId, text }),
    webext.action.setBadgeBackgroundColor({ tabId, color }),
    webext.action.setTitle({ tabId, title }),
  ]).catch(() => {});
}

/** FNV-1a over the text: tells whether a cached report was made from the same text. */
function hashText(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** Whether a stored report has the shape and version this extension shows (the parts render.js and badge.js read). */
function isReport(report) {
  const { document: doc, selling, tracking, opt_out: optOut } = report ?? {};
  return report?.schema_version === REPORT_SCHEMA_VERSION &&
    typeof doc?.is_policy === 'boolean' &&
    VERDICTS.has(selling?.verdict) && Array.isArray(selling.evidence) &&
    Array.isArray(tracking?.services) && typeof tracking.evidence === 'object' && tracking.evidence !== null &&
    Array.isArray(optOut?.urls) && Array.isArray(optOut.emails) && Array.isArray(optOut.mechanisms) &&
    typeof optOut.evidence === 'object' && optOut.evidence !== null;
}

/** The `sites` index if it is one ({ origin: savedAt in the past }), else null. */
function validIndex(sites, now) {
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) return null;
  return Object.values(sites).every((savedAt) => Number.isFinite(savedAt) && savedAt <= now) ? sites : null;
}

/** A reading as the cache keeps it: a report of the expected shape and when it was saved. */
const isReading = (reading) => typeof reading === 'object' && reading !== null && Number.isFinite(reading.savedAt) && isReport(reading.report);

/** A stored entry with only its sound parts (a malformed earlier reading or list of changes is left out), or null if it is unusable. */
function soundEntry(entry) {
  if (!isReading(entry)) return null;
  const { previous, changes, ...latest } = entry;
  if (!isReading(previous) || previous.savedAt >= entry.savedAt) return latest;
  return isChanges(changes) ? { ...latest, previous, changes } : { ...latest, previous };
}

/** The site's entry if it can be trusted (sound, and listed by the index with its savedAt); one that cannot is forgotten. */
async function trustedEntry(site) {
  const stored = await webext.storage.local.get([siteKey(site), 'sites']);
  const entry = stored[siteKey(site)];
  if (entry === undefined) return null;
  const sound = soundEntry(entry);
  if (sound && validIndex(stored.sites, Date.now())?.[site] === entry.savedAt) return sound;
  console.warn('policylens: discarded a malformed or unlisted cached report for', site);
  await updateCache(site, () => null);
  return null;
}

/** Whether an entry's report may be shown without reading the policy again. */
const isFresh = (entry) => !entry.stale && Date.now() - entry.savedAt < CACHE_MAX_AGE_MS;

/** The site's entry if its report is fresh (and, given a policy URL and text hash, made from them); else null. */
async function freshEntry(site, policyUrl, hash) {
  const entry = await trustedEntry(site);
  if (!entry || !isFresh(entry)) return null;
  return policyUrl === undefined || (entry.policyUrl === policyUrl && entry.hash === hash) ? entry : null;
}

let cacheWrites = Promise.resolve();
/**
 * Change a site's entry: change(the sound listed entry, or null) gives the new entry, or null to
 * forget it; then prune the cache to its bounds. Resolves to the new entry (null if forgotten or
 * the write failed). Writes run one after another: each reads and rewrites the `sites` index.
 * Entries are removed before the index stops listing them, so a worker stopped in between leaves
 * no unlisted entry behind.
 */
function updateCache(site, change) {
  let result = null;
  cacheWrites = cacheWrites.then(async () => {
    const now = Date.now();
    const stored = await webext.storage.local.get(['sites', siteKey(site)]);
    // A missing or corrupt index is rebuilt from the entries themselves.
    const sites = validIndex(stored.sites, now) ?? await indexFromEntries(now, stored.sites !== undefined);
    const old = stored[siteKey(site)];
    const entry = change(old !== undefined && sites[site] === old?.savedAt ? soundEntry(old) : null);
    if (entry) sites[site] = entry.savedAt;
    else delete sites[site];
    const kept = Object.entries(sites)
      .filter(([, savedAt]) => now - savedAt < KEEP_MAX_AGE_MS)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CACHE_MAX_SITES);
    const keptSites = new Set(kept.map(([name]) => name));
    const dropped = [...new Set([...Object.keys(sites), site])].filter((name) => !keptSites.has(name));
    if (dropped.length) await webext.storage.local.remove(dropped.map(siteKey));
    await webext.storage.local.set(entry && keptSites.has(site)
      ? { [siteKey(site)]: entry, sites: Object.fromEntries(kept) }
      : { sites: Object.fromEntries(kept) });
    result = entry && keptSites.has(site) ? entry : null;
  }).catch((error) => console.error('policylens: cache update failed', error));
  return cacheWrites.then(() => result);
}

/** An index of every stored entry with a usable savedAt; unusable entries are removed. */
async function indexFromEntries(now, wasCorrupt) {
  const all = await webext.storage.local.get(null);
  const sites = {};
  const broken = [];
  for (const [key, entry] of Object.entries(all)) {
    if (!key.startsWith('site:')) continue;
    if (Number.isFinite(entry?.savedAt) && entry.savedAt <= now) sites[key.slice(5)] = entry.savedAt;
    else broken.push(key);
  }
  if (wasCorrupt || broken.length) console.warn(`policylens: rebuilt the cache index (${broken.length} broken entries removed)`);
  if (broken.length) await webext.storage.local.remove(broken);
  return sites;
}

/** Empty the site cache (storage.local holds nothing else). */
function clearCache() {
  cacheWrites = cacheWrites.then(() => webext.storage.local.clear())
    .catch((error) => console.error('policylens: cache clear failed', error));
  return cacheWrites;
}

const isWebUrl = (value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const isShortString = (value, max = MAX_SHORT_CHARS) => typeof value === 'string' && value.length <= max;
const isLink = (link) => isShortString(link?.href, MAX_URL_CHARS) && isShortString(link.text);

/** Why a page sent by a content script cannot be analyzed (null if it can): the shape and sizes content.js sends. */
function pageProblem(page, site) {
  if (typeof page !== 'object' || page === null) return 'no page';
  if (!isShortString(page.text, MAX_TEXT_CHARS)) return 'text missing or too long';
  if (!Array.isArray(page.links) || page.links.length > MAX_LINKS || !page.links.every(isLink)) return 'links malformed or too many';
  if (!isShortString(page.url, MAX_URL_CHARS) || !isWebUrl(page.url) || new URL(page.url).origin !== site) return 'not a page of this site';
  if (page.title !== undefined && !isShortString(page.title)) return 'title malformed or too long';
  return null;
}

/** A content script sent a policy page (checked by pageProblem): analyze it, or reuse the site's cached report. */
async function onAnalyze(tabId, site, page, gpc) {
  analysesWaiting++;
  try {
    await analyze(tabId, site, page, gpc);
  } finally {
    analysesWaiting--;
  }
}

async function analyze(tabId, site, page, gpc) {
  const received = performance.now();
  const run = Symbol('analysis');
  latestRun.set(tabId, run);
  const policyUrl = page.url;
  await setState(tabId, { status: 'analyzing', site, policyUrl, gpc });
  let state;
  try {
    const hash = hashText(page.text);
    let entry = await freshEntry(site, policyUrl, hash);
    if (!entry) {
      await loadWasm();
      const started = performance.now();
      const report = analyzePage({ text: page.text, links: page.links, url: policyUrl, title: page.title ?? '' });
      timed('policylens: analysis', started);
      timed('policylens: policy received to report', received); // the wait for the wasm and a warm-up step included
      const reading = { policyUrl, hash, savedAt: Date.now(), report };
      // Compared with the site's earlier reading (if any) as it is stored: see mergeReading.
      entry = (await updateCache(site, (old) => mergeReading(old, reading))) ?? reading;
    }
    state = readState(site, entry, gpc);
  } catch (error) {
    state = { status: 'error', site, policyUrl, error: String(error?.message ?? error), gpc };
  }
  if (latestRun.get(tabId) === run) await setState(tabId, state);
}

/**
 * A page loaded: if its site's report is fresh, the tab shows it at once and the content script
 * reads nothing ({ cached: true }); else the content script reads the policy ({ cached: false }).
 * The content script does not say whether GPC is on here (the popup asks the tab).
 */
async function onCached(tabId, site) {
  const entry = await freshEntry(site);
  if (!entry) {
    setTimeout(prepareReader, 0); // after this answer is on its way
    return { cached: false };
  }
  latestRun.set(tabId, Symbol('cached')); // an analysis still running for an earlier page must not overwrite this
  await setState(tabId, readState(site, entry, undefined));
  return { cached: true };
}

/** A tab's state once its site's policy is read (entry: the cache entry, or a reading not cached). */
function readState(site, { policyUrl, report, ...entry }, gpc) {
  return { status: report.document.is_policy ? 'done' : 'not-policy', site, policyUrl, report, gpc, changes: pendingChanges(entry) };
}

/**
 * The popup asked to read the tab's policy again: mark the cached report stale (kept, to compare
 * the new reading with) and ask the page to rescan.
 */
async function onReanalyze(tabId) {
  const previous = await getState(tabId);
  if (previous?.site) await updateCache(previous.site, (old) => old && { ...old, stale: true });
  latestRun.delete(tabId);
  await setState(tabId, { status: 'analyzing', site: previous?.site, policyUrl: previous?.policyUrl, gpc: previous?.gpc });
  try {
    await webext.tabs.sendMessage(tabId, { what: 'rescan', policyUrl: previous?.policyUrl }, { frameId: 0 });
  } catch {
    await setState(tabId, { status: 'error', site: previous?.site, error: t('errorPageUnreadable') });
  }
  return { state: await getState(tabId) };
}

/** The popup dismissed the changes of the tab's site: no tab of the site shows them any more (the entry keeps them, as history). */
async function onDismissChanges(tabId) {
  const site = (await getState(tabId))?.site;
  if (site) {
    await updateCache(site, (old) => old && (old.changes ? { ...old, changes: { ...old.changes, dismissed: true } } : old));
    const all = await webext.storage.session.get(null);
    await Promise.all(Object.entries(all)
      .filter(([key, state]) => key.startsWith('tab:') && state?.site === site && state.changes)
      .map(([key, { changes, ...state }]) => setState(Number(key.slice(4)), state)));
  }
  return { state: (await getState(tabId)) ?? null };
}

/** The options page's list: a row (sites.js) for every sound, listed entry. */
async function listSites() {
  const all = await webext.storage.local.get(null);
  const index = validIndex(all.sites, Date.now()) ?? {};
  const rows = [];
  for (const [site, savedAt] of Object.entries(index)) {
    const entry = soundEntry(all[siteKey(site)]);
    if (entry?.savedAt === savedAt && isWebUrl(site)) rows.push(siteRow(site, entry));
  }
  return { sites: rows };
}

/** A short, safe description of what a refused message claimed to be (it may be anything, of any size). */
const describe = (what) => (typeof what === 'string' ? JSON.stringify(what.slice(0, 40)) : typeof what);

function refuse(msg, sender, why) {
  console.warn(`policylens: refused message ${describe(msg?.what)} (${why}) from ${String(sender.url ?? sender.id).slice(0, 200)}`);
  return { error: `refused: ${why}` };
}

const isExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(webext.runtime.getURL(''));

/** Every message's one way in: only this extension's content scripts (top frames) and pages, only the messages below. */
async function handle(msg, sender) {
  await resumed;
  if (sender.id !== webext.runtime.id) return refuse(msg, sender, 'not from this extension');
  // Content scripts speak for the top frame of their tab; extension pages (the popup) ask about any tab.
  const tabId = sender.tab?.id;
  const fromPage = !isExtensionPage(sender) && Number.isInteger(tabId) && sender.frameId === 0;
  const site = fromPage && isWebUrl(sender.url) ? new URL(sender.url).origin : null;
  // What a content script says about Global Privacy Control: a boolean, or nothing (then unknown).
  if (site && msg?.gpc !== undefined && typeof msg.gpc !== 'boolean') return refuse(msg, sender, 'malformed gpc');
  const gpc = site ? msg.gpc : undefined;
  switch (msg?.what) {
    case 'analyze': {
      if (!site) return refuse(msg, sender, 'not from a web page');
      const problem = pageProblem(msg.page, site);
      if (problem) return refuse(msg, sender, `malformed page: ${problem}`);
      await onAnalyze(tabId, site, msg.page, gpc);
      return { ok: true };
    }
    case 'cached':
      if (!site) return refuse(msg, sender, 'not from a web page');
      return onCached(tabId, site);
    case 'no-policy':
      if (!site) return refuse(msg, sender, 'not from a web page');
      latestRun.delete(tabId);
      await setState(tabId, { status: 'no-policy', site, gpc });
      return { ok: true };
    case 'read-failed':
      if (!site) return refuse(msg, sender, 'not from a web page');
      if (typeof msg.error !== 'string') return refuse(msg, sender, 'malformed error');
      latestRun.delete(tabId);
      await setState(tabId, { status: 'error', site, error: msg.error.slice(0, MAX_SHORT_CHARS), gpc });
      return { ok: true };
    case 'get-state':
      if (!isExtensionPage(sender) || !Number.isInteger(msg.tabId)) return refuse(msg, sender, 'not from the popup');
      return { state: (await getState(msg.tabId)) ?? null };
    case 'reanalyze':
      if (!isExtensionPage(sender) || !Number.isInteger(msg.tabId)) return refuse(msg, sender, 'not from the popup');
      return onReanalyze(msg.tabId);
    case 'list-sites':
      if (!isExtensionPage(sender)) return refuse(msg, sender, 'not from the options page');
      return listSites();
    case 'forget-site':
      if (!isExtensionPage(sender) || !isShortString(msg.site, MAX_URL_CHARS) || !isWebUrl(msg.site)) return refuse(msg, sender, 'not from the options page');
      await updateCache(new URL(msg.site).origin, () => null);
      return { ok: true };
    case 'forget-all':
      if (!isExtensionPage(sender)) return refuse(msg, sender, 'not from the options page');
      await clearCache();
      return { ok: true };
    case 'dismiss-changes':
      if (!isExtensionPage(sender) || !Number.isInteger(msg.tabId)) return refuse(msg, sender, 'not from the popup');
      return onDismissChanges(msg.tabId);
    default:
      return refuse(msg, sender, 'unknown message');
  }
}

/**
 * Tabs left 'analyzing' by an earlier life of this worker (stopped mid-analysis) would show "…"
 * for ever: ask their pages to send the policy again, or say the reading was cut short.
 * Runs once per worker life; messages wait for it.
 */
async function resumeInterrupted() {
  const all = await webext.storage.session.get(null);
  const interrupted = Object.entries(all).filter(([key, state]) => key.startsWith('tab:') && state?.status === 'analyzing');
  await Promise.all(interrupted.map(async ([key, state]) => {
    const tabId = Number(key.slice(4));
    try {
      await webext.tabs.sendMessage(tabId, { what: 'rescan', policyUrl: state.policyUrl }, { frameId: 0 });
    } catch {
      const open = await webext.tabs.get(tabId).then(() => true, () => false);
      if (!open) await webext.storage.session.remove(key);
      else await setState(tabId, { status: 'error', site: state.site, error: t('errorCutShort') });
    }
  }));
}
const resumed = resumeInterrupted().catch((error) => console.error('policylens: could not resume interrupted tabs', error));

webext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  handle(msg, sender).then(sendResponse, (error) => {
    console.error('policylens:', error);
    sendResponse({ error: String(error?.message ?? error) });
  });
  return true; // The answer comes asynchronously.
});

// A report is read back only by the engine that made it: an install, update or reload starts the cache afresh.
webext.runtime.onInstalled.addListener(() => clearCache());

webext.tabs.onRemoved.addListener((tabId) => {
  latestRun.delete(tabId);
  webext.storage.session.remove(tabKey(tabId));
});
