// Test helper: the release Firefox extension (dist/firefox) in headless Firefox ESR via geckodriver and selenium-webdriver, as a temporary add-on whose moz-extension:// host the test knows; and the ways the tests look into it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Browser } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { ROOT } from './shop-site.mjs';

export const FIREFOX_EXTENSION = join(ROOT, 'dist/firefox');
const GECKO_ID = 'policylens@policylens.dev';
const GECKODRIVER = process.env.GECKODRIVER || join(homedir(), '.cargo/bin/geckodriver');
export const TIMEOUT_MS = 20_000;

/**
 * Launch Firefox with the extension installed, and any preferences ({ name: value }) set in its
 * profile. Resolves to { driver, extensionPage(path), downloads, close() }; downloads is a folder
 * where downloads land without asking (removed on close).
 */
export async function launchFirefox({ prefs = {} } = {}) {
  // Fixed through a preference, so the test knows the moz-extension:// host.
  const uuid = randomUUID();
  const downloads = await mkdtemp(join(tmpdir(), 'policylens-downloads-'));
  const options = new firefox.Options()
    .setBinary('/usr/bin/firefox-esr')
    .addArguments('-headless')
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: uuid }))
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false);
  for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
  // --allow-system-access lets WebDriver open and script moz-extension:// pages.
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser(Browser.FIREFOX).setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(FIREFOX_EXTENSION, true);
  return {
    driver,
    extensionPage: (path) => `moz-extension://${uuid}/${path}`,
    downloads,
    close: async () => {
      await driver.quit();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * From an extension page, wait until the background holds a settled state for a tab showing
 * the site; returns { tabId, state, badge: { text, title } } (null if none in time).
 */
export async function settledTab({ driver, extensionPage }, site) {
  await driver.get(extensionPage('popup.html'));
  return driver.executeAsyncScript(async (site, timeoutMs, done) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const all = await browser.storage.session.get(null);
      const entry = Object.entries(all).find(([key, state]) => key.startsWith('tab:') && state.site === site && state.status !== 'analyzing');
      if (entry) {
        const tabId = Number(entry[0].slice(4));
        const badge = { text: await browser.action.getBadgeText({ tabId }), title: await browser.action.getTitle({ tabId }) };
        return done({ tabId, state: entry[1], badge });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    done(null);
  }, site, TIMEOUT_MS);
}

/** From an extension page (the window's current tab must show one), a tab's badge: { text, title }. */
export async function badge({ driver }, tabId) {
  return driver.executeAsyncScript(async (tabId, done) => {
    done({ text: await browser.action.getBadgeText({ tabId }), title: await browser.action.getTitle({ tabId }) });
  }, tabId);
}

/** From an extension page (the window's current tab must show one), what storage `area` ('local', 'session') holds at `key` (null if nothing). */
export async function stored({ driver }, area, key) {
  return driver.executeAsyncScript(async (area, key, done) => done((await browser.storage[area].get(key))[key] ?? null), area, key);
}

/**
 * Open url in a new tab and wait for the extension to settle on it; then switch to another new
 * tab (for extension pages). Resolves to { shopTab, tabId, state, badge }.
 */
export async function visit(firefoxBrowser, url) {
  const { driver } = firefoxBrowser;
  await driver.switchTo().newWindow('tab');
  await driver.get(url);
  const shopTab = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  const found = await settledTab(firefoxBrowser, new URL(url).origin);
  if (!found) throw new Error(`no settled reading for ${url}`);
  return { shopTab, ...found };
}

/** Close every tab but one (left blank), so the next test starts clean. */
export async function closeTabs({ driver }) {
  const handles = await driver.getAllWindowHandles();
  for (const handle of handles.slice(1)) {
    await driver.switchTo().window(handle);
    await driver.close();
  }
  await driver.switchTo().window(handles[0]);
}
