/**
 * The evidence view: when state.open names an event, the side panel shows the article it came
 * from (GET /api/v1/events/{id}, then the whole text from GET /api/v1/articles/{hash}) with the
 * words behind each field marked in its own colour, a list saying for each field which words
 * decided it and the value it got, and the other reports of the same happening. Esc or the
 * close button closes it, and focus goes back where it was. All article text is set as text.
 */
import './evidence.css';
import { getJson } from '../api.js';
import type { ArticleAnswer, EventAnswer, Party } from '../api-types.js';
import type { ViewContext } from '../context.js';
import { highlighted, type Field, type FieldSpan } from '../highlight.js';
import { writeState } from '../state.js';
import { el, isolated } from '../safe-text.js';

/** What each mark means, in the legend's order. */
export const FIELD_LABELS: Record<Field, string> = {
  trigger: 'trigger', mention: 'other mention', actor: 'actor', recipient: 'recipient',
  time: 'date', place: 'place', source: 'source', cue: 'cue',
};

/** The spans to mark: the trigger, the other mentions, each side, the date, place, source and cue, where the text has them. */
export function evidenceSpans(a: EventAnswer): FieldSpan[] {
  const ev = a.evidence;
  const spans: FieldSpan[] = [{ field: 'trigger', start: ev.trigger.start, end: ev.trigger.end }];
  for (const m of ev.mentions) {
    if (m.trigger.start !== ev.trigger.start || m.trigger.end !== ev.trigger.end) spans.push({ field: 'mention', start: m.trigger.start, end: m.trigger.end });
  }
  for (const p of ev.actor) spans.push({ field: 'actor', start: p.start, end: p.end });
  for (const p of ev.recipient) spans.push({ field: 'recipient', start: p.start, end: p.end });
  if (ev.time && ev.time.start !== null && ev.time.end !== null) spans.push({ field: 'time', start: ev.time.start, end: ev.time.end });
  if (ev.place) spans.push({ field: 'place', start: ev.place.start, end: ev.place.end });
  if (ev.source) spans.push({ field: 'source', start: ev.source.start, end: ev.source.end });
  if (ev.cue) spans.push({ field: 'cue', start: ev.cue.start, end: ev.cue.end });
  return spans;
}

function partyValue(p: Party): string {
  const parts = [p.code ?? 'no code', p.name !== p.text ? `“${p.name}”` : '', p.type].filter(Boolean);
  return parts.join(' · ');
}

/** One row of the fields list: the field (in its colour), the words that decided it, the value it got. */
function fieldRow(field: Field | 'realis' | 'certainty', words: string | null, value: string): HTMLElement {
  const tr = el('tr', `field-row field-${field}`);
  const name = el('th', 'field-name');
  name.scope = 'row';
  name.append(el('span', `swatch mark-${field}`), ` ${field in FIELD_LABELS ? FIELD_LABELS[field as Field] : field}`);
  const w = el('td', 'field-words');
  if (words === null) w.append(el('span', 'none', '–'));
  else w.append(el('q', `mark-${field}`, words));
  const v = el('td', 'field-value', value);
  tr.append(name, w, el('td', 'arrow', '→'), v);
  return tr;
}

function fieldsTable(a: EventAnswer): HTMLElement {
  const { event: e, evidence: ev } = a;
  const rows: HTMLElement[] = [];
  const others = ev.mentions.map((m) => m.trigger.words).filter((w, i) => i > 0 && w);
  rows.push(fieldRow('trigger', ev.trigger.words, [e.event, e.cameo ? `CAMEO ${e.cameo}` : '', e.mode.join(', '),
    others.length ? `also told as ${others.join(', ')}` : ''].filter(Boolean).join(' · ')));
  if (!ev.actor.length) rows.push(fieldRow('actor', null, 'no actor found'));
  for (const p of ev.actor) rows.push(fieldRow('actor', p.words, partyValue(p)));
  if (!ev.recipient.length) rows.push(fieldRow('recipient', null, 'no recipient found'));
  for (const p of ev.recipient) rows.push(fieldRow('recipient', p.words, partyValue(p)));
  const date = e.date ? `${e.date}${e.date_precision && e.date_precision !== 'day' ? ` (to the ${e.date_precision})` : ''}` : 'unknown: no date is told for it';
  rows.push(fieldRow('time', ev.time?.text ?? null, ev.time && ev.time.start === null ? `${date} (words not found in its sentences as written)` : date));
  rows.push(fieldRow('place', ev.place?.words ?? null, ev.place
    ? [ev.place.name, ev.place.admin1, ev.place.country, ev.place.lat !== null && ev.place.lon !== null ? `${ev.place.lat}, ${ev.place.lon}` : ''].filter(Boolean).join(' · ')
    : 'no place found'));
  rows.push(fieldRow('source', ev.source?.words ?? null, ev.source ? partyValue(ev.source) : 'the author: the article asserts it itself'));
  rows.push(fieldRow('cue', ev.cue?.words ?? null, ev.cue ? `certainty ${ev.certainty}` : `certainty ${ev.certainty} (no reporting words)`));
  rows.push(fieldRow('realis', null, e.negated ? `${e.realis} (negated)` : e.realis));
  const table = el('table', 'ev-fields');
  const caption = el('caption', undefined, 'Which words decided each field');
  const tbody = el('tbody');
  tbody.append(...rows);
  table.append(caption, tbody);
  return table;
}

function legend(spans: FieldSpan[]): HTMLElement {
  const ul = el('ul', 'ev-legend');
  ul.setAttribute('aria-label', 'Colours of the marks');
  const present = new Set(spans.map((s) => s.field));
  for (const f of Object.keys(FIELD_LABELS) as Field[]) {
    if (!present.has(f)) continue;
    const li = el('li');
    li.append(el('mark', `mark-${f}`, FIELD_LABELS[f]));
    ul.append(li);
  }
  return ul;
}

