// The options page: asks the background for every site it keeps, shows them as a table (search, sort), exports them as JSON or CSV (a download made here; nothing leaves the device), and forgets one or all.
import { changeWords } from './changes.js';
import { formatDate, formatNumber, localize, t } from './i18n.js';
import { el, linkOrText, shownAddress, verdictWords } from './render.js';
import { filterRows, sitesCsv, sitesJson, sortRows } from './sites.js';

const webext = globalThis.browser ?? globalThis.chrome;

localize();
const search = document.getElementById('search');
const tbody = document.querySelector('#sites tbody');
const table = document.getElementById('sites');
const empty = document.getElementById('empty');
const status = document.getElementById('status');
const confirmBox = document.getElementById('confirm');
const forgetAllButton = document.getElementById('forget-all');

/** The columns whose first sort is ascending (sites.js's SORT_KEYS: names A–Z, verdicts selling first); dates go newest first. */
const NATURALLY_ASCENDING = new Set(['site', 'verdict']);

/** Every site's row (from the background), and how they are shown. */
let rows = [];
let sort = { column: 'savedAt', ascending: false };

/** A verdict in words, or "not a privacy policy". */
const verdictLabel = (verdict) => (verdict === 'not_policy' ? t('sitesNotPolicy') : verdictWords(verdict).label);

/** The rows as shown: searched, then sorted. */
const shownRows = () => sortRows(filterRows(rows, search.value, verdictLabel), sort.column, sort.ascending);

/** Only http(s) addresses are links (the background accepted no other as a policy's); anything else is text. */
function policyLink(url) {
  return /^https?:/i.test(url) ? linkOrText(url, shownAddress(url)) : el('span', null, shownAddress(url));
}

function changesCell(changes) {
  if (!changes) return el('span', 'none', t('sitesNoChanges'));
  const count = t(changes.items.length === 1 ? 'changesOne' : 'changesMany', formatNumber(changes.items.length));
  const summary = t(changes.dismissed ? 'sitesChangesDismissed' : 'sitesChangesSeen', count, formatDate(changes.seen));
  return el('details', 'changes', el('summary', null, summary),
    el('ul', null, ...changes.items.map((change) => el('li', null, changeWords(change)))));
}

function rowElement(row) {
  const date = el('time', null, formatDate(row.savedAt));
  date.dateTime = new Date(row.savedAt).toISOString();
  const forget = el('button', 'danger', t('sitesForget'));
  forget.type = 'button';
  forget.setAttribute('aria-label', t('sitesForgetSite', row.host));
  forget.addEventListener('click', () => forgetSite(row));
  const tr = el('tr', null,
    el('td', 'site', row.host),
    el('td', null, el('span', `verdict verdict--${row.verdict}`, verdictLabel(row.verdict))),
    el('td', null, date),
    el('td', null, policyLink(row.policyUrl)),
    el('td', null, changesCell(row.changes)),
    el('td', null, forget));
  tr.dataset.site = row.site;
  return tr;
}

function render() {
  const shown = shownRows();
  tbody.replaceChildren(...shown.map(rowElement));
  for (const th of table.querySelectorAll('th[data-column]')) {
    if (th.dataset.column === sort.column) th.setAttribute('aria-sort', sort.ascending ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  table.hidden = !shown.length;
  empty.hidden = Boolean(shown.length);
  empty.textContent = rows.length ? t('sitesNoMatch') : t('sitesNone');
  forgetAllButton.disabled = !rows.length;
  for (const id of ['export-json', 'export-csv']) document.getElementById(id).disabled = !shown.length;
  document.body.dataset.status = 'ready';
}

async function load() {
  const answer = await webext.runtime.sendMessage({ what: 'list-sites' });
  if (answer?.error) {
    status.textContent = answer.error;
    return;
  }
  rows = answer.sites;
  render();
}

async function forgetSite(row) {
  await webext.runtime.sendMessage({ what: 'forget-site', site: row.site });
  status.textContent = t('sitesForgotten', row.host);
  await load();
  search.focus(); // the row and its button are gone: keep the focus on the page
}

/** Save text as a file, made here (Blob + object URL): no permission, nothing sent. */
function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export the rows shown (searched and sorted) as `policylens-sites-<date>.<ext>`. */
function exportShown(kind) {
  const shown = shownRows();
  const day = new Date().toISOString().slice(0, 10);
  if (kind === 'json') download(sitesJson(shown), 'application/json', `policylens-sites-${day}.json`);
  else download(sitesCsv(shown), 'text/csv;charset=utf-8', `policylens-sites-${day}.csv`);
  status.textContent = t('sitesExported', formatNumber(shown.length));
}

search.addEventListener('input', render);
for (const button of table.querySelectorAll('th button[data-sort]')) {
  button.addEventListener('click', () => {
    const column = button.dataset.sort;
    // A new column sorts its natural way (names A–Z, verdicts selling first, dates newest first); the same column again reverses.
    sort = column === sort.column ? { column, ascending: !sort.ascending } : { column, ascending: NATURALLY_ASCENDING.has(column) };
    render();
  });
}
document.getElementById('export-json').addEventListener('click', () => exportShown('json'));
document.getElementById('export-csv').addEventListener('click', () => exportShown('csv'));
forgetAllButton.addEventListener('click', () => {
  document.getElementById('confirm-text').textContent = t('sitesForgetAllConfirm', formatNumber(rows.length));
  confirmBox.hidden = false;
  document.getElementById('confirm-no').focus();
});
document.getElementById('confirm-no').addEventListener('click', () => {
  confirmBox.hidden = true;
  forgetAllButton.focus();
});
document.getElementById('confirm-yes').addEventListener('click', async () => {
  await webext.runtime.sendMessage({ what: 'forget-all' });
  confirmBox.hidden = true;
  status.textContent = t('sitesAllForgotten');
  await load();
  search.focus();
});
// Another tab read a shop meanwhile: show it.
webext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.sites) load();
});

await load();
