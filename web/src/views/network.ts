/** The page's network view. */
import type { ViewContext } from '../context.js';

export function mountNetwork(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'network';
}
