// Benchmark runner (./build.sh bench, after the release build and `cargo bench`): wasm timings in headless Chromium (www/bench.html; cold first calls on pages of their own, www/bench-cold.html), criterion's native figures, sizes, and the extension content script's main-thread cost; prints one table with the budgets and writes target/bench-results.json.
//
// Benchmarks are not tests: a missed budget is reported as MISS and the exit code stays 0; only an error exits 1.
import { createServer } from 'node:http';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { settledTab, stopWorker } from '../e2e/extension-browser.mjs';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const WWW = join(ROOT, 'www');
const FIXTURES = join(ROOT, 'tests/fixtures');
const EXTENSION = join(ROOT, 'dist/chrome');
const CRITERION = join(ROOT, 'target/criterion');
const OUT_JSON = join(ROOT, 'target/bench-results.json');
const CHROMIUM = '/usr/bin/chromium';
// Keep Chromium off this closed network (see ../shared/TOOLCHAIN.md).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * The content-script scenarios: which fixture the shop's policy page serves, and how many product
 * links its home page has. A first visit finds nothing cached (the cache is emptied before each
 * load): the content script asks, then finds, fetches and reads the policy. A second page is a
 * product page of a shop whose home page was read just before: the content script asks and
 * gets the cached report, and fetches nothing.
 */
const SHOP_POLICY = 'crypjama.com.txt';
const SCENARIOS = [
  { key: 'shop', label: `first visit: shop home page (policy ${SHOP_POLICY})`, policy: SHOP_POLICY, links: 12 },
  { key: 'shop_largest', label: 'first visit: shop home page (policy newegg.com.txt, the largest)', policy: 'newegg.com.txt', links: 12 },
  { key: 'many_links', label: `first visit: home page with 5,000 links (policy ${SHOP_POLICY})`, policy: SHOP_POLICY, links: 5000 },
  { key: 'second_page', label: `second page of a shop already read (policy ${SHOP_POLICY}, cached)`, policy: SHOP_POLICY, links: 12, secondPage: true },
];
/** Page loads per scenario: the first warms up (JIT, caches) and is not counted. */
const LOADS = 8;
/** CPU profiler sampling interval (µs): fine enough for a few-ms figure, overhead seen to be small. */
const SAMPLING_US = 100;
const SETTLE_TIMEOUT_MS = 20_000;
/**
 * The restarted-worker rounds: the policy read (the largest), how late its page answers (a
 * network's latency: a shop's policy page takes a few hundred ms to arrive in the field; and at
 * once, the worst case for the worker, which then has no time to get ready), and how many rounds.
 */
const RESTART_POLICY = 'newegg.com.txt';
const RESTART_POLICY_DELAY_MS = 200;
const RESTART_ROUNDS = 7;

/** Issue 9's budgets (ratio: wasm against native, from the first speed issue). */
const BUDGETS = { wasmInitMs: 30, firstCallMs: 20, wasmLargestMs: 2, ratio: 2, nativeMBs: 100, cliVsGrep: 20, gzipKB: 250, contentScriptMs: 5, secondPageMs: 1 };

/**
 * The paired CLI-vs-grep run: the CLI's --summary over a corpus against `grep -c -i -F -f` of
 * policy keywords over the same files, alternated so that both see the same machine load. The
 * corpus is ../shared/corpus/bulk (2,000 real shop policies) where it exists, or
 * POLICYLENS_BULK, else the 52 fixture pages.
 */
const CLI = join(ROOT, 'target/release/policylens');
const BULK = process.env.POLICYLENS_BULK ?? join(ROOT, '../shared/corpus/bulk');
const GREP_KEYWORDS = ['privacy', 'personal information', 'cookies', 'third part', 'sell', 'share', 'opt out', 'opt-out',
  'unsubscribe', 'do not track', 'analytics', 'advertising', 'california', 'consent', 'e-mail', 'collect', 'your rights', 'contact us'];
const CLI_ROUNDS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const kb = (bytes) => bytes / 1000;

// ---------------------------------------------------------------- CLI vs grep

