/** Pieces every input kind shares: the article hash, options, problems, units of text. */
import { createHash } from 'node:crypto';
import type { DroppedSpan, InputProblem, IngestedArticle, Span } from '../doc/types.js';
import type { Unit } from './layout.js';

/** What a caller may already know about an article (JSONL fields, CLI flags). */
export interface IngestOptions {
  /** Publication date, YYYY-MM-DD; wins over a date found in the article. */
  published?: string | null;
  /** The caller's id; the article hash when absent. */
  id?: string | null;
  /** Title; wins over a title found in the article. */
  title?: string | null;
  url?: string | null;
  source?: string | null;
}

/** sha256 of the text as given, hex, first 16 chars: an article's identity. */
export function articleHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export function problem(origin: string, line: number | null, message: string): InputProblem {
  return { origin, line, message };
}

/** Tell a problem from an article (a problem has a message and no text). */
export function isProblem(x: IngestedArticle | InputProblem): x is InputProblem {
  return typeof (x as InputProblem).message === 'string' && !('text' in x);
}

/** "path:line: message", the one-line form for logs and stderr. */
export function formatProblem(p: InputProblem): string {
  return `${p.origin}${p.line !== null ? `:${p.line}` : ''}: ${p.message}`;
}

/** A non-empty trimmed string, else null. */
export function nonEmpty(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/**
 * The lines of a text with their offsets, trimmed of surrounding white space
 * (blank lines are left out), each tagged with its blank-line-separated block.
 * Any of \r\n, \n and \r ends a line; offsets index the text as given.
 */
export function textLines(text: string): Unit[] {
  const units: Unit[] = [];
  const lineEnd = /\r\n|\n|\r/g;
  let block = 0;
  let pos = 0;
  let sawBlank = false;
  while (pos <= text.length) {
    lineEnd.lastIndex = pos;
    const m = lineEnd.exec(text);
    const end = m ? m.index : text.length;
    let s = pos;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (s === e) {
      sawBlank = true;
    } else {
      if (sawBlank && units.length) block++;
      sawBlank = false;
      units.push({ start: s, end: e, block });
    }
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return units;
}

/** What an input kind found about an article, before the caller's options override it. */
export interface FoundMeta {
  title: string | null;
  author: string | null;
  published: string | null;
  source?: string | null;
  url?: string | null;
}

/**
 * The finished article: identity from the text's hash (or the caller's id), the
 * caller's options winning over what the text says, dropped spans in text order.
 */
export function finishArticle(text: string, origin: string, opts: IngestOptions, found: FoundMeta,
  body: Span[], dropped: DroppedSpan[], titleSpan: Span | null): IngestedArticle {
  const hash = articleHash(text);
  return {
    meta: {
      id: nonEmpty(opts.id) ?? hash,
      hash,
      title: nonEmpty(opts.title) ?? found.title,
      author: found.author,
      published: opts.published ?? found.published,
      source: nonEmpty(opts.source) ?? found.source ?? null,
      url: nonEmpty(opts.url) ?? found.url ?? null,
      origin,
    },
    text,
    body,
    dropped: [...dropped].sort((a, b) => a.start - b.start),
    titleSpan,
  };
}
