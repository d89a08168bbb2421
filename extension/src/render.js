// Renders a policylens report into a container with DOM calls only (page-derived text goes in as text); shared by the popup and the www/ page.

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

/** The selling verdicts in plain words. */
export const VERDICTS = {
  sells: { label: 'Sells or shares your data', explain: "The policy says the site sells your personal data, or shares it for other companies' marketing." },
  does_not_sell: { label: 'Does not sell your data', explain: 'The policy says the site does not sell your personal data.' },
  not_stated: { label: "Doesn't say", explain: 'The policy does not say whether the site sells your personal data.' },
};

const TRACKERS = [
  ['cookies', 'Cookies'],
  ['web_beacons', 'Pixels / web beacons'],
  ['analytics', 'Analytics'],
  ['targeted_advertising', 'Targeted ads'],
];

const DO_NOT_TRACK = {
  honored: 'honored',
  not_honored: 'not honored',
  not_mentioned: 'not mentioned',
};

/** The opt-out mechanisms in plain words. */
export const MECHANISMS = {
  browser_settings: 'Block or delete cookies in your browser settings',
  unsubscribe_link: 'Use the unsubscribe link in their marketing e-mails',
  reply_stop: 'Reply STOP to their text messages',
  account_settings: 'Change your choices in your account settings',
  contact_request: 'Write to them and ask',
  ad_industry_optout: "Opt out of targeted ads on the ad industry's pages",
  analytics_optout: 'Opt out of analytics (for example the Google Analytics opt-out add-on)',
  do_not_sell_link: 'Use the site\'s "Do not sell or share my personal information" link',
  gpc: 'Turn on Global Privacy Control in your browser',
  device_settings: "Limit ad tracking in your phone's settings",
};

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
  if (label) line.append(el('span', 'pl-reading-label', 'policylens reads this as'), ' ');
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
    const button = el('button', 'pl-show', 'Show');
    button.type = 'button';
    button.title = 'Show this sentence in the policy';
    button.setAttribute('aria-label', `Show in the policy: ${String(quote.text).slice(0, 80)}`);
    button.addEventListener('click', () => onShowQuote(quote));
    item.append(button);
  }
  return item;
}

function quoteList(quotes, onShowQuote) {
  const list = el('ul', 'pl-quotes');
  for (const quote of quotes.slice(0, QUOTES_PER_FINDING)) list.append(quoteItem(quote, onShowQuote));
  if (quotes.length > QUOTES_PER_FINDING) list.append(el('li', 'pl-more', `and ${quotes.length - QUOTES_PER_FINDING} more`));
  return list;
}

/** A collapsed "Why?" list of the sentences behind several findings: [[label, quotes], …]. */
function why(findings, onShowQuote) {
  const withQuotes = findings.filter(([, quotes]) => quotes?.length);
  if (!withQuotes.length) return null;
  const count = withQuotes.reduce((n, [, quotes]) => n + Math.min(quotes.length, QUOTES_PER_FINDING), 0);
  const details = el('details', 'pl-why', el('summary', null, `Why? (${count} sentence${count === 1 ? '' : 's'})`));
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
  const heading = el('h2', 'pl-heading', 'What the policy says about your data');
  heading.id = 'pl-statements-heading';
  const ordered = orderedStatements(statements);
  const node = el('section', 'pl-section pl-statements');
  node.setAttribute('aria-labelledby', heading.id);
  if (!ordered.length) {
    node.append(heading, el('p', 'pl-explain', 'policylens read no statement about selling or sharing your data.'));
    return node;
  }
  const count = `${ordered.length} statement${ordered.length === 1 ? '' : 's'}`;
  const details = el('details', 'pl-statements-details', el('summary', null, heading, ' ', el('span', 'pl-count', `(${count})`)));
  let list = null;
  let group = null;
  for (const statement of ordered.slice(0, STATEMENTS_SHOWN)) {
    const tone = KIND_TONE.get(statement.kind) ?? 'other';
    const deciding = tone !== 'other';
    if (deciding !== group) {
      group = deciding;
      details.append(el('h3', null, deciding ? 'Deciding whether it sells your data' : 'Other statements about your data'));
      list = el('ul', 'pl-quotes pl-statement-list');
      details.append(list);
    }
    const item = quoteItem(statement.quote, onShowQuote, { leadIn: statement.lead_in, readingFirst: true });
    item.classList.add('pl-statement', `pl-statement--${tone}`);
    if (KIND_RANK.has(statement.kind)) item.dataset.kind = statement.kind;
    if (statement.strength === 'weak') item.classList.add('pl-statement--weak');
    list.append(item);
  }
  if (ordered.length > STATEMENTS_SHOWN) list.append(el('li', 'pl-more', `and ${ordered.length - STATEMENTS_SHOWN} more`));
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
  const verdict = VERDICTS[selling.verdict] ?? { label: selling.verdict, explain: '' };
  const node = section('selling', 'Data selling',
    el('p', `pl-verdict pl-verdict--${selling.verdict}`, verdict.label),
    el('p', 'pl-explain', verdict.explain),
    selling.evidence.length ? quoteList(selling.evidence, onShowQuote) : null);
  node.dataset.verdict = selling.verdict;
  return node;
}

