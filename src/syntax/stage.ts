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
    const tokens: ParserToken[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      tokens.push({ form: doc.text.slice(t.start, t.end), pos: t.pos, lemma: t.lemma });
    }
    const reason = unparsableReason(tokens.map((t) => t.form));
    const words = reason ? null : parseSentence(tokens);
    if (!words) {
      unparsed.push({ sentence: s.index, reason: reason ?? 'the parser gave no tree' });
      continue;
    }
    words.forEach((w, k) => {
      deps[s.tokenStart + k] = { head: w.head === 0 ? -1 : s.tokenStart + w.head - 1, rel: w.deprel, upos: tokens[k].pos };
    });
  }
  return { deps, unparsed };
}
