/**
 * The event table: the event reports the filters match (each article's events: the timeline,
 * map and network count them too, and each opens its own evidence), a page of 100 at a time from
 * GET /api/v1/events?reports=true (keyset pages: "More" passes the page's next_cursor). A row is one tab stop
 * for the whole table (arrow keys move between rows); Enter, Space or a click opens its
 * evidence (state.open).
 */
import './table.css';
import { getJson } from '../api.js';
import type { EventPageAnswer, EventRecord, Party } from '../api-types.js';
import type { ViewContext } from '../context.js';
import { filterQuery, sameFilters, type ViewState } from '../state.js';
import { el, isolated } from '../safe-text.js';

export const PAGE_SIZE = 100;

const REALIS_MARKS: Record<string, string> = { future: 'FUT', hypothetical: 'HYP', negated: 'NOT' };

/** A side of an event: each party's words with its code, as the CLI table writes them ("troops [MLIMIL]"). */
function partiesCell(parties: Party[]): HTMLElement {
  const td = el('td', 'col-party');
  if (!parties.length) td.append(el('span', 'none', '–'));
  parties.forEach((p, i) => {
    if (i) td.append(document.createTextNode('; '));
    td.append(isolated(p.text));
    if (p.code) td.append(' ', el('span', 'code', `[${p.code}]`));
  });
  return td;
}

function row(e: EventRecord): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.eventId = e.id;
  tr.tabIndex = -1;
  const date = el('td', 'col-date', e.date ?? '?');
  if (e.date_precision && e.date_precision !== 'day' && e.date) date.title = `known to the ${e.date_precision}`;
  const type = el('td', 'col-type');
  if (REALIS_MARKS[e.realis]) type.append(el('span', `realis realis-${e.realis}`, REALIS_MARKS[e.realis]), ' ');
  type.append(el('span', 'event-type', e.event), ' ', isolated(e.trigger.text, 'trigger'));
  const place = el('td', 'col-place');
  if (e.location) {
    place.append(isolated(e.location.name));
    if (e.location.country) place.append(', ', el('span', 'code', e.location.country));
  } else place.append(el('span', 'none', '–'));
  const source = el('td', 'col-source');
  source.append(e.attribution.source ? isolated(e.attribution.source.text) : el('span', 'none', '(author)'),
    ' ', el('span', `certainty certainty-${e.attribution.certainty}`, e.attribution.certainty));
  tr.append(date, type, partiesCell(e.actor), partiesCell(e.recipient), place, source);
  return tr;
}

export function mountTable(root: HTMLElement, ctx: ViewContext): void {
  root.dataset.view = 'table';
  const heading = el('h2', 'view-title', 'Events');
  heading.id = 'table-title';
  const count = el('span', 'table-count');
  count.setAttribute('aria-live', 'polite');
  const head = el('div', 'table-head');
  head.append(heading, count);
  const table = el('table', 'events');
  table.setAttribute('aria-labelledby', heading.id);
  const thead = el('thead');
  const hr = el('tr');
  for (const [name, cls] of [['Date', 'col-date'], ['Type', 'col-type'], ['Actor', 'col-party'], ['Recipient', 'col-party'], ['Place', 'col-place'], ['Source / certainty', 'col-source']]) {
    const th = el('th', cls, name);
    th.scope = 'col';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  table.append(thead, tbody);
  const scroll = el('div', 'table-scroll');
  scroll.append(table);
  const more = el('button', 'table-more', `More events`);
  more.type = 'button';
  more.hidden = true;
  root.append(head, scroll, more);

  let cursor: string | null = null;
  let loading: AbortController | null = null;
  let shown = 0;

  const rows = () => [...tbody.querySelectorAll<HTMLTableRowElement>('tr[data-event-id]')];

  /** The one row Tab reaches: the open event's, else the first. */
  function rovingStop(): void {
    const all = rows();
    const open = ctx.state.get().open;
    const stop = all.find((r) => r.tabIndex === 0) ?? all.find((r) => r.dataset.eventId === open) ?? all[0];
    for (const r of all) r.tabIndex = r === stop ? 0 : -1;
  }

  function markOpen(open: string | null): void {
    for (const r of rows()) {
      const isOpen = r.dataset.eventId === open;
      r.classList.toggle('is-open', isOpen);
      if (isOpen) r.setAttribute('aria-current', 'true');
      else r.removeAttribute('aria-current');
    }
  }

  function moveTo(r: HTMLTableRowElement | undefined): void {
    if (!r) return;
    for (const x of rows()) x.tabIndex = x === r ? 0 : -1;
    r.focus();
  }

  async function load(s: ViewState, append: boolean): Promise<void> {
    loading?.abort();
    const mine = (loading = new AbortController());
    if (!append) { cursor = null; shown = 0; }
    more.disabled = true;
    root.setAttribute('aria-busy', 'true');
    try {
      const page = await getJson<EventPageAnswer>('/events', filterQuery(s.filters, { reports: 'true', limit: PAGE_SIZE, cursor: append ? cursor ?? undefined : undefined }), mine.signal);
      if (mine.signal.aborted) return;
      const made = page.events.map(row);
      if (append) tbody.append(...made);
      else tbody.replaceChildren(...made);
      shown += made.length;
      cursor = page.next_cursor;
      more.hidden = cursor === null;
      count.textContent = shown === 0 ? 'no events match' : `${shown} event${shown === 1 ? '' : 's'}${cursor ? ', more below' : ''}`;
      markOpen(s.open);
      rovingStop();
    } catch (e) {
      if (mine.signal.aborted) return;
      if (!append) tbody.replaceChildren();
      more.hidden = true;
      count.textContent = 'not loaded';
      ctx.status(`The events could not be listed: ${e instanceof Error ? e.message : e}`, 'error');
    } finally {
      if (loading === mine) { root.removeAttribute('aria-busy'); more.disabled = false; }
    }
  }

  const open = (r: HTMLTableRowElement | null) => { if (r?.dataset.eventId) ctx.state.set({ open: r.dataset.eventId }); };
  tbody.addEventListener('click', (e) => open((e.target as Element).closest('tr')));
  tbody.addEventListener('keydown', (e) => {
    const r = (e.target as Element).closest('tr');
    if (!(r instanceof HTMLTableRowElement)) return;
    const all = rows();
    const i = all.indexOf(r);
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1, PageDown: i + 10, PageUp: i - 10 };
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(r); }
    else if (e.key in to) { e.preventDefault(); moveTo(all[Math.max(0, Math.min(all.length - 1, to[e.key]))]); }
  });
  more.addEventListener('click', () => void load(ctx.state.get(), true));

  void load(ctx.state.get(), false);
  ctx.state.subscribe((now, before) => {
    if (!sameFilters(now, before)) void load(now, false);
    else if (now.open !== before.open) markOpen(now.open);
  });
}
