/**
 * Untrusted text (article titles, bodies, names, sources) made into DOM nodes, never HTML.
 * Control characters and bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and
 * its kin) are not passed to the page to obey: each is shown as a small visible mark naming its
 * code point, so "\u202Egnp.exe" cannot pass itself off as "exe.png" and a stray ESC or BEL is seen.
 */
import './safe-text.css';

/** C0/C1 controls except tab and line ends, and the bidi embeddings, overrides, isolates and marks. */
export const HIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** "U+202E" for a character. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text as nodes: plain text nodes, and a `<span class="ctl">U+XXXX</span>` for each hidden character. */
export function safeText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of text.matchAll(HIDDEN_CHARS)) {
    const i = m.index ?? 0;
    if (i > at) frag.append(document.createTextNode(text.slice(at, i)));
    const mark = document.createElement('span');
    mark.className = 'ctl';
    mark.textContent = codePointName(m[0]);
    mark.title = `the character ${codePointName(m[0])} is in the text here (shown, not obeyed)`;
    frag.append(mark);
    at = i + m[0].length;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

/** A `<bdi>` holding the text safely: a right-to-left name cannot reorder what stands around it. */
export function isolated(text: string, className?: string): HTMLElement {
  const el = document.createElement('bdi');
  if (className) el.className = className;
  el.append(safeText(text));
  return el;
}

/** An element with the given class and text (set as text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.append(safeText(text));
  return e;
}
