// The policy-change diff (extension/src/changes.js): which answers differ between two reports, in words, and how a site's cache entry keeps its earlier reading and its changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { changeWords, isChange, isChanges, mergeReading, pendingChanges, reportChanges } from '../../extension/src/changes.js';
import { useMessages } from '../../extension/src/i18n.js';

before(async () => {
  useMessages(JSON.parse(await readFile(new URL('../../extension/src/_locales/en/messages.json', import.meta.url), 'utf8')));
});

/** A report with only the answers the diff reads (schema 2 names), overridden by `parts`. */
function report({ isPolicy = true, verdict = 'does_not_sell', tracking = {}, optOut = {} } = {}) {
  return {
    schema_version: 2,
    document: { is_policy: isPolicy, reason: '' },
    selling: { verdict, evidence: [] },
    tracking: { cookies: true, web_beacons: false, analytics: true, targeted_advertising: false, services: ['Google Analytics'], do_not_track: 'not_mentioned', evidence: {}, ...tracking },
    opt_out: { urls: ['https://tools.google.com/dlpage/gaoptout'], emails: ['privacy@shop.example'], mechanisms: ['browser_settings'], evidence: {}, ...optOut },
  };
}

test('the same answers (other evidence or wording aside) are no change', () => {
  assert.deepEqual(reportChanges(report(), report()), []);
  const reworded = report();
  reworded.selling.evidence = [{ text: 'We never sell your data.', start: 0, end: 24 }];
  assert.deepEqual(reportChanges(report(), reworded), []);
  // Lists are sets: order does not matter, and an address's case neither.
  assert.deepEqual(reportChanges(report({ optOut: { mechanisms: ['browser_settings', 'gpc'] } }), report({ optOut: { mechanisms: ['gpc', 'browser_settings'], emails: ['Privacy@Shop.example'] } })), []);
});

test('every answer that changed, in order: verdict, tracking flags, Do Not Track, services and opt-out routes added and removed', () => {
  const after = report({
    verdict: 'sells',
    tracking: { web_beacons: true, analytics: false, services: ['Hotjar', 'Facebook'], do_not_track: 'honored' },
    optOut: { urls: ['https://optout.aboutads.info/'], emails: ['privacy@shop.example', 'dpo@shop.example'], mechanisms: ['browser_settings', 'gpc'] },
  });
  const changes = reportChanges(report(), after);
  assert.deepEqual(changes, [
    { kind: 'verdict', from: 'does_not_sell', to: 'sells' },
    { kind: 'tracking', flag: 'web_beacons', to: true },
    { kind: 'tracking', flag: 'analytics', to: false },
    { kind: 'do_not_track', from: 'not_mentioned', to: 'honored' },
    { kind: 'service', added: true, value: 'Hotjar' },
    { kind: 'service', added: true, value: 'Facebook' },
    { kind: 'service', added: false, value: 'Google Analytics' },
    { kind: 'url', added: true, value: 'https://optout.aboutads.info/' },
    { kind: 'url', added: false, value: 'https://tools.google.com/dlpage/gaoptout' },
    { kind: 'email', added: true, value: 'dpo@shop.example' },
    { kind: 'mechanism', added: true, value: 'gpc' },
  ]);
  assert.ok(changes.every(isChange));
  assert.deepEqual(changes.map(changeWords), [
    'Data selling: was “Does not sell your data”, now “Sells or shares your data”',
    'Pixels / web beacons: now mentioned',
    'Analytics: no longer mentioned',
    'Do Not Track: was not mentioned, now honored',
    'Service now named: Hotjar',
    'Service now named: Facebook',
    'Service no longer named: Google Analytics',
    'New opt-out page: https://optout.aboutads.info/',
    'Opt-out page no longer given: https://tools.google.com/dlpage/gaoptout',
    'New address for requests: dpo@shop.example',
    'New way to opt out: Turn on Global Privacy Control in your browser',
  ]);
});

