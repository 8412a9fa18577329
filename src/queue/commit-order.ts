/**
 * Commit order: articles are analysed in parallel by any number of workers, but committed in
 * the stream's sequence order, so that the happenings (a report joins what is already there)
 * and the actor registry (an article's coding reads what earlier articles taught) come out as
 * one `acta ingest` of the same articles in the same order makes them.
 *
 * Each save records the sequence it consumed in the store, in the save's own transaction
 * (queue_progress); dead letters and articles the store already held are recorded too. A
 * worker holding sequence k saves once k-1 is recorded, so by induction every recorded step
 * has all the steps before it recorded, and "k-1 recorded" means "everything before k is
 * done". The one exception is the first message of a store: sequences before it may have been
 * consumed into another store (an earlier run) or never recorded at all — they are done when
 * they are no longer in the stream (a work-queue stream keeps a message until it is
 * acknowledged, and a worker acknowledges only after recording).
 *
 * The recorded steps also carry the registry entries each save changed: a worker follows the
 * registry that way, whichever process saved, as a single process follows its own saves.
 */
import { buildRegistry, type ActorRegistry, type UpdatableRegistry } from '../actors/registry.js';
import type { Store } from '../store/index.js';
import type { RegistryQuestion } from '../parallel/messages.js';
import { isDeepStrictEqual } from 'node:util';

/** The store's actor registry as of the last recorded step this worker has read, kept up to date from the steps. */
export class FollowedRegistry {
  readonly registry: UpdatableRegistry;
  /** The last step read (its registry changes are in). */
  followed: number;

  constructor(private readonly store: Store, private readonly stream: string) {
    // The mark first: a step recorded while the registry is read is read again after, harmlessly.
    this.followed = store.lastQueueStep(stream);
    this.registry = buildRegistry(store.listActors());
  }

  /** Read the steps recorded since the last call, taking in the registry entries they changed; the last step now known. */
  catchUp(): number {
    const steps = this.store.queueSteps(this.stream, this.followed);
    for (const step of steps) {
      for (const id of step.actors) {
        const entry = this.store.getActor(id);
        if (entry) this.registry.put(entry);
      }
      this.followed = step.seq;
    }
    return this.followed;
  }

  /** A registry that notes every question asked of it, with its answer, into `questions`. */
  recording(questions: RegistryQuestion[]): ActorRegistry {
    const registry = this.registry;
    return {
      get size() { return registry.size; },
      lookup(name, date = null, context = {}) {
        const answer = registry.lookup(name, date, context);
        questions.push({ name, date, context, answer });
        return answer;
      },
    };
  }

  /** Whether the registry now gives every recorded question the answer it gave then (else the article must be analysed again). */
  answersSame(questions: readonly RegistryQuestion[]): boolean {
    return questions.every((q) => isDeepStrictEqual(this.registry.lookup(q.name, q.date, q.context), q.answer));
  }
}

/**
 * Whether sequence `seq` may be committed now: its predecessor is recorded (or a later step is:
 * this one was committed before, by a worker that died before acknowledging), or, when the
 * store records nothing from there on, the predecessor has left the stream.
 */
export async function mayCommit(seq: number, followed: number, predecessorInStream: (seq: number) => Promise<boolean>, askStream: boolean): Promise<boolean> {
  if (seq <= 1 || followed >= seq - 1) return true;
  if (!askStream) return false;
  return !(await predecessorInStream(seq - 1));
}
