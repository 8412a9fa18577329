/**
 * One happening, one event: within a sentence, "the killing of X … in a US
 * drone strike" is reported twice — a noun with a victim and no doer, and a
 * noun with a doer and no victim. Two events of one PLOVER type in one
 * sentence where one lacks an actor and the other a recipient become one,
 * keeping the more specific CAMEO code and both evidence spans' trigger (the first).
 */
import type { CodedEvent } from '../doc/types.js';
import { PRECISION_RANK } from '../places/event-place.js';

/**
 * The date of two reports merged into one: the first's, else the second's — but where one
 * happened and the other is its prospect ("agreed to meet in late April"), only the actual
 * one's: the prospect's time is when it would happen, not when the agreement did.
 */
function mergedDate(first: CodedEvent, second: CodedEvent): Pick<CodedEvent, 'date' | 'date_precision' | 'date_text'> {
  const pick = (x: CodedEvent) => ({ date: x.date, date_precision: x.date_precision, date_text: x.date_text });
  if (first.realis !== second.realis) return pick(first.realis === 'actual' ? first : second);
  return first.date ? pick(first) : pick(second);
}

export function mergeComplementary(events: CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  const gone = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    if (gone.has(i)) continue;
    let a = events[i];
    const before = a;
    for (let j = i + 1; j < events.length; j++) {
      const b = events[j];
      if (gone.has(j) || b.sentence.index !== a.sentence.index || b.event !== a.event || b.negated !== a.negated) continue;
      const aNeedsActor = a.actor.length === 0 && a.recipient.length > 0 && b.actor.length > 0 && b.recipient.length === 0;
      const bNeedsActor = b.actor.length === 0 && b.recipient.length > 0 && a.actor.length > 0 && a.recipient.length === 0;
      // One report inside another: "a US drone strike … killed X" gives "strike (US)" and "killed (US → X)".
      const sameChains = (x: CodedEvent['actor'], y: CodedEvent['actor']) => x.every((e) => y.some((f) => f.name === e.name));
      const aInB = a.recipient.length === 0 && a.actor.length > 0 && sameChains(a.actor, b.actor);
      const bInA = b.recipient.length === 0 && b.actor.length > 0 && sameChains(b.actor, a.actor);
      // A bare mention ("roadside bombs") next to the full report of it ("bombs struck two convoys").
      const aBare = a.actor.length === 0 && a.recipient.length === 0;
      const bBare = b.actor.length === 0 && b.recipient.length === 0;
      if (!aNeedsActor && !bNeedsActor && !aInB && !bInA && !aBare && !bBare) continue;
      // Reports that disagree on whether it happened are two (a clash, and the attack its boats were
      // sent to make), unless the one not asserted adds no one to the asserted one: a bare word for it, or
      // its own doer's purpose ("officials met … to discuss"). The merged report is then asserted.
      const adds = (x: CodedEvent, bare: boolean, inside: boolean) => x.realis !== 'actual' && !bare && !inside;
      if (a.realis !== b.realis && (adds(a, aBare, aInB) || adds(b, bBare, bInA) || (a.realis !== 'actual' && b.realis !== 'actual'))) continue;
      const realis = a.realis === 'actual' || b.realis === 'actual' ? 'actual' : a.realis;
      if (bBare && !aBare) {
        const specific = moreSpecific(a, b);
        a = { ...a, realis, cameo: specific.cameo, goldstein: specific.goldstein, quad_class: specific.quad_class, mode: [...new Set([...a.mode, ...b.mode])],
          location: morePrecise(a.location, b.location), ...mergedDate(a, b),
          mentions: joinMentions(a.mentions, b.mentions) };
        gone.add(j);
        continue;
      }
      if ((aInB && !bInA) || (aBare && !bBare)) {
        // keep b's participants and trigger, a's more specific code if any
        const specific = moreSpecific(a, b);
        a = { ...b, realis, cameo: specific.cameo, goldstein: specific.goldstein, quad_class: specific.quad_class,
          mode: [...new Set([...a.mode, ...b.mode])], location: morePrecise(a.location, b.location),
          ...mergedDate(b, a),
          mentions: joinMentions(b.mentions, a.mentions) };
        gone.add(j);
        continue;
      }
      const specific = moreSpecific(a, b);
      a = {
        ...a,
        realis,
        actor: a.actor.length ? a.actor : b.actor,
        recipient: a.recipient.length ? a.recipient : b.recipient,
        cameo: specific.cameo, goldstein: specific.goldstein, quad_class: specific.quad_class,
        mode: [...new Set([...a.mode, ...b.mode])],
        ...mergedDate(a, b),
        location: morePrecise(a.location, b.location),
        confidence: Math.min(0.95, Math.max(a.confidence, b.confidence) + 0.1),
        mentions: joinMentions(a.mentions, b.mentions),
      };
      gone.add(j);
    }
    // A place that is now a participant (taken over from a merged event) is no longer where it
    // happened: any actor, or a recipient that is not itself a place (a targeted town stays the
    // place). An event's own place was already chosen against its own participants.
    const loc = a.location;
    const over = (p: { start: number; end: number }) => !!loc && p.start < loc.end && p.end > loc.start;
    if (a !== before && (a.actor.some(over) || a.recipient.some((p) => over(p) && p.type !== 'LOC'))) a = { ...a, location: null };
    out.push(a);
  }
  return out;
}

/** The kept event's mentions (its own first), then the merged one's, in text order. */
export function joinMentions(kept: CodedEvent['mentions'], other: CodedEvent['mentions']): CodedEvent['mentions'] {
  const [own, ...rest] = kept;
  const seen = new Set([own.trigger.start]);
  const more = [...rest, ...other].filter((m) => !seen.has(m.trigger.start) && (seen.add(m.trigger.start), true));
  return [own, ...more.sort((x, y) => x.trigger.start - y.trigger.start)];
}

export function morePrecise(a: CodedEvent['location'], b: CodedEvent['location']): CodedEvent['location'] {
  if (!a) return b;
  if (!b) return a;
  return PRECISION_RANK[b.precision] < PRECISION_RANK[a.precision] ? b : a;
}

/** The more specific CAMEO code of two: longer, then not a root's generic "…0". */
export function moreSpecific(a: CodedEvent, b: CodedEvent): CodedEvent {
  if (a.cameo.length !== b.cameo.length) return a.cameo.length > b.cameo.length ? a : b;
  const generic = (c: string) => c.endsWith('0');
  if (generic(a.cameo) !== generic(b.cameo)) return generic(a.cameo) ? b : a;
  return a;
}
