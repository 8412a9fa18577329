/** The page's evidence view. */
import type { ViewContext } from '../context.js';

export function mountEvidence(el: HTMLElement, ctx: ViewContext): void {
  void ctx;
  el.dataset.view = 'evidence';
}
