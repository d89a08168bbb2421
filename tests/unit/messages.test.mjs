// The extension's messages (extension/src/_locales): English and Spanish complete and alike (same names, same placeholders), every message the code asks for present, and i18n.js's fallback formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMessage, t, useMessages } from '../../extension/src/i18n.js';

const SRC = new URL('../../extension/src/', import.meta.url).pathname;
const EXTENSION = new URL('../../extension/', import.meta.url).pathname;
const LOCALES = ['en', 'es'];
const load = async (locale) => JSON.parse(await readFile(join(SRC, '_locales', locale, 'messages.json'), 'utf8'));

/** Message names the code builds from the report's vocabularies and the tab statuses (`t(\`verdict_${…}\`)`). */
const FAMILIES = {
  verdict: ['sells', 'does_not_sell', 'not_stated'].flatMap((v) => [`verdict_${v}`, `verdict_${v}_explain`]),
  badge: ['sells', 'does_not_sell', 'not_stated', 'analyzing', 'no_policy', 'not_policy', 'error'].map((v) => `badge_${v}`),
  tracker: ['cookies', 'web_beacons', 'analytics', 'targeted_advertising'].map((v) => `tracker_${v}`),
  dnt: ['honored', 'not_honored', 'not_mentioned'].map((v) => `dnt_${v}`),
  mechanism: ['browser_settings', 'unsubscribe_link', 'reply_stop', 'account_settings', 'contact_request', 'ad_industry_optout',
    'analytics_optout', 'do_not_sell_link', 'gpc', 'device_settings'].map((v) => `mechanism_${v}`),
  change: ['service', 'url', 'email', 'mechanism'].flatMap((v) => [`change_${v}_added`, `change_${v}_removed`]),
  request: ['ccpa_opt_out', 'unsubscribe', 'delete', 'gdpr_object'].flatMap((v) => [`request_subject_${v}`, `request_body_${v}`, `request_kind_${v}`]),
  include: ['name', 'email', 'address', 'phone', 'order_number', 'state_of_residence'].map((v) => `request_include_${v}`),
  reason: ['too_little_text', 'not_english', 'terms_page', 'not_about_privacy'].map((v) => `reason_${v}`),
};

/** Every file of the extension's source tree (shared and per browser) with its text. */
async function sources() {
  const files = [];
  for (const dir of [SRC, join(EXTENSION, 'chrome'), join(EXTENSION, 'firefox')]) {
    const names = await readdir(dir).catch(() => []);
    for (const name of names.filter((n) => /\.(js|html)$/.test(n))) files.push([name, await readFile(join(dir, name), 'utf8')]);
  }
  for (const browser of ['chrome', 'firefox']) files.push([`manifest.${browser}.json`, await readFile(join(EXTENSION, `manifest.${browser}.json`), 'utf8')]);
  return files;
}

test('every locale has the same messages, none empty, with the same placeholders', async () => {
  const [en, ...others] = await Promise.all(LOCALES.map(load));
  const names = Object.keys(en);
  assert.ok(names.length > 50);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  assert.equal(lower.size, names.length, 'names are case-insensitive in browsers: no two differ only in case');
  for (const name of names) assert.match(name, /^[A-Za-z0-9_]+$/, `a name browsers accept: ${name}`);
  for (const [i, messages] of others.entries()) {
    const locale = LOCALES[i + 1];
    assert.deepEqual(Object.keys(messages).sort(), [...names].sort(), `${locale} has exactly the English names`);
    for (const name of names) {
      const a = en[name];
      const b = messages[name];
      assert.ok(b.message.trim(), `${locale}.${name} is not empty`);
      assert.deepEqual(Object.entries(b.placeholders ?? {}).map(([k, v]) => [k, v.content]).sort(),
        Object.entries(a.placeholders ?? {}).map(([k, v]) => [k, v.content]).sort(), `${locale}.${name} has the English placeholders`);
    }
  }
  for (const [i, messages] of [en, ...others].entries()) {
    for (const [name, { message, placeholders = {} }] of Object.entries(messages)) {
      const used = [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase());
      assert.deepEqual([...new Set(used)].sort(), Object.keys(placeholders).map((k) => k.toLowerCase()).sort(), `${LOCALES[i]}.${name}: each placeholder used, none undefined`);
    }
  }
  assert.equal(en.locale.message, 'en');
  assert.equal(others[0].locale.message, 'es');
});

test('every message the code asks for exists', async () => {
  const en = await load('en');
  const wanted = new Set(Object.values(FAMILIES).flat());
  for (const [file, text] of await sources()) {
    // t('name', …), and the names a ternary picks: t(x ? 'a' : 'b').
    for (const [, args] of text.matchAll(/\bt\((?!\s*`)([^()]*)/g)) for (const [, name] of args.matchAll(/'([A-Za-z0-9_]+)'/g)) wanted.add(name);
    for (const [, name] of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) wanted.add(name);
    for (const [, name] of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) wanted.add(name);
    assert.ok(!/\bt\(\s*`[^`$]*`\)/.test(text), `${file}: a message name in a template without substitution`);
  }
  const missing = [...wanted].filter((name) => en[name] === undefined);
  assert.deepEqual(missing, []);
});

test('the fallback formats placeholders as browsers do, and shows a missing name as itself', async () => {
  const entry = { message: 'Changed since $DATE$: $COUNT$ change(s), $$5 off', placeholders: { date: { content: '$1' }, count: { content: '$2' } } };
  assert.equal(formatMessage(entry, ['Dec 1, 2026', '3']), 'Changed since Dec 1, 2026: 3 change(s), $5 off');
  // A substitution is inserted as it is: its own `$1` or `$DATE$` is not read again.
  assert.equal(formatMessage(entry, ['$2 $DATE$', 'x']), 'Changed since $2 $DATE$: x change(s), $5 off');
  assert.equal(formatMessage(entry, []), 'Changed since :  change(s), $5 off');
  assert.equal(formatMessage(undefined), '');
  useMessages(await load('en'));
  assert.equal(t('verdict_sells'), 'Sells or shares your data');
  assert.equal(t('andMore', 4), 'and 4 more');
  assert.equal(t('no_such_message'), 'no_such_message');
});
