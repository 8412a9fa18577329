/**
 * Casualties as analysts count them: how many were killed, injured, arrested (or detained) and
 * displaced, read from the sentences that tell an event — "at least 12 people were killed", "two
 * soldiers died", "killing 90 people and wounding 230 others", "dozens were wounded", "police
 * arrested 40 protesters", "the death toll rose to 15", "no one was hurt" — each a range (min,
 * max; max null when the text gives only a floor: "dozens", "more than 300") with the words that
 * say it. What the text does not count stays null; the words come from data/casualty-words.tsv
 * and data/quantity-words.tsv.
 */
import type { Casualties, CasualtyCategory, CasualtyCount, CodedEvent, Span } from '../doc/types.js';
import { loadTsv } from '../util/data.js';
import { noneAt, quantityAt, wordTokens, type Quantity, type WordToken } from './quantity.js';

export const CASUALTY_CATEGORIES: readonly CasualtyCategory[] = ['killed', 'injured', 'arrested', 'displaced'];
export type { Casualties, CasualtyCategory, CasualtyCount };

type Form = 'passive' | 'active' | 'noun';

let lexicon: Map<string, Map<Form, CasualtyCategory>> | null = null;

function casualtyWords(): Map<string, Map<Form, CasualtyCategory>> {
  if (!lexicon) {
    lexicon = new Map();
    for (const r of loadTsv('casualty-words.tsv')) {
      const forms = lexicon.get(r.word) ?? new Map<Form, CasualtyCategory>();
      forms.set(r.form as Form, r.category as CasualtyCategory);
      lexicon.set(r.word, forms);
    }
  }
  return lexicon;
}

const categoryOf = (t: WordToken | undefined, form: Form) => (t ? casualtyWords().get(t.lower)?.get(form) ?? null : null);

/** Words between the people counted and what befell them: "were", "have been", "reportedly". */
const AUXILIARIES = new Set(['were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'being', 'reportedly', 'also', 'later', 'all',
  'allegedly', 'subsequently', 'confirmed', 'feared', 'left', 'found', 'now', 'already', 'initially', 'were', 'be', 'got']);
/** Words that end the people counted: a clause or a new fact begins. */
const STOPS = new Set(['said', 'says', 'told', 'when', 'after', 'before', 'while', 'since', 'who', 'which', 'that', 'in', 'on', 'at', 'by', 'from', 'during']);
/** Units that make a number no count of people. */
const NOT_PEOPLE = new Set(['percent', '%', 'per', 'km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters', 'years', 'year', 'months',
  'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'minutes', 'am', 'pm', 'a.m', 'p.m', 'dollars', 'euros', 'tons', 'tonnes',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const isWord = (t: WordToken | undefined) => !!t && /^[\p{L}]/u.test(t.text);
/** A year ("in 2014") is no count. */
const isYear = (t: WordToken, q: Quantity) => q.first === q.last && /^\d{4}$/.test(t.text) && q.min >= 1800 && q.min <= 2100;

/** Words after a participle that keep it passive: "12 people killed in the blast", "… killed when". */
const AFTER_PASSIVE = new Set(['in', 'on', 'at', 'by', 'during', 'when', 'after', 'as', 'and', 'or', 'while', 'since', 'near', 'across',
  'including', 'following', 'amid', 'so', 'far', 'overnight', 'there', 'yesterday', 'today', 'last', 'this', 'earlier', 'outside', 'inside']);

/**
 * Whether the casualty word at k tells what befell the people before it, not what they did:
 * "were killed", "died", "killed in the blast" — but not "three rockets killed the commander".
 */
function readsPassive(tokens: WordToken[], k: number): boolean {
  if (!categoryOf(tokens[k], 'active')) return true;
  if (AUXILIARIES.has(tokens[k - 1]?.lower ?? '')) return true;
  const next = tokens[k + 1];
  return !next || !isWord(next) || AFTER_PASSIVE.has(next.lower);
}

/** "a policeman was killed", "a child died": one person, when what befell them follows an auxiliary or needs none. */
function oneBy(tokens: WordToken[], i: number): Quantity | null {
  const t = tokens[i];
  if (!t || (t.lower !== 'a' && t.lower !== 'an')) return null;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const w = tokens[k];
    const passive = categoryOf(w, 'passive');
    if (passive) return (AUXILIARIES.has(tokens[k - 1]?.lower ?? '') && k > i + 1 && !/s$/.test(tokens[i + 1].lower)) || (!categoryOf(w, 'active') && k > i + 1) ? { min: 1, max: 1, first: i, last: i } : null;
    if (!isWord(w)) return null;
  }
  return null;
}

function count(q: { min: number; max: number | null }, tokens: WordToken[], first: number, last: number, text: string, offset: number): CasualtyCount {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { min: q.min, max: q.max, text: text.slice(start - offset, end - offset), start, end };
}

/** Keep the larger count of a category (a toll that rose, "12 killed, including 3 children"). */
function keep(found: Partial<Casualties>, category: CasualtyCategory, c: CasualtyCount): void {
  const had = found[category];
  if (!had || c.min > had.min) found[category] = c;
}

/**
 * The counts a sentence states. `text` is the sentence's text and `offset` where it starts in the
 * article, so that the spans are the article's.
 */
export function readCasualties(text: string, offset = 0): Partial<Casualties> {
  const tokens = wordTokens(text, offset);
  const found: Partial<Casualties> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "the death toll rose to 15", "the death toll stood at 12"
    if (t.lower === 'toll' && tokens[i - 1]?.lower === 'death') {
      for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
        const q = quantityAt(tokens, k);
        if (q && !isYear(tokens[k], q) && !NOT_PEOPLE.has(tokens[q.last + 1]?.lower ?? '')) { keep(found, 'killed', count(q, tokens, i - 1, q.last, text, offset)); break; }
      }
      continue;
    }
    // "killing 90 people", "arrested at least 40 protesters"
    const active = categoryOf(t, 'active');
    if (active) {
      const q = quantityAt(tokens, i + 1);
      if (q && !isYear(tokens[i + 1], q) && !NOT_PEOPLE.has(tokens[q.last + 1]?.lower ?? '')) {
        // "killed 17 soldiers and 4 civilians": the counts add up.
        let total = { min: q.min, max: q.max };
        let last = q.last;
        for (let k = q.last + 1; k < Math.min(tokens.length, q.last + 5); k++) {
          if (tokens[k].lower === 'and') {
            const more = quantityAt(tokens, k + 1);
            if (more) { total = { min: total.min + more.min, max: total.max === null || more.max === null ? null : total.max + more.max }; last = more.last; }
            break;
          }
          if (!isWord(tokens[k]) || STOPS.has(tokens[k].lower)) break;
        }
        keep(found, active, count(total, tokens, i, last, text, offset));
      }
    }
    const none = noneAt(tokens, i);
    const q = none ? { min: 0, max: 0, first: none.first, last: none.last } : quantityAt(tokens, i) ?? oneBy(tokens, i);
    if (!q || (!none && isYear(t, q)) || NOT_PEOPLE.has(tokens[q.last + 1]?.lower ?? '')) continue;
    // "12 deaths", "40 arrests", "no injuries"
    const noun = categoryOf(tokens[q.last + 1], 'noun');
    if (noun) { keep(found, noun, count(q, tokens, q.first, q.last + 1, text, offset)); i = q.last + 1; continue; }
    // "12 people were killed", "two soldiers and three civilians died", "dozens wounded", "no one was hurt"
    let total = { min: q.min, max: q.max };
    for (let k = q.last + 1; k < Math.min(tokens.length, q.last + 10); k++) {
      const w = tokens[k];
      const passive = categoryOf(w, 'passive');
      if (passive && readsPassive(tokens, k)) {
        keep(found, passive, count(total, tokens, q.first, k, text, offset));
        i = k;
        break;
      }
      if (w.lower === 'and' || w.lower === ',') {
        // "two soldiers and three civilians": the counts add up.
        const more = quantityAt(tokens, k + 1);
        if (more && !none) { total = { min: total.min + more.min, max: total.max === null || more.max === null ? null : total.max + more.max }; k = more.last; continue; }
        if (w.lower === ',') break;
        continue;
      }
      if (STOPS.has(w.lower) || !isWord(w) && w.text !== '-') break;
      // "ten members of one family": a number after "of" belongs to the people counted.
      if (quantityAt(tokens, k) && !AUXILIARIES.has(w.lower) && tokens[k - 1]?.lower !== 'of') break;
    }
  }
  return found;
}

