// Popup: asks the background for the tab's state, renders it (the report via render.js), and offers re-analyze and "show in page".
import { gpcHowTo } from './browser.js';
import { changeWords } from './changes.js';
import { formatDate, localize, t } from './i18n.js';
import { el, linkOrText, renderReport, safeHref } from './render.js';
import { requestSection } from './request-form.js';

const webext = globalThis.browser ?? globalThis.chrome;

/** While the policy is being read, the popup asks again this often. */
const POLL_MS = 400;

localize();
const content = document.getElementById('content');
const siteLine = document.getElementById('site');
const reanalyzeButton = document.getElementById('reanalyze');

/** The tab to show: `?tab=<id>` (the tests open the popup in a tab of its own), else the active tab. */
async function tabToShow() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return Number(param);
  const [tab] = await webext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** A link to the policy that scrolls to the sentence (a text fragment: first and last words). */
function withTextFragment(url, sentence) {
  const encode = (words) => encodeURIComponent(words.join(' ')).replace(/-/g, '%2D');
  const words = sentence.trim().split(/\s+/);
  const fragment = words.length <= 8 ? encode(words) : `${encode(words.slice(0, 4))},${encode(words.slice(-4))}`;
  return `${url.split('#')[0]}#:~:text=${fragment}`;
}

/** Highlight the sentence in the tab; if the tab is not showing the policy, open the policy at that sentence. */
async function showInPage(tabId, policyUrl, quote) {
  const answer = await webext.tabs.sendMessage(tabId, { what: 'highlight', quote }, { frameId: 0 }).catch(() => null);
  if (answer?.found) return;
  const href = safeHref(policyUrl);
  if (href) await webext.tabs.create({ url: withTextFragment(href, quote.text) });
}

function notice(title, detail) {
  return el('div', 'pl-notice', el('p', 'pl-notice-title', title), detail ? el('p', 'pl-explain', detail) : null);
}

/**
 * Whether this browser sends Global Privacy Control (as the tab's content script saw it), and,
 * where the policy says the site honors it and the browser does not send it, how to turn it on.
 * Nothing if the content script did not say.
 */
function gpcSection(gpc, report) {
  if (typeof gpc !== 'boolean') return null;
  const honored = report.opt_out.mechanisms.includes('gpc');
  const heading = el('h2', 'pl-heading', t('gpcHeading'));
  heading.id = 'pl-gpc-heading';
  const status = el('p', `pl-gpc-status pl-gpc-status--${gpc ? 'on' : 'off'}`, t(gpc ? 'gpcOn' : 'gpcOff'));
  const node = el('section', 'pl-section pl-gpc', heading, status,
    honored ? el('p', 'pl-explain pl-gpc-honored', t('gpcHonored')) : null,
    honored && !gpc ? el('p', 'pl-explain pl-gpc-how', gpcHowTo()) : null);
  node.setAttribute('aria-labelledby', heading.id);
  node.dataset.gpc = gpc ? 'on' : 'off';
  return node;
}

/**
 * The answers that changed since the site's earlier reading, each in words, with a button that
 * dismisses them (the background then stops showing them in every tab of the site).
 */
function changesAlert(tabId, changes) {
  const heading = el('h2', 'pl-changes-title', t('changedSince', formatDate(changes.since)));
  heading.id = 'pl-changes-heading';
  const dismiss = el('button', 'pl-changes-dismiss', t('changesDismiss'));
  dismiss.type = 'button';
  dismiss.title = t('changesDismissTitle');
  dismiss.addEventListener('click', async () => {
    dismiss.disabled = true;
    await webext.runtime.sendMessage({ what: 'dismiss-changes', tabId });
    await refresh(tabId);
  });
  const node = el('section', 'pl-changes', heading,
    el('ul', 'pl-changes-list', ...changes.items.map((change) => el('li', `pl-change pl-change--${change.kind}`, changeWords(change)))),
    dismiss);
  node.setAttribute('aria-labelledby', heading.id);
  return node;
}

function show(tabId, state) {
  document.body.dataset.status = state?.status ?? 'none';
  reanalyzeButton.disabled = !state || state.status === 'analyzing';
  siteLine.replaceChildren();
  if (state?.site) {
    siteLine.append(el('strong', null, new URL(state.site).host));
    // A page that turned out not to be a privacy policy is not called one.
    if (state.policyUrl) siteLine.append(' · ', linkOrText(state.policyUrl, t(state.status === 'not-policy' ? 'popupPageRead' : 'popupPolicyLink')));
  }
  switch (state?.status) {
    case 'analyzing':
      content.replaceChildren(notice(t('popupReading')));
      break;
    case 'done':
    case 'not-policy':
      renderReport(content, state.report, {
        onShowQuote: (quote) => showInPage(tabId, state.policyUrl, quote),
        notPolicyTitle: t('popupNotPolicyTitle'),
      });
      if (state.report.document.is_policy) {
        const request = requestSection(state.site, state.report);
        if (request) content.querySelector('.pl-opt-out').after(request);
        const gpc = gpcSection(state.gpc, state.report);
        if (gpc) content.append(gpc);
      }
      if (state.changes?.items?.length) content.prepend(changesAlert(tabId, state.changes));
      break;
    case 'no-policy':
      content.replaceChildren(notice(t('noPolicyTitle'), t('noPolicyDetail')));
      break;
    case 'error':
      content.replaceChildren(notice(t('errorTitle'), state.error));
      break;
    default:
      content.replaceChildren(notice(t('nothingTitle'), t('nothingDetail')));
  }
}

/**
 * Whether the tab's page is sent Global Privacy Control, as its content script reads it now;
 * what the content script said with its reading if it cannot answer (undefined if neither).
 */
async function tabGpc(tabId, state) {
  const answer = await webext.tabs.sendMessage(tabId, { what: 'gpc' }, { frameId: 0 }).catch(() => null);
  return typeof answer?.gpc === 'boolean' ? answer.gpc : state.gpc;
}

async function refresh(tabId) {
  const answer = await webext.runtime.sendMessage({ what: 'get-state', tabId });
  if (answer?.error) {
    show(tabId, { status: 'error', error: answer.error });
    return;
  }
  const state = answer.state;
  show(tabId, state?.status === 'done' ? { ...state, gpc: await tabGpc(tabId, state) } : state);
  if (state?.status === 'analyzing') setTimeout(() => refresh(tabId), POLL_MS);
}

// The options page: every shop read on this device.
document.getElementById('all-sites').addEventListener('click', () => webext.runtime.openOptionsPage());

const tabId = await tabToShow();
if (Number.isInteger(tabId)) {
  reanalyzeButton.addEventListener('click', async () => {
    reanalyzeButton.disabled = true;
    await webext.runtime.sendMessage({ what: 'reanalyze', tabId });
    await refresh(tabId);
  });
  await refresh(tabId);
} else {
  show(null, undefined);
}
