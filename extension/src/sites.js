// The options page's list of every shop read on this device, as pure functions: one row per cached site, search, sort, and the JSON and CSV exports.
import { changeWords } from './changes.js';
import { TRACKERS } from './render.js';

/**
 * One cached site (its cache entry, checked by the background) as a row: what the options page
 * shows and the exports hold. `verdict` is the selling verdict, or 'not_policy' for a page that
 * is not a privacy policy; `changes` is the latest changes seen ({ seen, since, dismissed,
 * items }) or null.
 */
export function siteRow(site, entry) {
  const { report } = entry;
  const isPolicy = report.document.is_policy;
  const changes = entry.changes ? { seen: entry.changes.seen, since: entry.changes.since, dismissed: entry.changes.dismissed, items: entry.changes.items } : null;
  return {
    site,
    host: new URL(site).host,
    policyUrl: entry.policyUrl,
    savedAt: entry.savedAt,
    verdict: isPolicy ? report.selling.verdict : 'not_policy',
    tracking: isPolicy ? {
      ...Object.fromEntries(TRACKERS.map((flag) => [flag, Boolean(report.tracking[flag])])),
      services: [...report.tracking.services],
      do_not_track: report.tracking.do_not_track,
    } : null,
    optOut: isPolicy ? { urls: [...report.opt_out.urls], emails: [...report.opt_out.emails], mechanisms: [...report.opt_out.mechanisms] } : null,
    changes,
  };
}

/** The rows whose site, policy address or verdict words (verdictLabel(row.verdict)) contain the query, in any case. */
export function filterRows(rows, query, verdictLabel) {
  const words = query.trim().toLowerCase();
  if (!words) return rows;
  return rows.filter((row) => [row.host, row.policyUrl, verdictLabel(row.verdict)].some((text) => String(text).toLowerCase().includes(words)));
}

/** The columns rows sort by, and each one's sort key. */
export const SORT_KEYS = {
  site: (row) => row.host,
  verdict: (row) => ['sells', 'not_stated', 'does_not_sell', 'not_policy'].indexOf(row.verdict),
  savedAt: (row) => row.savedAt,
  changes: (row) => (row.changes ? row.changes.seen : 0),
};

/** The rows sorted by a column ('site', 'verdict', 'savedAt', 'changes'), ascending or not; ties by site. */
export function sortRows(rows, column, ascending = true) {
  const key = SORT_KEYS[column] ?? SORT_KEYS.site;
  const compare = (a, b) => {
    const [x, y] = [key(a), key(b)];
    return typeof x === 'string' ? x.localeCompare(y) : x - y;
  };
  return [...rows].sort((a, b) => (ascending ? compare(a, b) : compare(b, a)) || a.host.localeCompare(b.host));
}

/** The JSON export: what policylens read of each site, its answers and the changes seen (no quotes from the policies). */
export function sitesJson(rows, exportedAt = Date.now()) {
  const sites = rows.map((row) => ({
    site: row.site,
    policy_url: row.policyUrl,
    read_at: new Date(row.savedAt).toISOString(),
    verdict: row.verdict,
    tracking: row.tracking,
    opt_out: row.optOut,
    changes: row.changes && {
      seen_at: new Date(row.changes.seen).toISOString(),
      since: new Date(row.changes.since).toISOString(),
      dismissed: row.changes.dismissed,
      items: row.changes.items,
    },
  }));
  return `${JSON.stringify({ exported_by: 'policylens', exported_at: new Date(exportedAt).toISOString(), sites }, null, 2)}\n`;
}

/** The CSV export's columns. */
export const CSV_COLUMNS = ['site', 'verdict', 'read_at', 'policy_url', 'cookies', 'web_beacons', 'analytics', 'targeted_advertising',
  'do_not_track', 'services', 'opt_out_urls', 'opt_out_emails', 'opt_out_mechanisms', 'changes_seen_at', 'changes'];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. A
 * field a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return: page-derived text can) gets a leading apostrophe.
 */
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV export: a header line, then one line per site; lists joined by "; "; the latest changes in words. */
export function sitesCsv(rows) {
  const list = (items) => (items ? items.join('; ') : '');
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const { tracking: tr, optOut: oo, changes } = row;
    lines.push([
      row.site, row.verdict, new Date(row.savedAt).toISOString(), row.policyUrl,
      ...TRACKERS.map((flag) => (tr ? String(tr[flag]) : '')),
      tr?.do_not_track ?? '', list(tr?.services), list(oo?.urls), list(oo?.emails), list(oo?.mechanisms),
      changes ? new Date(changes.seen).toISOString() : '', changes ? list(changes.items.map(changeWords)) : '',
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