test('a page that is no longer (or now) a privacy policy is the one change: its other answers mean nothing', () => {
  assert.deepEqual(reportChanges(report(), report({ isPolicy: false, verdict: 'not_stated' })), [{ kind: 'is_policy', to: false }]);
  assert.deepEqual(reportChanges(report({ isPolicy: false }), report({ verdict: 'sells' })), [{ kind: 'is_policy', to: true }]);
  assert.deepEqual(reportChanges(report({ isPolicy: false }), report({ isPolicy: false, verdict: 'sells' })), []);
  assert.equal(changeWords({ kind: 'is_policy', to: false }), 'The page read is no longer a privacy policy.');
});

test('page-derived values stay as they are in words (shown as text), hidden direction controls percent-encoded', () => {
  assert.equal(changeWords({ kind: 'service', added: true, value: '<img src=x onerror=alert(1)>' }), 'Service now named: <img src=x onerror=alert(1)>');
  assert.equal(changeWords({ kind: 'url', added: true, value: 'https://evil.example/\u202Emoc.elgoog' }), 'New opt-out page: https://evil.example/%E2%80%AEmoc.elgoog');
  assert.ok(!isChange({ kind: 'service', added: true, value: 'x'.repeat(5000) }));
  assert.ok(!isChange({ kind: 'tracking', flag: '__proto__', to: true }));
  assert.ok(!isChange({ kind: 'eval', value: 'x' }));
  assert.ok(!isChanges({ since: 1, seen: 2, dismissed: false, items: [{ kind: 'eval' }] }));
});

const reading = (savedAt, hash, parts) => ({ policyUrl: 'https://shop.example/privacy', hash, savedAt, report: report(parts) });

test('a site entry: a first reading; the same text again; other text with changes; more changes add up until dismissed', () => {
  const first = mergeReading(null, reading(1, 'a'));
  assert.deepEqual(first, reading(1, 'a'));
  assert.equal(pendingChanges(first), undefined);
  // Same text (an expired cache read again): the new reading, nothing changed.
  assert.deepEqual(mergeReading(first, reading(2, 'a')), reading(2, 'a'));
  // Other text, same answers: no change, but the earlier reading is kept.
  const reworded = mergeReading(first, reading(3, 'b'));
  assert.deepEqual(reworded, { ...reading(3, 'b'), previous: reading(1, 'a') });
  assert.equal(pendingChanges(reworded), undefined);
  // Other text that sells: one change since the reading of time 3.
  const sells = mergeReading(reworded, reading(4, 'c', { verdict: 'sells' }));
  assert.deepEqual(sells.previous, reading(3, 'b'));
  assert.deepEqual(pendingChanges(sells), { since: 3, seen: 4, items: [{ kind: 'verdict', from: 'does_not_sell', to: 'sells' }] });
  assert.ok(isChanges(sells.changes));
  // Not dismissed, then another change: both, still measured from time 3.
  const more = mergeReading(sells, reading(5, 'd', { verdict: 'sells', tracking: { services: ['Google Analytics', 'Hotjar'] } }));
  assert.deepEqual(pendingChanges(more), { since: 3, seen: 5, items: [
    { kind: 'verdict', from: 'does_not_sell', to: 'sells' }, { kind: 'service', added: true, value: 'Hotjar' }] });
  // The policy back as it was at time 3: nothing pending any more.
  assert.equal(pendingChanges(mergeReading(more, reading(6, 'e'))), undefined);
  // Dismissed: gone from pendingChanges, kept as history; the next change is measured from the reading then.
  const dismissed = { ...more, changes: { ...more.changes, dismissed: true } };
  assert.equal(pendingChanges(dismissed), undefined);
  assert.deepEqual(mergeReading(dismissed, reading(7, 'f', { verdict: 'sells', tracking: { services: ['Google Analytics', 'Hotjar'] } })).changes, dismissed.changes);
  const next = mergeReading(dismissed, reading(8, 'g', { verdict: 'not_stated', tracking: { services: ['Google Analytics', 'Hotjar'] } }));
  assert.deepEqual(pendingChanges(next), { since: 5, seen: 8, items: [{ kind: 'verdict', from: 'sells', to: 'not_stated' }] });
  assert.deepEqual(next.previous, reading(5, 'd', { verdict: 'sells', tracking: { services: ['Google Analytics', 'Hotjar'] } }));
  // A stale mark (Re-analyze) does not survive the new reading.
  assert.equal(mergeReading({ ...first, stale: true }, reading(9, 'a')).stale, undefined);
});
