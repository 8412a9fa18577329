/**
 * Reading CoNLL-style NER files: one token per line with its tag in the last
 * column (space- or tab-separated), blank lines between sentences, and
 * "-DOCSTART-" lines between documents. Tags come back as BIO. Type names can
 * be mapped (CrossNER's "politician" → PER); unmapped types become O, and a
 * type mapped to DROP drops every sentence that has it (its words would teach
 * the wrong thing).
 */
import { readFileSync } from 'node:fs';
import { toBio } from './tags.js';

export const DROP = '!drop';

export interface TaggedSentence {
  words: string[];
  tags: string[];
  /** Which document of the file the sentence is in (counted by -DOCSTART- lines). */
  doc: number;
}

/** Parse CoNLL text into sentences with BIO tags. */
export function parseConll(text: string, typeMap?: Readonly<Record<string, string | null>>): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let words: string[] = [];
  let raw: string[] = [];
  let dropped = false;
  let doc = 0;
  const flush = (): void => {
    if (words.length > 0 && !dropped) out.push({ words, tags: toBio(raw), doc });
    words = [];
    raw = [];
    dropped = false;
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') { flush(); continue; }
    const cols = trimmed.split(/[ \t]+/);
    if (cols[0] === '-DOCSTART-') { flush(); doc++; continue; }
    let tag = cols.length > 1 ? cols[cols.length - 1] : 'O';
    if (typeMap && tag !== 'O') {
      const mapped = typeMap[tag.slice(2)];
      if (mapped === DROP) dropped = true;
      tag = mapped ? tag.slice(0, 2) + mapped : 'O';
    }
    words.push(cols[0]);
    raw.push(tag);
  }
  flush();
  return out;
}

export function readConll(path: string, typeMap?: Readonly<Record<string, string | null>>): TaggedSentence[] {
  return parseConll(readFileSync(path, 'utf8'), typeMap);
}
