// Content script: find this site's privacy policy (this page, or its same-origin policy link), send its text and links to the background once; highlight a quoted sentence on request.
'use strict';
(() => {
  // Only web pages with a body (not images, feeds or the browser's own pages).
  if (!document.body || !/^https?:$/.test(location.protocol)) return;
  // Only the top frame (the manifest has no all_frames; this holds if one is added): a policy shown
  // inside an iframe is not read, and no frame can speak for its tab (the background checks too).
  if (window !== window.top) return;

  const webext = globalThis.browser ?? globalThis.chrome;

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

  function findPolicyLink() {
    let best = null;
    let bestScore = 0;
    for (const a of document.querySelectorAll('a[href]')) {
      const score = policyLinkScore(a);
      if (score > bestScore) [best, bestScore] = [a, score];
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

  const isHidden = (el) =>
    el.hidden || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '') ||
    (el.localName === 'input' && el.type === 'hidden');

  /**
   * The visible text of a parsed (never rendered) document, as innerText would give it:
   * hidden and script-like elements skipped, blocks on their own lines, whitespace collapsed
   * outside <pre>. Recursion is safe: HTML parsers cap nesting depth at a few hundred.
   */
  function visibleText(root) {
    const parts = [];
    const walk = (node, pre) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          parts.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
        } else if (child.nodeType === Node.ELEMENT_NODE && !INVISIBLE.has(child.localName) && !isHidden(child)) {
          if (child.localName === 'br') {
            parts.push('\n');
            continue;
          }
          const block = BLOCKS.has(child.localName);
          if (block) parts.push('\n');
          walk(child, pre || child.localName === 'pre');
          if (block) parts.push('\n');
        }
      }
    };
    walk(root, false);
    return parts.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  /** Fetch the same-origin policy page and read it without running anything in it. */
  async function fetchPolicy(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the privacy policy page (${url}) answered HTTP ${response.status}`);
    if (response.url.length > MAX_URL_CHARS) throw new Error('the privacy policy page has too long an address');
    const body = (await response.text()).slice(0, MAX_TEXT_CHARS);
    if (!/html/i.test(response.headers.get('content-type') ?? '')) {
      return { text: body, links: [], url: response.url, title: '' };
    }
    // DOMParser documents are inert: scripts do not run, images and styles do not load.
    const doc = new DOMParser().parseFromString(body, 'text/html');
    const base = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? '', response.url);
    return { text: visibleText(doc.body), links: pageLinks(doc, base), url: response.url, title: doc.title.slice(0, MAX_SHORT_CHARS) };
  }

  /** The policy to analyze: this page if it is one, else the page its policy link points to; null if none. */
  async function readPolicy() {
    if (isPolicyPage()) {
      if (location.href.length > MAX_URL_CHARS) throw new Error('this page has too long an address');
      return {
        text: document.body.innerText.slice(0, MAX_TEXT_CHARS),
        links: pageLinks(document, document.baseURI),
        url: location.href,
        title: document.title.slice(0, MAX_SHORT_CHARS),
      };
    }
    const link = findPolicyLink();
    return link ? fetchPolicy(link) : null;
  }

  async function scan() {
    let message;
    try {
      const page = await readPolicy();
      message = page ? { what: 'analyze', page } : { what: 'no-policy' };
    } catch (error) {
      message = { what: 'read-failed', error: String(error?.message ?? error).slice(0, MAX_SHORT_CHARS) };
    }
    // Fails only when the extension was reloaded under this page: nobody is listening any more.
    await webext.runtime.sendMessage(message).catch(() => {});
  }

  /** Select the sentence in this page, scroll to it and flash its paragraph; false if it is not here. */
  function highlight(sentence) {
    const words = String(sentence ?? '').trim().split(/\s+/).filter(Boolean);
    if (!words.length) return false;
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
        scan();
        sendResponse({ ok: true });
        break;
    }
    return false;
  });
  scan();
})();
