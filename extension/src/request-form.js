// The popup's "Write an opt-out request": for each plain address the policy offers for privacy requests, a choice of request and a mailto: link that request.js writes (nothing is sent; the user's e-mail app opens it).
import { t } from './i18n.js';
import { el, shownAddress } from './render.js';
import { REQUEST_KINDS, requestAddress, requestHost, requestMailto, requestMessage, requestNeeds } from './request.js';

/** One address: a button that shows its form (the request kinds as radio buttons), then the link and a preview of the message. */
function requestItem(index, address, site, report) {
  const id = `pl-request-${index}`;
  const shown = shownAddress(address);
  const toggle = el('button', 'pl-request-toggle', t('requestButton'));
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', id);
  toggle.setAttribute('aria-label', t('requestButtonLabel', shown));

  const legend = el('legend', null, t('requestChoose', shown));
  const fieldset = el('fieldset', 'pl-request-kinds', legend);
  const link = el('a', 'pl-request-open', t('requestOpen'));
  const opener = el('p', 'pl-request-link', link);
  const subject = el('p', 'pl-request-subject');
  const body = el('p', 'pl-request-body');
  const preview = el('details', 'pl-request-preview', el('summary', null, t('requestPreview')), subject, body);
  opener.hidden = true;
  preview.hidden = true;
  for (const kind of REQUEST_KINDS) {
    const radio = el('input');
    radio.type = 'radio';
    radio.name = `${id}-kind`;
    radio.value = kind;
    radio.addEventListener('change', () => {
      // Written by request.js from policylens's messages: the address and host checked, nothing else of the page.
      link.href = requestMailto({ address, site, kind, report });
      const message = requestMessage(kind, requestHost(site), requestNeeds(report));
      subject.replaceChildren(el('strong', null, t('requestSubjectLabel')), ' ', message.subject);
      body.textContent = message.body;
      opener.hidden = false;
      preview.hidden = false;
    });
    fieldset.append(el('label', 'pl-request-kind', radio, ' ', t(`request_kind_${kind}`)));
  }
  const form = el('div', 'pl-request-form', fieldset, opener, preview);
  form.id = id;
  form.hidden = true;
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) fieldset.querySelector('input').focus();
  });
  return el('li', 'pl-request-item', el('span', 'pl-request-address', shown), ' ', toggle, form);
}

/**
 * The section, or null if the policy offers no plain address (an address that is not one, a
 * page's "a@b.com?bcc=…" say, gets no request) or the site has no host name.
 */
export function requestSection(site, report) {
  const addresses = [...new Set(report.opt_out.emails.filter((email) => requestAddress(email)))];
  if (!addresses.length || !requestHost(site)) return null;
  const heading = el('h2', 'pl-heading', t('requestHeading'));
  heading.id = 'pl-request-heading';
  const node = el('section', 'pl-section pl-request', heading, el('p', 'pl-explain', t('requestIntro')),
    el('ul', 'pl-request-list', ...addresses.map((address, i) => requestItem(i, address, site, report))));
  node.setAttribute('aria-labelledby', heading.id);
  return node;
}
