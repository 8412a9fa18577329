/**
 * How deep a page's elements nest, read in one pass over its tags before any
 * DOM is built. Readability over linkedom takes time that grows far faster
 * than the depth (200 nested elements: under half a second; 400: seconds;
 * 2,000: more than a minute; 5,000: the stack overflows), so a page nested
 * deeper than MAX_HTML_DEPTH is refused with a message instead. Real pages
 * nest a few dozen elements deep.
 *
 * The scan follows the parser's rules as far as depth needs them: void
 * elements and self-closed tags hold nothing, script and style hold text, a
 * closing tag closes what it matches (a stray one nothing), and the elements
 * whose end tag may be left out ("<p>", "<li>", "<td>") close their like.
 */

/** Elements nested deeper than this make a page that is not read. */
export const MAX_HTML_DEPTH = 200;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'bgsound', 'frame', 'image']);
/** Elements whose content is text up to their own end tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** An element that, opened, closes an open element of these kinds at the top of the stack. */
const CLOSES: Record<string, string[]> = {
  p: ['p'], li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], option: ['option'], optgroup: ['option', 'optgroup'],
  tr: ['td', 'th', 'tr'], td: ['td', 'th'], th: ['td', 'th'], tbody: ['td', 'th', 'tr', 'tbody', 'thead'],
  thead: ['td', 'th', 'tr', 'tbody', 'thead'], tfoot: ['td', 'th', 'tr', 'tbody', 'thead'], rt: ['rt', 'rp'], rp: ['rt', 'rp'],
};
/** Blocks that close an open paragraph. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'figure', 'figcaption', 'details', 'menu']);

const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;

/** The end of the tag that opens at `from` (just past its ">"), quotes respected; the text's length if none. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (quote) { if (c === quote) quote = 0; continue; }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return k + 1;
  }
  return html.length;
}

/**
 * The greatest depth of nested elements in `html`, counted up to `limit + 1`
 * (the scan stops there). Linear in the length of the page.
 */
export function htmlNestingDepth(html: string, limit = MAX_HTML_DEPTH): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const push = (name: string) => { stack.push(name); open.set(name, (open.get(name) ?? 0) + 1); };
  const pop = () => { const n = stack.pop()!; open.set(n, open.get(n)! - 1); };
  let deepest = 0;
  let pos = html.indexOf('<');
  while (pos >= 0 && pos < html.length) {
    if (html.startsWith('<!--', pos)) {
      const end = html.indexOf('-->', pos + 4);
      if (end < 0) break;
      pos = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(pos + 1) === 0x2f;
    let k = pos + (closing ? 2 : 1);
    const nameStart = k;
    while (k < html.length && isNameChar(html.charCodeAt(k))) k++;
    if (k === nameStart || !/[a-z]/i.test(html[nameStart])) { pos = html.indexOf('<', pos + 1); continue; }
    const name = html.slice(nameStart, k).toLowerCase();
    const end = tagEnd(html, k);
    if (closing) {
      if ((open.get(name) ?? 0) > 0) { while (stack.length && stack[stack.length - 1] !== name) pop(); pop(); }
    } else if (RAW.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'gi');
      close.lastIndex = end;
      const m = close.exec(html);
      pos = m ? html.indexOf('<', m.index + 2) : -1;
      continue;
    } else if (!VOID.has(name) && html.charCodeAt(end - 2) !== 0x2f) {
      const closes = CLOSES[name];
      if (closes) while (stack.length && closes.includes(stack[stack.length - 1])) pop();
      if (CLOSES_P.has(name) && stack[stack.length - 1] === 'p') pop();
      push(name);
      if (stack.length > deepest) deepest = stack.length;
      if (deepest > limit) return deepest;
    }
    pos = html.indexOf('<', end);
  }
  return deepest;
}
