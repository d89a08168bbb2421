// Background: the one message switchboard. Analyzes policies with the wasm core, caches reports per site, keeps per-tab state and sets each tab's badge from it.
import init, { analyzePage } from './pkg/policylens.js';
import { badgeFor } from './badge.js';

const webext = globalThis.browser ?? globalThis.chrome;

/** A site's report is reused this long (policies change rarely; a re-analyze forgets it at once). */
const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Sites kept in the cache; the least recently analyzed go first. A report is a few KB to a few tens of KB. */
const CACHE_MAX_SITES = 50;

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
 *   }
 *
 * The site cache lives in storage.local: `site:<origin>` → { policyUrl, hash, savedAt, report },
 * and `sites` → { <origin>: savedAt } to find what to prune.
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

async function cachedReport(site, policyUrl, hash) {
  const entry = (await webext.storage.local.get(siteKey(site)))[siteKey(site)];
  const fresh = entry && Date.now() - entry.savedAt < CACHE_MAX_AGE_MS && entry.policyUrl === policyUrl && entry.hash === hash;
  return fresh ? entry.report : null;
}

let cacheWrites = Promise.resolve();
/** Cache writes run one after another: each reads and rewrites the `sites` index. */
function updateCache(site, entry) {
  cacheWrites = cacheWrites.then(async () => {
    const { sites = {} } = await webext.storage.local.get('sites');
    if (entry) sites[site] = entry.savedAt;
    else delete sites[site];
    const now = Date.now();
    const kept = Object.entries(sites)
      .filter(([, savedAt]) => now - savedAt < CACHE_MAX_AGE_MS)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CACHE_MAX_SITES);
    const keptSites = new Set(kept.map(([name]) => name));
    const dropped = [...Object.keys(sites), site].filter((name) => !keptSites.has(name));
    await webext.storage.local.set(entry ? { [siteKey(site)]: entry, sites: Object.fromEntries(kept) } : { sites: Object.fromEntries(kept) });
    if (dropped.length) await webext.storage.local.remove(dropped.map(siteKey));
  }).catch((error) => console.error('policylens: cache update failed', error));
  return cacheWrites;
}

const isWebUrl = (value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** A content script sent a policy page: analyze it (or reuse the site's cached report). */
async function onAnalyze(tabId, site, page) {
  if (typeof page?.text !== 'string' || !Array.isArray(page.links) || !isWebUrl(page.url) || new URL(page.url).origin !== site) {
    return setState(tabId, { status: 'error', site, error: 'the page sent was malformed' });
  }
  const run = Symbol('analysis');
  latestRun.set(tabId, run);
  const policyUrl = page.url;
  await setState(tabId, { status: 'analyzing', site, policyUrl });
  let state;
  try {
    const hash = hashText(page.text);
    let report = await cachedReport(site, policyUrl, hash);
    if (!report) {
      await loadWasm();
      report = analyzePage({ text: page.text, links: page.links, url: policyUrl, title: String(page.title ?? '') });
      await updateCache(site, { policyUrl, hash, savedAt: Date.now(), report });
    }
    state = { status: report.document.is_policy ? 'done' : 'not-policy', site, policyUrl, report };
  } catch (error) {
    state = { status: 'error', site, policyUrl, error: String(error?.message ?? error) };
  }
  if (latestRun.get(tabId) === run) await setState(tabId, state);
}

/** The popup asked to read the tab's policy again: forget the cached report and ask the page to rescan. */
async function onReanalyze(tabId) {
  const previous = await getState(tabId);
  if (previous?.site) await updateCache(previous.site, null);
  latestRun.delete(tabId);
  await setState(tabId, { status: 'analyzing', site: previous?.site, policyUrl: previous?.policyUrl });
  try {
    await webext.tabs.sendMessage(tabId, { what: 'rescan' }, { frameId: 0 });
  } catch {
    await setState(tabId, { status: 'error', site: previous?.site, error: 'this page cannot be read; reload it and try again' });
  }
  return { state: await getState(tabId) };
}

function refuse(msg, sender, why) {
  console.warn(`policylens: refused message ${JSON.stringify(msg?.what)} (${why}) from`, sender.url ?? sender.id);
  return { error: `refused: ${why}` };
}

const isExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(webext.runtime.getURL(''));

async function handle(msg, sender) {
  if (sender.id !== webext.runtime.id) return refuse(msg, sender, 'not from this extension');
  // Content scripts speak for the top frame of their tab; extension pages (the popup) ask about any tab.
  const tabId = sender.tab?.id;
  const fromPage = !isExtensionPage(sender) && Number.isInteger(tabId) && sender.frameId === 0;
  const site = fromPage && isWebUrl(sender.url) ? new URL(sender.url).origin : null;
  switch (msg?.what) {
    case 'analyze':
      if (!site) return refuse(msg, sender, 'not from a web page');
      await onAnalyze(tabId, site, msg.page);
      return { ok: true };
    case 'no-policy':
      if (!site) return refuse(msg, sender, 'not from a web page');
      latestRun.delete(tabId);
      await setState(tabId, { status: 'no-policy', site });
      return { ok: true };
    case 'read-failed':
      if (!site) return refuse(msg, sender, 'not from a web page');
      latestRun.delete(tabId);
      await setState(tabId, { status: 'error', site, error: String(msg.error ?? 'unknown error') });
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

webext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  handle(msg, sender).then(sendResponse, (error) => {
    console.error('policylens:', error);
    sendResponse({ error: String(error?.message ?? error) });
  });
  return true; // The answer comes asynchronously.
});

webext.tabs.onRemoved.addListener((tabId) => {
  latestRun.delete(tabId);
  webext.storage.session.remove(tabKey(tabId));
});
