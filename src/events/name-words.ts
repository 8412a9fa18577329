/**
 * A trigger word that begins or continues a known name is part of that name, even where the
 * entity tagger cut the name short: in "Amnesty International UK also questioned …" the tagger may
 * find only "International UK", yet "Amnesty" is no amnesty (CONCEDE) but the first word of
 * "Amnesty International", an actor of data/actors.tsv. The runs of capitalised words through the
 * trigger are looked up in the actor lexicon; the events stage skips a trigger inside one.
 */
import type { Token } from '../doc/types.js';
import type { Lexicon } from '../entities/lexicon.js';

/** The longest name of words looked up: "Guantanamo Human Rights Commission". */
const MAX_NAME_WORDS = 5;

const capitalised = (text: string, t: Token) => /^\p{Lu}/u.test(text.slice(t.start, t.end));

/**
 * Does token i lie in a run of capitalised words (within the sentence [start, end)) that the
 * lexicon knows as an actor's name? A capitalised word alone is not looked up: "Attack" opening a
 * sentence is the word.
 */
export function inKnownName(text: string, tokens: readonly Token[], i: number, start: number, end: number, lex: Lexicon): boolean {
  if (!capitalised(text, tokens[i])) return false;
  for (let from = Math.max(start, i - MAX_NAME_WORDS + 1); from <= i; from++) {
    if (!tokens.slice(from, i + 1).every((t) => capitalised(text, t))) continue;
    for (let to = Math.max(i, from + 1); to < Math.min(end, from + MAX_NAME_WORDS); to++) {
      if (!capitalised(text, tokens[to])) break;
      if (lex.actor(text.slice(tokens[from].start, tokens[to].end), null)) return true;
    }
  }
  return false;
}
