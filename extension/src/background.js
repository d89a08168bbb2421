// Background: the one message switchboard. Analyzes policies with the wasm core, caches reports per site, keeps per-tab state and sets each tab's badge from it.
import init, { analyzePage } from './pkg/policylens.js';
import { badgeFor } from './badge.js';
import { t } from './i18n.js';

const webext = globalThis.browser ?? globalThis.chrome;

/** A site's report is reused this long (policies change rarely; a re-analyze forgets it at once). */
const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Sites kept in the cache; the least recently analyzed go first. A report is a few KB to a few tens of KB. */
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
 *   }
 *
 * The site cache is all that storage.local holds: `site:<origin>` → { policyUrl, hash, savedAt, report },
 * and `sites` → { <origin>: savedAt }, the index that bounds it (CACHE_MAX_SITES, CACHE_MAX_AGE_MS).
 * An entry is used only if the index lists it with the same savedAt, it is fresh, it was made from
 * the same policy URL and text, and its report has the expected shape; else it is forgotten and
 * the policy read again. An install, update or reload of the extension empties the cache, so a
 * report is only ever read back by the engine that made it.
 */
const tabKey = (tabId) => `tab:${tabId}`;
const siteKey = (site) => `site:${site}`;

/** The latest analysis started per tab, so a slow one cannot overwrite a newer page's state. */
const latestRun = new Map();

let wasmReady = null;
/** The wasm core, instantiated once per worker life (a failed load is retried next time). */
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) }).catch((error) => {
    wasmReady = null;
    throw error;
  });
  return wasmReady;
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

/** The site's cached report if it can be trusted for this policy text; an entry that cannot is forgotten. */
async function cachedReport(site, policyUrl, hash) {
  const stored = await webext.storage.local.get([siteKey(site), 'sites']);
  const entry = stored[siteKey(site)];
  if (entry === undefined) return null;
  const now = Date.now();
  const wellFormed = typeof entry === 'object' && entry !== null && Number.isFinite(entry.savedAt) && isReport(entry.report);
  const listed = wellFormed && validIndex(stored.sites, now)?.[site] === entry.savedAt;
  if (listed && now - entry.savedAt < CACHE_MAX_AGE_MS && entry.policyUrl === policyUrl && entry.hash === hash) return entry.report;
  if (!listed) console.warn('policylens: discarded a malformed or unlisted cached report for', site);
  await updateCache(site, null);
  return null;
}

let cacheWrites = Promise.resolve();
/**
 * Store (entry) or forget (null) a site's report and prune the cache to its bounds. Writes run
 * one after another: each reads and rewrites the `sites` index. Entries are removed before the
 * index stops listing them, so a worker stopped in between leaves no unlisted entry behind.
 */
function updateCache(site, entry) {
  cacheWrites = cacheWrites.then(async () => {
    const now = Date.now();
    const stored = await webext.storage.local.get('sites');
    // A missing or corrupt index is rebuilt from the entries themselves.
    const sites = validIndex(stored.sites, now) ?? await indexFromEntries(now, stored.sites !== undefined);
    if (entry) sites[site] = entry.savedAt;
    else delete sites[site];
    const kept = Object.entries(sites)
      .filter(([, savedAt]) => now - savedAt < CACHE_MAX_AGE_MS)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CACHE_MAX_SITES);
    const keptSites = new Set(kept.map(([name]) => name));
    const dropped = [...new Set([...Object.keys(sites), site])].filter((name) => !keptSites.has(name));
    if (dropped.length) await webext.storage.local.remove(dropped.map(siteKey));
    await webext.storage.local.set(entry && keptSites.has(site)
      ? { [siteKey(site)]: entry, sites: Object.fromEntries(kept) }
      : { sites: Object.fromEntries(kept) });
  }).catch((error) => console.error('policylens: cache update failed', error));
  return cacheWrites;
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
  const run = Symbol('analysis');
  latestRun.set(tabId, run);
  const policyUrl = page.url;
  await setState(tabId, { status: 'analyzing', site, policyUrl, gpc });
  let state;
  try {
    const hash = hashText(page.text);
    let report = await cachedReport(site, policyUrl, hash);
    if (!report) {
      await loadWasm();
      report = analyzePage({ text: page.text, links: page.links, url: policyUrl, title: page.title ?? '' });
      await updateCache(site, { policyUrl, hash, savedAt: Date.now(), report });
    }
    state = { status: report.document.is_policy ? 'done' : 'not-policy', site, policyUrl, report, gpc };
  } catch (error) {
    state = { status: 'error', site, policyUrl, error: String(error?.message ?? error), gpc };
  }
  if (latestRun.get(tabId) === run) await setState(tabId, state);
}

/** The popup asked to read the tab's policy again: forget the cached report and ask the page to rescan. */
async function onReanalyze(tabId) {
  const previous = await getState(tabId);
  if (previous?.site) await updateCache(previous.site, null);
  latestRun.delete(tabId);
  await setState(tabId, { status: 'analyzing', site: previous?.site, policyUrl: previous?.policyUrl, gpc: previous?.gpc });
  try {
    await webext.tabs.sendMessage(tabId, { what: 'rescan' }, { frameId: 0 });
  } catch {
    await setState(tabId, { status: 'error', site: previous?.site, error: t('errorPageUnreadable') });
  }
  return { state: await getState(tabId) };
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
      await webext.tabs.sendMessage(tabId, { what: 'rescan' }, { frameId: 0 });
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
