/**
 * Whole-article events as an analyst reads them: events/analyst/dev (one JSON file per article,
 * with every event an analyst codes from it; the set's GUIDELINES.md, "Scoring", defines the
 * measure, and this file follows it).
 *
 * An output event matches a gold record of its article when its type is the record's (older
 * labels mapped: DEMAND→REQUEST, DISAPPROVE→ACCUSE, YIELD→CONCEDE or RETREAT), its trigger lies
 * inside one of the record's mentions, and its realis agrees (an event acta does not flag is
 * actual). Each record takes at most one match; a further event matching an already matched
 * record is a duplicate, a false positive.
 *
 * Precision = matched events / events; recall = matched actual records / actual records.
 * On matched events: actor and recipient country and full code, date at the gold precision,
 * place within 161 km, source (author or someone, and then the same words); for each, null
 * against null is right and a value against null is wrong. Every false positive gets a kind:
 * duplicate, realis (right record, wrong realis), type (inside a record's mention, another
 * type) or unsupported (inside no record's mention).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodedEvent, Doc, Realis } from '../doc/types.js';
import { isSector } from '../actors/knowledge.js';
import { analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, ratio, skipped, type DatasetResult, type RunOptions } from './common.js';
import { haversineKm } from './geo.js';

export type { Realis } from '../doc/types.js';

export interface GoldActor { text: string; code: string }

export interface GoldRecord {
  type: string;
  realis: Realis;
  certainty?: string;
  mentions: string[];
  actor: GoldActor | GoldActor[] | null;
  recipient: GoldActor | GoldActor[] | null;
  date: string | null;
  place: { name: string; country: string; lat: number; lon: number } | null;
  source: string;
}

export interface AnalystArticle {
  id: string;
  published: string | null;
  text: string;
  events: GoldRecord[];
}

/** The gold types an output type can match (older PLOVER labels as the shared README maps them). */
export function goldTypesFor(type: string): string[] {
  switch (type) {
    case 'DEMAND': return ['REQUEST'];
    case 'DISAPPROVE': return ['ACCUSE'];
    case 'YIELD': return ['CONCEDE', 'RETREAT'];
    default: return [type];
  }
}

/** What an output event says about whether it happened: its realis field (an event without one, from an older acta, is actual). */
export function realisOf(e: CodedEvent): Realis {
  return e.realis ?? 'actual';
}

const list = (a: GoldActor | GoldActor[] | null): GoldActor[] => (a == null ? [] : Array.isArray(a) ? a : [a]);

/** The country of a gold code: "IRQGOV" → IRQ, "USA" → USA, "MIL" or "" → null. */
export function codeCountry(code: string): string | null {
  if (code.length >= 6) return code.slice(0, 3);
  if (code.length === 3 && !isSector(code)) return code;
  return null;
}

/** Character spans of each mention of a record in the text (a mention occurs once, by the set's rules). */
function mentionSpans(text: string, r: GoldRecord): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of r.mentions) {
    const at = text.indexOf(m);
    if (at >= 0) out.push([at, at + m.length]);
  }
  return out;
}

const inside = (e: CodedEvent, spans: Array<[number, number]>) => spans.some(([s, t]) => e.trigger.start >= s && e.trigger.end <= t);

/** Same value at the gold precision: "2020-01" is right for 2020-01-03 said to the day. */
export function dateRight(gold: string | null, e: CodedEvent): boolean {
  if (gold === null || e.date === null) return gold === null && e.date === null;
  const shown = e.date_precision === 'year' ? e.date.slice(0, 4) : e.date_precision === 'month' ? e.date.slice(0, 7) : e.date.slice(0, 10);
  return shown.length >= gold.length && shown.slice(0, gold.length) === gold;
}

function placeRight(gold: GoldRecord['place'], e: CodedEvent): boolean {
  const lat = e.location?.lat, lon = e.location?.lon;
  if (!gold || lat == null || lon == null) return !gold && (lat == null || lon == null);
  return haversineKm(gold.lat, gold.lon, lat, lon) <= 161;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MINOR = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'for', 'to', 'on', 's']);
const contentWords = (s: string) => new Set((s.toLowerCase().match(WORD) ?? []).filter((w) => !MINOR.has(w)));

/** Author against author, or a named source against words that share one with the gold's. */
function sourceRight(gold: string, e: CodedEvent): boolean {
  const src = e.attribution.source;
  if (gold === 'author' || !src) return gold === 'author' && !src;
  const g = contentWords(gold);
  return [...contentWords(`${src.text} ${src.name}`)].some((w) => g.has(w));
}

