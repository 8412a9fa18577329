/** The page's timeline view. */
import type { ViewContext } from '../context.js';

export function mountTimeline(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'timeline';
}
