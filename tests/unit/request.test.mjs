// The opt-out request (extension/src/request.js): a mailto: URL with policylens's own subject and body; hostile addresses and subject phrases never get in; the URLs for the two example shops.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useMessages } from '../../extension/src/i18n.js';
import { REQUEST_KINDS, requestAddress, requestHost, requestMailto, requestMessage, requestNeeds, requestSubjectPhrase } from '../../extension/src/request.js';

const fixture = async (name) => JSON.parse(await readFile(new URL(`../fixtures/${name}.labels.json`, import.meta.url), 'utf8'));

before(async () => {
  useMessages(JSON.parse(await readFile(new URL('../../extension/src/_locales/en/messages.json', import.meta.url), 'utf8')));
});

/** A mailto URL's parts, as a mail client reads them. */
function parse(mailto) {
  const url = new URL(mailto);
  return { protocol: url.protocol, to: decodeURIComponent(url.pathname), params: [...url.searchParams.keys()], subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
}

test('hostile addresses are refused: no second recipient, header, body or line break can ride along', () => {
  for (const hostile of [
    'a@b.com?bcc=evil@x.com', 'a@b.com%0Abcc:evil@x.com', 'a@b.com%0D%0ABcc: evil@x.com', 'a@b.com\r\nbcc: evil@x.com', 'a@b.com\nbcc:evil@x.com',
    'a@b.com&cc=evil@x.com', 'a@b.com,evil@x.com', 'a@b.com;evil@x.com', '"a,b"@x.com', "o'brien@x.com", 'a b@x.com', ' a@b.com', 'a@b.com ',
    '<a@b.com>', 'a@b.com#body=x', 'a@b', '@b.com', 'a@@b.com', 'a@b..com', 'a..b@c.com', 'a@-b.com', 'a@b.com.', 'a@b.com=x', 'a@b.com/x',
    'privacy@hostile.example<script>', '"<b>x</b>"@evil.example', 'privacy\u202E@hostile.example', 'а@b.com' /* Cyrillic а */,
    `${'a'.repeat(65)}@b.com`, `a@${'b'.repeat(250)}.com`, '', null, 42, ['a@b.com'],
  ]) {
    assert.equal(requestAddress(hostile), null, JSON.stringify(hostile));
    assert.equal(requestMailto({ address: hostile, site: 'https://shop.example', kind: 'delete' }), null, JSON.stringify(hostile));
  }
  for (const plain of ['privacy@shop.example', 'CaliJewelz@gmail.com', 'first.last+privacy@mail.shop-example.co.uk', 'a_b-c@x1.io']) {
    assert.equal(requestAddress(plain), plain);
  }
});

test('a required subject phrase is used only if it passes policylens\'s check', () => {
  assert.equal(requestSubjectPhrase('California Privacy Rights'), 'California Privacy Rights');
  assert.equal(requestSubjectPhrase('  Privacy Request: Do Not Sell  '), 'Privacy Request: Do Not Sell');
  assert.equal(requestSubjectPhrase('Derechos de privacidad – no'), null, 'an en dash is not basic punctuation');
  assert.equal(requestSubjectPhrase('Solicitud de privacidad (CCPA)'), 'Solicitud de privacidad (CCPA)');
  for (const hostile of ['California Privacy Rights\r\nBcc: evil@x.com', 'Rights\nBcc: evil@x.com', 'Rights&bcc=evil@x.com', 'Rights?bcc=evil@x.com',
    'Rights%0ABcc:evil', '<script>alert(1)</script>', 'x'.repeat(61), '', '   ', '"quoted"', 'Rights#x', 'Rights\u202Ethgir', 'Rights\u0000', '- starts with a dash',
    'two  spaces', 'Rights\tx', 42, null, undefined, { toString: () => 'Rights' }]) {
    assert.equal(requestSubjectPhrase(hostile), null, JSON.stringify(hostile));
  }
  // In a URL, a refused phrase leaves the subject as policylens writes it.
  const mailto = requestMailto({ address: 'privacy@shop.example', site: 'https://shop.example', kind: 'ccpa_opt_out',
    report: { opt_out: { request: { subject: 'Rights\r\nBcc: evil@x.com', include: [] } } } });
  const { subject, body, params } = parse(mailto);
  assert.deepEqual(params, ['subject', 'body']);
  assert.equal(subject, 'Do Not Sell or Share My Personal Information – shop.example');
  assert.ok(!body.includes('evil') && !subject.includes('evil'));
});

test('what a request must carry: name and e-mail always, then the known items; anything else is ignored', () => {
  assert.deepEqual(requestNeeds(null), { subject: null, include: ['name', 'email'] });
  assert.deepEqual(requestNeeds({ opt_out: {} }), { subject: null, include: ['name', 'email'] });
  assert.deepEqual(requestNeeds({ opt_out: { request: { subject: null, include: ['phone', 'ssn', '<b>', 'state_of_residence', 'phone'] } } }),
    { subject: null, include: ['name', 'email', 'phone', 'state_of_residence'] });
  assert.deepEqual(requestNeeds({ opt_out: { request: { subject: 'California Privacy Rights', include: 'name' } } }), { subject: 'California Privacy Rights', include: ['name', 'email'] });
});

test('the site\'s host name only: ASCII, no port; nothing else of the page', () => {
  assert.equal(requestHost('https://crypjama.com'), 'crypjama.com');
  assert.equal(requestHost('http://127.0.0.1:8080'), '127.0.0.1');
  assert.equal(requestHost('https://bücher.example'), 'xn--bcher-kva.example');
  assert.equal(requestHost('not a url'), null);
  assert.equal(requestMailto({ address: 'a@b.com', site: 'javascript:alert(1)', kind: 'delete' }), null);
});

test('every kind: only subject and body, written by policylens, with the address and host; placeholders for the user\'s name and e-mail', () => {
  for (const kind of REQUEST_KINDS) {
    const { protocol, to, params, subject, body } = parse(requestMailto({ address: 'privacy@shop.example', site: 'https://shop.example', kind }));
    assert.equal(protocol, 'mailto:');
    assert.equal(to, 'privacy@shop.example');
    assert.deepEqual(params, ['subject', 'body']);
    assert.deepEqual({ subject, body }, requestMessage(kind, 'shop.example'));
    assert.ok(subject.endsWith('– shop.example'), subject);
    assert.match(body, /\r\nName: \[your full name\]\r\nE-mail address I use with shop\.example: \[your e-mail address\]\r\n/);
    assert.ok(!/[\r\n]/.test(subject));
  }
  assert.throws(() => requestMessage('bcc', 'shop.example'), /unknown request kind/);
});

test('the two example shops: the URLs policylens writes for calijewelz.com and crypjama.com', async () => {
  const [cali, cryp] = await Promise.all([fixture('calijewelz.com'), fixture('crypjama.com')]);
  assert.equal(requestMailto({ address: cali.opt_out.emails[0], site: 'https://calijewelz.com', kind: 'ccpa_opt_out', report: null }),
    'mailto:CaliJewelz@gmail.com?subject=Do%20Not%20Sell%20or%20Share%20My%20Personal%20Information%20%E2%80%93%20calijewelz.com' +
    '&body=Hello%2C%0D%0A%0D%0AUnder%20the%20California%20Consumer%20Privacy%20Act%2C%20as%20amended%20by%20the%20California%20Privacy%20Rights%20Act%20(CCPA%2FCPRA)' +
    '%2C%20I%20ask%20you%20to%20stop%20selling%20and%20sharing%20my%20personal%20information%2C%20and%20to%20tell%20the%20third%20parties%20to%20whom%20you%20sold%20or' +
    '%20shared%20it%20to%20stop%20as%20well.%20This%20request%20concerns%20my%20use%20of%20calijewelz.com.%0D%0A%0D%0ATo%20identify%20me%3A%0D%0AName%3A%20%5Byour%20full' +
    '%20name%5D%0D%0AE-mail%20address%20I%20use%20with%20calijewelz.com%3A%20%5Byour%20e-mail%20address%5D%0D%0A%0D%0APlease%20confirm%20in%20writing%20once%20you' +
    '%20have%20done%20this%2C%20within%20the%20time%20the%20law%20allows.%0D%0A%0D%0AThank%20you%2C%0D%0A%5Byour%20name%5D');
  // With what the report says a request must carry (report.opt_out.request): the phrase leads the subject, a line per item.
  const report = { opt_out: { request: { subject: 'California Privacy Rights', include: ['state_of_residence', 'order_number'] } } };
  assert.deepEqual(cryp.opt_out.emails, ['contact@crypjama.com', 'mail@sesreserve.com', 'mail@paramountjewelry.com']);
  assert.equal(requestMailto({ address: cryp.opt_out.emails[0], site: 'https://crypjama.com', kind: 'unsubscribe', report }),
    'mailto:contact@crypjama.com?subject=California%20Privacy%20Rights%3A%20Unsubscribe%20me%20from%20marketing%20%E2%80%93%20crypjama.com' +
    '&body=Hello%2C%0D%0A%0D%0APlease%20stop%20sending%20me%20marketing%20messages%20(e-mails%2C%20text%20messages%20and%20post)%20and%20remove%20me%20from%20your' +
    '%20marketing%20lists.%20This%20request%20concerns%20my%20account%20and%20purchases%20at%20crypjama.com.%0D%0A%0D%0ATo%20identify%20me%3A%0D%0AName%3A%20%5Byour' +
    '%20full%20name%5D%0D%0AE-mail%20address%20I%20use%20with%20crypjama.com%3A%20%5Byour%20e-mail%20address%5D%0D%0AOrder%20number%3A%20%5Bone%20of%20your%20order' +
    '%20numbers%5D%0D%0AState%20of%20residence%3A%20%5Byour%20state%5D%0D%0A%0D%0APlease%20confirm%20in%20writing%20once%20you%20have%20done%20this%2C%20within%20the' +
    '%20time%20the%20law%20allows.%0D%0A%0D%0AThank%20you%2C%0D%0A%5Byour%20name%5D');
});
