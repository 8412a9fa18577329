/**
 * Attribution evaluation on PolNeAR dev (attribution/polnear/dev): brat
 * standoff files (`attributions/<article>_<annotator>.ann`) whose T-lines mark
 * Source, Cue and Content spans (a span may have fragments "s e;s e") and
 * whose E-lines tie them into one attribution. Offsets are character offsets
 * into `text/<article>.txt`.
 *
 * acta's attributions are its attribution layer (Doc.attributions): each
 * relation's source, cue, and content (its spans by their outer bounds).
 * The `events_*` figures read them the older way, from the events: each event
 * whose attribution has a cue gives a source span (the source entity), a cue
 * span, and a content span — the longer side of the event's sentence around
 * the source and cue. Identical attributions from several events in one
 * sentence count once.
 *
 * Scores: precision, recall, F1 per role (source, cue, content), exact (same
 * outer bounds) and overlap (a character in common), one-to-one. Articles
 * annotated by several annotators are scored against the first annotator's
 * file (sorted by name), so every article counts once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../doc/types.js';
import { analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, skipped, type DatasetResult, type RunOptions } from './common.js';
import { countSpans, countsPrf, emptyCounts, uniqueSpans, type SimpleSpan, type SpanCounts } from './spans.js';

export type AttributionRole = 'source' | 'cue' | 'content';
export const ROLES: AttributionRole[] = ['source', 'cue', 'content'];

export interface RoleSpans {
  source: SimpleSpan[];
  cue: SimpleSpan[];
  content: SimpleSpan[];
}

/** Role spans of one .ann file; a fragmented span is taken by its outer bounds. */
export function readAnn(ann: string): RoleSpans {
  const out: RoleSpans = { source: [], cue: [], content: [] };
  for (const line of ann.split(/\r?\n/)) {
    const m = /^T\d+\t(\w+) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const role = m[1].toLowerCase();
    if (role !== 'source' && role !== 'cue' && role !== 'content') continue;
    const frags = m[2].split(';').map((f) => f.trim().split(/\s+/).map(Number));
    const start = Math.min(...frags.map((f) => f[0]));
    const end = Math.max(...frags.map((f) => f[1]));
    out[role].push({ start, end });
  }
  return out;
}