/** Wall time of one run of a command (its output discarded); exit codes 0 and 1 are both fine. */
function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} failed: ${r.error ?? r.stderr}`);
  return ms;
}

async function cliVsGrep() {
  let dir = BULK;
  let names;
  try {
    names = (await readdir(dir)).filter((n) => /\.(txt|md|html)$/.test(n)).sort();
  } catch {
    names = [];
  }
  if (!names.length) {
    dir = FIXTURES;
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  }
  const files = names.map((n) => join(dir, n));
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  const scratch = await mkdtemp(join(tmpdir(), 'policylens-grep-'));
  const keywords = join(scratch, 'keywords.txt');
  await writeFile(keywords, GREP_KEYWORDS.join('\n') + '\n');
  const runs = { grep: [], cli1: [], cli: [] };
  try {
    for (let round = 0; round < CLI_ROUNDS; round++) {
      runs.grep.push(timed('grep', ['-c', '-i', '-F', '-f', keywords, ...files]));
      runs.cli1.push(timed(CLI, ['--summary', '--jobs', '1', ...files]));
      runs.cli.push(timed(CLI, ['--summary', ...files]));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    corpus: dir === FIXTURES ? 'tests/fixtures' : dir,
    files: files.length,
    bytes,
    grep_ms: median(runs.grep),
    cli_jobs1_ms: median(runs.cli1),
    cli_ms: median(runs.cli),
    cpus: cpus().length,
  };
}

// ---------------------------------------------------------------- local servers

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json' };

/** Listen on 127.0.0.1 at a free port; resolves to { origin, close() }. */
function listen(handler) {
  const server = createServer((req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    Promise.resolve(handler(new URL(req.url, 'http://x'), res)).catch(() => res.writeHead(500).end());
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((closed) => { server.closeAllConnections(); server.close(closed); }),
    }));
  });
}

/**
 * The bench page's site: www/ (read-only), plus /fixtures/index.json (the fixture names) and
 * /fixtures/<name>.txt. Cross-origin isolated (COOP + COEP), so performance.now() has 5 µs
 * resolution instead of 100 µs.
 */
function benchSite(fixtureNames) {
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
  return listen(async (url, res) => {
    const path = decodeURIComponent(url.pathname);
    if (path === '/fixtures/index.json') {
      res.writeHead(200, { ...isolated, 'content-type': TYPES['.json'] }).end(JSON.stringify(fixtureNames));
      return;
    }
    let file = null;
    if (path.startsWith('/fixtures/')) {
      const name = path.slice('/fixtures/'.length);
      if (fixtureNames.includes(name)) file = join(FIXTURES, name);
    } else {
      const full = resolve(WWW, `.${path}`);
      if (full.startsWith(WWW + sep)) file = full;
    }
    const body = file && (await readFile(file).catch(() => null));
    if (!body) {
      res.writeHead(404, isolated).end('not found');
      return;
    }
    res.writeHead(200, { ...isolated, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** One policy line as HTML: escaped, with its http(s) URLs and e-mail addresses as links. */
const lineToHtml = (line) => escapeHtml(line)
  .replace(/\bhttps?:\/\/[^\s<>"&]+[^\s<>"&.,;:)]/g, (u) => `<a href="${u}">${u}</a>`)
  .replace(/(?<![\w.:/-])[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, (e) => `<a href="mailto:${e}">${e}</a>`);
const htmlPage = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

/**
 * A local shop, as the end-to-end tests serve one: `/?policy=<fixture>&links=<n>` is a home page
 * with n product links and a footer linking to `/policies/privacy-policy?policy=<fixture>`,
 * which serves that fixture as HTML; `/products/<item>?policy=<fixture>` is a product page with
 * the same footer. `&delay=<ms>` on the home page makes its policy page answer that much later.
 * Never cached by the browser. `policyFetches()` counts the policy's requests.
 */
async function shopSite(fixtureNames) {
  let policyFetches = 0;
  const server = await listen(async (url, res) => {
    const policy = url.searchParams.get('policy');
    if (!fixtureNames.includes(policy)) {
      res.writeHead(404).end('not found');
      return;
    }
    // How long the policy page takes to answer (a network's latency), passed on by the footer link.
    const delay = Math.min(Number(url.searchParams.get('delay') ?? 0), 5_000);
    const nav = '<header><nav><a href="/">Shop</a> <a href="/collections/all">Shop all</a> <a href="/cart">Cart</a></nav></header>';
    const policyLink = `/policies/privacy-policy?policy=${encodeURIComponent(policy)}${delay ? `&delay=${delay}` : ''}`;
    const footer = `<footer><a href="/pages/contact">Contact</a> <a href="/policies/refund-policy">Refund policy</a>
      <a href="/policies/terms-of-service">Terms of service</a> <a href="${policyLink}">Privacy policy</a></footer>`;
    let body;
    if (url.pathname === '/') {
      const links = Math.min(Number(url.searchParams.get('links') ?? 0), 20_000);
      const products = Array.from({ length: links }, (_, i) => `<li><a href="/products/item-${i}">Product ${i} – $${10 + (i % 90)}</a></li>`).join('');
      body = htmlPage('Shop – handmade jewelry', `${nav}<main><h1>New arrivals</h1><ul>${products}</ul></main>${footer}`);
    } else if (url.pathname.startsWith('/products/')) {
      body = htmlPage('Gold hoop earrings – Shop', `${nav}<main><h1>Gold hoop earrings</h1><p>$39. Handmade.</p><button>Add to cart</button></main>${footer}`);
    } else if (url.pathname === '/policies/privacy-policy') {
      policyFetches++;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const text = await readFile(join(FIXTURES, policy), 'utf8');
      const paragraphs = text.split('\n').filter((l) => l.trim()).map((l) => `<p>${lineToHtml(l)}</p>`).join('\n');
      body = htmlPage('Privacy policy', `${nav}<main>${paragraphs}</main>${footer}`);
    } else {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(body);
  });
  return { ...server, policyFetches: () => policyFetches };
}

// ---------------------------------------------------------------- the figures

/** www/bench.html in headless Chromium (no extension): window.benchResults. */
async function wasmInChromium(fixtureNames) {
  const site = await benchSite(fixtureNames);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${site.origin}/bench.html`);
    const handle = await page.waitForFunction(() => window.benchResults ?? (window.benchError && { error: window.benchError }), null, { timeout: 600_000, polling: 500 });
    const results = await handle.jsonValue();
    if (results.error || pageErrors.length) throw new Error(`bench.html failed: ${results.error ?? pageErrors.join('; ')}`);
    return { ...results, chromium: browser.version() };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Cold pages per mode, alternated, each in a new browser context; and the pause they wait, as a policy fetch takes. */
