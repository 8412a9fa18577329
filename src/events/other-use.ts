/**
 * The uses of an event word that are no political act, each read from the parse by a mechanism of
 * its own (one file each, with its test), in one place for findEvents to ask: comment withheld
 * from reporters, a question put, a danger posed, an outcome helped along, necessity with no one
 * who compels, a warning that forecasts things, backing by weapons. Returns the reason, or null.
 */
import type { SenseContext } from './sense.js';
import { withheldComment } from './withheld-comment.js';
import { questionPut } from './question-put.js';
import { posedThreat } from './posed-threat.js';
import { helpsOutcome } from './contribution.js';
import { compelledByCircumstance } from './compulsion.js';
import { warnsOfThings } from './warning-sense.js';
import { armedBacking } from './armed-backing.js';

export interface UseQuery {
  kind: 'verb' | 'noun';
  trigger: number;
  /** The pattern's PLOVER type. */
  event: string;
}

export function otherUse(c: SenseContext, q: UseQuery): string | null {
  const tree = c.tree ?? null;
  const { tokens, mentions } = c;
  const t = q.trigger;
  if (q.kind === 'noun') return posedThreat(tokens, tree, t, q.event) ? 'danger-posed' : warnsOfThings(c, tree, t, q.event) ? 'forecast' : null;
  // "declined to elaborate", "asked not to be identified"
  if (withheldComment(tokens, tree, t, q.event)) return 'comment-withheld';
  // "Asked if the bank would respond, X said", "asked what China could learn"
  if (questionPut(tokens, tree, t, q.event)) return 'question';
  // "will help ease pressure"
  if (helpsOutcome(tokens, mentions, tree, t)) return 'outcome-helped';
  // "economic pressures forced producers to sell"
  if (compelledByCircumstance(tokens, mentions, tree, t)) return 'necessity';
  // "warned a further fall might force rates up", "warned of a recession"
  if (warnsOfThings(c, tree, t, q.event)) return 'forecast';
  // "forces backed by heavy artillery fire"
  if (armedBacking(tokens, tree, t, q.event)) return 'weapons';
  return null;
}
