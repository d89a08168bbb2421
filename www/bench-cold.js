// Cold-page benchmark: on a page of its own (a new browser context, so V8 has compiled none of the wasm yet), load the wasm, call prepare() (`?mode=prepared`), warm the reader up as the extension does (`?mode=warmed`, pkg/warm-up.js) or neither (`?mode=cold`), wait as a policy fetch would (`?pause=ms`), then time the first analysis of `?policy=` (served at /fixtures/). Publishes window.coldResult.
import init, { analyzeText, prepare, warmUp } from './pkg/policylens.js';
import { warmUpReader } from './pkg/warm-up.js';

const params = new URLSearchParams(location.search);
const status = document.getElementById('status');

async function run() {
  const response = await fetch(`/fixtures/${encodeURIComponent(params.get('policy') ?? '')}`);
  if (!response.ok) throw new Error(`policy: HTTP ${response.status}`);
  const text = await response.text();
  const t0 = performance.now();
  await init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) });
  const initMs = performance.now() - t0;
  let prepareMs = null;
  let warmUpMs = null;
  // The extension's content script fetches the policy meanwhile: the same pause in every mode.
  const pause = new Promise((resolve) => setTimeout(resolve, Number(params.get('pause') ?? 0)));
  const mode = params.get('mode');
  if (mode === 'prepared') {
    const p0 = performance.now();
    prepare();
    prepareMs = performance.now() - p0;
  } else if (mode === 'warmed') {
    // As the extension's background does it: the readings stop when the policy is there.
    let arrived = false;
    pause.then(() => (arrived = true));
    const w0 = performance.now();
    await warmUpReader({ prepare, warmUp }, () => arrived);
    warmUpMs = performance.now() - w0;
  }
  await pause;
  const f0 = performance.now();
  analyzeText(text);
  const firstMs = performance.now() - f0;
  return { initMs, prepareMs, warmUpMs, firstMs };
}

run().then(
  (result) => {
    window.coldResult = result;
    status.textContent = JSON.stringify(result);
  },
  (error) => {
    window.coldResult = { error: String(error?.stack ?? error) };
    status.textContent = window.coldResult.error;
  },
);