const COLD_ROUNDS = 7;
const COLD_PAUSE_MS = 200;

/**
 * www/bench-cold.html: the first analysis of `policy` on a page of its own in a new browser
 * context (so nothing of the wasm is compiled yet, as in a restarted service worker): with nothing
 * before the pause, with prepare(), and with the extension's warm-up (www/pkg/warm-up.js),
 * COLD_ROUNDS times each, alternated. Medians. `extraArgs` go to Chromium: with
 * `--js-flags=--liftoff-only` V8 runs the wasm in its baseline tier only, the floor the first
 * call meets when no optimized code is ready (and no optimizing compile shares the cores).
 */
async function coldPages(fixtureNames, policy, extraArgs = []) {
  const site = await benchSite(fixtureNames);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const runs = { cold: [], prepared: [], warmed: [] };
  try {
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const mode of ['cold', 'prepared', 'warmed']) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${site.origin}/bench-cold.html?mode=${mode}&pause=${COLD_PAUSE_MS}&policy=${encodeURIComponent(policy)}`);
          const handle = await page.waitForFunction(() => window.coldResult, null, { timeout: 60_000, polling: 50 });
          const result = await handle.jsonValue();
          if (result.error) throw new Error(`bench-cold.html failed: ${result.error}`);
          runs[mode].push(result);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const med = (mode, key) => median(runs[mode].map((r) => r[key]));
  return {
    policy, rounds: COLD_ROUNDS, pause_ms: COLD_PAUSE_MS,
    init_ms: median([...runs.cold, ...runs.prepared, ...runs.warmed].map((r) => r.initMs)),
    cold_first_call_ms: med('cold', 'firstMs'),
    cold_first_calls_ms: runs.cold.map((r) => r.firstMs),
    prepared_first_call_ms: med('prepared', 'firstMs'),
    prepared_first_calls_ms: runs.prepared.map((r) => r.firstMs),
    prepare_ms: med('prepared', 'prepareMs'),
    warmed_first_call_ms: med('warmed', 'firstMs'),
    warmed_first_calls_ms: runs.warmed.map((r) => r.firstMs),
    warm_up_ms: med('warmed', 'warmUpMs'),
  };
}

/**
 * Criterion's last run (`cargo bench --bench analyze`): median time and throughput of every
 * benchmark, from target/criterion/<group>/<bench>/new/{benchmark,estimates}.json. Criterion
 * never deletes a renamed benchmark's folder, so only those written within RUN_WINDOW_MS of the
 * newest count as this run.
 */
const RUN_WINDOW_MS = 10 * 60_000;
async function nativeFigures() {
  const found = [];
  for (const group of await readdir(CRITERION).catch(() => [])) {
    for (const dir of await readdir(join(CRITERION, group)).catch(() => [])) {
      const files = join(CRITERION, group, dir, 'new');
      try {
        const bench = JSON.parse(await readFile(join(files, 'benchmark.json'), 'utf8'));
        const estimates = JSON.parse(await readFile(join(files, 'estimates.json'), 'utf8'));
        const ns = estimates.median.point_estimate;
        const bytes = bench.throughput?.Bytes ?? null;
        const mtime = (await stat(join(files, 'estimates.json'))).mtimeMs;
        found.push({ group: bench.group_id, id: bench.function_id, ms: ns / 1e6, bytes, mb_per_s: bytes && (bytes / ns) * 1e3, mtime });
      } catch {
        // Not a benchmark folder (criterion's report/), or an interrupted run: skip it.
      }
    }
  }
  const newestRun = Math.max(...found.map((b) => b.mtime));
  const current = found.filter((b) => b.mtime >= newestRun - RUN_WINDOW_MS).sort((a, b) => a.group.localeCompare(b.group) || a.mtime - b.mtime);
  const analyze = current.filter((b) => b.group === 'analyze');
  return {
    all: analyze.find((b) => b.id === 'all fixtures') ?? null,
    largest: analyze.find((b) => b.id.startsWith('largest')) ?? null,
    others: current.filter((b) => b.group !== 'analyze'),
  };
}

async function sizes() {
  const wasm = await readFile(join(ROOT, 'pkg/policylens_bg.wasm'));
  const size = async (path) => (await stat(join(ROOT, path))).size;
  return {
    wasm_bytes: wasm.length,
    wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length,
    chrome_zip_bytes: await size('dist/policylens-chrome.zip'),
    firefox_zip_bytes: await size('dist/policylens-firefox.zip'),
  };
}

/*
 * The content script's main-thread cost, from a V8 CPU profile of each page load.
 *
 * Why a CPU profile: the content script's real work (parsing the fetched policy with DOMParser,
 * walking it for its text and links) runs in async-function continuations after `fetch`
 * resolves. A DevTools timeline trace attributes only the script's first, synchronous run to
 * content.js (`EvaluateScript` with its URL); the continuations show up as anonymous
 * `RunMicrotasks`. The sampling profiler records the JS stack of every sample in the page's
 * renderer (all worlds, the content script's isolated world included): a sample counts for the
 * content script when any frame on its stack is from chrome-extension://<id>/content.js. That
 * covers its own JS, the DOM and builtin calls it makes (DOMParser, querySelectorAll,
 * textContent, regexes) and the lazy compilation of its functions, on the main thread only —
 * the fetch itself is off-thread, and the analysis runs in the service worker, not the page.
 *
 * Not counted (caveats): compiling content.js's top level (about 0.5–1 ms per load in traces
 * seen here, `v8.compile`), creating its isolated world (one extra `LocalWindowProxy::Initialize`,
 * about 2–3 ms, paid by any content script), and garbage collection its garbage triggers
 * (sampled without a stack). So the figure is the script's own work, a lower bound of what the
 * extension adds. Sampling every 100 µs gives about ±0.1 ms per few ms; the profiler adds a
 * little overhead of its own.
 */
async function contentScriptCost(shop) {
  const shopOrigin = shop.origin;
  const profileDir = await mkdtemp(join(tmpdir(), 'policylens-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    // No wasm module cache: a restarted worker would otherwise reuse the module its previous life
    // compiled if the extension's process outlived it, as it may here (restarts seconds apart),
    // and less often in the field (a worker stopped after an idle half-minute).
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--js-flags=--no-wasm-native-module-cache', ...CHROMIUM_ARGS],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const scriptUrl = `chrome-extension://${new URL(worker.url()).host}/content.js`;
    const results = {};
    for (const scenario of SCENARIOS) {
      const policy = encodeURIComponent(scenario.policy);
      const home = `${shopOrigin}/?policy=${policy}&links=${scenario.links}`;
      const url = scenario.secondPage ? `${shopOrigin}/products/gold-hoop-earrings?policy=${policy}` : home;
      // A second page: the shop's home page read first (not measured), so its report is cached.
      if (scenario.secondPage) await profiledLoad(context, worker, home, scriptUrl, { firstVisit: true });
      const fetchesBefore = shop.policyFetches();
      const loads = [];
      const hot = {};
      for (let i = 0; i < LOADS; i++) {
        const { ms, byFunction } = await profiledLoad(context, worker, url, scriptUrl, { firstVisit: !scenario.secondPage });
        if (i === 0) continue;
        loads.push(ms);
        for (const [name, t] of Object.entries(byFunction)) hot[name] = (hot[name] ?? 0) + t / (LOADS - 1);
      }
      // Where the time goes: mean ms per load by the innermost content.js function on the stack (its callees included).
      const hot_functions_ms = Object.fromEntries(Object.entries(hot).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, t]) => [n, Number(t.toFixed(2))]));
      results[scenario.key] = {
        ...scenario, median_ms: median(loads), min_ms: Math.min(...loads), max_ms: Math.max(...loads), loads_ms: loads, hot_functions_ms,
        policy_fetches_per_load: (shop.policyFetches() - fetchesBefore) / LOADS,
      };
    }
    // The worker's first wasm init (the browser just started), and the fetch of the wasm alone.
    const first = await worker.evaluate(async () => {
      const url = chrome.runtime.getURL('pkg/policylens_bg.wasm');
      const fetches = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
        fetches.push(performance.now() - t0);
      }
      return { init_ms: performance.getEntriesByName('policylens: wasm init').at(-1)?.duration, fetch_ms: fetches };
    });
    if (first.init_ms === undefined) throw new Error('the extension worker recorded no wasm init');
    const restarts = await workerRestarts(context, worker, shopOrigin, RESTART_POLICY_DELAY_MS);
    const atOnce = await workerRestarts(context, worker, shopOrigin, 0);
    return { scenarios: results, workerInit: { first_init_ms: first.init_ms, fetch_ms: median(first.fetch_ms), ...restarts, at_once: atOnce } };
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

