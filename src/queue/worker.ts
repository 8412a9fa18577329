/**
 * `acta worker`: pull articles from the work-queue stream, analyse each with the pipeline
 * `acta ingest` runs, save it with its events and happenings in one transaction, and
 * acknowledge the message only after the commit. Many workers on many machines share one
 * durable pull consumer; they analyse in parallel and commit in the stream's order
 * (commit-order.ts), so the store ends as one `acta ingest` of the same articles would leave it.
 *
 * What can go wrong, and what happens:
 * - the worker is killed: its transaction never committed, so nothing of the article is left,
 *   and JetStream gives the message to another worker after the ack wait;
 * - the same article comes twice (a redelivery after a commit whose ack was lost, a second
 *   publish after the duplicate window): the store holds its hash and stores nothing;
 * - analysis throws: the message is nak'ed with a delay; at its --max-deliver'th delivery it
 *   goes to the dead-letter stream with the error (and leaves the work queue), and its
 *   sequence counts as done;
 * - the store cannot be reached or cannot commit: the worker backs off (doubling, capped) and
 *   tries again, acknowledging nothing meanwhile;
 * - NATS goes away: the client reconnects; messages held are acknowledged when it is back (an
 *   ack lost on the way means a redelivery, which stores nothing).
 */
import { headers, type ConsumerInfo, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection, type Subscription } from 'nats';
import type { ActorRow } from '../actors/knowledge.js';
import type { Doc, IngestedArticle } from '../doc/types.js';
import type { RegistryQuestion } from '../parallel/messages.js';
import { analyzeIngested } from '../pipeline.js';
import { ingestRecord } from '../ingest/jsonl.js';
import { storeWriteFailure, type Store } from '../store/index.js';
import { FollowedRegistry, mayCommit } from './commit-order.js';
import { articleOfMessage } from './publish.js';
import { ARTICLE_STREAM, DEAD_SUBJECT, PROGRESS_SUBJECT, WORKER_CONSUMER } from './stream.js';
import type { DeadLetter } from './status.js';

export interface WorkerOptions {
  nc: NatsConnection;
  jsm: JetStreamManager;
  /** The article stream's incarnation key (stream.ts streamKey). */
  stream: string;
  store: Store;
  /** Messages held at once, analysed one after another in this thread ahead of their turn, committed in order. */
  concurrency: number;
  /** Deliveries of an article whose analysis fails before it is dead-lettered. */
  maxDeliver: number;
  /** The consumer's ack wait: heartbeats go out at a third of it. */
  ackWaitMs: number;
  actors?: readonly ActorRow[];
  timeBudgetMs?: number;
  /** First nak delay after a failed analysis; doubled at each delivery. */
  retryDelayMs?: number;
  /** The store back-off: first and longest pause between tries. */
  backoffMs?: { first: number; cap: number };
  /** Stop when the stream has nothing left to deliver and nothing is in flight anywhere. */
  untilEmpty?: boolean;
  stop: AbortSignal;
  log: (line: string) => void;
  /** Called after each commit (tests, progress). */
  onCommit?: (seq: number, stored: boolean) => void;
}

export interface WorkerCounts {
  stored: number; held: number; dead: number; retried: number; reanalysed: number;
  /** Milliseconds spent analysing, and in the commit's turn (registry check, save, acknowledgement): the part no other worker can do meanwhile. */
  analysisMs: number; turnMs: number;
}

/** A store failure rather than an article's: the store unreachable, busy past its timeout, unable to write. */
export function storeUnavailable(e: unknown): boolean {
  if (storeWriteFailure(e, '') !== null) return true;
  const code = String((e as { code?: unknown })?.code ?? '');
  // SQLite busy past its timeout; a socket that failed; PostgreSQL's connection (08…), shutdown (57P…) and resource (53…) classes.
  return /^SQLITE_BUSY|^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)$|^08|^57P|^53/.test(code)
    || /connection (terminated|refused|closed)|Connection terminated/i.test((e as Error)?.message ?? '');
}