function countryRight(gold: GoldActor[], pred: CodedEvent['actor']): boolean {
  const countries = gold.map((a) => codeCountry(a.code)).filter((c): c is string => c !== null);
  const first = pred.find((p) => p.country) ?? null;
  if (!countries.length || !first) return !countries.length && !first;
  return countries.includes(first.country!);
}

function codeRight(gold: GoldActor[], pred: CodedEvent['actor']): boolean {
  const codes = gold.map((a) => a.code).filter((c) => c !== '');
  const first = pred.find((p) => p.code) ?? null;
  if (!codes.length || !first) return !codes.length && !first;
  return codes.includes(first.code!);
}

export type FalseKind = 'duplicate' | 'realis' | 'type' | 'unsupported';

export interface ArticleScore {
  id: string;
  events: number;
  matched: number;
  actualRecords: number;
  matchedActual: number;
  falseKinds: Record<FalseKind, number>;
  /** Per matched event, whether each field is right. */
  fields: Record<FieldName, boolean[]>;
  /** Gold actual records no event matched: type and first mention. */
  missed: string[];
}

export const FIELDS = ['actor_country', 'actor_code', 'recipient_country', 'recipient_code', 'date', 'place', 'source'] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * A maximum matching of output events to the gold records they fit (`fits[event][record]`), as
 * the guidelines score: each record takes at most one event, and as many events match as can.
 * Augmenting paths are tried in output order, so of two events that fit one record only, the
 * earlier keeps it. Returns each event's record, or -1.
 */
export function maximumMatching(fits: readonly boolean[][]): number[] {
  const recordOf = fits.map(() => -1);
  const eventOf = new Map<number, number>();
  const augment = (k: number, seen: Set<number>): boolean => {
    for (let i = 0; i < fits[k].length; i++) {
      if (!fits[k][i] || seen.has(i)) continue;
      seen.add(i);
      const holder = eventOf.get(i);
      if (holder === undefined || augment(holder, seen)) {
        recordOf[k] = i;
        eventOf.set(i, k);
        return true;
      }
    }
    return false;
  };
  for (let k = 0; k < fits.length; k++) augment(k, new Set());
  return recordOf;
}

/** For each output event, the gold records it fits: same type, trigger inside a mention, same realis. */
function fitsOf(article: AnalystArticle, events: readonly CodedEvent[], spans = article.events.map((r) => mentionSpans(article.text, r))): boolean[][] {
  return events.map((e) => {
    const types = goldTypesFor(e.event);
    const realis = realisOf(e);
    return article.events.map((r, i) => types.includes(r.type) && inside(e, spans[i]) && r.realis === realis);
  });
}

/** Each output event's gold record in the article's maximum matching, or -1 (the matching the scores are computed on). */
export function matchEvents(article: AnalystArticle, events: readonly CodedEvent[]): number[] {
  return maximumMatching(fitsOf(article, events));
}

/** Score one article's output events against its gold records (a maximum matching; output order decides ties). */
export function scoreArticle(article: AnalystArticle, events: readonly CodedEvent[]): ArticleScore {
  const spans = article.events.map((r) => mentionSpans(article.text, r));
  const taken = new Array(article.events.length).fill(false);
  const falseKinds: Record<FalseKind, number> = { duplicate: 0, realis: 0, type: 0, unsupported: 0 };
  const fields = Object.fromEntries(FIELDS.map((f) => [f, [] as boolean[]])) as Record<FieldName, boolean[]>;
  let matched = 0;
  const fits = fitsOf(article, events, spans);
  const recordOf = maximumMatching(fits);
  events.forEach((e, k) => {
    const types = goldTypesFor(e.event);
    const free = recordOf[k];
    if (free >= 0) {
      taken[free] = true;
      matched++;
      const r = article.events[free];
      fields.actor_country.push(countryRight(list(r.actor), e.actor));
      fields.actor_code.push(codeRight(list(r.actor), e.actor));
      fields.recipient_country.push(countryRight(list(r.recipient), e.recipient));
      fields.recipient_code.push(codeRight(list(r.recipient), e.recipient));
      fields.date.push(dateRight(r.date, e));
      fields.place.push(placeRight(r.place, e));
      fields.source.push(sourceRight(r.source, e));
    } else if (fits[k].some(Boolean)) falseKinds.duplicate++;
    else if (article.events.some((r, i) => types.includes(r.type) && inside(e, spans[i]))) falseKinds.realis++;
    else if (spans.some((s) => inside(e, s))) falseKinds.type++;
    else falseKinds.unsupported++;
  });
  const actual = article.events.map((r, i) => [r, i] as const).filter(([r]) => r.realis === 'actual');
  return {
    id: article.id, events: events.length, matched, actualRecords: actual.length,
    matchedActual: actual.filter(([, i]) => taken[i]).length, falseKinds, fields,
    missed: actual.filter(([, i]) => !taken[i]).map(([r]) => `${r.type}: ${r.mentions[0]}`),
  };
}

