/** The page: one state in the URL, and the views that read and change it. */
import './style.css';
import { PageState } from './state.js';
import type { ViewContext } from './context.js';
import { mountFilters } from './views/filters.js';
import { mountTimeline } from './views/timeline.js';
import { mountMap } from './views/map.js';
import { mountNetwork } from './views/network.js';
import { mountTable } from './views/table.js';
import { mountEvidence } from './views/evidence.js';
import { mountDigest } from './views/digest.js';

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

const statusLine = element('status');
const ctx: ViewContext = {
  state: new PageState(window),
  status(message, kind = 'info') {
    statusLine.textContent = message;
    statusLine.dataset.kind = kind;
  },
};

mountFilters(element('filters'), ctx);
mountTimeline(element('timeline'), ctx);
mountMap(element('map'), ctx);
mountNetwork(element('network'), ctx);
mountTable(element('table'), ctx);
mountEvidence(element('evidence'), ctx);
mountDigest(element('digest'), ctx);
