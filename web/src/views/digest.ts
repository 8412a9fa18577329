/**
 * "Download digest": the current filters and a format, as a link to GET /api/v1/digest (the same
 * code path as `acta digest`). The state's period may be a year or a month; the digest takes
 * days, so it is widened to whole days. Without a period the server covers the 30 days up to the
 * newest event.
 */
import './digest.css';
import type { ViewContext } from '../context.js';
import { API } from '../api.js';
import type { Filters } from '../state.js';
import { el } from '../safe-text.js';

const FORMATS = [['html', 'HTML'], ['pdf', 'PDF'], ['md', 'Markdown']] as const;

/** The first day of a YYYY, YYYY-MM or YYYY-MM-DD. */
export function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The last day of a YYYY, YYYY-MM or YYYY-MM-DD. */
export function lastDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return d;
}

/** The digest's address for a state's filters and a format. */
export function digestUrl(f: Filters, format: string): string {
  const q = new URLSearchParams();
  if (f.from) q.set('from', firstDay(f.from));
  if (f.to) q.set('to', lastDay(f.to));
  for (const k of ['country', 'actor', 'event', 'text'] as const) if (f[k]) q.set(k, f[k] as string);
  q.set('format', format);
  return `${API}/digest?${q}`;
}

export function mountDigest(el0: HTMLElement, ctx: ViewContext): void {
  el0.dataset.view = 'digest';
  const format = document.createElement('select');
  format.id = 'digest-format';
  format.setAttribute('aria-label', 'Digest format');
  for (const [value, label] of FORMATS) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    format.append(o);
  }
  const link = el('a', 'digest-download', 'Download digest') as HTMLAnchorElement;
  link.id = 'digest-download';
  link.setAttribute('download', '');
  const update = () => {
    link.href = digestUrl(ctx.state.get().filters, format.value);
    const f = ctx.state.get().filters;
    link.title = f.from || f.to ? 'A brief of the selected period and filters' : 'No period chosen: the 30 days up to the newest event';
  };
  format.addEventListener('change', update);
  ctx.state.subscribe(update);
  update();
  el0.append(format, link);
}
