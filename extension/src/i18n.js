// Message lookup for every user-visible string: the browser's extension i18n (popup, options page, background), or, where there is none (the www/ page, node tests), a messages.json given to useMessages.

/** The extension API where it exists; a web page's `window.chrome` has no i18n. */
const api = globalThis.browser?.i18n ?? globalThis.chrome?.i18n;

/** messages.json contents used when there is no extension API (set by useMessages). */
let bundled = null;

/** Use these messages (a parsed messages.json) wherever the browser's extension i18n is missing. */
export function useMessages(messages) {
  bundled = messages;
}

/**
 * A message of messages.json format with its substitutions, as the extension API makes it:
 * `$NAME$` is the placeholder's content, in which `$1`…`$9` are the substitutions; `$$` is `$`.
 * Substitutions go in as they are (never read for placeholders themselves).
 */
export function formatMessage(entry, substitutions = []) {
  if (typeof entry?.message !== 'string') return '';
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), String(p?.content ?? '')]));
  const positional = (text) => text.replace(/\$(\d)/g, (_, n) => String(substitutions[Number(n) - 1] ?? ''));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name) => {
    if (match === '$$') return '$';
    const content = placeholders[name.toLowerCase()];
    return content === undefined ? match : positional(content);
  });
}

/** The message `key` in the user's language, substitutions filled in; the key itself if it has none (so a gap shows). */
export function t(key, ...substitutions) {
  const subs = substitutions.map(String);
  const message = api?.getMessage ? api.getMessage(key, subs) : formatMessage(bundled?.[key], subs);
  return message || key;
}

/** The message for each `document.reason_code` the reader gives (report.rs ReasonCode). */
const REASON_MESSAGES = {
  too_little_text: 'reason_too_little_text',
  not_english: 'reason_not_english',
  terms_page: 'reason_terms_page',
  not_about_privacy: 'reason_not_about_privacy',
};

/** Why a page is not a policy, in the user's language where the reader gave a known code, else the reader's own (English) words. */
export function notPolicyReason(info) {
  const key = Object.hasOwn(REASON_MESSAGES, info.reason_code) ? REASON_MESSAGES[info.reason_code] : null;
  if (key) return t(key);
  return typeof info.reason === 'string' ? info.reason : '';
}

/** The language the messages are in (a BCP 47 tag, from the locale's own `locale` message). */
export function uiLocale() {
  const locale = t('locale');
  return locale === 'locale' ? 'en' : locale;
}

/** A date (ms since the epoch) as the user's language writes it, e.g. "Dec 1, 2026" or "1 dic 2026". */
export function formatDate(ms) {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(ms));
}

/** A number with the user's language's separators. */
export function formatNumber(n) {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/**
 * Fill a static page's strings from their keys: `data-i18n` (text), `data-i18n-title`,
 * `data-i18n-aria-label` and `data-i18n-placeholder` (attributes); and its language.
 */
export function localize(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [data, attribute] of [['i18nTitle', 'title'], ['i18nAriaLabel', 'aria-label'], ['i18nPlaceholder', 'placeholder']]) {
    const selector = `[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const node of root.querySelectorAll(selector)) node.setAttribute(attribute, t(node.dataset[data]));
  }
  if (root.documentElement) root.documentElement.lang = uiLocale();
}
