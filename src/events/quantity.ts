/**
 * How many: the number phrase that starts at a token — "12", "1,200", "twenty-five", "two
 * hundred", "a dozen", "dozens", "at least 12", "more than 300", "up to 40", "nearly 50" — read
 * as a range (min, max; max null when open), with its words (data/quantity-words.tsv).
 */
import { loadTsv } from '../util/data.js';

export interface WordToken { text: string; lower: string; start: number; end: number }

export interface Quantity { min: number; max: number | null; first: number; last: number }

interface QuantityWord { min: number; max: number | null; kind: 'number' | 'multiplier' | 'vague' | 'none' | 'article' }

let words: Map<string, QuantityWord> | null = null;

function quantityWords(): Map<string, QuantityWord> {
  words ??= new Map(loadTsv('quantity-words.tsv').map((r) => [r.word, {
    min: Number(r.min), max: r.max === '' ? null : Number(r.max), kind: r.kind as QuantityWord['kind'],
  }]));
  return words;
}

/** Words and numbers of a text with their offsets; "1,200" and "twenty-five" stay one token. */
export function wordTokens(text: string, offset = 0): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[\p{L}]+(?:[-'’][\p{L}]+)*|[^\s\p{L}\d]/gu)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: offset + (m.index as number), end: offset + (m.index as number) + m[0].length });
  }
  return out;
}

/** Qualifiers before a number and what they do to it. */
const AT_LEAST = [['at', 'least'], ['more', 'than'], ['over'], ['upwards', 'of'], ['in', 'excess', 'of']];
const AT_MOST = [['up', 'to'], ['as', 'many', 'as'], ['fewer', 'than'], ['less', 'than'], ['at', 'most']];
const ABOUT = [['about'], ['around'], ['nearly'], ['almost'], ['some'], ['roughly'], ['approximately'], ['an', 'estimated'], ['estimated'], ['close', 'to']];

function startsWith(tokens: WordToken[], i: number, seq: string[]): boolean {
  return seq.every((w, k) => tokens[i + k]?.lower === w);
}

/** The value of one number word or hyphenated pair ("twenty-five"), or null. */
function numberWord(lower: string): number | null {
  const q = quantityWords();
  const plain = q.get(lower);
  if (plain?.kind === 'number') return plain.min;
  const parts = lower.split('-');
  if (parts.length === 2) {
    const [tens, ones] = parts.map((p) => q.get(p));
    if (tens?.kind === 'number' && ones?.kind === 'number' && tens.min >= 20 && tens.min % 10 === 0 && ones.min < 10) return tens.min + ones.min;
  }
  return null;
}

/** The bare quantity at token i (no qualifier): a value or a vague range, with the index of its last token. */
function bareQuantity(tokens: WordToken[], i: number): Quantity | null {
  const t = tokens[i];
  if (!t) return null;
  const q = quantityWords();
  if (/^\d/.test(t.text)) {
    const n = Number(t.text.replace(/,/g, ''));
    if (!Number.isFinite(n) || !Number.isInteger(n)) return null;
    const mult = q.get(tokens[i + 1]?.lower ?? '');
    if (mult?.kind === 'multiplier') return { min: n * mult.min, max: n * mult.min, first: i, last: i + 1 };
    return { min: n, max: n, first: i, last: i };
  }
  // "tens of thousands", "hundreds of people"
  if (t.lower === 'tens' && tokens[i + 1]?.lower === 'of' && tokens[i + 2]?.lower === 'thousands') return { min: 20000, max: null, first: i, last: i + 2 };
  const word = q.get(t.lower);
  if (word?.kind === 'vague') {
    // "a few", "a couple of": the article belongs to the vague word.
    return { min: word.min, max: word.max, first: i, last: tokens[i + 1]?.lower === 'of' && word.min === 2 && word.max === 2 ? i + 1 : i };
  }
  if (word?.kind === 'article') {
    const next = q.get(tokens[i + 1]?.lower ?? '');
    // "a dozen", "a hundred", "a few", "a couple of"
    if (next?.kind === 'multiplier') return { min: next.min, max: next.max, first: i, last: i + 1 };
    if (next?.kind === 'vague') return { ...(bareQuantity(tokens, i + 1) as Quantity), first: i };
    return null;
  }
  const n = numberWord(t.lower);
  if (n === null) return null;
  const mult = q.get(tokens[i + 1]?.lower ?? '');
  if (mult?.kind === 'multiplier') return { min: n * mult.min, max: n * mult.min, first: i, last: i + 1 };
  return { min: n, max: n, first: i, last: i };
}

/** The quantity phrase starting at token i, qualifiers included; null when none starts there. */
export function quantityAt(tokens: WordToken[], i: number): Quantity | null {
  for (const [list, effect] of [[AT_LEAST, 'least'], [AT_MOST, 'most'], [ABOUT, 'about']] as const) {
    for (const seq of list) {
      if (!startsWith(tokens, i, seq)) continue;
      const q = bareQuantity(tokens, i + seq.length);
      if (!q) continue;
      const exclusive = seq[0] === 'more' || seq[0] === 'over' || seq[0] === 'fewer' || seq[0] === 'less';
      if (effect === 'least') return { min: exclusive && seq[0] === 'more' ? q.min + 1 : q.min, max: null, first: i, last: q.last };
      if (effect === 'most') return { min: 0, max: exclusive ? Math.max(0, (q.max ?? q.min) - 1) : q.max ?? q.min, first: i, last: q.last };
      return { ...q, first: i };
    }
  }
  return bareQuantity(tokens, i);
}

/** "no", "nobody", "none", "no one": nobody at token i (first and last token), or null. */
export function noneAt(tokens: WordToken[], i: number): { first: number; last: number } | null {
  const t = tokens[i];
  if (!t || quantityWords().get(t.lower)?.kind !== 'none') return null;
  if (t.lower === 'no' && tokens[i + 1]?.lower === 'one') return { first: i, last: i + 1 };
  return { first: i, last: i };
}
