/**
 * A registry that follows the store while a batch is being ingested: loaded
 * once when the batch starts, then told of each saved article, after which it
 * takes in only the entries that article's save changed (the store knows
 * which). Article N uses what articles 1…N-1 taught, and the cost of keeping
 * up is the size of one article's entries, not of the whole registry. What
 * another process saves into the same store meanwhile is seen by the next batch.
 */
import { buildRegistry, type ActorRegistry, type ChangingActorSource } from './registry.js';

export interface LiveRegistry extends ActorRegistry {
  /** Tell the registry an article was saved. */
  saved(): void;
}

export function liveRegistry(store: ChangingActorSource): LiveRegistry {
  // Changes from before the full load are in it already.
  let revision = store.actorsChangedSince(Number.MAX_SAFE_INTEGER).revision;
  const current = buildRegistry(store.listActors());
  return {
    get size() { return current.size; },
    lookup: (name, date, context) => current.lookup(name, date, context),
    saved() {
      const changed = store.actorsChangedSince(revision);
      for (const entry of changed.entries) current.put(entry);
      revision = changed.revision;
    },
  };
}
