// Test helper: what a page shown in a given language must not have, checked in the page: the page's lang, and no `__MSG_` left, no empty label, no message key shown instead of its text.

/**
 * Runs in the page (Playwright's evaluate or selenium's executeScript; plain ES, no closures):
 * keys is the list of message names. Returns { lang, title, text, problems: [what, …] }.
 */
export function auditLocalized(keys) {
  const problems = [];
  const isKey = new Set(keys);
  const labelled = 'h1, h2, h3, button, summary, legend, label, th, caption, .pl-chip, .pl-verdict, .pl-notice-title, option, a';
  for (const node of document.querySelectorAll(labelled)) {
    if (!node.textContent.trim() && !node.getAttribute('aria-label')) problems.push(`empty <${node.localName}> ${node.className}`);
  }
  for (const node of document.querySelectorAll('*')) {
    for (const name of node.getAttributeNames()) {
      const value = node.getAttribute(name);
      if (value.includes('__MSG_')) problems.push(`__MSG_ in <${node.localName} ${name}>`);
      if (['title', 'aria-label', 'placeholder'].includes(name) && (!value.trim() || isKey.has(value))) problems.push(`<${node.localName} ${name}="${value}">`);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.data.trim();
    if (text.includes('__MSG_')) problems.push(`__MSG_ in text ${JSON.stringify(text)}`);
    if (isKey.has(text)) problems.push(`a message key shown: ${text}`);
  }
  if (!document.title.trim() || document.title.includes('__MSG_')) problems.push(`title ${JSON.stringify(document.title)}`);
  return { lang: document.documentElement.lang, title: document.title, text: document.body.innerText, problems };
}
