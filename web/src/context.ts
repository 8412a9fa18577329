/** What every view of the page is given: the shared state (in the URL) and the status line. */
import type { PageState } from './state.js';

export interface ViewContext {
  state: PageState;
  /** Say something in the page's status line (errors included), as text. */
  status: (message: string, kind?: 'info' | 'error') => void;
}

/** A view: mounted once into its element; it reads the state and subscribes to its changes itself. */
export type MountView = (el: HTMLElement, ctx: ViewContext) => void;