/**
 * A shopper's first visit to a new shop after the browser stopped the idle worker (Chrome stops
 * it after about 30 s), in the real extension: each round stops the extension's service worker,
 * empties the report cache, and opens a shop home page whose policy (the largest) answers after
 * delay ms. The content script's question starts a new worker, which loads the wasm and warms the
 * reader up while the page fetches the policy. Read from the new worker's own timing entries
 * (background.js): the wasm init, the analysis call, and the time from the policy's arrival to its
 * report (the wait for the wasm or a warm-up step included). The browser runs with V8's wasm
 * module cache off (see contentScriptCost), so that each new worker compiles the wasm afresh, as
 * one started in a new process after an idle half-minute does.
 */
async function workerRestarts(context, worker, shopOrigin, delay) {
  const extensionId = new URL(worker.url()).host;
  const url = `${shopOrigin}/?policy=${encodeURIComponent(RESTART_POLICY)}&links=12&delay=${delay}`;
  const rounds = [];
  for (let i = 0; i < RESTART_ROUNDS; i++) {
    await worker.evaluate(() => { globalThis.policylensBenchLife = 'before the stop'; });
    const stopped = await stopWorker(context, extensionId);
    // The extension page's storage calls do not need (or start) the worker.
    await stopped.page.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]));
    await stopped.close();
    const page = await context.newPage();
    try {
      await page.goto(url);
      const [, state] = await settledTab(worker, url, { timeout: SETTLE_TIMEOUT_MS });
      if (state.status !== 'done') throw new Error(`the restarted worker settled on ${state.status}, not done`);
      const round = await worker.evaluate(() => ({
        new_life: globalThis.policylensBenchLife === undefined,
        ...Object.fromEntries(['wasm init', 'analysis', 'policy received to report'].map((name) =>
          [name, performance.getEntriesByName(`policylens: ${name}`).at(-1)?.duration ?? null])),
      }));
      if (!round.new_life) throw new Error('the worker was not restarted');
      if (Object.values(round).includes(null)) throw new Error(`the restarted worker lacks a timing entry: ${JSON.stringify(round)}`);
      rounds.push({ init_ms: round['wasm init'], analysis_ms: round.analysis, received_to_report_ms: round['policy received to report'] });
    } finally {
      await page.close();
    }
  }
  const column = (key) => rounds.map((r) => r[key]);
  return {
    rounds: RESTART_ROUNDS, policy: RESTART_POLICY, delay_ms: delay,
    init_ms: median(column('init_ms')), inits_ms: column('init_ms'),
    analysis_ms: median(column('analysis_ms')), analyses_ms: column('analysis_ms'),
    received_to_report_ms: median(column('received_to_report_ms')), received_to_reports_ms: column('received_to_report_ms'),
  };
}

