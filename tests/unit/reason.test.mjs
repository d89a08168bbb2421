// Why a page is not a policy, as the popup, the badge tooltip and the web page say it: the reader's reason code in the
// user's language (every code of report.rs's ReasonCode has a message), else the reader's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { notPolicyReason, useMessages } from '../../extension/src/i18n.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const load = async (locale) => JSON.parse(await readFile(`${ROOT}extension/src/_locales/${locale}/messages.json`, 'utf8'));

/** The codes report.rs can give, read from the enum's variants (CamelCase there, snake_case in JSON). */
async function reasonCodes() {
  const source = await readFile(`${ROOT}src/report.rs`, 'utf8');
  const body = source.match(/pub enum ReasonCode \{([^}]*)\}/)[1];
  return [...body.matchAll(/^\s*([A-Z][A-Za-z]+),/gm)].map(([, name]) => name.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase());
}

test('every reason code the reader gives is said in each language', async () => {
  const codes = await reasonCodes();
  assert.deepEqual(codes, ['too_little_text', 'not_english', 'terms_page', 'not_about_privacy']);
  for (const locale of ['en', 'es']) {
    const messages = await load(locale);
    useMessages(messages);
    for (const code of codes) {
      const said = notPolicyReason({ is_policy: false, reason: 'the reader\'s words', reason_code: code });
      assert.equal(said, messages[`reason_${code}`].message, `${locale} ${code}`);
    }
  }
});

test('the Spanish reason for a Terms page, and the reader\'s words where a code is unknown or missing', async () => {
  useMessages(await load('es'));
  assert.match(notPolicyReason({ reason: 'this is a terms page …', reason_code: 'terms_page' }), /^es una página de términos/);
  assert.equal(notPolicyReason({ reason: 'some new reason', reason_code: 'toString' }), 'some new reason');
  assert.equal(notPolicyReason({ reason: 'an older report' }), 'an older report');
  assert.equal(notPolicyReason({}), '');
});
