// The toolbar badge as a pure function of a tab's state: short text, colour and a tooltip in words (the user's language, through i18n.js).
import { formatDate, formatNumber, notPolicyReason, t } from './i18n.js';

/** Badge per selling verdict, for a tab whose policy was read (the tooltip is the message `badge_<verdict>`). */
const VERDICT_BADGES = {
  sells: { text: 'SELL', color: '#c92a2a' },
  does_not_sell: { text: '✓', color: '#2b8a3e' },
  not_stated: { text: '?', color: '#b35c00' },
};

/** Badge per tab status other than 'done' (the tooltip is the message `badge_<status>`, '-' as '_'). */
const STATUS_BADGES = {
  analyzing: { text: '…', color: '#1c7ed6' },
  'no-policy': { text: '–', color: '#868e96' },
  'not-policy': { text: '–', color: '#868e96' },
  error: { text: '!', color: '#862e9c' },
};

/**
 * The badge for a tab state ({status, report?, error?, changes?}; undefined when nothing was read).
 * Only a 'done' state (a privacy policy read) shows a verdict; the tooltip says why there is none,
 * and whether the policy's answers changed since an earlier reading.
 * @returns {{text: string, color: string, title: string}}
 */
export function badgeFor(state) {
  // A report that is not of a privacy policy never gives a verdict, whatever the status says.
  const status = state?.status === 'done' && state.report?.document?.is_policy === false ? 'not-policy' : state?.status;
  const verdict = state?.report?.selling?.verdict;
  const badge = status === 'done' ? VERDICT_BADGES[verdict] : STATUS_BADGES[status];
  if (!badge) return { text: '', color: '#868e96', title: t('extName') };
  const key = status === 'done' ? `badge_${verdict}` : `badge_${status.replace('-', '_')}`;
  const reason = state.report?.document ? notPolicyReason(state.report.document) : '';
  let title;
  if (status === 'error' && state.error) title = t('badgeWithDetail', t(key), state.error);
  else if (status === 'not-policy' && reason) title = t('badgeWithReason', t(key), reason);
  else title = t(key);
  title = t('badgeTitle', title);
  // A policy read again whose answers changed since the earlier reading (until the popup dismisses it).
  const changed = state.changes?.items?.length;
  if (changed && (status === 'done' || status === 'not-policy')) {
    title = t('badgeChanged', title, formatDate(state.changes.since), t(changed === 1 ? 'changesOne' : 'changesMany', formatNumber(changed)));
  }
  return { ...badge, title };
}
