/**
 * Obstruction by a state is a blockade, not a protest. CAMEO keeps the two apart: 144 "blockade or
 * obstruct passage" is what demonstrators do (PLOVER PROTEST, obstruct), 191 "impose blockade,
 * restrict movement" what a state's forces or authorities do (PLOVER COERCE, restrict); PLOVER's
 * PROTEST is "civilian demonstrations and other collective actions … as protests against the
 * target actor". So "occupation authorities were blocking the export of citrus", "government
 * forces set up roadblocks around the towns" are COERCE. The actor is a state when every one
 * named is a state organ (a sector of data/sectors.tsv that is a government's own: GOV, MIL, COP,
 * JUD, LEG, SPY) or a country as a whole.
 */
import type { Entity } from '../doc/types.js';

const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);
/** CAMEO's obstruction by protesters, and its blockade by a state. */
const OBSTRUCT = '144';
const BLOCKADE = '191';

const isState = (a: Entity) => STATE_SECTORS.has(a.sector ?? '') || (a.type === 'LOC' && !!a.country && !a.sector);

/** The CAMEO code a state's obstruction takes (191), or null when the event is not one. */
export function stateObstruction(cameo: string, actor: readonly Entity[]): string | null {
  if (!cameo.startsWith(OBSTRUCT) || !actor.length || !actor.every(isState)) return null;
  return BLOCKADE;
}
