/**
 * How a word is usually written in running text, learned from unlabelled news.
 * A word written with a capital mid-sentence nearly always ("Reuters",
 * "Kohl") is likely a name; one nearly always written in lower case ("punk",
 * "give", "sales") is likely not, even where a title or a heading capitalises
 * it. CoNLL's labelled words are too few to know this for most of the
 * vocabulary; plain news text knows it for tens of thousands of words.
 *
 * The table maps a word's lower-case form to a class: its capitalised share
 * of mid-sentence uses in five buckets, times two for frequent/rare. Words
 * seen fewer than MIN_USES times mid-sentence are left out (their class is
 * "unknown"). The table travels inside the model file (model.ts), so tagging
 * needs no corpus; training rebuilds it from the corpora every time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CaseTable = ReadonlyMap<string, number>;

/** Class of a word the table does not know. */
export const CASE_UNKNOWN = 10;
const MIN_USES = 3;
const FREQUENT = 50;

/** Bucket of the capitalised share: 0 always lower … 4 always capitalised. */
function shareBucket(capitalised: number, uses: number): number {
  const p = capitalised / uses;
  return p < 0.02 ? 0 : p < 0.3 ? 1 : p < 0.7 ? 2 : p < 0.98 ? 3 : 4;
}

const WORD = /\p{L}[\p{L}\p{M}'’.-]*\p{L}|\p{L}/gu;
const SENTENCE_END = /[.!?:;"”)]\s*$/;

/** Whether a text is written in mixed case (some wire stories are all capitals). */
function mixedCase(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length && i < 2000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return lower > upper * 2;
}

/** Counts of mid-sentence uses, [capitalised, all], per lower-case form. */
export function countCase(texts: Iterable<string>): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const text of texts) {
    if (!mixedCase(text)) continue;
    // Paragraphs (blank lines) and sentence punctuation start sentences; a lone line break does not.
    for (const para of text.split(/\n\s*\n/)) {
      let last = 0;
      let sentenceStart = true;
      for (const m of para.matchAll(WORD)) {
        const between = para.slice(last, m.index);
        if (SENTENCE_END.test(between)) sentenceStart = true;
        last = m.index + m[0].length;
        const word = m[0];
        if (sentenceStart) { sentenceStart = false; continue; }
        const key = word.toLowerCase();
        let c = counts.get(key);
        if (!c) { c = [0, 0]; counts.set(key, c); }
        if (word[0] !== key[0]) c[0]++;
        c[1]++;
      }
    }
  }
  return counts;
}

/** The class table from counts, in sorted key order (so it serialises the same every time). */
export function caseTableOf(counts: ReadonlyMap<string, readonly [number, number]>): Map<string, number> {
  const table = new Map<string, number>();
  for (const key of [...counts.keys()].sort()) {
    const [cap, uses] = counts.get(key)!;
    if (uses < MIN_USES) continue;
    table.set(key, shareBucket(cap, uses) * 2 + (uses >= FREQUENT ? 1 : 0));
  }
  return table;
}

/** Texts of the unlabelled corpora under `shared`: Reuters-21578 bodies and BBC News articles. */
export function* unlabelledTexts(shared: string): Generator<string> {
  const reuters = join(shared, 'eval/corpus/reuters21578');
  if (existsSync(reuters)) {
    for (const f of readdirSync(reuters).filter((x) => x.endsWith('.json')).sort()) {
      const docs = JSON.parse(readFileSync(join(reuters, f), 'utf8')) as { body?: string }[];
      for (const d of docs) if (d.body) yield d.body;
    }
  }
  const bbc = join(shared, 'eval/corpus/bbc-news');
  if (existsSync(bbc)) {
    for (const section of readdirSync(bbc).sort()) {
      const dir = join(bbc, section);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
        // The first line is the headline, written in its own style.
        const text = readFileSync(join(dir, f), 'utf8');
        yield text.slice(text.indexOf('\n') + 1);
      }
    }
  }
}

/** Table as text: one line per class, its words separated by spaces (compresses well). */
export function encodeCaseTable(table: CaseTable): string {
  const byClass = new Map<number, string[]>();
  for (const [w, c] of table) {
    if (/\s/.test(w)) continue;
    let list = byClass.get(c);
    if (!list) { list = []; byClass.set(c, list); }
    list.push(w);
  }
  return [...byClass.keys()].sort((a, b) => a - b).map((c) => c + ' ' + byClass.get(c)!.join(' ')).join('\n');
}

export function decodeCaseTable(text: string): Map<string, number> {
  const table = new Map<string, number>();
  if (text === '') return table;
  for (const line of text.split('\n')) {
    const parts = line.split(' ');
    const c = Number(parts[0]);
    for (let k = 1; k < parts.length; k++) table.set(parts[k], c);
  }
  return table;
}
