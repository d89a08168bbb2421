// Test helper: the release Chrome extension (dist/chrome) in headless Chromium via playwright-core, and the ways the tests look into it (tab states, badge, popup, worker log, content-script world).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './shop-site.mjs';

export const CHROME_EXTENSION = join(ROOT, 'dist/chrome');
/** How long a page may take to be read, and the popup to show it. */
export const TIMEOUT_MS = 20_000;
/** Flags that keep Chromium off this closed network (see ../shared/TOOLCHAIN.md). */
const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Launch Chromium with the extension (and any other unpacked extensions in otherExtensions),
 * host names mapped by hostRules (a --host-resolver-rules value), in the given profile folder (kept)
 * or a new one (removed on close). Resolves to { context, worker, extensionId, logs, close() };
 * logs collects the service worker's console lines as { type, text }.
 */
export async function launchChromium({ hostRules = '', args = [], otherExtensions = [], profile: given } = {}) {
  const profile = given ?? await mkdtemp(join(tmpdir(), 'policylens-chromium-'));
  const extensions = [CHROME_EXTENSION, ...otherExtensions].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`, '--no-sandbox', '--disable-gpu',
      ...QUIET_FLAGS, ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []), ...args,
    ],
  });
  const isOurs = (w) => w.url().endsWith('/background.js');
  const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  const logs = [];
  // Playwright keeps one Worker object across the worker's restarts, so this hears every life.
  worker.on('console', (message) => logs.push({ type: message.type(), text: message.text() }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    logs,
    close: async () => {
      await context.close();
      if (!given) await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Wait until the background holds a settled state (not 'analyzing') for an open tab on the
 * origin of pageUrl; resolves to [tabId, state]. Tab ids are not visible to Playwright: the
 * background's tab map (storage.session) names them, so each test uses its own site.
 */
export async function settledTab(worker, pageUrl, { timeout = TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await worker.evaluate(async (site) => {
      const all = await chrome.storage.session.get(null);
      const open = new Set((await chrome.tabs.query({})).map((tab) => tab.id));
      return Object.entries(all)
        .filter(([key, state]) => key.startsWith('tab:') && state.site === site && state.status !== 'analyzing')
        .map(([key, state]) => [Number(key.slice(4)), state])
        .filter(([tabId]) => open.has(tabId))
        .pop() ?? null;
    }, new URL(pageUrl).origin);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no settled analysis for ${pageUrl}`);
    await sleep(100);
  }
}

/** The badge of a tab, read in any extension context (the worker or an extension page). */
export async function badge(target, tabId) {
  return target.evaluate(async (tabId) => ({
    text: await chrome.action.getBadgeText({ tabId }),
    title: await chrome.action.getTitle({ tabId }),
  }), tabId);
}

/** Open the popup for a tab in a page of its own and wait until it shows that status. */
export async function openPopup(context, extensionId, tabId, status = 'done') {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 404, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector(`body[data-status="${status}"]`, { timeout: TIMEOUT_MS });
  return popup;
}

/**
 * A function that evaluates an expression in the content script's isolated world of a page
 * (where `chrome.runtime.sendMessage` speaks for that tab), through the DevTools protocol:
 * what a compromised or buggy content script could send.
 */
export async function contentScriptWorld(context, page) {
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
  await cdp.send('Runtime.enable');
  return async (expression) => {
    const deadline = Date.now() + TIMEOUT_MS;
    let world;
    while (!(world = worlds.findLast((w) => w.name === 'policylens' && w.origin.startsWith('chrome-extension://')))) {
      if (Date.now() > deadline) throw new Error('no content-script world in the page');
      await sleep(50);
    }
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id, expression, awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
}

/**
 * Stop the extension's service worker, as the browser does when it is idle (DevTools protocol:
 * ServiceWorker.stopAllWorkers, from a page of the extension's origin that sends no message).
 * Resolves once it is stopped, to { page, status(), close() }: page is that extension page (its
 * chrome.* calls do not need the worker), status() the worker's latest running status. The next
 * event (a message, a tab closing) starts a new worker; Playwright keeps the same Worker object,
 * which then evaluates in the new one.
 */
export async function stopWorker(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/icons/16.png`);
  const cdp = await context.newCDPSession(page);
  let status = null;
  let onStopped;
  const stopped = new Promise((resolve) => { onStopped = resolve; });
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL === `chrome-extension://${extensionId}/background.js`);
    if (!ours) return;
    status = ours.runningStatus;
    if (status === 'stopped') onStopped();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  return {
    page,
    status: () => status,
    close: async () => {
      await cdp.detach();
      await page.close();
    },
  };
}
