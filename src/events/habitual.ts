/**
 * Habitual and kind mentions the parse leaves to the words around the event noun. The analyst
 * guidelines code no "habitual or counted references" and no kinds of happening; realis.ts
 * (isGenericMention) reads a frequency or a count hung on the event itself. Three more shapes
 * say the same from one step away:
 * - "such attacks", "such protests": a kind of happening named by what it is like, not one told,
 *   whoever it is aimed at ("such attacks on civilians");
 * - "regular targets for attacks", "a frequent scene of clashes": a frequency on the noun the event
 *   noun is hung on describes the happenings as recurring;
 * - "the raids on the camps, averaging two a month": a rate right after the event's noun phrase,
 *   which the parse may hang on the main verb.
 * The frequency and rate words are realis-cues.tsv's (roles `quantity` and `freq`).
 */
import type { Token } from '../doc/types.js';
import { nounHead, type DependencyTree } from '../syntax/tree.js';
import { loadTsv } from '../util/data.js';

let cueWords: Map<string, Set<string>> | null = null;
/** realis-cues.tsv's words by role. */
function cues(): Map<string, Set<string>> {
  if (cueWords) return cueWords;
  cueWords = new Map();
  for (const r of loadTsv('realis-cues.tsv')) {
    if (!cueWords.has(r.role)) cueWords.set(r.role, new Set());
    cueWords.get(r.role)!.add(r.cue);
  }
  return cueWords;
}
const isCue = (role: string, t: Token) => !!cues().get(role)?.has(t.normal) || !!cues().get(role)?.has(t.lemma);

/** Words that say a count of happenings recurs on a noun ("regular", "frequent"): the quantity cues that are not numbers ("several", "hundreds"). */
const RECURRING = new Set(['frequent', 'repeated', 'regular', 'constant', 'periodic', 'sporadic', 'occasional', 'recurrent', 'recurring', 'continual', 'daily', 'nightly', 'weekly']);

/** Units of time a rate counts by: "two a month", "three per week". */
const UNITS = new Set(['day', 'week', 'month', 'year', 'night', 'fortnight']);

export interface HabitualInput {
  tokens: Token[];
  tree: DependencyTree | null;
  trigger: number;
  sentence: { tokenStart: number; tokenEnd: number };
}

/** Is the event at `trigger` a kind of happening or a habit, not one happening? */
export function habitualMention(input: HabitualInput): boolean {
  const { tree, tokens } = input;
  if (!tree || !tree.parsed(input.trigger)) return false;
  const noun = nounHead(tree, tokens, input.trigger);
  if (tokens[noun].pos !== 'NOUN') return false;
  return suchKind(input, noun) || recurringHolder(input, noun) || rateAfter(input, noun);
}

const plural = (t: Token) => t.normal !== t.lemma && t.normal.endsWith('s');

/** "such attacks": a plural event noun with "such" before it names a kind. (Read from the words too: the parse may hang "such" elsewhere.) */
function suchKind(input: HabitualInput, noun: number): boolean {
  const { tree, tokens } = input;
  if (!plural(tokens[noun])) return false;
  if (tree!.children(noun).some((c) => tokens[c].normal === 'such')) return true;
  // (…"such air raids", "such violent protests": up to two words between)
  for (const w of wordsBefore(input, noun, 3)) {
    if (w.normal === 'such') return true;
    if (!['ADJ', 'NOUN', 'PROPN'].includes(w.pos)) return false;
  }
  return false;
}

/** "regular targets for attacks", "a frequent scene of clashes": the noun the event noun is hung on recurs. */
function recurringHolder(input: HabitualInput, noun: number): boolean {
  const { tree, tokens } = input;
  const t = tree!;
  const holder = t.baseRel(noun) === 'nmod' ? t.head(noun) : null;
  if (holder !== null && holder >= 0 && tokens[holder].pos === 'NOUN'
    && t.children(holder).some((c) => ['amod', 'advmod'].includes(t.baseRel(c) ?? '') && RECURRING.has(tokens[c].normal))) return true;
  // (read from the words where the parse hangs the event noun elsewhere: "regular targets for Iranian attacks")
  const before = wordsBefore(input, noun, 6);
  let k = 0;
  while (k < before.length && k < 3 && ['ADJ', 'PROPN', 'NOUN'].includes(before[k].pos)) k++;
  if (!['for', 'of'].includes(before[k]?.normal ?? '')) return false;
  return before[k + 1]?.pos === 'NOUN' && RECURRING.has(before[k + 2]?.normal ?? '');
}

/** Up to `n` tokens before token `i` in its sentence, nearest first, line breaks left out. */
function wordsBefore(input: HabitualInput, i: number, n: number): Token[] {
  const out: Token[] = [];
  for (let k = i - 1; k >= input.sentence.tokenStart && out.length < n; k--) if (input.tokens[k].pos !== 'SPACE') out.push(input.tokens[k]);
  return out;
}

/** ", averaging two a month", ", three a week": a rate right after the event's noun phrase. */
function rateAfter(input: HabitualInput, noun: number): boolean {
  const { tree, tokens } = input;
  // (the phrase's end: its own modifiers, not what the parse hangs after a comma — "raids on X, two a month")
  const t = tree!;
  const own = t.children(noun).filter((c) => c > noun && !['conj', 'appos', 'punct', 'acl', 'parataxis', 'cc'].includes(t.baseRel(c) ?? ''));
  const end = Math.max(noun, ...own.map((c) => t.subtreeRange(c)[1]));
  // (the words after the phrase, line breaks left out)
  const next: Token[] = [];
  for (let k = end + 1; k < input.sentence.tokenEnd && next.length < 4; k++) if (tokens[k].pos !== 'SPACE') next.push(tokens[k]);
  if (next[0]?.normal === ',') next.shift();
  if (!next.length) return false;
  // "averaging …"
  if (next[0].lemma === 'average' && isCue('freq', next[0])) return true;
  // "two a month", "once a week", "three per day"
  const count = next[0].pos === 'NUM' || ['once', 'twice', 'thrice'].includes(next[0].normal);
  const per = ['a', 'an', 'per', 'every', 'each'].includes(next[1]?.normal ?? '');
  return count && per && UNITS.has(next[2]?.lemma ?? '');
}
