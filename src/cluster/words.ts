/**
 * words: the words of a report's evidence and how telling each is. Two reports of one happening
 * share its rare words (a platform's or a town's name, "Silkworm", "Kitty Hawk") more than their
 * common ones ("said", "Monday"); how rare a word is comes from its count in general English
 * (data/word-sentences.tsv, `npm run train:idf`), never from the reports being merged, so a
 * report weighs the same against any store, in any order.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../util/data.js';

/** The lower-case words of a text (letters and digits; one-letter words carry nothing). */
export function evidenceWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
}

type Stem = (word: string) => string;
let stem: Stem | null = null;
/** Porter2, the stemmer of the wink-nlp model the pipeline already runs; loaded on first use. */
const stemmer = (): Stem => (stem ??= (createRequire(import.meta.url)('wink-eng-lite-web-model') as { addons: { stem: Stem } }).addons.stem);

/**
 * The terms two reports are compared by: each word by its stem ("retaliation", "retaliatory" and
 * "retaliate" → `retali`, "attacks" and "attacked" → `attack`), numbers as written, so two reports
 * telling one act in other forms of its words still share them. Each term comes with its word.
 */
export function evidenceTerms(text: string): Array<{ term: string; word: string }> {
  const stemOf = stemmer();
  return evidenceWords(text).map((word) => ({ term: /\d/.test(word) ? word : stemOf(word), word }));
}

/** In how many sentences of the training text each term occurs. */
export function sentenceCounts(sentences: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of new Set(evidenceTerms(s).map((t) => t.term))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Words met in fewer sentences are left out of the file: they weigh about as much as an unseen word (a rare word is a telling one). */
export const MIN_SENTENCES = 3;

/** data/word-sentences.tsv from the counts: the same counts give the same bytes (rows sorted by word). */
export function wordSentencesTsv(counts: ReadonlyMap<string, number>, sentences: number): string {
  const rows = [...counts].filter(([, n]) => n >= MIN_SENTENCES).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    '# In how many sentences of UD English EWT train (Silveira et al. 2014, CC BY-SA 4.0) each word stem',
    `# (Porter2, of lower-case words) occurs, for stems met in at least ${MIN_SENTENCES}; written by \`npm run train:idf\` (src/cluster/train-idf.ts).`,
    '# Cross-article merging weighs a word two reports share by how rare it is (src/cluster/words.ts).',
    `# sentences: ${sentences}`,
    'word\tsentences',
    ...rows.map(([w, n]) => `${w}\t${n}`),
  ].join('\n') + '\n';
}

export interface WordRarity {
  sentences: number;
  counts: Map<string, number>;
}

/** The counts in a data/word-sentences.tsv text. */
export function parseWordSentences(text: string): WordRarity {
  const total = Number(/^# sentences: (\d+)$/m.exec(text)?.[1] ?? NaN);
  if (!Number.isFinite(total) || total <= 0) throw new Error('word-sentences.tsv: no "# sentences: N" line');
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('word\t')) continue;
    const [w, n] = line.split('\t');
    counts.set(w, Number(n));
  }
  return { sentences: total, counts };
}

let rarity: WordRarity | null = null;
const loadRarity = (): WordRarity => (rarity ??= parseWordSentences(readFileSync(dataPath('word-sentences.tsv'), 'utf8')));

/**
 * How telling a word is: its inverse sentence frequency, ln((N + 1) / (n + 1)), n its count in
 * general English (0 for a word not listed). "the" weighs about 0.6, "attack" 6, a platform's name 9.6.
 */
export function wordWeight(word: string, r: WordRarity = loadRarity()): number {
  return Math.log((r.sentences + 1) / ((r.counts.get(word) ?? 0) + 1));
}

/** A text as a set of words with their weights. */
export type WordVector = Map<string, number>;

/** Terms with their weights; `leaveOut` drops the terms read from those words (day names, say). */
export function termVector(terms: ReadonlyArray<{ term: string; word: string }>, r?: WordRarity, leaveOut?: ReadonlySet<string>): WordVector {
  const v: WordVector = new Map();
  for (const { term, word } of terms) if (!v.has(term) && !leaveOut?.has(word)) v.set(term, wordWeight(term, r));
  return v;
}

/** A text's terms with their weights. */
export const wordVector = (text: string, r?: WordRarity): WordVector => termVector(evidenceTerms(text), r);

/**
 * Cosine of two word sets weighted by rarity (each word once: one sentence seldom repeats a telling
 * word); 0 when either is empty. The same either way round, to the last bit: the shared words are
 * summed in one order (a merge decision must not turn on which report came first).
 */
export function cosine(a: WordVector, b: WordVector): number {
  const shared = [...a.keys()].filter((w) => b.has(w)).sort();
  let dot = 0;
  for (const w of shared) dot += a.get(w)! * b.get(w)!;
  const norm = (v: WordVector) => { let n = 0; for (const x of v.values()) n += x * x; return n; };
  const na = norm(a), nb = norm(b);
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
