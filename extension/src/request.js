// An opt-out request by e-mail, as a mailto: URL whose subject and body policylens writes (from its own messages): the only page-derived parts are a strictly checked address, the site's host name and, if the policy requires one, a checked subject phrase.
import { t } from './i18n.js';

/** What the user may ask for, each with its own subject and body messages (`request_subject_<kind>`, `request_body_<kind>`). */
export const REQUEST_KINDS = ['ccpa_opt_out', 'unsubscribe', 'delete', 'gdpr_object'];

/**
 * What a request may have to carry (report.opt_out.request.include, a fixed vocabulary), each
 * a placeholder line (`request_include_<item>`). Name and e-mail are always asked for.
 */
export const INCLUDE_ITEMS = ['name', 'email', 'address', 'phone', 'order_number', 'state_of_residence'];
const ALWAYS_INCLUDED = ['name', 'email'];

/** Longest address accepted (RFC 5321's limit on a path), and longest local part. */
const MAX_ADDRESS_CHARS = 254;
const MAX_LOCAL_CHARS = 64;
/**
 * One plain address and nothing else: letters, digits and `._+-` before the @, a dotted host
 * name after it. No `?`, `&`, `%`, `=`, `#`, quotes, commas, spaces, brackets or line breaks can
 * pass, so nothing can add a header, a second recipient or a body to the URL.
 */
const ADDRESS = /^[A-Za-z0-9][A-Za-z0-9._+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The address if it is one plain address (ADDRESS, within the lengths, no `..`); else null. */
export function requestAddress(value) {
  if (typeof value !== 'string' || value.length > MAX_ADDRESS_CHARS || !ADDRESS.test(value) || value.includes('..')) return null;
  return value.indexOf('@') <= MAX_LOCAL_CHARS ? value : null;
}

/** Longest subject phrase taken from a report (what the policy says the subject line must say). */
const MAX_PHRASE_CHARS = 60;
/** Letters and digits of any script, spaces, and basic punctuation: nothing that could start a header or a URL part. */
const PHRASE = /^[\p{L}\p{N}][\p{L}\p{N} .,:;'’()/-]*$/u;

/** The report's required subject phrase if it passes policylens's own check (PHRASE, at most 60 characters, one space at a time); else null. */
export function requestSubjectPhrase(value) {
  if (typeof value !== 'string') return null;
  const phrase = value.trim();
  return phrase.length <= MAX_PHRASE_CHARS && PHRASE.test(phrase) && !/\s\s/.test(phrase) ? phrase : null;
}

/** The host name of a site (an origin) as the request names it: ASCII (IDNs as punycode), no port; null if it is none. */
export function requestHost(site) {
  let host;
  try {
    host = new URL(site).hostname;
  } catch {
    return null;
  }
  return /^[a-z0-9.-]{1,253}$/.test(host) ? host : null;
}

/**
 * What the report says a request must carry (report.opt_out.request = { subject, include }, an
 * optional field): the subject phrase if it passes requestSubjectPhrase, and the items of the
 * fixed vocabulary, name and e-mail first. Absent or malformed parts count as nothing.
 */
export function requestNeeds(report) {
  const request = report?.opt_out?.request;
  const include = Array.isArray(request?.include) ? request.include : [];
  return {
    subject: requestSubjectPhrase(request?.subject),
    include: INCLUDE_ITEMS.filter((item) => ALWAYS_INCLUDED.includes(item) || include.includes(item)),
  };
}

/**
 * The subject and body of a request (kind: one of REQUEST_KINDS) to the site at host, in the
 * user's language; needs as requestNeeds gives them. Lines end with CRLF (RFC 6068).
 */
export function requestMessage(kind, host, needs = requestNeeds(null)) {
  if (!REQUEST_KINDS.includes(kind)) throw new Error(`unknown request kind: ${kind}`);
  const plain = t(`request_subject_${kind}`, host);
  const subject = needs.subject ? t('request_subject_with_phrase', needs.subject, plain) : plain;
  const body = [
    t('request_greeting'),
    '',
    t(`request_body_${kind}`, host),
    '',
    t('request_identify'),
    ...needs.include.map((item) => t(`request_include_${item}`, host)),
    '',
    t('request_closing'),
    '',
    t('request_signature'),
  ].join('\r\n');
  return { subject, body };
}

/**
 * The mailto: URL of a request, or null if the address is not one plain address or the site has
 * no host name. Only `subject` and `body` are set, both percent-encoded whole.
 */
export function requestMailto({ address, site, kind, report }) {
  const to = requestAddress(address);
  const host = requestHost(site);
  if (!to || !host) return null;
  const { subject, body } = requestMessage(kind, host, requestNeeds(report));
  const [local, domain] = to.split('@');
  return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