function trackingSection(tracking, onShowQuote) {
  const chips = el('ul', 'pl-chips');
  for (const [key, label] of TRACKERS) {
    chips.append(tracking[key] ? chip(label, 'yes', 'mentioned in the policy') : chip(label, 'no', 'not mentioned in the policy'));
  }
  for (const service of tracking.services) chips.append(chip(service, 'service', 'named in the policy'));
  const dnt = DO_NOT_TRACK[tracking.do_not_track] ?? tracking.do_not_track;
  chips.append(chip(`Do Not Track: ${dnt}`, tracking.do_not_track === 'honored' ? 'good' : tracking.do_not_track === 'not_honored' ? 'bad' : 'no'));
  const evidence = tracking.evidence;
  const node = section('tracking', 'Tracking', chips, why([
    ...TRACKERS.map(([key, label]) => [label, evidence[key]]),
    ...evidence.services.map((s) => [s.value, s.evidence]),
    ['Do Not Track', evidence.do_not_track],
  ], onShowQuote));
  node.dataset.doNotTrack = tracking.do_not_track;
  return node;
}

function optOutSection(optOut, onShowQuote) {
  const list = (items, render) => el('ul', 'pl-list', ...items.map((item) => el('li', null, render(item))));
  const parts = [];
  if (optOut.urls.length) parts.push(el('h3', null, 'Opt-out pages'), list(optOut.urls, (url) => linkOrText(url)));
  if (optOut.emails.length) parts.push(el('h3', null, 'Write to'), list(optOut.emails, (email) => linkOrText(`mailto:${email}`, shownAddress(email))));
  if (optOut.mechanisms.length) parts.push(el('h3', null, 'Other ways'), list(optOut.mechanisms, (m) => MECHANISMS[m] ?? m));
  if (!parts.length) parts.push(el('p', 'pl-explain', 'The policy names no way to opt out.'));
  const evidence = optOut.evidence;
  return section('opt-out', 'Opt-out', ...parts, why([
    ...evidence.urls.map((f) => [shownAddress(f.value), f.evidence]),
    ...evidence.emails.map((f) => [shownAddress(f.value), f.evidence]),
    ...evidence.mechanisms.map((f) => [MECHANISMS[f.value] ?? f.value, f.evidence]),
  ], onShowQuote));
}

/**
 * Render a report into container (its old content is replaced).
 * onShowQuote(quote), if given, adds a "Show" button beside each quoted sentence; statements
 * adds the collapsible list of what the policy says about your data (report.statements);
 * notPolicyTitle is what a report that is not of a privacy policy is headed with.
 */
export function renderReport(container, report, { onShowQuote, statements = false, notPolicyTitle = 'This page is not a privacy policy.' } = {}) {
  container.replaceChildren();
  if (!report.document.is_policy) {
    const reason = typeof report.document.reason === 'string' && report.document.reason ? el('p', 'pl-explain pl-reason') : null;
    if (reason) reason.textContent = report.document.reason;
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
    container.append(el('p', 'pl-explain', `Only the first ${report.document.bytes_read} bytes of this long policy were read.`));
  }
}
