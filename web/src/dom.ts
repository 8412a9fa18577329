/** Small DOM builders for the chart views: elements made with text, never from HTML strings. */

/** A new element with a class and text (set as text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A legend entry: a colour swatch (coloured through the CSSOM, which the page's CSP allows) and a label. */
export function swatch(colour: string, className = 'chart-swatch'): HTMLSpanElement {
  const s = el('span', className);
  s.style.backgroundColor = colour;
  return s;
}
