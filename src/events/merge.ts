/**
 * One happening, one event: within a sentence, "the killing of X … in a US
 * drone strike" is reported twice — a noun with a victim and no doer, and a
 * noun with a doer and no victim. Two events of one PLOVER type in one
 * sentence where one lacks an actor and the other a recipient become one,
 * keeping the more specific CAMEO code and both evidence spans' trigger (the first).
 */
import type { CodedEvent } from '../doc/types.js';

export function mergeComplementary(events: CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  const gone = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    if (gone.has(i)) continue;
    let a = events[i];
    for (let j = i + 1; j < events.length; j++) {
      const b = events[j];
      if (gone.has(j) || b.sentence.index !== a.sentence.index || b.event !== a.event || b.negated !== a.negated) continue;
      const aNeedsActor = a.actor.length === 0 && a.recipient.length > 0 && b.actor.length > 0 && b.recipient.length === 0;
      const bNeedsActor = b.actor.length === 0 && b.recipient.length > 0 && a.actor.length > 0 && a.recipient.length === 0;
      if (!aNeedsActor && !bNeedsActor) continue;
      const specific = b.cameo.length > a.cameo.length ? b : a;
      a = {
        ...a,
        actor: a.actor.length ? a.actor : b.actor,
        recipient: a.recipient.length ? a.recipient : b.recipient,
        cameo: specific.cameo, goldstein: specific.goldstein, quad_class: specific.quad_class,
        mode: [...new Set([...a.mode, ...b.mode])],
        date: a.date ?? b.date, date_precision: a.date ? a.date_precision : b.date_precision, date_text: a.date ? a.date_text : b.date_text,
        location: morePrecise(a.location, b.location),
        confidence: Math.min(0.95, Math.max(a.confidence, b.confidence) + 0.1),
      };
      gone.add(j);
    }
    out.push(a);
  }
  return out;
}

const RANK: Record<string, number> = { site: 0, city: 1, admin1: 2, region: 3, country: 4 };

function morePrecise(a: CodedEvent['location'], b: CodedEvent['location']): CodedEvent['location'] {
  if (!a) return b;
  if (!b) return a;
  return RANK[b.precision] < RANK[a.precision] ? b : a;
}
