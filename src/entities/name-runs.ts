/**
 * Name runs: maximal sequences of capitalised tokens in a sentence, with the
 * lower-case glue that names carry inside them ("Office of Foreign Assets
 * Control", "Abu Mahdi al-Muhandis", "Bagheri-Kani", "Commander-in-Chief").
 * Runs are candidates; classify.ts decides what each one is.
 */
import type { Sentence, Token } from '../doc/types.js';

export interface Run {
  /** Token indices [first, last] inclusive, into Doc.tokens. */
  first: number;
  last: number;
}

/** Lower-case words that may sit inside a name between capitalised words. */
const INNER_GLUE = new Set(['of', 'for', 'the', 'al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az', 'ud', 'bin', 'ibn', 'bint', 'de', 'da', 'di', 'du', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'on', 'and']);
/** Particles that are also everyday English words: glue only when hyphened to the next word. */
const ENGLISH_PARTICLES = new Set(['at', 'as', 'an', 'ad', 'ash', 'ar']);
/** Glue allowed only right after one of these words ("of the", "for the"). */
const AFTER_OF = new Set(['the']);
/** Glue that starts a name on its own: "al-Muhandis", "bin Salman". */
const LEADING_PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'an', 'ar', 'at', 'az', 'bin', 'ibn', 'de', 'van', 'von']);
const CALENDAR_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const CLOSED_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'NUM', 'INTJ']);

export function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word);
}

function glued(tokens: Token[], a: number, b: number): boolean {
  return tokens[a].end === tokens[b].start;
}

/**
 * Is token i a capitalised word that can be part of a name? A sentence-initial
 * word counts only when the tagger calls it a proper noun or `known` says it is
 * a name-ish word (demonym, title, place), since every sentence starts with a capital.
 */
function nameWord(text: string, tokens: Token[], i: number, sentenceStart: number, known: (w: string) => boolean, common: (w: string) => boolean = () => false): boolean {
  const t = tokens[i];
  const word = text.slice(t.start, t.end);
  if (!isCapitalised(word)) return false;
  if (!/\p{L}/u.test(word)) return false;
  // Months and weekdays are times, not names ("on January 7").
  if (CALENDAR_WORDS.has(t.normal)) return false;
  if (CLOSED_POS.has(t.pos) && !/^[\p{Lu}]{2,}$/u.test(word) && !known(word)) return false;
  const atStart = i === sentenceStart || isOpeningPunct(text, tokens[i - 1]);
  // The tagger calls most sentence-opening words proper nouns; a common word there is no name ("Talks", "Hours").
  if (atStart && (t.pos !== 'PROPN' || common(word.toLowerCase())) && !known(word)) return false;
  // Nor is a known place that is also a common word there ("Most were released", not the town of Most).
  if (atStart && t.pos !== 'PROPN' && common(word.toLowerCase()) && !/^[\p{Lu}.]{2,}$/u.test(word)) return false;
  return true;
}

function isOpeningPunct(text: string, t: Token): boolean {
  return /^[“"‘'(\[«:—–]$/.test(text.slice(t.start, t.end));
}

/** Find name runs in one sentence. `known` says whether a capitalised word is a known name word. */
export function findNameRuns(text: string, tokens: Token[], sentence: Sentence, known: (w: string) => boolean, common: (w: string) => boolean = () => false): Run[] {
  const runs: Run[] = [];
  const { tokenStart, tokenEnd } = sentence;
  let i = tokenStart;
  while (i < tokenEnd) {
    const startsWithParticle = LEADING_PARTICLES.has(tokens[i].normal) && i + 2 < tokenEnd
      && text.slice(tokens[i + 1].start, tokens[i + 1].end) === '-' && glued(tokens, i, i + 1) && glued(tokens, i + 1, i + 2)
      && isCapitalised(text.slice(tokens[i + 2].start, tokens[i + 2].end));
    if (!startsWithParticle && !nameWord(text, tokens, i, tokenStart, known, common)) { i++; continue; }
    let last = startsWithParticle ? i + 2 : i;
    let j = last + 1;
    while (j < tokenEnd) {
      const word = text.slice(tokens[j].start, tokens[j].end);
      // A possessive inside a name: "People's Republic of Korea", "Kurdistan Workers' Party".
      if ((word === '’s' || word === "'s" || word === '’' || word === "'") && glued(tokens, j - 1, j) && j + 1 < tokenEnd
        && (tokens[j - 1].normal === 'people' || (word.length === 1 && /s$/.test(tokens[j - 1].normal)))
        && isCapitalised(text.slice(tokens[j + 1].start, tokens[j + 1].end))) {
        last = j + 1; j += 2; continue;
      }
      // Hyphen-glued pieces: "Bagheri-Kani", "al-Muhandis", "Commander-in-Chief", "Iranian-backed".
      if (word === '-' && glued(tokens, j - 1, j) && j + 1 < tokenEnd && glued(tokens, j, j + 1)) {
        const next = text.slice(tokens[j + 1].start, tokens[j + 1].end);
        if (/^\p{L}/u.test(next) && (isCapitalised(next) || LEADING_PARTICLES.has(next.toLowerCase()) || next === 'in' || next === 'de')) {
          // keep going through lower-case hyphen pieces only if a capital follows eventually
          let k = j + 1;
          while (k + 2 < tokenEnd && !isCapitalised(text.slice(tokens[k].start, tokens[k].end))
            && text.slice(tokens[k + 1].start, tokens[k + 1].end) === '-' && glued(tokens, k, k + 1) && glued(tokens, k + 1, k + 2)) k += 2;
          if (isCapitalised(text.slice(tokens[k].start, tokens[k].end))) { last = k; j = k + 1; continue; }
        }
        break;
      }
      if (nameWord(text, tokens, j, tokenStart, known)) { last = j; j++; continue; }
      // Lower-case glue followed (possibly after more glue) by a capitalised word. A particle that is
      // also an English word ("at", "as", "an") is glue only hyphened ("Abd at-Tawwab"), never in
      // "Switzerland at Slovak Republic".
      const hyphened = j + 1 < tokenEnd && text.slice(tokens[j + 1].start, tokens[j + 1].end) === '-' && glued(tokens, j, j + 1);
      if ((INNER_GLUE.has(word) && (!ENGLISH_PARTICLES.has(word) || hyphened)) || (AFTER_OF.has(word) && ['of', 'for'].includes(tokens[j - 1].normal))) {
        let k = j;
        while (k < tokenEnd && (INNER_GLUE.has(text.slice(tokens[k].start, tokens[k].end)) || text.slice(tokens[k].start, tokens[k].end) === '-')) k++;
        if (k < tokenEnd && k - j <= 3 && nameWord(text, tokens, k, tokenStart, known)) {
          // "and" joins two names ("the US and Iran") more often than it sits inside one;
          // keep it only between words of an organisation's name, decided later.
          if (word === 'and') break;
          last = k; j = k + 1; continue;
        }
      }
      break;
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return runs;
}
