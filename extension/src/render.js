// Renders a policylens report into a container with DOM calls only (page-derived text goes in as text); shared by the popup and the www/ page. Its words come from i18n.js (the extension's messages, or on www/ the bundled English ones).
import { formatNumber, notPolicyReason, t } from './i18n.js';

/** Only these link kinds are ever made clickable; anything else is shown as plain text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** The one e-mail address a mailto link may carry: no quoted or bracketed parts, no lists, a dotted domain. */
const PLAIN_ADDRESS = /^[\w.!#$%&'*+/=^`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** How many quotes are shown per finding before "and N more". */
const QUOTES_PER_FINDING = 3;
/** How many statements the statements section lists before "and N more". */
const STATEMENTS_SHOWN = 20;

/**
 * The kinds of statement (`statements[*].kind`) in the order they are listed: first those that
 * decide the selling verdict (saying the site sells or shares for others' marketing, then
 * denials), then the rest. Each kind's tone colours its item.
 */
const STATEMENT_KINDS = [
  ['sale_admission', 'sells'], ['ccpa_sale', 'sells'], ['marketing_disclosure', 'sells'],
  ['general_denial', 'denies'], ['limited_denial', 'denies'],
  ['own_ads', 'other'], ['service_sharing', 'other'], ['aggregate_sharing', 'other'], ['legal_or_transfer', 'other'], ['rights_text', 'other'],
];
const KIND_RANK = new Map(STATEMENT_KINDS.map(([kind], rank) => [kind, rank]));
const KIND_TONE = new Map(STATEMENT_KINDS);

/** The report's closed vocabularies (verdicts, tracking flags, Do Not Track, mechanisms); each value has its messages. */
const VERDICT_VALUES = new Set(['sells', 'does_not_sell', 'not_stated']);
export const TRACKERS = ['cookies', 'web_beacons', 'analytics', 'targeted_advertising'];
const DO_NOT_TRACK_VALUES = new Set(['honored', 'not_honored', 'not_mentioned']);
const MECHANISM_VALUES = new Set(['browser_settings', 'unsubscribe_link', 'reply_stop', 'account_settings', 'contact_request',
  'ad_industry_optout', 'analytics_optout', 'do_not_sell_link', 'gpc', 'device_settings']);

/** A selling verdict in plain words ({label, explain}); a value outside the vocabulary as itself. */
export function verdictWords(verdict) {
  if (!VERDICT_VALUES.has(verdict)) return { label: String(verdict), explain: '' };
  return { label: t(`verdict_${verdict}`), explain: t(`verdict_${verdict}_explain`) };
}

/** A tracking flag's name ("Cookies"). */
export const trackerLabel = (key) => t(`tracker_${key}`);

/** What the site does with Do Not Track, in words ("not honored"). */
export const doNotTrackWords = (value) => (DO_NOT_TRACK_VALUES.has(value) ? t(`dnt_${value}`) : String(value));

/** An opt-out mechanism in plain words; a value outside the vocabulary as itself. */
export const mechanismWords = (value) => (MECHANISM_VALUES.has(value) ? t(`mechanism_${value}`) : String(value));

/**
 * Characters that reorder or hide the text around them (direction overrides and isolates,
 * zero-width marks): a page can use them to make an address read as another one
 * ("https://evil.example/\u202Emoc.elgoog" shows as "https://evil.example/google.com").
 */
const HIDDEN_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** An address (URL or e-mail) as shown: its hidden controls percent-encoded, as an address bar shows them. */
export function shownAddress(address) {
  return String(address).replace(HIDDEN_CONTROLS, (c) => encodeURIComponent(c));
}

/** The URL if it parses and is http(s), or mailto with one plain address and nothing else; else null. */
export function safeHref(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  // A mailto link carries no cc, bcc, subject or body chosen by the page.
  if (url.protocol === 'mailto:' && (url.search || url.hash || !PLAIN_ADDRESS.test(url.pathname))) return null;
  return url.href;
}

/** An element with a class and children (strings become text nodes, never HTML). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * A link if the URL is safe (opened in a new tab), else the text alone. Without a text, a link
 * reads as the address it opens (URL-serialized: hidden controls percent-encoded, hosts in ASCII).
 */
export function linkOrText(url, text) {
  const href = safeHref(url);
  if (!href) return el('span', 'pl-plain', text ?? shownAddress(url));
  const a = el('a', null, text ?? href);
  a.href = href;
  if (!href.startsWith('mailto:')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

/**
 * The reading of a quoted sentence (what policylens read it to say), or null if it has none:
 * "shared for others' marketing: third parties use …", the kind of statement in bold. Made by
 * policylens, but shown as untrusted text all the same (textContent only). With a label, it
 * says whose reading it is.
 */
function readingLine(reading, { label = true } = {}) {
  if (typeof reading !== 'string' || !reading.trim()) return null;
  const line = el('p', 'pl-reading');
  if (label) line.append(el('span', 'pl-reading-label', t('readingLabel')), ' ');
  const colon = reading.indexOf(': ');
  const kind = document.createElement('strong');
  kind.textContent = colon > 0 ? reading.slice(0, colon + 1) : reading;
  line.append(kind);
  if (colon > 0) {
    const rest = document.createElement('span');
    rest.textContent = reading.slice(colon + 1);
    line.append(rest);
  }
  return line;
}

/**
 * One quoted sentence, as a list item: the lead-in of a list item ("We may share your
 * information with: …"), the quote, its reading (after the quote, or before it with
 * readingFirst) and a "Show" button.
 */
function quoteItem(quote, onShowQuote, { leadIn, readingFirst = false } = {}) {
  const item = el('li', 'pl-quote');
  const reading = readingLine(quote.reading, { label: !readingFirst });
  if (readingFirst && reading) item.append(reading);
  if (typeof leadIn?.text === 'string') {
    const lead = el('p', 'pl-lead-in');
    lead.textContent = `${leadIn.text}\u00A0…`; // the list item follows
    item.append(lead);
  }
  const q = document.createElement('q');
  q.textContent = String(quote.text);
  item.append(q);
  if (!readingFirst && reading) item.append(reading);
  if (onShowQuote) {
    const button = el('button', 'pl-show', t('show'));
    button.type = 'button';
    button.title = t('showTitle');
    button.setAttribute('aria-label', t('showAriaLabel', String(quote.text).slice(0, 80)));
    button.addEventListener('click', () => onShowQuote(quote));
    item.append(button);
  }
  return item;
}

/** "and N more". */
const andMore = (n) => t('andMore', formatNumber(n));

/** A count with its noun, singular or plural (messages `<key>One`, `<key>Many`). */
const counted = (key, n) => t(n === 1 ? `${key}One` : `${key}Many`, formatNumber(n));

function quoteList(quotes, onShowQuote) {
  const list = el('ul', 'pl-quotes');
  for (const quote of quotes.slice(0, QUOTES_PER_FINDING)) list.append(quoteItem(quote, onShowQuote));
  if (quotes.length > QUOTES_PER_FINDING) list.append(el('li', 'pl-more', andMore(quotes.length - QUOTES_PER_FINDING)));
  return list;
}

/** A collapsed "Why?" list of the sentences behind several findings: [[label, quotes], …]. */
function why(findings, onShowQuote) {
  const withQuotes = findings.filter(([, quotes]) => quotes?.length);
  if (!withQuotes.length) return null;
  const count = withQuotes.reduce((n, [, quotes]) => n + Math.min(quotes.length, QUOTES_PER_FINDING), 0);
  const details = el('details', 'pl-why', el('summary', null, t('why', counted('sentences', count))));
  for (const [label, quotes] of withQuotes) details.append(el('p', 'pl-quote-label', label), quoteList(quotes, onShowQuote));
  return details;
}

/**
 * The statements worth listing, deciding kinds first (then strong before weak, then in the
 * policy's order), each said once: a sentence read both alone and as a list item keeps its lead-in.
 */
function orderedStatements(statements) {
  const byQuote = new Map();
  for (const statement of statements) {
    const quote = statement?.quote;
    if (typeof quote?.text !== 'string') continue;
    const key = JSON.stringify([quote.start, quote.end, statement.kind, quote.reading ?? null]);
    const seen = byQuote.get(key);
    if (!seen || (!seen.lead_in && statement.lead_in)) byQuote.set(key, statement);
  }
  const rank = (s) => KIND_RANK.get(s.kind) ?? STATEMENT_KINDS.length;
  const start = (s) => (Number.isFinite(s.quote.start) ? s.quote.start : Infinity);
  return [...byQuote.values()].sort((a, b) =>
    rank(a) - rank(b) || (a.strength === 'strong' ? 0 : 1) - (b.strength === 'strong' ? 0 : 1) || start(a) - start(b));
}

/**
 * The collapsible list of what the policy says about personal data (report.statements): each
 * statement's reading, then its lead-in and quote; those that decide the selling verdict first.
 */
function statementsSection(statements, onShowQuote) {
  const heading = el('h2', 'pl-heading', t('statementsHeading'));
  heading.id = 'pl-statements-heading';
  const ordered = orderedStatements(statements);
  const node = el('section', 'pl-section pl-statements');
  node.setAttribute('aria-labelledby', heading.id);
  if (!ordered.length) {
    node.append(heading, el('p', 'pl-explain', t('statementsNone')));
    return node;
  }
  const count = counted('statements', ordered.length);
  const details = el('details', 'pl-statements-details', el('summary', null, heading, ' ', el('span', 'pl-count', t('inParentheses', count))));
  let list = null;
  let group = null;
  for (const statement of ordered.slice(0, STATEMENTS_SHOWN)) {
    const tone = KIND_TONE.get(statement.kind) ?? 'other';
    const deciding = tone !== 'other';
    if (deciding !== group) {
      group = deciding;
      details.append(el('h3', null, t(deciding ? 'statementsDeciding' : 'statementsOther')));
      list = el('ul', 'pl-quotes pl-statement-list');
      details.append(list);
    }
    const item = quoteItem(statement.quote, onShowQuote, { leadIn: statement.lead_in, readingFirst: true });
    item.classList.add('pl-statement', `pl-statement--${tone}`);
    if (KIND_RANK.has(statement.kind)) item.dataset.kind = statement.kind;
    if (statement.strength === 'weak') item.classList.add('pl-statement--weak');
    list.append(item);
  }
  if (ordered.length > STATEMENTS_SHOWN) list.append(el('li', 'pl-more', andMore(ordered.length - STATEMENTS_SHOWN)));
  node.append(details);
  return node;
}

function section(name, title, ...children) {
  const heading = el('h2', 'pl-heading', title);
  heading.id = `pl-${name}-heading`;
  const node = el('section', `pl-section pl-${name}`, heading, ...children);
  node.setAttribute('aria-labelledby', heading.id);
  return node;
}

function chip(text, kind, note) {
  const node = el('li', `pl-chip pl-chip--${kind}`, text);
  if (note) node.title = note;
  return node;
}

function sellingSection(selling, onShowQuote) {
  const verdict = verdictWords(selling.verdict);
  const node = section('selling', t('sellingHeading'),
    el('p', `pl-verdict pl-verdict--${selling.verdict}`, verdict.label),
    el('p', 'pl-explain', verdict.explain),
    selling.evidence.length ? quoteList(selling.evidence, onShowQuote) : null);
  node.dataset.verdict = selling.verdict;
  return node;
}

function trackingSection(tracking, onShowQuote) {
  const chips = el('ul', 'pl-chips');
  for (const key of TRACKERS) {
    chips.append(tracking[key] ? chip(trackerLabel(key), 'yes', t('chipMentioned')) : chip(trackerLabel(key), 'no', t('chipNotMentioned')));
  }
  for (const service of tracking.services) chips.append(chip(service, 'service', t('chipNamed')));
  const dnt = doNotTrackWords(tracking.do_not_track);
  chips.append(chip(t('dntChip', dnt), tracking.do_not_track === 'honored' ? 'good' : tracking.do_not_track === 'not_honored' ? 'bad' : 'no'));
  const evidence = tracking.evidence;
  const node = section('tracking', t('trackingHeading'), chips, why([
    ...TRACKERS.map((key) => [trackerLabel(key), evidence[key]]),
    ...evidence.services.map((s) => [s.value, s.evidence]),
    [t('dntLabel'), evidence.do_not_track],
  ], onShowQuote));
  node.dataset.doNotTrack = tracking.do_not_track;
  return node;
}

function optOutSection(optOut, onShowQuote) {
  const list = (items, render) => el('ul', 'pl-list', ...items.map((item) => el('li', null, render(item))));
  const parts = [];
  if (optOut.urls.length) parts.push(el('h3', null, t('optOutPages')), list(optOut.urls, (url) => linkOrText(url)));
  if (optOut.emails.length) parts.push(el('h3', null, t('optOutWriteTo')), list(optOut.emails, (email) => linkOrText(`mailto:${email}`, shownAddress(email))));
  if (optOut.mechanisms.length) parts.push(el('h3', null, t('optOutOtherWays')), list(optOut.mechanisms, mechanismWords));
  if (!parts.length) parts.push(el('p', 'pl-explain', t('optOutNone')));
  const evidence = optOut.evidence;
  return section('opt-out', t('optOutHeading'), ...parts, why([
    ...evidence.urls.map((f) => [shownAddress(f.value), f.evidence]),
    ...evidence.emails.map((f) => [shownAddress(f.value), f.evidence]),
    ...evidence.mechanisms.map((f) => [mechanismWords(f.value), f.evidence]),
  ], onShowQuote));
}

/**
 * Render a report into container (its old content is replaced).
 * onShowQuote(quote), if given, adds a "Show" button beside each quoted sentence; statements
 * adds the collapsible list of what the policy says about your data (report.statements);
 * notPolicyTitle is what a report that is not of a privacy policy is headed with.
 */
export function renderReport(container, report, { onShowQuote, statements = false, notPolicyTitle = t('notPolicyTitle') } = {}) {
  container.replaceChildren();
  if (!report.document.is_policy) {
    const text = notPolicyReason(report.document);
    const reason = text ? el('p', 'pl-explain pl-reason') : null;
    if (reason) reason.textContent = text;
    container.append(el('div', 'pl-notice pl-not-policy', el('p', 'pl-notice-title', notPolicyTitle), reason));
    return;
  }
  container.append(sellingSection(report.selling, onShowQuote));
  if (statements && Array.isArray(report.statements)) container.append(statementsSection(report.statements, onShowQuote));
  container.append(
    trackingSection(report.tracking, onShowQuote),
    optOutSection(report.opt_out, onShowQuote),
  );
  if (report.document.truncated) {
    container.append(el('p', 'pl-explain', t('truncated', formatNumber(report.document.bytes_read))));
  }
}