/**
 * Load url in a new tab under the CPU profiler until the extension has the page's result; ms of
 * samples with content.js on the stack. A first visit empties the report cache first.
 */
async function profiledLoad(context, worker, url, scriptUrl, { firstVisit }) {
  const site = new URL(url).origin;
  // Forget earlier tabs' states, so the one that appears is this load's.
  await worker.evaluate(async (firstVisit) => {
    await chrome.storage.session.clear();
    if (firstVisit) await chrome.storage.local.clear();
  }, firstVisit);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await page.goto(url);
    // The content script is done once the background has settled this tab (its message arrived and was answered).
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const status = await worker.evaluate(async (site) => Object.values(await chrome.storage.session.get(null)).find((s) => s.site === site)?.status, site);
      if (status && status !== 'analyzing') break;
      if (Date.now() > deadline) throw new Error(`the extension never settled on ${url} (status ${status ?? 'none'})`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 100)); // the reply to sendMessage reaches the content script
    const { profile } = await cdp.send('Profiler.stop');
    // On a first visit the script takes milliseconds: no sample of it at all means the profiler
    // watched the wrong renderer. (A second page's script may take less than one sample.)
    if (firstVisit && !profile.nodes.some((n) => n.callFrame.url === scriptUrl)) throw new Error(`the CPU profile of ${url} holds no ${scriptUrl} frame`);
    if (!profile.samples.length) throw new Error(`the CPU profile of ${url} holds no sample`);
    return contentScriptMs(profile, scriptUrl);
  } finally {
    await page.close();
  }
}

/**
 * Sum of the sample intervals whose stack holds a frame of scriptUrl (a sample lasts until the
 * next one), in ms, and the same split by the innermost such frame's function.
 */
