// Renders a policylens report into a container with DOM calls only (page-derived text goes in as text); shared by the popup and the www/ page.

/** Only these link kinds are ever made clickable; anything else is shown as plain text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** The one e-mail address a mailto link may carry: no quoted or bracketed parts, no lists, a dotted domain. */
const PLAIN_ADDRESS = /^[\w.!#$%&'*+/=^`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** How many quotes are shown per finding before "and N more". */
const QUOTES_PER_FINDING = 3;

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

function quoteList(quotes, onShowQuote) {
  const list = el('ul', 'pl-quotes');
  for (const quote of quotes.slice(0, QUOTES_PER_FINDING)) {
    const item = el('li', 'pl-quote', el('q', null, quote.text));
    if (onShowQuote) {
      const button = el('button', 'pl-show', 'Show');
      button.type = 'button';
      button.title = 'Show this sentence in the policy';
      button.setAttribute('aria-label', `Show in the policy: ${quote.text.slice(0, 80)}`);
      button.addEventListener('click', () => onShowQuote(quote));
      item.append(button);
    }
    list.append(item);
  }
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
 * onShowQuote(quote), if given, adds a "Show" button beside each quoted sentence.
 */
export function renderReport(container, report, { onShowQuote } = {}) {
  container.replaceChildren();
  if (!report.document.is_policy) {
    container.append(el('div', 'pl-notice pl-not-policy',
      el('p', 'pl-notice-title', 'This page is not a privacy policy.'),
      report.document.reason ? el('p', 'pl-explain', report.document.reason) : null));
    return;
  }
  container.append(
    sellingSection(report.selling, onShowQuote),
    trackingSection(report.tracking, onShowQuote),
    optOutSection(report.opt_out, onShowQuote),
  );
  if (report.document.truncated) {
    container.append(el('p', 'pl-explain', `Only the first ${report.document.bytes_read} bytes of this long policy were read.`));
  }
}
