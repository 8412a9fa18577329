/**
 * Names a sentence defines. English says what kind of thing a name is with a
 * copula or an apposition and a kind noun: "Atwick is a village in …", "The
 * Mad Capsule Markets are a Japanese punk band", "Chamicuro is a critically
 * endangered language", "Zorbak, a small town near …", "Hal Pruitt, an
 * American novelist, …". The kind noun (data/kind-words.tsv) gives the name's type, which
 * outweighs what the tagger guessed from the name alone; the document memory
 * (document.ts) keeps it for the name's later mentions.
 */
import { loadTsv } from '../../util/data.js';
import { givenName } from '../../actors/knowledge.js';
import { spansFromTags, type BioTag, type EntityKind, type WordSpan } from './tags.js';

let kinds: Map<string, EntityKind> | null = null;

/** The type a kind noun or two-word kind phrase (or its plural) gives a name it defines, or null. */
export function kindWord(phrase: string): EntityKind | null {
  if (!kinds) {
    kinds = new Map();
    for (const r of loadTsv('kind-words.tsv')) if (!kinds.has(r.words)) kinds.set(r.words, r.type as EntityKind);
  }
  const key = phrase.toLowerCase();
  const kind = kinds.get(key);
  if (kind) return kind;
  // Plurals: "one of the oldest universities", "two villages".
  if (key.endsWith('ies')) return kinds.get(key.slice(0, -3) + 'y') ?? null;
  if (key.endsWith('s')) return kinds.get(key.slice(0, -1)) ?? (key.endsWith('es') ? kinds.get(key.slice(0, -2)) ?? null : null);
  return null;
}

const COPULA = new Set(['is', 'was', 'are', 'were']);
const ADVERB = new Set(['also', 'now', 'currently', 'originally', 'once', 'still', 'formerly', 'today']);
const DETERMINER = new Set(['a', 'an', 'the']);
/** Words after which the noun phrase has ended: prepositions, relatives, participles that open a modifier, punctuation. */
const PHRASE_END = new Set([
  'of', 'in', 'on', 'at', 'from', 'by', 'with', 'for', 'to', 'near', 'within', 'between', 'into', 'under', 'over', 'since', 'during', 'and', 'or',
  'that', 'which', 'who', 'whose', 'where', 'when', 'whom', 'located', 'based', 'founded', 'formed', 'born', 'situated', 'known', 'named', 'called',
  ',', '.', ';', ':', '(', ')', '"', "'", '--',
]);
/** Verbs that make "X, the ministry said" a report, not an apposition. */
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'reported', 'reports', 'announced', 'stated', 'wrote', 'quoted', 'according', 'cited', 'warned', 'confirmed']);
/** How far the noun phrase after the determiner is read. */
const PHRASE_WORDS = 8;

function capitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

/**
 * The kind the noun phrase starting at word `i` names. After a copula ("X is
 * a …"), its last kind noun before the phrase ends ("a small village and civil
 * parish in" → parish; "an endangered language spoken by" → language). In an
 * apposition (`apposition`: "X, a …, …"), only its head, the word where it
 * ends, and not in a report ("X, the ministry said"). A kind noun followed by
 * a capitalised word is part of a name ("the Boxer Rising"), one before "'s"
 * the owner ("the army's director"); neither counts. A comma ends the phrase
 * once a kind noun is seen ("a private, Roman Catholic high school in").
 */
export function kindOfPhrase(words: readonly string[], i: number, apposition = false): EntityKind | null {
  let found: EntityKind | null = null;
  let k = i;
  for (; k < words.length && k < i + PHRASE_WORDS; k++) {
    const w = words[k].toLowerCase();
    if (w === ',' && !found && !apposition) continue;
    if (PHRASE_END.has(w)) break;
    if (w === "'s") { found = null; continue; }
    // A second noun phrase ("X, the Volgograd side have a game …"): no apposition.
    if (apposition && DETERMINER.has(w)) return null;
    const kind = (k > i ? kindWord(words[k - 1] + ' ' + w) : null) ?? kindWord(w);
    if (kind) found = kind;
    else if (capitalised(words[k]) || apposition) found = null;
  }
  if (!apposition) return found;
  // An apposition ends at punctuation or a preposition, and its clause reports no one's words.
  if (k >= words.length || !PHRASE_END.has(words[k].toLowerCase())) return null;
  for (let j = k; j < words.length && words[j] !== '.'; j++) {
    if (SPEECH.has(words[j].toLowerCase())) return null;
    if (words[j] === ',' && j > k) break;
  }
  return found;
}

/** Index after a parenthesis opening at `i` ("Atwick ( pop. 300 ) is …"), or `i` when there is none. */
function skipParenthesis(words: readonly string[], i: number): number {
  if (words[i] !== '(') return i;
  for (let k = i + 1; k < words.length && k < i + 30; k++) if (words[k] === ')') return k + 1;
  return i;
}

/** A defined entity of the sentence and the type its definition gives it. */
export interface Definition {
  span: WordSpan;
  type: EntityKind;
}

/**
 * Entities the sentence defines: the entity that opens it (after "The") when
 * a copula and a determiner follow ("X is a …", "X ( … ) was an …"), any
 * entity followed by a comma and a determiner (an apposition, "X, a …"), and
 * any entity right after a kind noun ("the band X", "the village of X").
 */
export function definitions(words: readonly string[], tags: readonly BioTag[]): Definition[] {
  const out: Definition[] = [];
  for (const span of spansFromTags(tags)) {
    let i = skipParenthesis(words, span.last + 1);
    let type: EntityKind | null = null;
    if (words[i] === ',' && i + 1 < words.length && DETERMINER.has(words[i + 1].toLowerCase())) {
      type = kindOfPhrase(words, i + 2, true);
    } else if (i < words.length && COPULA.has(words[i]) && (span.first === 0 || (span.first === 1 && DETERMINER.has(words[0].toLowerCase())))) {
      i++;
      while (i < words.length && ADVERB.has(words[i])) i++;
      if (i < words.length && DETERMINER.has(words[i].toLowerCase())) i++;
      else if (words[i] === 'one' && words[i + 1] === 'of' && words[i + 2] === 'the') i += 3;
      else continue;
      type = kindOfPhrase(words, i);
    }
    if (!type) {
      type = kindBefore(words, span.first);
      // "the duo Ben Wolff and …": a given name is stronger evidence of a person than the noun before it.
      if (type && type !== 'PER' && span.type === 'PER' && words.slice(span.first, span.last + 1).some((w) => givenName(w))) type = null;
    }
    if (type) out.push({ span, type });
  }
  return out;
}

/**
 * The kind a noun right before a name gives it: "the band Gigi", "singer
 * Ruby Tuesday", "the album Thriller"; for places also with "of": "the village
 * of Divar", "the island of Crete" (only places: "the king of Spain" does not
 * make Spain a person). The noun is in lower case: a capitalised one is part
 * of a name ("Church Street").
 */
export function kindBefore(words: readonly string[], first: number): EntityKind | null {
  const before = first > 0 ? words[first - 1] : '';
  if (before === 'of') {
    const noun = first > 1 ? words[first - 2] : '';
    return noun !== '' && !capitalised(noun) && kindWord(noun) === 'LOC' ? 'LOC' : null;
  }
  return before !== '' && !capitalised(before) ? kindWord(before) : null;
}
