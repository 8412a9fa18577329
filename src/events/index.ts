/**
 * events: triggers (verbs and event nouns) from the pattern dictionary
 * (match.ts), coded in CAMEO and PLOVER (ontology.ts), with actor and recipient
 * (participants.ts), date (times/event-date.ts), place (places/event-place.ts),
 * attribution and negation (attribution/), contexts (context.ts) and a
 * confidence from the evidence. Low-evidence matches yield no event.
 */
import { createHash } from 'node:crypto';
import type { CodedEvent, Doc, EntityMention } from '../doc/types.js';
import { toEntity, toPlace } from '../doc/types.js';
import { attribute, isNegated } from '../attribution/index.js';
import { eventDate } from '../times/event-date.js';
import { eventPlace } from '../places/event-place.js';
import { contextsFor } from './context.js';
import { matchTriggers } from './match.js';
import { mergeComplementary } from './merge.js';
import { cameoInfo, ploverFor } from './ontology.js';
import { bindParticipants } from './participants.js';

/** Events below this confidence are not reported: a "no event" answer is better than a guess. */
export const MIN_CONFIDENCE = 0.45;

export type EventInput = Omit<Doc, 'events'>;

export function findEvents(doc: EventInput): CodedEvent[] {
  const { text, tokens } = doc;
  const events: CodedEvent[] = [];
  let previous: { date: string | null } | null = null;
  for (const s of doc.sentences) {
    const mentions = topLevel(doc.entities.filter((m) => m.sentence === s.index));
    const ctx = { text, tokens, mentions, sentenceStart: s.tokenStart, sentenceEnd: s.tokenEnd };
    const sentenceEvents: CodedEvent[] = [];
    for (const m of matchTriggers(text, tokens, s.tokenStart, s.tokenEnd)) {
      const cameo = m.pattern.cameo!;
      const plover = ploverFor(cameo);
      const info = cameoInfo(cameo);
      if (!plover || !info) continue; // statements (CAMEO 01x) have no PLOVER type
      const event = m.pattern.event ?? plover.event;
      const first = m.matched[0];
      const last = m.matched[m.matched.length - 1];
      const trig = tokens[m.trigger];
      const parts = bindParticipants(ctx, m.pattern.kind, m.matched, m.trigger);
      const negated = isNegated(tokens, first, s.tokenStart);
      const attribution = attribute({ text, tokens, sentence: s, mentions, trigger: m.trigger, first });
      const at = { sentence: s.index, start: tokens[first].start, end: tokens[last].end };
      const when = eventDate(doc, at, previous);
      const where = eventPlace(doc, at);
      const paragraph = doc.paragraphs[s.paragraph];
      const confidence = scoreConfidence(m.matched.length, parts.actor.length > 0, parts.recipient.length > 0, when.date !== null, where !== null);
      if (confidence < MIN_CONFIDENCE) continue;
      const mode = [...new Set([...(m.pattern.mode.length ? m.pattern.mode : plover.mode)])];
      sentenceEvents.push({
        id: eventId(doc.meta.hash, trig.start, cameo),
        article_id: doc.meta.id,
        event, mode, context: contextsFor(text.slice(s.start, s.end), paragraph ? text.slice(paragraph.start, paragraph.end) : ''),
        cameo, goldstein: info.goldstein, quad_class: info.quad_class,
        date: when.date, date_precision: when.precision, date_text: when.text,
        actor: parts.actor.map(toEntity), recipient: parts.recipient.map(toEntity),
        location: where ? toPlace(where) : null,
        attribution, negated,
        sentence: { index: s.index, start: s.start, end: s.end },
        trigger: { text: text.slice(trig.start, trig.end), start: trig.start, end: trig.end },
        confidence,
      });
      if (when.date && when.precision !== 'unknown') previous = { date: when.date };
    }
    events.push(...mergeComplementary(sentenceEvents));
  }
  return events;
}

/** Drop mentions nested inside others (an acronym inside a long name stays separate). */
function topLevel(ms: EntityMention[]): EntityMention[] {
  return ms.filter((m) => !ms.some((o) => o !== m && o.start <= m.start && o.end >= m.end && (o.end - o.start) > (m.end - m.start)));
}

export function scoreConfidence(patternWords: number, hasActor: boolean, hasRecipient: boolean, hasDate: boolean, hasPlace: boolean): number {
  let c = 0.35 + Math.min(0.2, 0.07 * (patternWords - 1));
  if (hasActor) c += 0.25;
  if (hasRecipient) c += 0.15;
  if (hasDate) c += 0.05;
  if (hasPlace) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

function eventId(articleHash: string, offset: number, cameo: string): string {
  return createHash('sha256').update(`${articleHash}:${offset}:${cameo}`).digest('hex').slice(0, 16);
}
