// The toolbar badge as a pure function of a tab's state: short text, colour and a tooltip in words.

const PREFIX = 'policylens: ';

/** Badge per selling verdict, for a tab whose policy was read. */
const VERDICT_BADGES = {
  sells: { text: 'SELL', color: '#c92a2a', title: "this site's privacy policy says it sells your personal data or shares it for others' marketing" },
  does_not_sell: { text: '✓', color: '#2b8a3e', title: "this site's privacy policy says it does not sell your personal data" },
  not_stated: { text: '?', color: '#b35c00', title: "this site's privacy policy does not say whether it sells your personal data" },
};

/** Badge per tab status other than 'done'. */
const STATUS_BADGES = {
  analyzing: { text: '…', color: '#1c7ed6', title: "reading this site's privacy policy…" },
  'no-policy': { text: '–', color: '#868e96', title: 'no privacy policy link found on this page' },
  'not-policy': { text: '–', color: '#868e96', title: 'the linked page does not read like a privacy policy' },
  error: { text: '!', color: '#862e9c', title: 'could not read the privacy policy' },
};

const NOTHING = { text: '', color: '#868e96', title: 'policylens' };

/**
 * The badge for a tab state ({status, report?, error?}; undefined when nothing was read). Only a
 * 'done' state (a privacy policy read) shows a verdict; the tooltip says why there is none.
 * @returns {{text: string, color: string, title: string}}
 */
export function badgeFor(state) {
  // A report that is not of a privacy policy never gives a verdict, whatever the status says.
  const status = state?.status === 'done' && state.report?.document?.is_policy === false ? 'not-policy' : state?.status;
  const badge = status === 'done' ? VERDICT_BADGES[state.report?.selling?.verdict] : STATUS_BADGES[status];
  if (!badge) return NOTHING;
  const reason = state.report?.document?.reason;
  const detail = status === 'error' && state.error ? ` (${state.error})`
    : status === 'not-policy' && typeof reason === 'string' && reason ? `: ${reason}` : '';
  return { ...badge, title: PREFIX + badge.title + detail };
}
