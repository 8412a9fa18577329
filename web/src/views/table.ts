/** The page's table view. */
import type { ViewContext } from '../context.js';

export function mountTable(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'table';
}
