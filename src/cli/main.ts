/** The `acta` command line: a thin layer over the library. */
// Each command's module loads only when it runs: `acta serve` need not load the pipeline (about
// half a second of its start-up), nor `acta events` the server.
import { UsageError } from './usage-error.js';
import { messagesTo, type Out, type Session } from './session.js';

export const MAIN_HELP = `acta — turn news articles into event data: who did what to whom, when, where,
and according to whom (PLOVER and CAMEO), each fact traced to its words.

Usage: acta <command> [options]

Commands:
  code [FILE|DIR|-]...     print the coded events (jsonl | json | plover | table | tsv | csv);
                           with --db FILE also store them
  analyze [FILE|DIR|-]...  print every layer of each article with offsets
  ingest PATH...           store articles, entities and events in SQLite
                           (--db FILE|URL, default acta.db)
  watch URL|DIR...         follow feeds (RSS, Atom, RDF, JSON Feed) and directories, storing
                           each new article (--every 15m, --once; --db FILE, default acta.db)
  events                   list stored happenings with filters (--db FILE|URL, default acta.db);
                           --reports lists each article's events instead
  changes --since T        the happenings created, updated, merged and deleted since T (a
                           time or the last answer's cursor) (--db FILE|URL, default acta.db)
  actors                   list and search the actor registry learned from stored articles
                           (--db FILE|URL, default acta.db)
  export --format F        stored events as GDELT, ACLED, PLOVER, GeoJSON, CSV or a
                           network (GEXF, GraphML) (--db FILE|URL, default acta.db)
  digest --from D --to D   a brief of a period's events: HTML, Markdown or PDF
                           (--db FILE|URL, default acta.db)
  worker --queue URL       analyse and store the articles "ingest PATH... --queue URL"
                           published to NATS JetStream (--db FILE|URL, default acta.db)
  queue status --queue URL the work queue's pending, in-flight and failed articles
  serve                    the web page and the HTTP API over a store, on
                           127.0.0.1:8787 (--db FILE|URL, default acta.db)

Run "acta <command> --help" for a command's options.`;

export interface MainOptions {
  /** Aborted, with a StopReason, to end a run early (bin/acta.js: Ctrl-C, stdout closed). */
  stop?: AbortSignal;
}

/**
 * Run one command. `err` gets messages with every control character of the
 * text they echo shown, not obeyed; when `err.isTTY`, long runs draw a
 * progress line on it as well.
 */
export async function main(argv: string[], out: Out = process.stdout, err: Out = process.stderr, opts: MainOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  const session: Session = { out, err: messagesTo(err), terminal: err.isTTY ? err : null, stop: opts.stop ?? new AbortController().signal };
  try {
    switch (command) {
      case 'code': return await (await import('./code.js')).runCode(rest, session, 'code');
      case 'analyze': return await (await import('./code.js')).runCode(rest, session, 'analyze');
      case 'ingest': return await (await import('./ingest.js')).runIngest(rest, session);
      case 'watch': return await (await import('./watch.js')).runWatch(rest, session);
      case 'events': return await (await import('./events.js')).runEvents(rest, out);
      case 'changes': return await (await import('./changes.js')).runChanges(rest, out);
      case 'actors': return await (await import('./actors.js')).runActors(rest, out);
      case 'export': return await (await import('./export.js')).runExport(rest, session);
      case 'digest': return await (await import('./digest.js')).runDigest(rest, session);
      case 'worker': return await (await import('./worker.js')).runWorkerCommand(rest, session);
      case 'queue': return await (await import('./queue.js')).runQueue(rest, session);
      case 'serve': return await (await import('./serve.js')).runServe(rest, session);
      case undefined: case '-h': case '--help': case 'help':
        out.write(MAIN_HELP + '\n');
        return command === undefined ? 2 : 0;
      case '--version': out.write('acta 0.1.0\n'); return 0;
      default: throw new UsageError(`unknown command "${command}"\n\n${MAIN_HELP}`);
    }
  } catch (e) {
    if (e instanceof UsageError) { session.err.write(`acta: ${e.message}\n`); return 2; }
    if (e instanceof Error && e.name === 'QueueUnreachable') { session.err.write(`acta: ${e.message}\n`); return 1; }
    throw e;
  }
}

