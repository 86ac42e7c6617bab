// Shared by the build steps that pre-render an element (scripts/prerender-pack.mjs for <mandate-guide>,
// src/elements/acting-for-banner/prerender-banner.mjs for the banner): its rendered shadow tree as HTML text, and
// its styles as a stylesheet that is inert when also linked in <head>.
import postcss from 'postcss';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
export const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/**
 * HTML of a node's children: no comments (lit's markers), no rule ids (the script-tag files leave them out),
 * `article.theme` cards replaced by `marker` (once) when one is given. Whitespace runs become one space: the
 * elements have no preformatted text, so this changes nothing on screen.
 */
export function serialize(node, marker) {
  let out = '';
  let marked = false;
  const walk = (parent) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === 3) out += text(child.data);
      else if (child.nodeType === 1) {
        if (marker && child.localName === 'article' && child.classList.contains('theme')) {
          if (!marked) out += marker;
          marked = true;
          continue;
        }
        out += `<${child.localName}`;
        for (const {name, value} of child.attributes) if (name !== 'data-rules') out += value === '' ? ` ${name}` : ` ${name}="${attr(value)}"`;
        out += '>';
        if (VOID.has(child.localName)) continue;
        walk(child.localName === 'template' ? child.content : child);
        out += `</${child.localName}>`;
      }
    }
  };
  walk(node);
  return out.replace(/[ \t\n\r\f]+/g, ' ');
}

/**
 * An element's styles with every selector put under :host, so the same file linked in <head> styles nothing of
 * the page (:host matches only inside a shadow tree); in the shadow root the rules match the same elements with
 * the same order among them.
 */
export function underHost(elementStyles) {
  const tree = postcss.parse(elementStyles.map((s) => s.cssText.trim()).join('\n'));
  tree.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    rule.selectors = rule.selectors.map((selector) => (selector.startsWith(':host') ? selector : `:host ${selector}`));
  });
  return tree.toString();
}