/**
 * The sentence after each sentence, where it tells no event of its own: "Militants stormed a
 * police post. Three policemen were killed." — the toll told next is the event's.
 */
export function aftermathSentences(sentences: readonly (Span & { index: number })[], events: readonly CodedEvent[]): Map<number, Span> {
  const told = new Set(events.flatMap((e) => (e.mentions?.length ? e.mentions : [e]).map((m) => m.sentence.index)));
  const out = new Map<number, Span>();
  for (let i = 0; i + 1 < sentences.length; i++) {
    const next = sentences[i + 1];
    if (!told.has(next.index)) out.set(sentences[i].index, { start: next.start, end: next.end });
  }
  return out;
}

/** The event types whose counts an analyst keeps: violence for the killed and injured, repression for arrests. */
const COUNTED: Record<CasualtyCategory, Set<string>> = {
  killed: new Set(['ASSAULT', 'PROTEST', 'COERCE']),
  injured: new Set(['ASSAULT', 'PROTEST', 'COERCE']),
  arrested: new Set(['COERCE', 'PROTEST', 'ASSAULT']),
  displaced: new Set(['ASSAULT', 'COERCE']),
};

/**
 * The casualties of an event from the sentences that tell it (every mention); null when none is
 * counted, or when the event did not happen (a threat to kill counts nobody).
 */
export function eventCasualties(e: CodedEvent, text: string, aftermath: ReadonlyMap<number, Span> = new Map()): Casualties | null {
  if (e.realis !== 'actual' || e.negated) return null;
  if (!CASUALTY_CATEGORIES.some((c) => COUNTED[c].has(e.event))) return null;
  const found: Partial<Casualties> = {};
  const sentences = new Map((e.mentions?.length ? e.mentions : [e]).map((m) => [m.sentence.index, m.sentence as Span]));
  for (const index of [...sentences.keys()]) {
    const next = aftermath.get(index);
    if (next && !sentences.has(index + 1)) sentences.set(index + 1, next);
  }
  for (const s of sentences.values()) {
    const read = readCasualties(text.slice(s.start, s.end), s.start);
    for (const c of CASUALTY_CATEGORIES) if (read[c] && COUNTED[c].has(e.event)) keep(found, c, read[c] as CasualtyCount);
  }
  if (!CASUALTY_CATEGORIES.some((c) => found[c])) return null;
  return { killed: found.killed ?? null, injured: found.injured ?? null, arrested: found.arrested ?? null, displaced: found.displaced ?? null };
}
