/**
 * Trigger matching: find where the pattern dictionary's verb and noun patterns
 * occur in a sentence. The longest pattern at a trigger wins (so "strike deal"
 * beats "strike"), and tokens a longer match used cannot trigger again.
 */
import type { Token } from '../doc/types.js';
import { eventPatterns, type EventPattern } from './ontology.js';

export interface TriggerMatch {
  pattern: EventPattern;
  /** Token index of the trigger word. */
  trigger: number;
  /** Token indices of every matched word (before-words, trigger, following words), ascending. */
  matched: number[];
}

/** Longest gap allowed between two consecutive pattern words ("issued an arrest warrant for"). */
const MAX_GAP = 4;
/** Tokens a pattern may not reach across: the clause ends there. */
const CLAUSE_BREAK = new Set([';', ':', '.', '?', '!', '—', '–', '“', '”', '"', '(', ')']);
const VERB_POS = new Set(['VERB']);
const NOUN_POS = new Set(['NOUN', 'PROPN']);

let index: Map<string, EventPattern[]> | null = null;

/** Patterns keyed by each of their trigger lemmas. */
function patternIndex(): Map<string, EventPattern[]> {
  if (index) return index;
  index = new Map();
  for (const p of eventPatterns()) {
    for (const lemma of p.words[0]) {
      const list = index.get(lemma) ?? [];
      list.push(p);
      index.set(lemma, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => size(b) - size(a));
  return index;
}

const size = (p: EventPattern) => p.words.length + p.before.length;

function wordMatches(t: Token, alts: string[]): boolean {
  return alts.includes(t.lemma) || alts.includes(t.normal);
}

/** Try to match the words after the trigger, in order, each within MAX_GAP tokens. */
function matchAfter(tokens: Token[], text: string, trigger: number, end: number, words: string[][], noun = false, isTime: (k: number) => boolean = () => false): number[] | null {
  const out: number[] = [];
  let at = trigger;
  for (let w = 1; w < words.length; w++) {
    let found = -1;
    // After an event noun, a preposition past another noun phrase belongs to that phrase:
    // "a bombing near the town of Samarra" is no "bombing of" ("an attack by rebels on" still is).
    let otherPhrase = false;
    for (let k = at + 1; k < end && k <= at + MAX_GAP + 1; k++) {
      if (CLAUSE_BREAK.has(text.slice(tokens[k].start, tokens[k].end))) break;
      // A preposition that opens a date is the date's: "a conference called in Jakarta on Thursday" calls on no one.
      if (wordMatches(tokens[k], words[w]) && !(tokens[k].pos === 'ADP' && k + 1 < end && isTime(k + 1))) { found = k; break; }
      const prev = tokens[k - 1];
      if (tokens[k].pos === 'NOUN' && (prev.pos === 'DET' || (prev.pos === 'ADP' && prev.normal !== 'by'))) otherPhrase = true;
    }
    if (found >= 0 && noun && otherPhrase && tokens[found].pos === 'ADP') return null;
    if (found < 0) return null;
    out.push(found);
    at = found;
  }
  return out;
}

function matchBefore(tokens: Token[], text: string, trigger: number, start: number, before: string[][]): number[] | null {
  const out: number[] = [];
  let at = trigger;
  for (let w = before.length - 1; w >= 0; w--) {
    let found = -1;
    for (let k = at - 1; k >= start && k >= at - MAX_GAP - 1; k--) {
      if (CLAUSE_BREAK.has(text.slice(tokens[k].start, tokens[k].end))) break;
      if (wordMatches(tokens[k], before[w])) { found = k; break; }
    }
    if (found < 0) return null;
    out.unshift(found);
    at = found;
  }
  return out;
}

function posFits(p: EventPattern, t: Token): boolean {
  return p.kind === 'verb' ? VERB_POS.has(t.pos) : NOUN_POS.has(t.pos);
}

/** All trigger matches in tokens[start, end), longest first, without overlaps. */
export function matchTriggers(text: string, tokens: Token[], start: number, end: number, usable: (p: EventPattern, trigger: number, matched: number) => boolean = () => true, isTime: (k: number) => boolean = () => false): TriggerMatch[] {
  const idx = patternIndex();
  const candidates: TriggerMatch[] = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    const list = idx.get(t.lemma) ?? (t.normal !== t.lemma ? idx.get(t.normal) : undefined);
    if (!list) continue;
    for (const p of list) {
      if (!posFits(p, t)) continue;
      const after = matchAfter(tokens, text, i, end, p.words, p.kind === 'noun', isTime);
      if (!after) continue;
      const before = p.before.length ? matchBefore(tokens, text, i, start, p.before) : [];
      if (!before) continue;
      if (!usable(p, i, 1 + after.length + before.length)) continue;
      candidates.push({ pattern: p, trigger: i, matched: [...before, i, ...after] });
      break; // list is longest-first: the first fit is the best at this trigger
    }
  }
  candidates.sort((a, b) => size(b.pattern) - size(a.pattern) || a.trigger - b.trigger);
  const used = new Set<number>();
  const kept: TriggerMatch[] = [];
  for (const c of candidates) {
    if (used.has(c.trigger)) continue;
    // A shorter pattern may not take a word a longer one used as its trigger or object words.
    if (c.matched.some((k) => used.has(k) && k === c.trigger)) continue;
    for (const k of c.matched) used.add(k);
    kept.push(c);
  }
  return kept.filter((m) => m.pattern.cameo !== null).sort((a, b) => a.trigger - b.trigger);
}
