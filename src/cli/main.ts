/** The `acta` command line: a thin layer over the library. */
import { runCode, CODE_HELP, ANALYZE_HELP } from './code.js';
import { runIngest, INGEST_HELP } from './ingest.js';
import { runEvents, EVENTS_HELP } from './events.js';
import { runActors, ACTORS_HELP } from './actors.js';
import { UsageError } from './args.js';

export const MAIN_HELP = `acta — turn news articles into event data: who did what to whom, when, where,
and according to whom (PLOVER and CAMEO), each fact traced to its words.

Usage: acta <command> [options]

Commands:
  code [FILE|DIR|-]...     print the coded events (jsonl | json | table | tsv | csv)
  analyze [FILE|DIR|-]...  print every layer of each article with offsets
  ingest PATH... --db FILE store articles, entities and events in SQLite
  events --db FILE         list stored events with filters
  actors --db FILE         list and search the actor registry learned from stored articles

Run "acta <command> --help" for a command's options.`;

interface Out { write(s: string): void }

export async function main(argv: string[], out: Out = process.stdout, err: Out = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'code': return await runCode(rest, out, err, 'code');
      case 'analyze': return await runCode(rest, out, err, 'analyze');
      case 'ingest': return await runIngest(rest, out, err);
      case 'events': return await runEvents(rest, out);
      case 'actors': return await runActors(rest, out);
      case undefined: case '-h': case '--help': case 'help':
        out.write(MAIN_HELP + '\n');
        return command === undefined ? 2 : 0;
      case '--version': out.write('acta 0.1.0\n'); return 0;
      default: throw new UsageError(`unknown command "${command}"\n\n${MAIN_HELP}`);
    }
  } catch (e) {
    if (e instanceof UsageError) { err.write(`acta: ${e.message}\n`); return 2; }
    throw e;
  }
}

export { CODE_HELP, ANALYZE_HELP, INGEST_HELP, EVENTS_HELP, ACTORS_HELP };
