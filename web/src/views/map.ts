/** The page's map view. */
import type { ViewContext } from '../context.js';

export function mountMap(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'map';
}
