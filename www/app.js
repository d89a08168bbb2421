// The paste page: analyzes the pasted policy with the wasm core, renders the report (pkg/render.js, shared with the extension) and marks the deciding sentences in the text.
import init, { analyzePage, prepare, version, warmUp } from './pkg/policylens.js';
import { useMessages } from './pkg/i18n.js';
import { el, renderReport } from './pkg/render.js';
import { warmUpReader } from './pkg/warm-up.js';

/** The engine, and the report's words: this page has no extension i18n API, so render.js gets the bundled English messages. */
const ready = Promise.all([
  init({ module_or_path: new URL('./pkg/policylens_bg.wasm', import.meta.url) }),
  fetch(new URL('./pkg/_locales/en/messages.json', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`messages: HTTP ${response.status}`);
    return response.json();
  }).then(useMessages),
]);

/** Whether the visitor has asked for a reading: the warm-up gives way to it. */
let asked = false;
// Make the reader ready while the visitor pastes (its patterns, and the engine's optimized code:
// pkg/warm-up.js), so that the first Analyze does not wait for them.
ready.then(() => (globalThis.requestIdleCallback ?? setTimeout)(() => warmUpReader({ prepare, warmUp }, () => asked))).catch(() => {});

const textarea = document.getElementById('policy');
const status = document.getElementById('status');
const output = document.getElementById('output');
const reportBox = document.getElementById('report');
const textBox = document.getElementById('text');

/** Every quoted sentence behind a report's findings (selling, tracking, opt-out evidence). */
function evidenceQuotes(report) {
  const { tracking, opt_out: optOut } = report;
  const findings = (list) => list.flatMap((finding) => finding.evidence);
  return [
    ...report.selling.evidence,
    ...['cookies', 'web_beacons', 'analytics', 'targeted_advertising', 'do_not_track'].flatMap((key) => tracking.evidence[key]),
    ...findings(tracking.evidence.services),
    ...findings(optOut.evidence.urls),
    ...findings(optOut.evidence.emails),
    ...findings(optOut.evidence.mechanisms),
  ];
}

/** The quoted sentence of each statement the report lists (what the policy says about your data). */
const statementQuotes = (report) => (report.statements ?? []).map((statement) => statement.quote);

/** Map UTF-8 byte offsets (as the report gives them) to string indices, walking the text once. */
function byteOffsetsToIndices(text, offsets) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const indices = new Map();
  let [byte, index] = [0, 0];
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    index += decoder.decode(bytes.subarray(byte, offset)).length;
    byte = offset;
    indices.set(offset, index);
  }
  return indices;
}

/**
 * Show the text with the quoted sentences in <mark>s: the evidence's highlighted, the other
 * statements' (class "stated") only underlined. Returns quote → its mark.
 */
function markText(text, evidence, stated) {
  const quotes = [...evidence, ...stated];
  const isEvidence = new Set(evidence);
  const indices = byteOffsetsToIndices(text, quotes.flatMap((q) => [q.start, q.end]));
  const spans = quotes
    .map((quote) => ({ quote, start: indices.get(quote.start), end: indices.get(quote.end) }))
    .sort((a, b) => a.start - b.start);
  const marks = new Map();
  const parts = [];
  let at = 0;
  let current = null;
  for (const span of spans) {
    if (current && span.start < current.end) {
      current.end = Math.max(current.end, span.end); // overlapping quotes share one mark
      current.quotes.push(span.quote);
      continue;
    }
    if (current) parts.push(current);
    current = { start: span.start, end: span.end, quotes: [span.quote] };
  }
  if (current) parts.push(current);
  const nodes = [];
  for (const part of parts) {
    const mark = el('mark', part.quotes.some((quote) => isEvidence.has(quote)) ? null : 'stated', text.slice(part.start, part.end));
    for (const quote of part.quotes) marks.set(quote, mark);
    nodes.push(text.slice(at, part.start), mark);
    at = part.end;
  }
  nodes.push(text.slice(at));
  textBox.replaceChildren(...nodes);
  return marks;
}

function showMark(mark) {
  for (const old of textBox.querySelectorAll('mark.current')) old.classList.remove('current');
  mark.classList.add('current');
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function analyze() {
  const text = textarea.value;
  if (!text.trim()) {
    status.textContent = 'Paste the text of a privacy policy first.';
    return;
  }
  status.textContent = 'Reading…';
  asked = true;
  try {
    await ready;
    const started = performance.now();
    const report = analyzePage({ text });
    const policy = report.document.is_policy;
    const marks = markText(text, policy ? evidenceQuotes(report) : [], policy ? statementQuotes(report) : []);
    renderReport(reportBox, report, { onShowQuote: (quote) => marks.has(quote) && showMark(marks.get(quote)), statements: true });
    output.hidden = false;
    status.textContent = `Read ${report.document.bytes_read.toLocaleString()} bytes in ${Math.round(performance.now() - started)} ms.`;
  } catch (error) {
    output.hidden = true;
    status.textContent = `Could not read this text: ${error.message}`;
  }
}

async function loadExample(name) {
  status.textContent = `Loading ${name}…`;
  try {
    const response = await fetch(new URL(`examples/${name}.txt`, import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    textarea.value = await response.text();
    await analyze();
  } catch (error) {
    status.textContent = `Could not load the example: ${error.message}`;
  }
}

document.getElementById('analyze').addEventListener('click', analyze);
for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => loadExample(button.dataset.example));
}
ready.then(() => {
  document.getElementById('version').textContent = `policylens ${version()}`;
}, (error) => {
  status.textContent = `Could not load the analysis engine: ${error.message}`;
});