function contentScriptMs(profile, scriptUrl) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const memo = new Map();
  /** The innermost node of scriptUrl on the stack ending at id, or null. */
  const scriptFrame = (id) => {
    if (id === undefined) return null;
    if (!memo.has(id)) memo.set(id, nodes.get(id).callFrame.url === scriptUrl ? nodes.get(id) : scriptFrame(parent.get(id)));
    return memo.get(id);
  };
  let us = 0;
  const byFunction = {};
  profile.samples.forEach((id, k) => {
    const frame = scriptFrame(id);
    if (!frame) return;
    const dt = profile.timeDeltas[k + 1] ?? SAMPLING_US;
    us += dt;
    const name = `${frame.callFrame.functionName || '(top level)'}:${frame.callFrame.lineNumber + 1}`;
    byFunction[name] = (byFunction[name] ?? 0) + dt / 1000;
  });
  return { ms: us / 1000, byFunction };
}

// ---------------------------------------------------------------- the table

const pass = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS');
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(2)} ms`);
const mbs = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} MB/s`);
/** A list's lowest and highest, to one decimal. */
const spread = (xs) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
const ratioOrNull = (a, b) => (a != null && b ? a / b : null);

function buildRows({ wasm, cold, baseline, native, cli, size, cs, workerInit: wi }) {
  const rows = [];
  const row = (figure, value, budget = '', ok = undefined, key = undefined, number = undefined) =>
    rows.push({ figure, value, budget, result: ok === undefined ? '' : pass(ok), key, number });
  const L = wasm.largest;
  row(`wasm in Chromium: largest policy (${L.name}, ${kb(L.bytes).toFixed(1)} KB), median of ${L.runs}`,
    `${ms(L.median_ms)} (p10 ${L.p10_ms.toFixed(2)}, p90 ${L.p90_ms.toFixed(2)}, min ${L.min_ms.toFixed(2)}); ${mbs(L.mb_per_s)}`,
    `<= ${BUDGETS.wasmLargestMs} ms`, L.median_ms <= BUDGETS.wasmLargestMs, 'wasm_largest_ms', L.median_ms);
  row(`wasm in Chromium: first call (${wasm.first_call.name}, incl. regex compilation)`, ms(wasm.first_call.ms),
    `<= ${BUDGETS.firstCallMs} ms`, wasm.first_call.ms <= BUDGETS.firstCallMs, 'wasm_first_call_ms', wasm.first_call.ms);
  row(`wasm in Chromium: second call at once (${wasm.first_call.name}; setup paid, code not yet tiered up)`, ms(wasm.first_call.second_ms), '', undefined, 'wasm_second_call_ms', wasm.first_call.second_ms);
  const fresh = wasm.fresh_instances;
  if (fresh) {
    row(`wasm in Chromium, fresh instance in a worker (code compiled by the page already): first call (${wasm.first_call.name}), median of ${fresh.rounds}`,
      ms(fresh.cold_first_call_ms), '', undefined, 'wasm_fresh_first_call_ms', fresh.cold_first_call_ms);
    row('  the same after prepare()', `${ms(fresh.first_call_after_prepare_ms)}; prepare() itself ${ms(fresh.prepare_ms)}`,
      '', undefined, 'wasm_first_call_after_prepare_ms', fresh.first_call_after_prepare_ms);
  }
  if (cold) {
    row(`wasm in Chromium, cold page (new browser context), ${cold.pause_ms} ms after init: first call (${cold.policy}), pattern building included, median of ${cold.rounds}`,
      `${ms(cold.cold_first_call_ms)} (${spread(cold.cold_first_calls_ms)})`, `<= ${BUDGETS.firstCallMs} ms`, cold.cold_first_call_ms <= BUDGETS.firstCallMs,
      'wasm_cold_first_call_ms', cold.cold_first_call_ms);
    row('  the same with prepare() before the pause',
      `${ms(cold.prepared_first_call_ms)} (${spread(cold.prepared_first_calls_ms)}); prepare() itself ${ms(cold.prepare_ms)}`, '', undefined,
      'wasm_cold_prepared_first_call_ms', cold.prepared_first_call_ms);
    row(`  the same with the extension's warm-up during the pause (prepare(), then the sample read again, one reading per task, until the policy is there)`,
      `${ms(cold.warmed_first_call_ms)} (${spread(cold.warmed_first_calls_ms)}); the warm-up itself ${ms(cold.warm_up_ms)}`, `<= ${BUDGETS.firstCallMs} ms`,
      cold.warmed_first_call_ms <= BUDGETS.firstCallMs, 'wasm_cold_warmed_first_call_ms', cold.warmed_first_call_ms);
    row('  init on those pages (fetch over local HTTP + compile + instantiate), median', ms(cold.init_ms), '', undefined, 'wasm_cold_init_ms', cold.init_ms);
  }
  if (baseline) {
    row(`  the same in V8's baseline tier only (--liftoff-only: no optimizing compile), nothing prepared / after prepare() / after the warm-up`,
      [baseline.cold_first_call_ms, baseline.prepared_first_call_ms, baseline.warmed_first_call_ms].map(ms).join(' / '), '', undefined,
      'wasm_cold_baseline_warmed_first_call_ms', baseline.warmed_first_call_ms);
  }
  row('wasm in Chromium: init on a web page (fetch over local HTTP + compile + instantiate)', ms(wasm.init_ms),
    `<= ${BUDGETS.wasmInitMs} ms`, wasm.init_ms <= BUDGETS.wasmInitMs, 'wasm_init_ms', wasm.init_ms);
  row(`wasm in Chromium: ${wasm.all.name} (${kb(wasm.all.bytes).toFixed(1)} KB), sum of medians`, `${ms(wasm.all.median_ms)}; ${mbs(wasm.all.mb_per_s)}`, '', undefined, 'wasm_all_ms', wasm.all.median_ms);
  for (const p of wasm.policies) {
    row(`  wasm: ${p.name} (${kb(p.bytes).toFixed(1)} KB), ${p.runs} runs`,
      `${ms(p.median_ms)} (p10 ${p.p10_ms.toFixed(2)}, p90 ${p.p90_ms.toFixed(2)}, min ${p.min_ms.toFixed(2)}); ${mbs(p.mb_per_s)}`);
  }
  const nl = native.largest;
  const na = native.all;
  row(`native (criterion median): ${nl ? nl.id : 'largest policy'}`, nl ? `${ms(nl.ms)}; ${mbs(nl.mb_per_s)}` : 'n/a (no criterion results)', '', undefined, 'native_largest_ms', nl?.ms);
  row('native (criterion median): all fixture policies', na ? `${ms(na.ms)}; ${mbs(na.mb_per_s)}` : 'n/a (no criterion results)',
    `>= ${BUDGETS.nativeMBs} MB/s`, na ? na.mb_per_s >= BUDGETS.nativeMBs : null, 'native_all_mb_per_s', na?.mb_per_s);
  for (const b of native.others) {
    row(`  native: ${b.group}/${b.id}`, b.mb_per_s ? `${ms(b.ms)}; ${mbs(b.mb_per_s)}` : ms(b.ms), '', undefined, `native_${b.group}/${b.id}_ms`, b.ms);
  }
  if (cli) {
    const what = `${cli.files} pages, ${(cli.bytes / 1e6).toFixed(1)} MB of ${cli.corpus}`;
    const r1 = cli.cli_jobs1_ms / cli.grep_ms;
    row(`CLI --summary --jobs 1 vs grep -c -i -F -f (${GREP_KEYWORDS.length} keywords), ${what}, paired, median of ${CLI_ROUNDS}`,
      `${ms(cli.cli_jobs1_ms)} vs ${ms(cli.grep_ms)}: ${r1.toFixed(1)}x; ${mbs(cli.bytes / 1e3 / cli.cli_jobs1_ms)}`,
      `<= ${BUDGETS.cliVsGrep}x`, r1 <= BUDGETS.cliVsGrep, 'cli_jobs1_vs_grep', r1);
    row(`  CLI --summary on all ${cli.cpus} cores, same pages`, `${ms(cli.cli_ms)}: ${(cli.cli_ms / cli.grep_ms).toFixed(1)}x grep`, '', undefined, 'cli_vs_grep', cli.cli_ms / cli.grep_ms);
  }
  // The ratios compare like with like only if both sides read the same text.
  const rLargest = nl?.bytes === L.bytes ? ratioOrNull(L.median_ms, nl.ms) : null;
  const rAll = na?.bytes === wasm.all.bytes ? ratioOrNull(wasm.all.median_ms, na.ms) : null;
  row('wasm/native: largest policy (wasm also builds the JS report object)', rLargest == null ? 'n/a' : `${rLargest.toFixed(2)}x`,
    `<= ${BUDGETS.ratio}`, rLargest == null ? null : rLargest <= BUDGETS.ratio, 'ratio_largest', rLargest);
  row('wasm/native: all fixture policies', rAll == null ? 'n/a' : `${rAll.toFixed(2)}x`, '', undefined, 'ratio_all', rAll);
  row('size: pkg/policylens_bg.wasm (release)', `${kb(size.wasm_bytes).toFixed(1)} KB`, '', undefined, 'wasm_bytes', size.wasm_bytes);
  row('size: pkg/policylens_bg.wasm gzipped (zlib level 9)', `${kb(size.wasm_gzip_bytes).toFixed(1)} KB`,
    `<= ${BUDGETS.gzipKB} KB`, kb(size.wasm_gzip_bytes) <= BUDGETS.gzipKB, 'wasm_gzip_bytes', size.wasm_gzip_bytes);
  row('size: dist/policylens-chrome.zip', `${kb(size.chrome_zip_bytes).toFixed(1)} KB`, '', undefined, 'chrome_zip_bytes', size.chrome_zip_bytes);
  row('size: dist/policylens-firefox.zip', `${kb(size.firefox_zip_bytes).toFixed(1)} KB`, '', undefined, 'firefox_zip_bytes', size.firefox_zip_bytes);
  row(`the extension's service worker, restarted (${wi.rounds} rounds; a first visit, the policy page ${wi.policy} answering after ${wi.delay_ms} ms): wasm init (fetch from the package + compile + instantiate), median`,
    `${ms(wi.init_ms)} (${spread(wi.inits_ms)}); the fetch alone about ${ms(wi.fetch_ms)}`, `<= ${BUDGETS.wasmInitMs} ms`, wi.init_ms <= BUDGETS.wasmInitMs,
    'worker_wasm_init_ms', wi.init_ms);
  row('  its first analysis (analyzePage, after the warm-up that ran while the page fetched the policy), median',
    `${ms(wi.analysis_ms)} (${spread(wi.analyses_ms)})`, `<= ${BUDGETS.firstCallMs} ms`, wi.analysis_ms <= BUDGETS.firstCallMs,
    'worker_restarted_first_analysis_ms', wi.analysis_ms);
  row('  from the policy\'s arrival in the worker to its report (any wait for the wasm or a warm-up step included), median',
    `${ms(wi.received_to_report_ms)} (${spread(wi.received_to_reports_ms)})`, '', undefined, 'worker_restarted_received_to_report_ms', wi.received_to_report_ms);
  const now = wi.at_once;
  row(`  the same with the policy page answering at once (${now.rounds} rounds; the worker has no time to get ready): wasm init / first analysis / policy received to report`,
    [now.init_ms, now.analysis_ms, now.received_to_report_ms].map(ms).join(' / '), '', undefined, 'worker_at_once_received_to_report_ms', now.received_to_report_ms);
  row('  the worker\'s very first init (the browser just started)', ms(wi.first_init_ms), '', undefined, 'worker_first_wasm_init_ms', wi.first_init_ms);
  for (const s of Object.values(cs)) {
    const budget = { shop: BUDGETS.contentScriptMs, second_page: BUDGETS.secondPageMs }[s.key];
    row(`content script main thread: ${s.label}, median of ${s.loads_ms.length} loads`,
      `${ms(s.median_ms)} (min ${s.min_ms.toFixed(2)}, max ${s.max_ms.toFixed(2)}); ${s.policy_fetches_per_load} policy fetches per load`,
      budget ? `<= ${budget} ms` : '', budget ? s.median_ms <= budget : undefined, `content_script_${s.key}_ms`, s.median_ms);
  }
  const second = cs.second_page;
  if (second) {
    row('content script: policy fetches on a second page (cached report)', String(second.policy_fetches_per_load * LOADS), '0',
      second.policy_fetches_per_load === 0, 'content_script_second_page_fetches', second.policy_fetches_per_load * LOADS);
  }
  return rows;
}

