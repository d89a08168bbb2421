// Content script: ask the background whether this site's report is cached (one small message); if not, find the site's privacy policy (this page, or its same-origin policy link), read it in slices and send its text and links once; highlight a quoted sentence on request.
'use strict';
(() => {
  const webext = globalThis.browser ?? globalThis.chrome;
  /** A message in the user's language (errors the popup and the badge show). */
  const t = (key, ...substitutions) => webext.i18n.getMessage(key, substitutions.map(String)) || key;

  /** A policy page's path: /privacy, /privacy-policy, /privacy_notice.html, Shopify's /policies/privacy-policy. */
  const POLICY_PATH = /\/privacy([-_]?(policy|notice|statement))?(\.[a-z]+)?\/?$/i;
  /** A policy page's title or heading, or a link's words for it. */
  const POLICY_WORDS = /\bprivacy\s+(policy|notice|statement)\b/i;
  /** Privacy links that lead to a settings or request form, not to the policy ("Your privacy choices"). */
  const NOT_THE_POLICY = /choices|settings|preferences|request|do not sell|opt.?out/i;
  /**
   * What is sent is cut to these (the background refuses anything larger); the analysis reads at
   * most 1 MiB of text anyway. The same numbers stand in background.js.
   */
  const MAX_TEXT_CHARS = 4 << 20;
  const MAX_LINKS = 5000;
  const MAX_URL_CHARS = 4096;
  const MAX_SHORT_CHARS = 500; // a link's text, a title, an error message
  const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
  /** Elements whose content is never shown. */
  const INVISIBLE = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'textarea']);
  /** Elements that start a new line (as innerText renders them). */
  const BLOCKS = new Set([
    'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
    'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
    'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
  ]);

  const isPolicyPage = () =>
    POLICY_PATH.test(location.pathname) ||
    POLICY_WORDS.test(document.title) ||
    POLICY_WORDS.test(document.querySelector('h1')?.textContent ?? '');

  /** How much a link looks like "our privacy policy" (0 = not at all); only same-origin links can be fetched. */
  function policyLinkScore(a) {
    if (a.origin !== location.origin) return 0;
    const text = a.textContent;
    if (NOT_THE_POLICY.test(text)) return 0;
    let score;
    if (POLICY_WORDS.test(text) || POLICY_PATH.test(a.pathname)) score = 3;
    else if (/privacy/i.test(text)) score = 2;
    else if (/privacy/i.test(a.pathname)) score = 1;
    else return 0;
    return a.closest('footer, [role="contentinfo"]') ? score + 1 : score;
  }

  /** At most this many links are scored: a page may hold tens of thousands. */
  const MAX_SCORED_LINKS = 1000;
  /** Where shops put the policy link (a link there scores one more). */
  const FOOTER_LINKS = 'footer a[href], [role="contentinfo"] a[href]';
  /** Links that may score: those whose address says "privacy", and the footers'. */
  const LIKELY_LINKS = `a[href*="privacy" i], ${FOOTER_LINKS}`;
  /** Text saying "privacy" in any case (XPath 1.0 has no lower-case()). */
  const PRIVACY_TEXT = "descendant::text()[contains(translate(., 'PRIVACY', 'privacy'), 'privacy')]";

  /** The first of the best-scoring links (null if none scores), and its score. */
  function bestLink(links) {
    let best = null;
    let bestScore = 0;
    for (let i = 0; i < Math.min(links.length, MAX_SCORED_LINKS); i++) {
      const score = links[i] ? policyLinkScore(links[i]) : 0;
      if (score > bestScore) [best, bestScore] = [links[i], score];
    }
    return [best, bestScore];
  }

  /** The links (or nulls) around the page's text nodes that say "privacy", in document order. */
  function linksSayingPrivacy() {
    const found = document.evaluate(PRIVACY_TEXT, document.body, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: found.snapshotLength }, (_, i) => found.snapshotItem(i).parentElement?.closest('a[href]'));
  }

  /**
   * The page's policy link: the first of its best-scoring links, of those likely to score. A page
   * may hold thousands of links, and reading each one's origin, words and ancestors costs
   * microseconds, so the candidates are found natively: the footers' links first (one scoring 4,
   * the most a link can, is the one); else those and the links whose address says "privacy"; else
   * the links whose words say it. Where the base URL's path says "privacy" (which a relative link
   * takes on), any link may score: the page's first links are.
   */
  function findPolicyLink() {
    let [best, score] = bestLink(document.querySelectorAll(FOOTER_LINKS));
    if (score < 4) {
      const anyLink = /privacy/i.test(new URL(document.baseURI).pathname);
      [best] = bestLink(document.querySelectorAll(anyLink ? 'a[href]' : LIKELY_LINKS));
      if (!best && !anyLink) [best] = bestLink(linksSayingPrivacy());
    }
    return best && best.href.split('#')[0];
  }

  /** The http(s)/mailto links under root, made absolute against base. */
  function pageLinks(root, base) {
    const links = [];
    for (const a of root.querySelectorAll('a[href]')) {
      let url;
      try {
        url = new URL(a.getAttribute('href'), base);
      } catch {
        continue;
      }
      if (!LINK_PROTOCOLS.has(url.protocol) || url.href.length > MAX_URL_CHARS) continue;
      links.push({ href: url.href, text: a.textContent.replace(/\s+/g, ' ').trim().slice(0, MAX_SHORT_CHARS) });
      if (links.length >= MAX_LINKS) break;
    }
    return links;
  }

  /** Elements that may be hidden (isHidden tells), or whose content is never shown. */
  const MAYBE_HIDDEN = [...INVISIBLE, '[hidden]', '[style*="none" i]', '[style*="hidden" i]'].join(', ');
  const isHidden = (el) => el.hidden || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
  /** Elements whose text innerHTML writes unescaped. */
  const RAW_TEXT = 'xmp, noembed, noframes, plaintext';
  /** A tag's attributes as innerHTML writes them (once whitespace is collapsed): a value never ends a tag. */
  const ATTRIBUTES = '(?: =?[^ />=]*="[^"]*")*';
  const BLOCK_TAG = new RegExp(`<\\/?(?:${[...BLOCKS, 'br'].join('|')})(?=[ >])${ATTRIBUTES}>`, 'g');
  const ANY_TAG = new RegExp(`<(?:!--[^]*?-->|!\\[CDATA\\[[^]*?\\]\\]>|\\/?[a-zA-Z][^ />]*${ATTRIBUTES}>)`, 'g');

  /**
   * The visible text of a parsed (never rendered, so ours to change) document's body, as
   * innerText would give it: hidden and script-like elements left out, blocks and <br> on lines of
   * their own (an empty line between blocks), whitespace collapsed (<pre> keeps its line breaks).
   *
   * Walking the nodes from script costs microseconds a node, and a policy has thousands; instead
   * the few hidden elements are taken out, the body serialized natively, and its markup turned into
   * text by a few regular expressions over the whole string. The serializer makes that exact: it
   * writes every end tag, each attribute as ` name="value"` with `"` escaped, and `<`, `>`, `&` and
   * U+00A0 in text as entities, except inside the RAW_TEXT elements (made plain text first) and the
   * script-like ones (taken out). U+0000 stands for <pre>'s line breaks meanwhile: the HTML parser
   * never leaves one in a document.
   */
  function visibleText(body) {
    for (const el of body.querySelectorAll(MAYBE_HIDDEN)) if (INVISIBLE.has(el.localName) || isHidden(el)) el.remove();
    for (const el of body.querySelectorAll(RAW_TEXT)) el.replaceWith(el.textContent);
    const pres = body.querySelectorAll('pre');
    for (const pre of pres) {
      const walker = body.ownerDocument.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) walker.currentNode.data = walker.currentNode.data.replace(/\n/g, '\0');
    }
    let text = body.innerHTML;
    if (text.includes('&nbsp;')) text = text.replace(/&nbsp;/g, ' ');
    text = text.replace(/ \s+|[^\S ]\s*/g, ' ').replace(BLOCK_TAG, '\n').replace(ANY_TAG, '');
    if (text.includes('&')) text = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (pres.length) text = text.replace(/\0/g, '\n');
    // No spaces around line breaks, and no more than one empty line.
    return text.replace(/ *(\n) *(?:(\n) *)?(?:\n *)*/g, '$1$2').trim().slice(0, MAX_TEXT_CHARS);
  }

  /**
   * Let the page's own work run before the next step (the steps below take a few milliseconds
   * each on a long policy): scheduler.yield() where there is one, else a task of its own.
   */
  const yieldToPage = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

  /** Fetch the same-origin policy page and read it without running anything in it, one step per task. */
  async function fetchPolicy(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(t('errorHttp', url, response.status));
    if (response.url.length > MAX_URL_CHARS) throw new Error(t('errorPolicyLongAddress'));
    const body = (await response.text()).slice(0, MAX_TEXT_CHARS);
    if (!/html/i.test(response.headers.get('content-type') ?? '')) {
      return { text: body, links: [], url: response.url, title: '' };
    }
    await yieldToPage();
    // DOMParser documents are inert: scripts do not run, images and styles do not load.
    const doc = new DOMParser().parseFromString(body, 'text/html');
    await yieldToPage();
    const base = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? '', response.url);
    const links = pageLinks(doc, base); // before visibleText takes the hidden elements out
    await yieldToPage();
    return { text: visibleText(doc.body), links, url: response.url, title: doc.title.slice(0, MAX_SHORT_CHARS) };
  }

  /** A URL the background names as the site's policy, if it is one this script may fetch (same origin, http(s)); else null. */
  function knownPolicy(url) {
    try {
      const known = new URL(url);
      return known.origin === location.origin && known.href.length <= MAX_URL_CHARS ? known.href.split('#')[0] : null;
    } catch {
      return null;
    }
  }

  /**
   * The policy to analyze: this page if it is one, else the page its policy link points to, else
   * the policy the site's earlier reading came from (known, from the background); null if none.
   */
  async function readPolicy(known) {
    if (isPolicyPage()) {
      if (location.href.length > MAX_URL_CHARS) throw new Error(t('errorPageLongAddress'));
      return {
        text: document.body.innerText.slice(0, MAX_TEXT_CHARS),
        links: pageLinks(document, document.baseURI),
        url: location.href,
        title: document.title.slice(0, MAX_SHORT_CHARS),
      };
    }
    const link = findPolicyLink() ?? knownPolicy(known);
    return link ? fetchPolicy(link) : null;
  }

  /**
   * Whether this browser sends Global Privacy Control to this page. The property is the browser's
   * own (an IDL attribute, the same in every world): a page script cannot change what this
   * isolated world reads, and neither can another extension that defines it in the page's world.
   */
  const sendsGpc = () => navigator.globalPrivacyControl === true;

  /**
   * Whether this page may be read: a web page with a body (not an image, a feed or the browser's
   * own page), in the top frame (the manifest has no all_frames; this holds if one is added: a
   * policy shown inside an iframe is not read, and no frame speaks for its tab; the background
   * checks too). Asked only once the page is to be read: a script's first touch of the page
   * costs (its wrappers are made then), and a page answered from the cache need not pay it.
   */
  const readable = () => Boolean(document.body) && /^https?:$/.test(location.protocol) && window === window.top;

  /** Read this site's policy (no cache asked) and send it, or what stopped it, to the background. */
  async function scan(known) {
    if (!readable()) return;
    let message;
    try {
      const page = await readPolicy(known);
      message = page ? { what: 'analyze', page } : { what: 'no-policy' };
    } catch (error) {
      message = { what: 'read-failed', error: String(error?.message ?? error).slice(0, MAX_SHORT_CHARS) };
    }
    message.gpc = sendsGpc();
    // Fails only when the extension was reloaded under this page: nobody is listening any more.
    await webext.runtime.sendMessage(message).catch(() => {});
  }

  /** Select the sentence in this page, scroll to it and flash its paragraph; false if it is not here. */
  function highlight(sentence) {
    const words = String(sentence ?? '').trim().split(/\s+/).filter(Boolean);
    if (!words.length || !readable()) return false;
    const nodes = [];
    let flat = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, flat.length]);
      flat += walker.currentNode.data;
    }
    // Between words any whitespace, or none where a block boundary had no text node; any case (CSS text-transform).
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'i');
    const match = pattern.exec(flat);
    if (!match) return false;
    const locate = (index) => {
      let i = nodes.length - 1;
      while (i > 0 && nodes[i][1] > index) i--;
      return [nodes[i][0], index - nodes[i][1]];
    };
    const range = document.createRange();
    range.setStart(...locate(match.index));
    range.setEnd(...locate(match.index + match[0].length));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const paragraph = range.commonAncestorContainer.nodeType === Node.ELEMENT_NODE
      ? range.commonAncestorContainer
      : range.commonAncestorContainer.parentElement;
    paragraph.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (paragraph !== document.body) {
      paragraph.animate([{ backgroundColor: '#ffd43b' }, { backgroundColor: 'transparent' }], { duration: 2500 });
    }
    return true;
  }

  webext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== webext.runtime.id) return false;
    switch (msg?.what) {
      case 'highlight':
        sendResponse({ found: highlight(msg.quote?.text) });
        break;
      case 'rescan':
        // Read again: on a page of the site without a policy link, the policy read before.
        scan(msg.policyUrl);
        sendResponse({ ok: true });
        break;
      case 'gpc':
        // The popup asks (a page answered from the cache did not say).
        sendResponse({ gpc: sendsGpc() });
        break;
    }
    return false;
  });

  /**
   * Ask first: the background answers from the site's cached report if it is fresh; then this
   * page costs one small message and nothing else (not even a look at the page: the background
   * knows the site from the sender). Else the policy is read.
   */
  webext.runtime.sendMessage({ what: 'cached' }).then((answer) => {
    if (!answer?.cached) scan();
  }, () => {}); // no answer: the extension was reloaded under this page
})();
