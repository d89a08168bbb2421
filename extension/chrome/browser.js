// What differs in words between browsers (Chrome's copy; build.sh puts it beside the shared tree): how to turn on Global Privacy Control.
import { t } from './i18n.js';

/** How to make this browser send Global Privacy Control: Chrome has no setting for it. */
export const gpcHowTo = () => t('gpcHowChrome');
