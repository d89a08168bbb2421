// Test helper: one shop's privacy policy as first read and as changed on the server (its answers differ), the changes a reader must be told of in words, and the badge tooltips; shared by the Chromium and Firefox change-alert tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { policyShopRoutes, ROOT } from './shop-site.mjs';

/** The policy as first read (amightygirl.com's: it does not sell). */
export const FIRST = await readFile(join(ROOT, 'tests/fixtures/amightygirl.com.txt'), 'utf8');

/** The policy as changed: it sells, names two more services, honors Do Not Track, gives an opt-out page. */
export const CHANGED = `${FIRST.replace('We do not sell, trade, or otherwise transfer to outside parties your personally identifiable information.',
  'We may sell your personal information to third parties, who may use it for their own marketing purposes.')}
We use Hotjar and the Facebook Pixel to understand how visitors use our site. We honor Do Not Track signals. You can opt out of interest-based advertising at https://optout.aboutads.info/ at any time.
`;

/** Changes from FIRST to CHANGED that the reader must list, in words (English), among others. */
export const CHANGE_WORDS = ['Data selling: was “Does not sell your data”, now “Sells or shares your data”', 'Pixels / web beacons: now mentioned',
  'Do Not Track: was not mentioned, now honored', 'Service now named: Hotjar', 'New opt-out page: https://optout.aboutads.info/'];

/** The badge tooltip (English) of a shop whose policy sells. */
export const SELLS_TITLE = 'policylens: this site\'s privacy policy says it sells your personal data or shares it for others\' marketing';

/** A date as the English popup and tooltip write it. */
export const enDate = (ms) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(ms));

/** The badge tooltip (English) of a shop whose policy sells and whose answers changed (`count` of them) since `since`. */
export const changedSellsTitle = (since, count) => `${SELLS_TITLE}. Its policy changed since ${enDate(since)}: ${count} answers changed (see the popup)`;

/** Make a shop's routes (policyShopRoutes) serve this policy text from now on. */
export function servePolicy(routes, shop, text) {
  routes['/policies/privacy-policy'] = policyShopRoutes(shop, text)['/policies/privacy-policy'];
}
