/**
 * The parse stage: every sentence of the document through the dependency parser, over acta's
 * own tokens. A sentence the parser should not take — longer than MAX_PARSE_TOKENS, no word at
 * all, or a table row of numbers and symbols — is left unparsed with the reason, and the stages
 * after fall back to reading word windows there.
 */
import type { Dependency, Sentence, SyntaxLayer, Token } from '../doc/types.js';
import { MAX_PARSE_TOKENS, parseSentence, type ParserToken } from './index.js';

export interface ParseInput {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
}

/** Shortest sentence that can be a table row rather than prose. */
const TABLE_MIN_TOKENS = 8;
/** Share of number-or-symbol tokens above which a sentence reads as a table row, not prose. */
const TABLE_SHARE = 0.6;

const HAS_LETTER = /\p{L}/u;

/** Why a sentence is not parsed, or null when it should be. */
export function unparsableReason(forms: readonly string[]): string | null {
  if (forms.length > MAX_PARSE_TOKENS) return `longer than ${MAX_PARSE_TOKENS} tokens (${forms.length})`;
  const words = forms.filter((f) => HAS_LETTER.test(f)).length;
  if (words === 0) return 'no words';
  if (forms.length >= TABLE_MIN_TOKENS && (forms.length - words) / forms.length > TABLE_SHARE) return 'mostly numbers and symbols';
  return null;
}

export function parseDoc(doc: ParseInput): SyntaxLayer {
  const deps: (Dependency | null)[] = new Array(doc.tokens.length).fill(null);
  const unparsed: SyntaxLayer['unparsed'] = [];
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    // A line break inside a sentence (a hard-wrapped wire) is no word: the parser, trained on
    // words, reads the words around it; the break hangs on the word after it.
    const tokens: ParserToken[] = [];
    const words: number[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      const form = doc.text.slice(t.start, t.end);
      if (!/\S/.test(form)) continue;
      tokens.push({ form, pos: t.pos, lemma: t.lemma });
      words.push(i);
    }
    const reason = unparsableReason(tokens.map((t) => t.form));
    const parsed = reason ? null : parseSentence(tokens);
    if (!parsed) {
      unparsed.push({ sentence: s.index, reason: reason ?? 'the parser gave no tree' });
      continue;
    }
    parsed.forEach((w, k) => {
      deps[words[k]] = { head: w.head === 0 ? -1 : words[w.head - 1], rel: w.deprel, upos: tokens[k].pos };
    });
    for (let i = s.tokenStart, next = 0; i < s.tokenEnd; i++) {
      while (next < words.length && words[next] < i) next++;
      if (deps[i]) continue;
      const host = words[next] ?? words[words.length - 1];
      deps[i] = { head: host, rel: 'dep', upos: doc.tokens[i].pos };
    }
  }
  return { deps, unparsed };
}