/** Trim spaces and clause punctuation (not quotes: PolNeAR keeps them in content) from a span's ends. */
function trimSpan(text: string, s: SimpleSpan): SimpleSpan {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:.—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The content span of an attribution inside its sentence: of the text before
 * and after the source-and-cue region, the longer part, trimmed.
 */
export function contentSpan(text: string, sentence: SimpleSpan, marks: SimpleSpan[]): SimpleSpan | null {
  const inside = marks.filter((m) => m.end > sentence.start && m.start < sentence.end);
  if (!inside.length) return trimSpan(text, sentence);
  const lo = Math.min(...inside.map((m) => m.start));
  const hi = Math.max(...inside.map((m) => m.end));
  const before = trimSpan(text, { start: sentence.start, end: Math.max(sentence.start, lo) });
  const after = trimSpan(text, { start: Math.min(sentence.end, hi), end: sentence.end });
  const best = after.end - after.start >= before.end - before.start ? after : before;
  return best.end > best.start ? best : null;
}

/**
 * acta's attribution layer as role spans: each relation's source, cue, and content taken by
 * its outer bounds (as the gold file's fragmented spans are read).
 */
export function predictedRoles(doc: Pick<Doc, 'attributions'>): RoleSpans {
  const out: RoleSpans = { source: [], cue: [], content: [] };
  for (const a of doc.attributions ?? []) {
    if (a.source) out.source.push({ start: a.source.start, end: a.source.end });
    if (a.cue) out.cue.push({ start: a.cue.start, end: a.cue.end });
    if (a.content.length) out.content.push({ start: Math.min(...a.content.map((c) => c.start)), end: Math.max(...a.content.map((c) => c.end)) });
  }
  return { source: uniqueSpans(out.source), cue: uniqueSpans(out.cue), content: uniqueSpans(out.content) };
}

/** The older measure: attributions read back from the events' own attribution fields. */
export function eventRoles(doc: Doc): RoleSpans {
  const out: RoleSpans = { source: [], cue: [], content: [] };
  const seen = new Set<string>();
  for (const e of doc.events ?? []) {
    const a = e.attribution;
    if (!a || !a.cue) continue;
    const src = a.source ? { start: a.source.start, end: a.source.end } : null;
    const cue = { start: a.cue.start, end: a.cue.end };
    const key = `${e.sentence.start}:${src ? `${src.start}-${src.end}` : '-'}:${cue.start}-${cue.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (src) out.source.push(src);
    out.cue.push(cue);
    const content = contentSpan(doc.text, { start: e.sentence.start, end: e.sentence.end }, src ? [src, cue] : [cue]);
    if (content) out.content.push(content);
  }
  return { source: uniqueSpans(out.source), cue: uniqueSpans(out.cue), content: uniqueSpans(out.content) };
}

export interface AttributionCounts {
  exact: Record<AttributionRole, SpanCounts>;
  overlap: Record<AttributionRole, SpanCounts>;
}

export function emptyAttributionCounts(): AttributionCounts {
  return {
    exact: { source: emptyCounts(), cue: emptyCounts(), content: emptyCounts() },
    overlap: { source: emptyCounts(), cue: emptyCounts(), content: emptyCounts() },
  };
}

export function countAttributions(gold: RoleSpans, pred: RoleSpans, into = emptyAttributionCounts()): AttributionCounts {
  for (const r of ROLES) {
    countSpans(gold[r], pred[r], 'exact', into.exact[r]);
    countSpans(gold[r], pred[r], 'overlap', into.overlap[r]);
  }
  return into;
}

/** Dev articles: text file and the first annotator's .ann file. */
export function listPolnear(dir: string): Array<{ name: string; textPath: string; annPath: string }> {
  const anns = readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort();
  const byArticle = new Map<string, string>();
  for (const a of anns) {
    const article = a.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byArticle.has(article)) byArticle.set(article, a);
  }
  return [...byArticle.entries()].map(([name, ann]) => ({
    name, textPath: join(dir, 'text', `${name}.txt`), annPath: join(dir, 'attributions', ann),
  }));
}

export async function evaluatePolnear(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'attribution-polnear';
  const dir = evalPath('attribution/polnear/dev', opts.env);
  if (!dir) return skipped(dataset, 'attribution/polnear/dev not found under ACTA_SHARED/eval');
  const t0 = performance.now();
  const analyze = await loadAnalyzer();
  const items = capped(listPolnear(dir), opts.limit);
  const c = emptyAttributionCounts();
  const fromEvents = emptyAttributionCounts();
  const failures = newFailures();
  for (const it of items) {
    let text: string;
    try { text = readFileSync(it.textPath, 'utf8'); } catch { continue; }
    const published = /_(\d{4}-\d{2}-\d{2})_/.exec(it.name)?.[1] ?? null;
    const doc = await analyzeSafely(analyze, { text, published, id: it.name }, failures);
    const gold = readAnn(readFileSync(it.annPath, 'utf8'));
    countAttributions(gold, doc ? predictedRoles(doc) : { source: [], cue: [], content: [] }, c);
    countAttributions(gold, doc ? eventRoles(doc) : { source: [], cue: [], content: [] }, fromEvents);
  }
  const metrics: Record<string, number | null> = {};
  const details: Record<string, unknown> = { failures };
  for (const mode of ['exact', 'overlap'] as const) {
    for (const r of ROLES) {
      const s = countsPrf(c[mode][r]);
      metrics[`${r}_f1_${mode}`] = s.f1;
      details[`${r}_${mode}`] = s;
    }
  }
  // The older reading, from the events' own attribution fields (overlap), for comparison.
  for (const r of ROLES) metrics[`events_${r}_f1_overlap`] = countsPrf(fromEvents.overlap[r]).f1;
  return { dataset, system: 'acta', status: 'ok', n: items.length, seconds: (performance.now() - t0) / 1000, metrics, details };
}
