/**
 * Helpers of the filter, table and evidence views' browser tests: the API's own answers to
 * compare the page with, and readings of the page (the table's rows, the marks of the evidence,
 * text as the page shows it with each control-character mark turned back into its character).
 * Not shipped.
 */
import type { Page } from 'playwright-core';

/** GET an API path from the test (Node's fetch), as JSON. */
export async function api(origin: string, path: string): Promise<any> {
  const r = await fetch(`${origin}/api/v1${path}`);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** The ids of the first page of events the API lists for a query. */
export async function apiIds(origin: string, query = ''): Promise<string[]> {
  return (await api(origin, `/events?reports=true&limit=100&fields=id${query ? `&${query}` : ''}`)).events.map((e: { id: string }) => e.id);
}

/** The event ids of the table's rows, in order. */
export function rowIds(page: Page): Promise<string[]> {
  return page.$$eval('#table tbody tr[data-event-id]', (rows) => rows.map((r) => (r as HTMLElement).dataset.eventId as string));
}

/** Wait until the table lists exactly these events, in this order. */
export async function waitForRows(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((want) => {
    const table = document.querySelector('#table');
    if (!table || table.hasAttribute('aria-busy')) return false;
    const got = [...document.querySelectorAll<HTMLElement>('#table tbody tr[data-event-id]')].map((r) => r.dataset.eventId);
    return JSON.stringify(got) === JSON.stringify(want);
  }, ids, { timeout: 5000 });
}

/** The URL's query as an object. */
export function urlQuery(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/**
 * The text of the elements matching a selector as the page shows it, each `.ctl` mark (a control
 * or bidi character shown as "U+202E") turned back into the character it stands for: what the
 * reader is told the text is.
 */
export function literalTexts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => {
    const literal = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return (n as Text).data;
      const e = n as Element;
      if (e.classList?.contains('ctl')) return String.fromCodePoint(parseInt((e.textContent ?? '').slice(2), 16));
      return [...n.childNodes].map(literal).join('');
    };
    return els.map(literal);
  });
}

/**
 * The words each mark of the evidence's article covers, by field: a span cut by another's ends
 * is several marks with one data-span, joined back here in the text's order.
 */
export async function markedWords(page: Page): Promise<Record<string, string[]>> {
  const marks = await page.$$eval('#evidence .ev-article mark[data-span]', (els) => els.map((m) => ({
    field: (m as HTMLElement).dataset.field as string, span: Number((m as HTMLElement).dataset.span),
  })));
  const texts = await literalTexts(page, '#evidence .ev-article mark[data-span]');
  const bySpan = new Map<number, { field: string; words: string }>();
  marks.forEach((m, i) => {
    const s = bySpan.get(m.span) ?? { field: m.field, words: '' };
    s.words += texts[i];
    bySpan.set(m.span, s);
  });
  const out: Record<string, string[]> = {};
  for (const [, s] of [...bySpan].sort((a, b) => a[0] - b[0])) (out[s.field] ??= []).push(s.words);
  return out;
}

/** The words an event's evidence (GET /events/{id}) gives each field the page marks, in the page's span order. */
export function evidenceWords(answer: any, text: string): Record<string, string[]> {
  const ev = answer.evidence;
  const out: Record<string, string[]> = { trigger: [ev.trigger.words] };
  const others = ev.mentions.filter((m: any) => m.trigger.start !== ev.trigger.start || m.trigger.end !== ev.trigger.end).map((m: any) => m.trigger.words);
  if (others.length) out.mention = others;
  if (ev.actor.length) out.actor = ev.actor.map((p: any) => p.words);
  if (ev.recipient.length) out.recipient = ev.recipient.map((p: any) => p.words);
  if (ev.time && ev.time.start !== null) out.time = [text.slice(ev.time.start, ev.time.end)];
  if (ev.place) out.place = [ev.place.words];
  if (ev.source) out.source = [ev.source.words];
  if (ev.cue) out.cue = [ev.cue.words];
  return out;
}

/** Console lines Chromium writes for an answer with this HTTP status (a 400 the page handles is expected, not a problem). */
export function isStatusLine(problem: string, status: number): boolean {
  return problem.startsWith('console: Failed to load resource') && problem.includes(`status of ${status}`);
}
