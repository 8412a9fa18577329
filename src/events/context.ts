/**
 * PLOVER contexts for an event, chosen from the words of its paragraph and the
 * article: a context is given when its cue words occur in the event's sentence,
 * or at least twice in its paragraph.
 */
import { ploverContexts } from './ontology.js';

export function contextsFor(sentenceText: string, paragraphText: string): string[] {
  const s = ` ${sentenceText.toLowerCase()} `;
  const p = ` ${paragraphText.toLowerCase()} `;
  const out: { name: string; score: number }[] = [];
  for (const ctx of ploverContexts()) {
    let score = 0;
    for (const cue of ctx.cues) {
      const re = new RegExp(`[^a-z]${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^a-z]`, 'g');
      score += (s.match(re)?.length ?? 0) * 2 + (p.match(re)?.length ?? 0);
    }
    if (score >= 3) out.push({ name: ctx.name, score });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 3).map((c) => c.name);
}
