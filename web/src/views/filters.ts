/** The page's filters view. */
import type { ViewContext } from '../context.js';

export function mountFilters(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'filters';
}