export function mountEvidence(panel: HTMLElement, ctx: ViewContext): void {
  panel.dataset.view = 'evidence';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'evidence-title');
  const close = el('button', 'ev-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the evidence (Esc)');
  close.title = 'Close (Esc)';
  const body = el('div', 'ev-body');
  panel.append(close, body);

  /** Where focus was when the panel opened, to give it back on close. */
  let returnTo: HTMLElement | null = null;
  let loading: AbortController | null = null;

  const shut = () => ctx.state.set({ open: null });
  close.addEventListener('click', shut);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden && !e.defaultPrevented) { e.preventDefault(); shut(); }
  });

  function hide(wasOpen: string | null): void {
    loading?.abort();
    panel.hidden = true;
    body.replaceChildren();
    // Back to the control that opened it; else the event's row; else nowhere in particular.
    const row = wasOpen ? document.querySelector<HTMLElement>(`tr[data-event-id="${CSS.escape(wasOpen)}"]`) : null;
    const target = returnTo?.isConnected && returnTo !== document.body ? returnTo : row;
    returnTo = null;
    target?.focus();
  }

  function reportLink(r: EventAnswer['reports'][number]): HTMLElement {
    const a = el('a', 'ev-report');
    a.href = writeState({ ...ctx.state.get(), open: r.id }) || '?';
    a.dataset.eventId = r.id;
    a.append(el('span', 'event-type', r.event), ' ', isolated(r.trigger.text, 'trigger'), ` · ${r.date ?? '?'} · article `, isolated(r.article_id, 'code'));
    a.addEventListener('click', (e) => { e.preventDefault(); ctx.state.set({ open: r.id }); });
    const li = el('li');
    li.append(a);
    return li;
  }

  function render(a: EventAnswer, article: ArticleAnswer | null): void {
    const m = a.article;
    const title = el('h2', 'ev-title');
    title.id = 'evidence-title';
    title.tabIndex = -1;
    title.append(isolated(m.title || '(no title)'));
    const meta = el('p', 'ev-meta');
    const bits: (string | HTMLElement)[] = [];
    bits.push(m.published ? `published ${m.published}` : 'no publication date');
    if (m.source) bits.push(isolated(m.source, 'ev-source'));
    if (m.author) bits.push(isolated(m.author, 'ev-author'));
    // The address as text, never a link: a stored javascript: URL must not be one click away.
    if (m.url) bits.push(isolated(m.url, 'ev-url'));
    bits.forEach((b, i) => { if (i) meta.append(' · '); meta.append(b); });
    const e = a.event;
    const summary = el('p', 'ev-summary');
    summary.append(el('span', 'event-type', e.event), ` · ${e.date ?? 'date unknown'} · realis ${e.realis} · certainty ${a.evidence.certainty} · confidence ${e.confidence}`);

    const spans = evidenceSpans(a);
    const text = el('div', 'ev-article');
    text.tabIndex = 0;
    text.setAttribute('aria-label', 'The article, the evidence marked');
    if (article) text.append(highlighted(article.text, spans));
    else {
      // Without the article, its sentences that tell the event, each marked on its own.
      for (const s of a.evidence.sentences) {
        const p = el('p');
        p.append(highlighted(s.text, spans.map((x) => ({ ...x, start: x.start - s.start, end: x.end - s.start }))));
        text.append(p);
      }
    }

    const reports = el('section', 'ev-reports');
    reports.append(el('h3', undefined, 'Other reports of this happening'));
    if (a.reports.length) {
      const ul = el('ul');
      ul.append(...a.reports.map(reportLink));
      reports.append(ul);
    } else reports.append(el('p', 'none', 'No other stored report tells this happening.'));

    body.replaceChildren(title, meta, summary, fieldsTable(a), legend(spans), text, reports);
    const first = text.querySelector<HTMLElement>('mark[data-field="trigger"]');
    if (first) text.scrollTop = Math.max(0, first.offsetTop - text.clientHeight / 3);
  }

  async function show(id: string): Promise<void> {
    loading?.abort();
    const mine = (loading = new AbortController());
    panel.hidden = false;
    panel.setAttribute('aria-busy', 'true');
    try {
      const answer = await getJson<EventAnswer>(`/events/${encodeURIComponent(id)}`, undefined, mine.signal);
      let article: ArticleAnswer | null = null;
      try {
        article = await getJson<ArticleAnswer>(`/articles/${encodeURIComponent(answer.article.hash)}`, undefined, mine.signal);
      } catch (e) {
        if (mine.signal.aborted) return;
        ctx.status(`The article could not be loaded; its sentences are shown: ${e instanceof Error ? e.message : e}`, 'error');
      }
      if (mine.signal.aborted) return;
      render(answer, article);
      body.querySelector<HTMLElement>('#evidence-title')?.focus();
    } catch (e) {
      if (mine.signal.aborted) return;
      body.replaceChildren(el('h2', 'ev-title', 'No evidence'), el('p', 'none', e instanceof Error ? e.message : String(e)));
      ctx.status(`The event could not be opened: ${e instanceof Error ? e.message : e}`, 'error');
      close.focus();
    } finally {
      if (loading === mine) panel.removeAttribute('aria-busy');
    }
  }

  const start = ctx.state.get().open;
  if (start) void show(start);
  ctx.state.subscribe((now, before) => {
    if (now.open === before.open) return;
    if (now.open) {
      if (panel.hidden) returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      void show(now.open);
    } else hide(before.open);
  });
}
