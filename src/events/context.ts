/**
 * PLOVER contexts for an event, chosen from the words of its paragraph and the
 * article: a context is given when its cue words occur in the event's sentence,
 * or at least twice in its paragraph (a sentence hit counts double).
 */
import { ploverContexts } from './ontology.js';

interface CompiledContext { name: string; cues: { literal: string; re: RegExp }[] }

let compiled: CompiledContext[] | null = null;

/** The cue patterns, compiled once: whole words or phrases, case-insensitive. */
function contexts(): CompiledContext[] {
  if (!compiled) {
    compiled = ploverContexts().map((ctx) => ({
      name: ctx.name,
      cues: ctx.cues.map((cue) => ({ literal: cue, re: new RegExp(`(?<![a-z])${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`, 'g') })),
    }));
  }
  return compiled;
}

const count = (re: RegExp, s: string) => { re.lastIndex = 0; let n = 0; while (re.exec(s)) n++; return n; };

/** Cue counts per context in a text (lower-cased). */
function cueCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const ctx of contexts()) {
    let n = 0;
    // (a plain substring test first: most cues are absent, and includes() is far cheaper than a regex)
    for (const cue of ctx.cues) if (text.includes(cue.literal)) n += count(cue.re, text);
    if (n > 0) out.set(ctx.name, n);
  }
  return out;
}

/**
 * Cue counts of a text, remembered: one sentence's or paragraph's events share them. The
 * caches stay small (cleared past 64 texts), since events come sentence by sentence.
 */
function cachedCounts(cache: Map<string, Map<string, number>>, text: string): Map<string, number> {
  let counts = cache.get(text);
  if (!counts) {
    counts = cueCounts(text.toLowerCase());
    if (cache.size > 64) cache.clear();
    cache.set(text, counts);
  }
  return counts;
}

const sentenceCache = new Map<string, Map<string, number>>();
const paragraphCache = new Map<string, Map<string, number>>();

export function contextsFor(sentenceText: string, paragraphText: string): string[] {
  const s = cachedCounts(sentenceCache, sentenceText);
  const p = cachedCounts(paragraphCache, paragraphText);
  const out: { name: string; score: number }[] = [];
  for (const ctx of contexts()) {
    const score = (s.get(ctx.name) ?? 0) * 2 + (p.get(ctx.name) ?? 0);
    if (score >= 3) out.push({ name: ctx.name, score });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 3).map((c) => c.name);
}