function printTable(rows, header) {
  const cols = ['figure', 'value', 'budget', 'result'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))]));
  const line = (r) => cols.map((c) => r[c].padEnd(width[c])).join('  ').trimEnd();
  console.log(header);
  console.log(line({ figure: 'figure', value: 'value', budget: 'budget', result: 'result' }));
  console.log(cols.map((c) => '-'.repeat(width[c])).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const fixtureNames = (await readdir(FIXTURES)).filter((n) => n.endsWith('.txt')).sort();
  const wasm = await wasmInChromium(fixtureNames);
  const cold = await coldPages(fixtureNames, wasm.largest.name);
  const baseline = await coldPages(fixtureNames, wasm.largest.name, ['--js-flags=--liftoff-only']);
  const native = await nativeFigures();
  if (!native.all || !native.largest) console.error('warning: no criterion results under target/criterion/analyze (run `cargo bench --bench analyze` first)');
  const cli = await cliVsGrep();
  const size = await sizes();
  const shop = await shopSite(fixtureNames);
  let cs, workerInit;
  try {
    ({ scenarios: cs, workerInit } = await contentScriptCost(shop));
  } finally {
    await shop.close();
  }
  const rows = buildRows({ wasm, cold, baseline, native, cli, size, cs, workerInit });
  const header = `policylens ${wasm.version} benchmarks: Chromium ${wasm.chromium}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); KB = 1000 bytes, MB = 10^6 bytes; ` +
    `timer ${wasm.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}`;
  printTable(rows, header);
  const json = {
    date: new Date().toISOString(),
    header,
    budgets: BUDGETS,
    rows: rows.map(({ figure, value, budget, result, key, number }) => ({ figure, value, budget, result, key, number })),
    raw: { wasm, cold_pages: cold, cold_pages_baseline_tier: baseline, native, cli, size, content_script: cs, worker_init: workerInit },
  };
  await writeFile(OUT_JSON, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`(also written to ${OUT_JSON.slice(ROOT.length + 1)})`);
}

main().catch((error) => {
  console.error(`bench: ${error?.stack ?? error}`);
  process.exit(1);
});
