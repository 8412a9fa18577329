/**
 * The page's colours, shared by its views so that a type or a tone looks the same everywhere.
 *
 * Event types: one colour each for the sixteen PLOVER types (data/plover.tsv), in families by
 * QuadClass so the eye reads the tone first and the type second: blues for verbal cooperation,
 * greens for material cooperation, yellows to purples for verbal conflict, reds and browns for
 * material conflict. Neighbours within a family differ in lightness as well as hue.
 *
 * Tone: Goldstein +10 → −10 (a dyad's mean) on one scale from cooperation (blue) through a mid
 * grey (which stays visible on white, unlike a diverging scheme's near-white middle) to conflict
 * (red); QuadClasses are named in the same words everywhere.
 */
import { interpolateLab } from 'd3';

export interface EventType {
  event: string;
  /** PLOVER QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  colour: string;
}

/** The PLOVER event types in QuadClass order (cooperation first), each with its colour. */
export const EVENT_TYPES: readonly EventType[] = [
  { event: 'AGREE', quadClass: 1, colour: '#1f78b4' },
  { event: 'CONSULT', quadClass: 1, colour: '#6baed6' },
  { event: 'SUPPORT', quadClass: 1, colour: '#08306b' },
  { event: 'CONCEDE', quadClass: 1, colour: '#41b6c4' },
  { event: 'COOPERATE', quadClass: 2, colour: '#238b45' },
  { event: 'AID', quadClass: 2, colour: '#74c476' },
  { event: 'RETREAT', quadClass: 2, colour: '#00695c' },
  { event: 'REQUEST', quadClass: 3, colour: '#c9a700' },
  { event: 'ACCUSE', quadClass: 3, colour: '#f39c12' },
  { event: 'REJECT', quadClass: 3, colour: '#a6761d' },
  { event: 'THREATEN', quadClass: 3, colour: '#e6550d' },
  { event: 'PROTEST', quadClass: 3, colour: '#8e63b5' },
  { event: 'SANCTION', quadClass: 4, colour: '#6d3b2b' },
  { event: 'MOBILIZE', quadClass: 4, colour: '#e7298a' },
  { event: 'COERCE', quadClass: 4, colour: '#99000d' },
  { event: 'ASSAULT', quadClass: 4, colour: '#e31a1c' },
];

/** A type the table does not know (a newer ontology, no type): grey, never mistaken for a tone. */
export const UNKNOWN_TYPE_COLOUR = '#8c8c8c';

const typeColours = new Map(EVENT_TYPES.map((t) => [t.event, t.colour]));
const typeOrder = new Map(EVENT_TYPES.map((t, i) => [t.event, i]));

/** The colour of an event type (case-insensitive). */
export function typeColour(event: string | null | undefined): string {
  return (event && typeColours.get(event.toUpperCase())) || UNKNOWN_TYPE_COLOUR;
}

/** Event types in the order of the table (cooperation to conflict), unknown ones last by name: legends and stacks use it. */
export function byTypeOrder(a: string, b: string): number {
  const ia = typeOrder.get(a) ?? EVENT_TYPES.length;
  const ib = typeOrder.get(b) ?? EVENT_TYPES.length;
  return ia - ib || a.localeCompare(b);
}

export const COOPERATION_COLOUR = '#2166ac';
export const NEUTRAL_COLOUR = '#8a8a8a';
export const CONFLICT_COLOUR = '#b2182b';

const toCooperation = interpolateLab(NEUTRAL_COLOUR, COOPERATION_COLOUR);
const toConflict = interpolateLab(NEUTRAL_COLOUR, CONFLICT_COLOUR);

/** The tone of a Goldstein value (−10 conflict … +10 cooperation) on the cooperation → conflict scale. */
export function goldsteinColour(goldstein: number): string {
  const g = Math.max(-10, Math.min(10, Number.isFinite(goldstein) ? goldstein : 0));
  return g >= 0 ? toCooperation(g / 10) : toConflict(-g / 10);
}

/** The names of the QuadClasses, 1 to 4. */
export const QUAD_CLASS_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict',
};
