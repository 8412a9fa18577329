/**
 * "Due to" before a verb schedules it: "the president is due to meet the chancellor", "also due
 * to attend are …", "talks are due to be held in Geneva" tell an act still to come, as "scheduled
 * to" does — the realis `future` (data/realis-cues.tsv has "set" and "schedule"; "due" is an
 * adjective the parser reads as the causal "due to", so the two words are read as they stand).
 * Before a noun, "due to" gives a cause ("delays due to the strike") and schedules nothing.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';

/** Relations by which an event noun is carried by a verb ("hold talks", "talks will be held"). */
const CARRIED = new Set(['obj', 'nsubj', 'nsubj:pass']);

/** Is the verb at v scheduled by "due to" just before it ("due to meet", "due to be held")? */
function dueBefore(tokens: readonly Token[], v: number, from: number): boolean {
  let k = v - 1;
  if (k >= from && tokens[k].normal === 'be') k--;
  return k - 1 >= from && tokens[k].normal === 'to' && tokens[k - 1].normal === 'due';
}

/**
 * Is the event whose trigger is token t scheduled by "due to": its verb, or the verb that
 * carries its noun, comes right after "due to"? `from` is the sentence's first token.
 */
export function scheduledByDue(tokens: readonly Token[], tree: DependencyTree | null, t: number, from: number): boolean {
  if (tokens[t].pos === 'VERB') return dueBefore(tokens, t, from);
  if (!tree || !tree.parsed(t) || !CARRIED.has(tree.dep(t)?.rel ?? '')) return false;
  const h = tree.head(t);
  return h !== null && h >= 0 && tokens[h].pos === 'VERB' && dueBefore(tokens, h, from);
}
