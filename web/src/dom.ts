/** Small DOM builders for the chart views: elements made with text, never from HTML strings. */
import { el } from './safe-text.js';

/** A new element with a class and text: the one builder of the page, which shows control and bidi characters rather than obey them. */
export { el };

/** A legend entry: a colour swatch (coloured through the CSSOM, which the page's CSP allows) and a label. */
export function swatch(colour: string, className = 'chart-swatch'): HTMLSpanElement {
  const s = el('span', className);
  s.style.backgroundColor = colour;
  return s;
}
