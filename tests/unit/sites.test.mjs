// The options page's pure parts (extension/src/sites.js): a cache entry as a row, search, sort, and the CSV and JSON exports (RFC 4180 quoting, no spreadsheet formulas from page text).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CSV_COLUMNS, csvField, filterRows, siteRow, sitesCsv, sitesJson, sortRows } from '../../extension/src/sites.js';
import { useMessages } from '../../extension/src/i18n.js';

before(async () => {
  useMessages(JSON.parse(await readFile(new URL('../../extension/src/_locales/en/messages.json', import.meta.url), 'utf8')));
});

const DAY = Date.UTC(2026, 11, 1, 12, 0, 0);
function entry({ verdict = 'sells', isPolicy = true, savedAt = DAY, services = ['Google Analytics'], changes } = {}) {
  return {
    policyUrl: 'https://shop.example/policies/privacy-policy',
    hash: 'abc',
    savedAt,
    report: {
      document: { is_policy: isPolicy },
      selling: { verdict, evidence: [] },
      tracking: { cookies: true, web_beacons: false, analytics: true, targeted_advertising: true, services, do_not_track: 'not_honored', evidence: {} },
      opt_out: { urls: ['https://tools.google.com/dlpage/gaoptout'], emails: ['privacy@shop.example'], mechanisms: ['browser_settings', 'gpc'], evidence: {} },
    },
    ...(changes && { changes }),
  };
}

const rows = [
  siteRow('https://crypjama.com', entry({ savedAt: DAY - 3 * 86_400_000 })),
  siteRow('https://amightygirl.com', entry({ verdict: 'does_not_sell', savedAt: DAY - 86_400_000,
    changes: { since: DAY - 5 * 86_400_000, seen: DAY - 86_400_000, dismissed: false, items: [{ kind: 'verdict', from: 'sells', to: 'does_not_sell' }, { kind: 'service', added: true, value: 'Hotjar' }] } })),
  siteRow('http://fernleaf.example:8080', entry({ isPolicy: false, savedAt: DAY })),
];
const label = (v) => ({ sells: 'Sells or shares your data', does_not_sell: 'Does not sell your data', not_policy: 'Not a privacy policy' })[v];

test('a cache entry as a row: its answers, not its quotes; a page that is not a policy has no answers', () => {
  assert.deepEqual(rows[0], {
    site: 'https://crypjama.com', host: 'crypjama.com', policyUrl: 'https://shop.example/policies/privacy-policy', savedAt: DAY - 3 * 86_400_000,
    verdict: 'sells',
    tracking: { cookies: true, web_beacons: false, analytics: true, targeted_advertising: true, services: ['Google Analytics'], do_not_track: 'not_honored' },
    optOut: { urls: ['https://tools.google.com/dlpage/gaoptout'], emails: ['privacy@shop.example'], mechanisms: ['browser_settings', 'gpc'] },
    changes: null,
  });
  assert.equal(rows[2].verdict, 'not_policy');
  assert.equal(rows[2].host, 'fernleaf.example:8080');
  assert.equal(rows[2].tracking, null);
});

test('search by site, address or verdict words, in any case', () => {
  assert.deepEqual(filterRows(rows, 'CRYP', label).map((r) => r.host), ['crypjama.com']);
  assert.deepEqual(filterRows(rows, 'does not', label).map((r) => r.host), ['amightygirl.com']);
  assert.deepEqual(filterRows(rows, 'not a privacy', label).map((r) => r.host), ['fernleaf.example:8080']);
  assert.equal(filterRows(rows, '  ', label).length, 3);
  assert.equal(filterRows(rows, 'nothing like it', label).length, 0);
});

