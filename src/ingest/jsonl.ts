/**
 * JSONL batches: one article a line,
 * `{"id"?, "text" | "html", "published"?: "YYYY-MM-DD", "title"?, "url"?, "source"?}`.
 * A bad line becomes a problem naming its line; the other lines still go through.
 * The same record shape serves `.json` files (one record or an array of them).
 */
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { problem, type IngestOptions } from './common.js';
import { isIsoDay } from './dates.js';
import { ingestHtml } from './html.js';
import { ingestText } from './text.js';

const STRING_FIELDS = ['title', 'url', 'source'] as const;

/**
 * Turn one parsed record into an article, or a problem. `origin` is where the
 * article will say it came from (e.g. "batch.jsonl:7"); problems name
 * `problemOrigin` and `line` instead, so the file and line stay apart.
 */
export function ingestRecord(
  record: unknown,
  origin: string,
  problemOrigin: string,
  line: number | null,
  defaults: IngestOptions = {},
): IngestedArticle | InputProblem {
  const where = (message: string): InputProblem => problem(problemOrigin, line, message);
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return where('expected a JSON object with "text" or "html"');
  }
  const r = record as Record<string, unknown>;
  const hasText = typeof r.text === 'string';
  const hasHtml = typeof r.html === 'string';
  if (!hasText && !hasHtml) return where('missing "text" or "html" (a string)');
  if (r.id != null && typeof r.id !== 'string' && typeof r.id !== 'number') return where('"id" must be a string or number');
  if (r.published != null && (typeof r.published !== 'string' || !isIsoDay(r.published))) {
    return where(`bad published date ${JSON.stringify(r.published)} (want YYYY-MM-DD)`);
  }
  for (const f of STRING_FIELDS) {
    if (r[f] != null && typeof r[f] !== 'string') return where(`"${f}" must be a string`);
  }
  const opts: IngestOptions = {
    id: r.id != null ? String(r.id) : defaults.id,
    published: (r.published as string | null | undefined) ?? defaults.published,
    title: (r.title as string | null | undefined) ?? defaults.title,
    url: (r.url as string | null | undefined) ?? defaults.url,
    source: (r.source as string | null | undefined) ?? defaults.source,
  };
  // With both, "text" wins: offsets must index the text the caller gave.
  const result = hasText ? ingestText(r.text as string, origin, opts) : ingestHtml(r.html as string, origin, opts);
  return 'message' in result ? where(result.message) : result;
}

/**
 * What ends a line of a batch: LF, CRLF or a bare CR (old Mac files). JSON
 * writes a CR inside a string as an escape, so a raw one always ends a line.
 */
export const JSONL_LINE_END = /\r\n|\n|\r/;

/** Ingest a JSONL batch: articles and problems in line order. Blank lines are skipped. */
export function ingestJsonl(content: string, origin: string, opts: IngestOptions = {}): (IngestedArticle | InputProblem)[] {
  return [...jsonlItems(content, origin, opts)];
}

/**
 * The articles and problems of a JSONL batch one line at a time, as they are asked for: a
 * batch of 19k articles is never held as 19k analysed-ready articles (nor as 19k line strings).
 */
export function* jsonlItems(content: string, origin: string, opts: IngestOptions = {}): Generator<IngestedArticle | InputProblem> {
  const ends = new RegExp(JSONL_LINE_END.source, 'g');
  let from = 0;
  for (let line = 1; from <= content.length; line++) {
    ends.lastIndex = from;
    const m = ends.exec(content);
    const to = m ? m.index : content.length;
    const raw = content.slice(from, to);
    from = m ? m.index + m[0].length : content.length + 1;
    // A byte order mark opens the file, and a later line too where batches were joined with cat.
    const s = raw.replace(/^\uFEFF/, '');
    if (s.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(s);
    } catch (err) {
      yield problem(origin, line, `malformed JSON: ${(err as Error).message}`);
      continue;
    }
    yield ingestRecord(record, `${origin}:${line}`, origin, line, opts);
  }
}

/** Ingest a `.json` file: one record, or an array of records (problems name the item). */
export function ingestJson(content: string, origin: string, opts: IngestOptions = {}): (IngestedArticle | InputProblem)[] {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    return [problem(origin, null, `malformed JSON: ${(err as Error).message}`)];
  }
  if (!Array.isArray(value)) return [ingestRecord(value, origin, origin, null, opts)];
  if (value.length === 0) return [problem(origin, null, 'empty JSON array: no articles')];
  return value.map((record, i) => {
    const r = ingestRecord(record, `${origin}[${i}]`, origin, null, opts);
    return 'message' in r ? { ...r, message: `item ${i}: ${r.message}` } : r;
  });
}
