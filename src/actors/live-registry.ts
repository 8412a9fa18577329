/**
 * A registry that follows the store while a batch is being ingested: reloaded
 * from the store after each saved article while the store is small, then every
 * RELOAD_EVERY articles, so article N can use what articles 1…N-1 taught
 * without reading the whole registry for every article of a large batch.
 */
import { registryFromStore, type ActorRegistry, type ActorSource } from './registry.js';

export const RELOAD_EVERY = 100;
const SMALL_STORE = 5000;

export interface LiveRegistry extends ActorRegistry {
  /** Tell the registry an article was saved. */
  saved(): void;
}

export function liveRegistry(store: ActorSource): LiveRegistry {
  let current = registryFromStore(store);
  let pending = 0;
  return {
    get size() { return current.size; },
    lookup(name, date) {
      if (pending > 0 && (current.size < SMALL_STORE || pending >= RELOAD_EVERY)) {
        current = registryFromStore(store);
        pending = 0;
      }
      return current.lookup(name, date);
    },
    saved() { pending++; },
  };
}
