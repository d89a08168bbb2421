// What changed between two readings of a site's policy: a pure diff of the answers (selling verdict, tracking flags, Do Not Track, services, opt-out routes), and each change in words.
import { t } from './i18n.js';
import { doNotTrackWords, mechanismWords, shownAddress, trackerLabel, TRACKERS, verdictWords } from './render.js';

/** The kinds of change, in the order they are listed (the most consequential first). */
export const CHANGE_KINDS = ['is_policy', 'verdict', 'tracking', 'do_not_track', 'service', 'url', 'email', 'mechanism'];

/** The lists compared as sets: the change kind, where the list sits in a report, and how two items are the same. */
const LISTS = [
  ['service', (r) => r.tracking.services, (v) => v],
  ['url', (r) => r.opt_out.urls, (v) => v],
  ['email', (r) => r.opt_out.emails, (v) => v.toLowerCase()], // addresses are case-insensitive in practice
  ['mechanism', (r) => r.opt_out.mechanisms, (v) => v],
];

/** Items of `a` whose key is not among `b`'s, in `a`'s order. */
function missingFrom(a, b, key) {
  const keys = new Set(b.map(key));
  return a.filter((item) => !keys.has(key(item)));
}

/**
 * The answers that differ between an earlier and a later report of the same site, as plain data:
 *   { kind: 'is_policy', to }                 the page read is (no longer) a privacy policy: nothing else is compared
 *   { kind: 'verdict', from, to }             the selling verdict
 *   { kind: 'tracking', flag, to }            cookies, web_beacons, analytics, targeted_advertising now said (or no longer)
 *   { kind: 'do_not_track', from, to }
 *   { kind: 'service' | 'url' | 'email' | 'mechanism', added, value }   named now, or no longer
 * Empty if no answer changed (the wording may have).
 */
export function reportChanges(before, after) {
  if (before.document.is_policy !== after.document.is_policy) return [{ kind: 'is_policy', to: after.document.is_policy }];
  if (!after.document.is_policy) return [];
  const changes = [];
  if (before.selling.verdict !== after.selling.verdict) changes.push({ kind: 'verdict', from: before.selling.verdict, to: after.selling.verdict });
  for (const flag of TRACKERS) {
    if (Boolean(before.tracking[flag]) !== Boolean(after.tracking[flag])) changes.push({ kind: 'tracking', flag, to: Boolean(after.tracking[flag]) });
  }
  if (before.tracking.do_not_track !== after.tracking.do_not_track) {
    changes.push({ kind: 'do_not_track', from: before.tracking.do_not_track, to: after.tracking.do_not_track });
  }
  for (const [kind, list, key] of LISTS) {
    for (const value of missingFrom(list(after), list(before), key)) changes.push({ kind, added: true, value });
    for (const value of missingFrom(list(before), list(after), key)) changes.push({ kind, added: false, value });
  }
  return changes;
}

/** Longest value a stored change may carry (a URL's limit in background.js). */
const MAX_VALUE_CHARS = 4096;
const isShort = (value) => typeof value === 'string' && value.length <= MAX_VALUE_CHARS;

/** Whether a stored value is a change reportChanges makes (storage is checked before use). */
export function isChange(change) {
  switch (change?.kind) {
    case 'is_policy': return typeof change.to === 'boolean';
    case 'verdict':
    case 'do_not_track': return isShort(change.from) && isShort(change.to);
    case 'tracking': return TRACKERS.includes(change.flag) && typeof change.to === 'boolean';
    case 'service':
    case 'url':
    case 'email':
    case 'mechanism': return typeof change.added === 'boolean' && isShort(change.value);
    default: return false;
  }
}

/** One change in words, in the user's language ("Data selling: was “Does not sell your data”, now “Sells or shares your data”"). */
export function changeWords(change) {
  const addedOrGone = (kind, value) => t(`change_${kind}_${change.added ? 'added' : 'removed'}`, value);
  switch (change.kind) {
    case 'is_policy': return t(change.to ? 'change_is_policy_now' : 'change_is_policy_no_longer');
    case 'verdict': return t('change_verdict', verdictWords(change.from).label, verdictWords(change.to).label);
    case 'tracking': return t(change.to ? 'change_tracking_now' : 'change_tracking_no_longer', trackerLabel(change.flag));
    case 'do_not_track': return t('change_do_not_track', doNotTrackWords(change.from), doNotTrackWords(change.to));
    case 'service': return addedOrGone('service', change.value);
    case 'url':
    case 'email': return addedOrGone(change.kind, shownAddress(change.value));
    case 'mechanism': return addedOrGone('mechanism', mechanismWords(change.value));
    default: return String(change.kind);
  }
}

/** A reading as kept in the cache: { policyUrl, hash, savedAt, report }. */
const readingOf = ({ policyUrl, hash, savedAt, report }) => ({ policyUrl, hash, savedAt, report });

/**
 * A site's cache entry after a new reading of its policy (old: the entry before, or null).
 * An entry is the latest reading, plus `previous` (the reading the changes are measured from)
 * and `changes` ({ since: previous.savedAt, seen: when they were found, items, dismissed }):
 *   - the same text as before: the new reading replaces the old, the previous reading and any changes stay;
 *   - other text: its answers are compared with the reading the user last saw unchanged, i.e. the
 *     old entry's previous reading while its changes are not dismissed (so changes add up until
 *     the user dismisses them), else the old entry itself. Changes found: kept with that reading.
 *     None: the old reading becomes the previous one; dismissed changes stay, as history.
 */
export function mergeReading(old, reading) {
  const latest = readingOf(reading);
  if (!old) return latest;
  const kept = { ...(old.previous && { previous: old.previous }), ...(old.changes && { changes: old.changes }) };
  if (old.hash === reading.hash) return { ...latest, ...kept };
  const pending = Boolean(old.previous && old.changes && !old.changes.dismissed);
  const baseline = pending ? old.previous : readingOf(old);
  const items = reportChanges(baseline.report, reading.report);
  if (items.length) return { ...latest, previous: baseline, changes: { since: baseline.savedAt, seen: reading.savedAt, items, dismissed: false } };
  return { ...latest, previous: readingOf(old), ...(old.changes?.dismissed && { changes: old.changes }) };
}

/** The changes a site's entry has that the user has not dismissed ({ since, seen, items }), or undefined. */
export function pendingChanges(entry) {
  const changes = entry?.changes;
  return changes && !changes.dismissed && changes.items.length ? { since: changes.since, seen: changes.seen, items: changes.items } : undefined;
}

/** Whether a stored `changes` has the shape mergeReading gives it. */
export function isChanges(changes) {
  return typeof changes === 'object' && changes !== null && Number.isFinite(changes.since) && Number.isFinite(changes.seen) &&
    typeof changes.dismissed === 'boolean' && Array.isArray(changes.items) && changes.items.length <= MAX_CHANGES && changes.items.every(isChange);
}

/** At most this many changes are kept per site (a report lists at most a few hundred items). */
const MAX_CHANGES = 1000;