test('sort by site, verdict (sells first), date read and changes seen, either way', () => {
  const hosts = (sorted) => sorted.map((r) => r.host);
  assert.deepEqual(hosts(sortRows(rows, 'site')), ['amightygirl.com', 'crypjama.com', 'fernleaf.example:8080']);
  assert.deepEqual(hosts(sortRows(rows, 'site', false)), ['fernleaf.example:8080', 'crypjama.com', 'amightygirl.com']);
  assert.deepEqual(hosts(sortRows(rows, 'verdict')), ['crypjama.com', 'amightygirl.com', 'fernleaf.example:8080']);
  assert.deepEqual(hosts(sortRows(rows, 'savedAt', false)), ['fernleaf.example:8080', 'amightygirl.com', 'crypjama.com']);
  assert.deepEqual(hosts(sortRows(rows, 'changes', false)), ['amightygirl.com', 'crypjama.com', 'fernleaf.example:8080']);
  assert.deepEqual(hosts(rows), ['crypjama.com', 'amightygirl.com', 'fernleaf.example:8080'], 'the rows themselves are left as they were');
});

test('CSV fields: quoted where needed, quotes doubled, formulas defused', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
  for (const start of ['+', '-', '@', '\t', '\r']) assert.ok(csvField(`${start}1`).replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start));
  assert.equal(csvField(null), '');
  assert.equal(csvField(true), 'true');
});

test('the CSV export: header, one line per site, lists joined, the changes in words', () => {
  const csv = sitesCsv(rows);
  const lines = csv.split('\r\n');
  assert.equal(lines.pop(), '', 'ends with a line break');
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  assert.equal(lines.length, 4);
  assert.equal(lines[1], 'https://crypjama.com,sells,2026-11-28T12:00:00.000Z,https://shop.example/policies/privacy-policy,true,false,true,true,not_honored,Google Analytics,https://tools.google.com/dlpage/gaoptout,privacy@shop.example,browser_settings; gpc,,');
  assert.equal(lines[2], 'https://amightygirl.com,does_not_sell,2026-11-30T12:00:00.000Z,https://shop.example/policies/privacy-policy,true,false,true,true,not_honored,Google Analytics,https://tools.google.com/dlpage/gaoptout,privacy@shop.example,browser_settings; gpc,2026-11-30T12:00:00.000Z,' +
    '"Data selling: was “Sells or shares your data”, now “Does not sell your data”; Service now named: Hotjar"');
  assert.equal(lines[3], 'http://fernleaf.example:8080,not_policy,2026-12-01T12:00:00.000Z,https://shop.example/policies/privacy-policy,,,,,,,,,,,');
  // Hostile service names stay in their field, and read back as they were (a formula defused by its apostrophe).
  const [header, fields] = parseCsv(sitesCsv([siteRow('https://x.example', entry({ services: ['=cmd|"/c calc"!A1', 'a,b\r\nc'] }))]));
  assert.equal(fields.length, header.length);
  assert.equal(fields[CSV_COLUMNS.indexOf('services')], `'=cmd|"/c calc"!A1; a,b\r\nc`);
  assert.equal(fields[CSV_COLUMNS.indexOf('site')], 'https://x.example');
});

/** An RFC 4180 reader (for the test): rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

test('the JSON export: every row with ISO dates, the changes as data', () => {
  const json = JSON.parse(sitesJson(rows, DAY));
  assert.equal(json.exported_by, 'policylens');
  assert.equal(json.exported_at, '2026-12-01T12:00:00.000Z');
  assert.deepEqual(json.sites.map((s) => [s.site, s.verdict, s.read_at]), [
    ['https://crypjama.com', 'sells', '2026-11-28T12:00:00.000Z'],
    ['https://amightygirl.com', 'does_not_sell', '2026-11-30T12:00:00.000Z'],
    ['http://fernleaf.example:8080', 'not_policy', '2026-12-01T12:00:00.000Z'],
  ]);
  assert.deepEqual(json.sites[1].changes, { seen_at: '2026-11-30T12:00:00.000Z', since: '2026-11-26T12:00:00.000Z', dismissed: false,
    items: [{ kind: 'verdict', from: 'sells', to: 'does_not_sell' }, { kind: 'service', added: true, value: 'Hotjar' }] });
  assert.equal(json.sites[0].tracking.services[0], 'Google Analytics');
});
