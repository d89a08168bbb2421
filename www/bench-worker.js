// The timing page's fresh wasm instance (www/bench.js starts one per measurement): the first call on a new instance, with or without prepare() first, as a restarted extension service worker meets it.
import init, { analyzeText, prepare } from './pkg/policylens.js';

self.onmessage = async ({ data: { text, prepareFirst } }) => {
  try {
    const t0 = performance.now();
    await init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) });
    const initMs = performance.now() - t0;
    let prepareMs = null;
    if (prepareFirst) {
      const p0 = performance.now();
      prepare();
      prepareMs = performance.now() - p0;
    }
    const f0 = performance.now();
    analyzeText(text);
    const firstMs = performance.now() - f0;
    self.postMessage({ initMs, prepareMs, firstMs });
  } catch (error) {
    self.postMessage({ error: String(error?.stack ?? error) });
  }
};
