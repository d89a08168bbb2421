// Browser benchmark: times the release wasm's analyzeText over every fixture policy with performance.now(), shows a table and publishes window.benchResults (or window.benchError).
import init, { analyzeText, version } from './pkg/policylens.js';

/** Served by tests/bench/run.mjs: index.json lists the fixture policies, each at /fixtures/<name>. */
const FIXTURES = '/fixtures/';
/** After the first call, every policy in turn for this long, so V8 has tiered the wasm up (Liftoff → TurboFan) before timing. */
const GLOBAL_WARMUP_MS = 1500;
/** The largest policy alone (timed last, fully warm): warm-up calls, then timed calls. */
const LARGEST_WARMUP = 5;
const LARGEST_RUNS = 100;
/** Each policy: warm-up calls, then at least MIN_RUNS timed calls (more for small ones, up to MAX_RUNS). */
const WARMUP = 3;
const MIN_RUNS = 30;
const MAX_RUNS = 300;

const status = document.getElementById('status');
const round = (x, digits = 3) => Number(x.toFixed(digits));
/** Let the page repaint between series (and the runner see progress). */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The q-quantile of sorted times (nearest rank). */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const medianOf = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);

/** Time `runs` calls of analyzeText(text) after `warmup` untimed ones; ms figures and MB/s (10^6 bytes) at the median. */
function timeSeries(name, text, bytes, warmup, runs) {
  for (let i = 0; i < warmup; i++) analyzeText(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    analyzeText(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  return {
    name, bytes, runs,
    median_ms: round(median), p10_ms: round(quantile(times, 0.1)), p90_ms: round(quantile(times, 0.9)), min_ms: round(times[0]),
    mb_per_s: round(bytes / median / 1e3, 2),
  };
}

function addRow(r) {
  const tr = document.createElement('tr');
  for (const cell of [r.name, r.bytes, r.runs, r.median_ms, r.p10_ms, r.p90_ms, r.min_ms, r.mb_per_s]) {
    tr.append(Object.assign(document.createElement('td'), { textContent: String(cell) }));
  }
  document.querySelector('#results tbody').append(tr);
}

/** Fresh wasm instances per kind of first call (each in its own worker). */
const FRESH_ROUNDS = 5;

/** One first call on a new wasm instance in a worker: { initMs, prepareMs, firstMs }. */
function freshFirstCall(text, prepareFirst) {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.error) fail(new Error(data.error));
      else done(data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(`bench worker: ${event.message}`));
    };
    worker.postMessage({ text, prepareFirst });
  });
}

async function run() {
  status.textContent = 'Loading the wasm and the fixture policies…';
  const t0 = performance.now();
  await init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) });
  const initMs = performance.now() - t0;

  const names = await (await fetch(`${FIXTURES}index.json`)).json();
  if (!Array.isArray(names) || !names.length) throw new Error('no fixture policies at /fixtures/ (open this page through tests/bench/run.mjs)');
  const encoder = new TextEncoder();
  const policies = await Promise.all(names.map(async (name) => {
    const response = await fetch(FIXTURES + encodeURIComponent(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const text = await response.text();
    return { name, text, bytes: encoder.encode(text).length };
  }));
  const largest = policies.reduce((a, b) => (b.bytes > a.bytes ? b : a));

  // The very first call pays the one-time setup (the patterns' regex compilation): timed on its own.
  const f0 = performance.now();
  analyzeText(largest.text);
  const firstCallMs = performance.now() - f0;
  // The same policy again at once: the setup is paid, but V8 still runs the new code in its
  // baseline tier (Liftoff) until it has tiered the hot functions up, which is the floor of
  // any first call.
  const s0 = performance.now();
  analyzeText(largest.text);
  const secondCallMs = performance.now() - s0;

  // The same first call on fresh instances in workers, with prepare() first and without, a few
  // times each (alternated): what the extension's prepare-while-fetching saves.
  status.textContent = 'Timing first calls on fresh instances…';
  const fresh = { cold: [], prepared: [], prepare: [] };
  for (let round = 0; round < FRESH_ROUNDS; round++) {
    for (const prepareFirst of [false, true]) {
      const r = await freshFirstCall(largest.text, prepareFirst);
      if (prepareFirst) {
        fresh.prepared.push(r.firstMs);
        fresh.prepare.push(r.prepareMs);
      } else {
        fresh.cold.push(r.firstMs);
      }
    }
  }

  status.textContent = 'Warming up…';
  await breathe();
  for (const end = performance.now() + GLOBAL_WARMUP_MS; performance.now() < end;) {
    for (const p of policies) analyzeText(p.text);
  }

  document.getElementById('results').hidden = false;
  const perPolicy = [];
  for (const p of policies) {
    status.textContent = `Timing ${p.name}…`;
    await breathe();
    // About as much timed work per policy as MIN_RUNS calls on the largest one.
    const runs = Math.min(MAX_RUNS, Math.max(MIN_RUNS, Math.round((MIN_RUNS * largest.bytes) / p.bytes)));
    const series = timeSeries(p.name, p.text, p.bytes, WARMUP, runs);
    perPolicy.push(series);
    addRow(series);
  }
  // All policies once each, as criterion's "all fixtures" does: the sum of the medians.
  const totalBytes = policies.reduce((sum, p) => sum + p.bytes, 0);
  const totalMs = perPolicy.reduce((sum, s) => sum + s.median_ms, 0);
  const all = { name: `all ${policies.length} policies`, bytes: totalBytes, median_ms: round(totalMs), mb_per_s: round(totalBytes / totalMs / 1e3, 2) };
  addRow({ ...all, runs: '', p10_ms: '', p90_ms: '', min_ms: '' });

  status.textContent = `Timing the largest policy (${largest.name}) on its own…`;
  await breathe();
  const largestSeries = timeSeries(largest.name, largest.text, largest.bytes, LARGEST_WARMUP, LARGEST_RUNS);
  addRow({ ...largestSeries, name: `${largest.name} (on its own)` });

  status.textContent = `Done: policylens ${version()}, ${navigator.userAgent}`;
  return {
    version: version(),
    userAgent: navigator.userAgent,
    // Without cross-origin isolation performance.now() is coarsened to 100 µs; the runner serves this page isolated (5 µs).
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    init_ms: round(initMs),
    first_call: { name: largest.name, bytes: largest.bytes, ms: round(firstCallMs), second_ms: round(secondCallMs) },
    fresh_instances: {
      rounds: FRESH_ROUNDS,
      cold_first_call_ms: round(medianOf(fresh.cold)),
      prepare_ms: round(medianOf(fresh.prepare)),
      first_call_after_prepare_ms: round(medianOf(fresh.prepared)),
    },
    largest: largestSeries,
    policies: perPolicy,
    all,
  };
}

run().then(
  (results) => { window.benchResults = results; },
  (error) => {
    status.textContent = `Error: ${error?.message ?? error}`;
    window.benchError = String(error?.stack ?? error);
  },
);