export interface AnalystSummary {
  events: number;
  matched: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  duplicateRate: number | null;
  realisErrorRate: number | null;
  falseKinds: Record<FalseKind, number>;
  fields: Record<FieldName, number | null>;
}

export function summarize(scores: readonly ArticleScore[]): AnalystSummary {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const events = sum((s) => s.events), matched = sum((s) => s.matched);
  const precision = ratio(matched, events);
  const recall = ratio(sum((s) => s.matchedActual), sum((s) => s.actualRecords));
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  const falseKinds = { duplicate: 0, realis: 0, type: 0, unsupported: 0 } as Record<FalseKind, number>;
  for (const s of scores) for (const k of Object.keys(falseKinds) as FalseKind[]) falseKinds[k] += s.falseKinds[k];
  const fields = Object.fromEntries(FIELDS.map((f) => {
    const all = scores.flatMap((s) => s.fields[f]);
    return [f, ratio(all.filter(Boolean).length, all.length)];
  })) as Record<FieldName, number | null>;
  return {
    events, matched, precision, recall, f1,
    duplicateRate: ratio(falseKinds.duplicate, events), realisErrorRate: ratio(falseKinds.realis, events),
    falseKinds, fields,
  };
}

/** The per-article table: events, matches, actual records found, false positives by kind. */
export function articleTable(scores: readonly ArticleScore[]): string {
  const head = ['article', 'events', 'matched', 'found', 'dup', 'realis', 'type', 'unsupp'];
  const rows = scores.map((s) => [s.id, s.events, s.matched, `${s.matchedActual}/${s.actualRecords}`, s.falseKinds.duplicate, s.falseKinds.realis, s.falseKinds.type, s.falseKinds.unsupported].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function readAnalystDir(dir: string): AnalystArticle[] {
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as AnalystArticle);
}

/**
 * Scores whole articles coded by analysts. `events/analyst/dev` is the set
 * acta is developed against; `events/clusters/dev` is coded the same way and
 * not looked at while writing rules, so the gap between the two rows is the
 * measure of fitting.
 */
/** Each article's events as acta codes it, by article id (an article that fails has none; its failure is counted). */
export async function articleEvents(articles: readonly AnalystArticle[], failures: ReturnType<typeof newFailures>): Promise<Map<string, CodedEvent[]>> {
  const analyze = await loadAnalyzer();
  const out = new Map<string, CodedEvent[]>();
  for (const a of articles) {
    const doc: Doc | null = await analyzeSafely(analyze, { text: a.text, id: a.id, published: a.published }, failures);
    // (Each article's events carry its id, as a store keeps them.)
    out.set(a.id, (doc?.events ?? []).map((e) => ({ ...e, article_id: a.id })));
  }
  return out;
}

export async function evaluateAnalyst(opts: RunOptions, dataset = 'events-analyst', relDir = 'events/analyst/dev'): Promise<DatasetResult> {
  const dir = evalPath(relDir, opts.env);
  if (!dir) return skipped(dataset, `${relDir} not found under ACTA_SHARED/eval`);
  const t0 = performance.now();
  const articles = capped(readAnalystDir(dir), opts.limit);
  const failures = newFailures();
  const events = await articleEvents(articles, failures);
  const scores = articles.map((a) => scoreArticle(a, events.get(a.id) ?? []));
  const s = summarize(scores);
  const table = articleTable(scores);
  opts.log?.(`eval: ${dataset} per article\n${table}\nfalse positives: ${Object.entries(s.falseKinds).map(([k, n]) => `${k} ${n}`).join(', ')}; matched ${s.matched} of ${s.events} events`);
  return {
    dataset, system: 'acta', status: 'ok', n: articles.length, seconds: (performance.now() - t0) / 1000,
    metrics: {
      precision: s.precision, recall: s.recall, f1: s.f1, duplicate_rate: s.duplicateRate, realis_error_rate: s.realisErrorRate,
      ...Object.fromEntries(FIELDS.map((f) => [f, s.fields[f]])),
    },
    details: { failures, events: s.events, matched: s.matched, false_positives: s.falseKinds, articles: table, missed: Object.fromEntries(scores.map((x) => [x.id, x.missed])) },
  };
}