const sleep = (ms: number, stop?: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  stop?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

/** How long the holder of sequence k waits between two reads of the store's progress when no announcement wakes it. */
const PROGRESS_POLL_MS = 250;
/** How often it also asks the stream whether k-1 is still there (the first message of a store). */
const STREAM_POLL_MS = 1000;

/** How long a pull waits for a message while this worker holds some (analysis may block the thread meanwhile), and while it holds none. */
const PULL_BUSY_MS = 5000;
const PULL_IDLE_MS = 1000;
/** How long a worker that stops waits for a pull under way to bring what the server already sent, to release it. */
const LATE_PULL_MS = 1000;

class Stopped extends Error {}

/**
 * Load the pipeline's models (seconds) before the first pull: an analysis that holds the
 * thread for long while a pull waits makes the client give up on the pull, and the message the
 * server sent on it is only seen again after the ack wait.
 */
function warmUp(actors: readonly ActorRow[] | undefined): void {
  const article = ingestRecord({ text: 'The minister met protesters in Paris on Monday, officials said.' }, 'warm-up', 'warm-up', null);
  if ('text' in article) analyzeIngested(article, { registry: null, actors });
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerCounts> {
  const { nc, jsm, store, stream, stop, log } = opts;
  const js: JetStreamClient = nc.jetstream();
  const consumer = await js.consumers.get(ARTICLE_STREAM, WORKER_CONSUMER);
  const counts: WorkerCounts = { stored: 0, held: 0, dead: 0, retried: 0, reanalysed: 0, analysisMs: 0, turnMs: 0 };
  const retryDelayMs = opts.retryDelayMs ?? 1000;
  const backoff = opts.backoffMs ?? { first: 200, cap: 10_000 };
  const followed = await withStore(() => new FollowedRegistry(store, stream));
  warmUp(opts.actors);

  /** Messages held, by stream sequence, and whether each is only waiting for its turn. */
  const held = new Map<number, { msg: JsMsg; waiting: boolean; stage: string }>();
  const heartbeat = setInterval(() => { for (const h of held.values()) h.msg.working(); }, Math.max(100, Math.floor(opts.ackWaitMs / 3)));

  // Woken at once when another worker announces a step, instead of at the next poll.
  const waiters = new Set<() => void>();
  const announcements: Subscription = nc.subscribe(`${PROGRESS_SUBJECT}.${ARTICLE_STREAM}`, { callback: () => {
    for (const w of waiters) w();
    waiters.clear();
  } });

  /** Run a store call, backing off and trying again while the store is unavailable; Stopped when the run is ended meanwhile. */
  async function withStore<T>(call: () => T): Promise<T> {
    let pause = backoff.first;
    for (;;) {
      if (stop.aborted) throw new Stopped();
      try {
        return call();
      } catch (e) {
        if (!storeUnavailable(e)) throw e;
        log(`store unavailable (${(e as Error).message}); trying again in ${pause} ms`);
        await sleep(pause, stop);
        pause = Math.min(backoff.cap, pause * 2);
      }
    }
  }

  async function inStream(seq: number): Promise<boolean> {
    try {
      await jsm.streams.getMessage(ARTICLE_STREAM, { seq });
      return true;
    } catch (e) {
      if (/no message found|not found/i.test((e as Error).message)) return false;
      return true; // NATS unreachable: assume it is, and ask again later
    }
  }

  /** The last step this worker saw recorded, and when it first saw it. */
  let lastKnown = followed.followed;
  let lastProgressAt = Date.now();

  /** Wait until sequence `seq` may be committed, with the registry caught up to it. */
  async function awaitTurn(seq: number): Promise<void> {
    let askedStream = 0;
    for (;;) {
      // Listening before reading: an announcement that comes while the store and the stream are read is not missed.
      let wake = () => {};
      const woken = new Promise<void>((resolve) => { wake = resolve; waiters.add(resolve); });
      const known = await withStore(() => followed.catchUp());
      if (known > lastKnown) { lastKnown = known; lastProgressAt = Date.now(); }
      const askStream = Date.now() - askedStream >= STREAM_POLL_MS;
      if (askStream) askedStream = Date.now();
      if (await mayCommit(seq, known, inStream, askStream)) {
        // Left the stream: recorded before it was acknowledged, so read once more to have its registry changes.
        waiters.delete(wake);
        await withStore(() => followed.catchUp());
        return;
      }
      if (stop.aborted) { waiters.delete(wake); throw new Stopped(); }
      const timer = setTimeout(wake, PROGRESS_POLL_MS);
      await woken;
      clearTimeout(timer);
      waiters.delete(wake);
    }
  }

  function announce(seq: number): void {
    try { nc.publish(`${PROGRESS_SUBJECT}.${ARTICLE_STREAM}`, new TextEncoder().encode(String(seq))); } catch { /* a hint only: waiters poll too */ }
  }

  function analyse(article: IngestedArticle): { doc: Doc; questions: RegistryQuestion[] } {
    const questions: RegistryQuestion[] = [];
    const t = performance.now();
    try {
      const doc = analyzeIngested(article, { registry: followed.recording(questions), actors: opts.actors, timeBudgetMs: opts.timeBudgetMs });
      return { doc, questions };
    } finally {
      counts.analysisMs += performance.now() - t;
    }
  }

  async function deadLetter(msg: JsMsg, seq: number, article: IngestedArticle | null, error: string): Promise<void> {
    await awaitTurn(seq);
    const letter: DeadLetter = {
      seq, hash: article?.meta.hash ?? null, id: article?.meta.id ?? null, title: article?.meta.title ?? null,
      origin: article?.meta.origin ?? msg.headers?.get('Acta-Origin') ?? null, error, deliveries: msg.info.deliveryCount, at: new Date().toISOString(),
    };
    const h = headers();
    h.set('Acta-Error', error.slice(0, 1000).replace(/[\r\n]+/g, ' '));
    // One dead letter per stream message, however often this is retried.
    await js.publish(DEAD_SUBJECT, new TextEncoder().encode(JSON.stringify(letter)), { msgID: `${stream}#${seq}`, headers: h, timeout: 10_000 });
    await withStore(() => store.recordQueueStep({ stream, seq }, 'dead', article?.meta.hash ?? null));
    announce(seq);
    // Acknowledged, not terminated: the dead letter holds it now, and a work-queue stream drops a
    // message only when it is acknowledged (nats-server 2.9 keeps a terminated one, and reads
    // "+TERM reason" as no answer at all).
    msg.ack();
    counts.dead++;
    log(`dead-lettered ${article?.meta.origin ?? `message ${seq}`} after ${msg.info.deliveryCount} deliveries: ${error}`);
  }

  /** An article that failed: delivered again after a delay, or dead-lettered at its last delivery. */
  async function failed(msg: JsMsg, seq: number, article: IngestedArticle | null, error: string): Promise<void> {
    if (article && msg.info.deliveryCount < opts.maxDeliver) {
      counts.retried++;
      msg.nak(retryDelayMs * 2 ** (msg.info.deliveryCount - 1));
      log(`${article.meta.origin}: ${error} (delivery ${msg.info.deliveryCount} of ${opts.maxDeliver}; delivered again later)`);
      return;
    }
    await deadLetter(msg, seq, article, error);
  }

  const parked = new Set<() => void>();
  /** Wait until `seq` is among the `concurrency` lowest sequences this worker holds. */
  async function inAnalysisWindow(seq: number): Promise<void> {
    for (;;) {
      if (stop.aborted) throw new Stopped();
      let lower = 0;
      for (const s of held.keys()) if (s < seq) lower++;
      if (lower < opts.concurrency) return;
      await new Promise<void>((resolve) => { parked.add(resolve); setTimeout(() => { parked.delete(resolve); resolve(); }, PROGRESS_POLL_MS); });
    }
  }

  async function handle(msg: JsMsg): Promise<void> {
    const seq = msg.seq;
    const entry = held.get(seq)!;
    let article: IngestedArticle;
    try {
      article = articleOfMessage(msg.data);
      if (typeof article?.text !== 'string' || typeof article.meta?.hash !== 'string') throw new Error('not an article');
    } catch (e) {
      return deadLetter(msg, seq, null, `unreadable message: ${(e as Error).message}`);
    }
    // Delivered more often than allowed without an answer: it ended the workers that held it.
    if (msg.info.deliveryCount > opts.maxDeliver) return deadLetter(msg, seq, article, `delivered ${msg.info.deliveryCount} times without being stored (it may end the worker that analyses it)`);
    const hash = article.meta.hash;
    if (await withStore(() => store.hasArticle(hash))) {
      entry.waiting = true;
      taskDone(); // the pull loop may pull again: everything held may now be waiting
      await awaitTurn(seq);
      await withStore(() => store.recordQueueStep({ stream, seq }, 'held', hash));
      announce(seq);
      msg.ack();
      counts.held++;
      opts.onCommit?.(seq, false);
      return;
    }
    // Analysed only among the lowest `concurrency` sequences held; the others (pulled while the run stalled) wait, unread, for their place.
    entry.waiting = true;
    taskDone(); // the pull loop may pull again: everything held may now be waiting
    entry.stage = 'parked';
    await inAnalysisWindow(seq);
    entry.waiting = false;
    let analysed: { doc: Doc; questions: RegistryQuestion[] };
    entry.stage = 'analysing';
    try {
      analysed = analyse(article);
    } catch (e) {
      return failed(msg, seq, article, (e as Error).message);
    }
    entry.waiting = true;
    taskDone(); // the pull loop may pull again: everything held may now be waiting
    entry.stage = 'turn';
    await awaitTurn(seq);
    entry.waiting = false;
    entry.stage = 'saving';
    const turnStarted = performance.now();
    // Analysed before the articles ahead of it were stored: if what they taught the registry changes an answer, analyse again.
    if (!followed.answersSame(analysed.questions)) {
      counts.reanalysed++;
      try {
        analysed = analyse(article);
      } catch (e) {
        return failed(msg, seq, article, (e as Error).message);
      }
    }
    let stored: boolean;
    try {
      stored = (await withStore(() => store.saveDoc(analysed.doc, { stream, seq }))).stored;
    } catch (e) {
      if (e instanceof Stopped) throw e;
      return failed(msg, seq, article, `could not be stored: ${(e as Error).message}`);
    }
    announce(seq);
    msg.ack();
    counts.turnMs += performance.now() - turnStarted;
    if (stored) counts.stored++; else counts.held++;
    opts.onCommit?.(seq, stored);
  }

  async function emptyEverywhere(): Promise<boolean> {
    try {
      const info: ConsumerInfo = await jsm.consumers.info(ARTICLE_STREAM, WORKER_CONSUMER);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    } catch {
      return false;
    }
  }

  // ACTA_QUEUE_DEBUG=1: what this worker holds, every few seconds (to see a run that stalls).
  const debug = process.env.ACTA_QUEUE_DEBUG === '1'
    ? setInterval(() => log(`debug: followed ${followed.followed}; holding ${[...held].map(([seq, h]) => `${seq}${h.waiting ? 'w' : ''}:${h.stage}`).join(' ')}`), 3000)
    : null;
  const stopped = new Promise<null>((resolve) => {
    if (stop.aborted) resolve(null);
    else stop.addEventListener('abort', () => resolve(null), { once: true });
  });
  /** The pull under way, if any; called when the last article held is done. */
  let pull: Promise<JsMsg | null> | null = null;
  let onIdle: (() => void) | null = null;
  /** Leaving with a pull under way: a message it still brings is released at once, not held until the ack wait. */
  const releaseLate = async () => {
    const pending = pull;
    pull = null;
    if (!pending) return;
    // A message already on its way arrives within moments; a pull still waiting for one gives up at its expiry.
    const late = await Promise.race([pending.catch(() => null), sleep(LATE_PULL_MS).then(() => null)]);
    late?.nak();
  };
  const tasks = new Set<Promise<void>>();
  let taskDone: () => void = () => {};
  // Hold up to `concurrency` articles, analysed one after another ahead of their turn. When the
  // store has made no progress for half an ack wait and everything held waits for its turn, pull
  // any number more (parked, unread): the message all wait for may be one whose worker died (or
  // whose delivery was lost), and it comes back, after the ack wait, only to a worker that pulls.
  const mayPull = () => held.size < opts.concurrency
    || ([...held.values()].every((h) => h.waiting) && Date.now() - lastProgressAt > opts.ackWaitMs / 2);
  try {
    while (!stop.aborted) {
      if (!mayPull()) {
        await new Promise<void>((resolve) => { taskDone = resolve; setTimeout(resolve, PROGRESS_POLL_MS); });
        continue;
      }
      let msg: JsMsg | null | 'idle' = null;
      try {
        // A pull that expires while this thread is busy analysing can lose the message it was
        // sent (it comes back after the ack wait): a longer expiry while articles are held (the
        // models are loaded before the first pull, so no analysis holds the thread for long),
        // a short one when idle, to notice an empty queue soon. A pull outlives the loop's turn
        // when the last article held is done first: the next turn waits on the same pull.
        pull ??= consumer.next({ expires: held.size > 0 ? PULL_BUSY_MS : PULL_IDLE_MS });
        // --until-empty: look again whether the queue is empty once nothing is held, and every second while nothing is.
        const idle = !opts.untilEmpty ? null
          : held.size > 0 ? new Promise<'idle'>((resolve) => { onIdle = () => resolve('idle'); })
          : sleep(PULL_IDLE_MS).then(() => 'idle' as const);
        const pulled = pull.then((m): { pulled: JsMsg | null } => ({ pulled: m }));
        const first = await Promise.race<{ pulled: JsMsg | null } | 'idle' | null>(idle ? [pulled, stopped, idle] : [pulled, stopped]);
        onIdle = null;
        if (first !== null && first !== 'idle') pull = null;
        msg = first === null ? null : first === 'idle' ? 'idle' : first.pulled;
        // Stopped first: a message the pull still brings is released at once.
        if (stop.aborted) { if (msg && msg !== 'idle') msg.nak(); break; }
      } catch (e) {
        pull = null;
        if (stop.aborted) break;
        log(`waiting for NATS (${(e as Error).message})`);
        await sleep(500, stop);
        continue;
      }
      if (msg === 'idle' || !msg) {
        if (opts.untilEmpty && held.size === 0 && await emptyEverywhere()) break;
        continue;
      }
      const m = msg;
      held.set(m.seq, { msg: m, waiting: false, stage: 'pulled' });
      const task = handle(m).catch((e) => {
        if (e instanceof Stopped) { m.nak(); return; }
        log(`message ${m.seq}: ${(e as Error).message}; released for another try`);
        m.nak(retryDelayMs);
      }).finally(() => {
        held.delete(m.seq);
        tasks.delete(task);
        taskDone();
        for (const p of parked) p();
        parked.clear();
        if (held.size === 0) onIdle?.();
      });
      tasks.add(task);
    }
  } finally {
    // Stopping: what is being saved finishes; what waits for its turn is released (Stopped → nak) for another worker.
    await Promise.all([releaseLate(), ...tasks]);
    clearInterval(heartbeat);
    if (debug) clearInterval(debug);
    announcements.unsubscribe();
  }
  return counts;
}
