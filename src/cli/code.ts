/**
 * `acta code` and `acta analyze`: read articles, run the pipeline, print events
 * (or every layer) on stdout, problems on stderr; with --db also store them.
 */
import type { Doc } from '../doc/types.js';
import { formatProblem } from '../ingest/index.js';
import { orderedAnalysis } from '../parallel/ordered-analysis.js';
import { toAnalyzeRecord } from '../output/analyze-record.js';
import { toConllu } from '../output/conllu.js';
import { EVENT_FORMATS, csvHeader, csvLine, ploverLine, tableLines, tsvHeader, tsvLine } from '../output/event-formats.js';
import { storeWriteFailure, type Store } from '../store/index.js';
import { analysisFailure } from './failure.js';
import { readInputs } from '../ingest/files.js';
import { printable } from '../output/terminal.js';
import { progressOf } from './progress.js';
import { stopReason, stoppedStatus, untilStopped, type Out, type Session } from './session.js';
import { fraction, inputEncoding, isoDay, jobsOf, oneOf, openStoreAt, parse, requireInputs, userActors, UsageError } from './args.js';
import { existsSync } from 'node:fs';
import { loadPetrarchDictionaries, type PetrarchDictionaries } from '../events/petrarch/index.js';
import { codeArticleWithDictionaries } from '../events/petrarch/article.js';

export const CODE_HELP = `Usage: acta code [FILE|DIR|-]... [options]

Code the events in news articles and print them, one per line (JSONL) by default.
Inputs: text files (a "DD.MM.YYYY Author: Name" dateline and a title line are
recognised), HTML pages, JSONL batches ({"id","text"|"html","published",...} per
line), JSON arrays, directories (recursively), and - for stdin.

Options:
  --format F        jsonl (default) | json | plover | table | tsv | csv
                    Every event is printed with its realis: actual, future (planned,
                    announced), hypothetical (wished, feared, conditional, a purpose) or
                    negated; the table marks the ones not actual FUT, HYP, NOT before the
                    type ("acta events" lists actual ones unless --realis says otherwise)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --db FILE|URL     also store articles and events in this SQLite file or postgres:// URL
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable): names, type,
                    country, sector, from, to, note, as in acta's data/actors.tsv; the names it
                    knows are coded from it, the rest as acta knows them
  --encoding E      how files without a byte order mark are read: utf8 (default) | latin1 |
                    windows-1252 (text, HTML and JSONL alike; latin1 is read as windows-1252,
                    as browsers do)
  --min-confidence X  only events with confidence >= X (0..1)
  --jobs N          articles analysed at once on N threads (default: one per core); the
                    output, in input order, and the store are those of --jobs 1
  --no-progress     no progress line on stderr (shown only when stderr is a terminal)
  --petrarch-verbs FILE     code with your PETRARCH/TABARI verb dictionary instead of acta's
  --petrarch-actors FILE    … its actor dictionary (repeatable; date-restricted codes honoured)
  --petrarch-agents FILE    … its agent dictionary (repeatable)
  --petrarch-discards FILE  … its discard list (repeatable)
  --with-acta       put acta's own countries, actors and role words beneath those files
  -h, --help        this help

A path that does not exist is a usage error, found before anything is read or stored.
Ctrl-C stops after the article in hand: what was stored stays stored, and a summary says
how much. Output to a reader that stops early (acta code … | head) ends the run quietly.

Exit status: 0 all inputs read; 1 some inputs failed (the rest were coded); 2 usage error;
130 interrupted (Ctrl-C).`;

export const ANALYZE_HELP = `Usage: acta analyze [FILE|DIR|-]... [options]

Print every layer of each article — dropped boilerplate, paragraphs, sentences,
tokens with their dependency parse (Universal Dependencies head and relation),
entities (CoNLL types), descriptive mentions, time expressions (TIMEX3 type and
value), places, attribution relations (source, cue, content, class) and events —
with offsets into the text as given.

Options:
  --format F        jsonl (default) | json | conllu (the parse only, one CoNLL-U block per
                    sentence; MISC holds each token's TokenRange=start:end)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  --encoding E      utf8 (default) | latin1 | windows-1252, as for acta code
  --jobs N          articles analysed at once on N threads (default: one per core)
  --no-progress     no progress line on stderr (shown only when stderr is a terminal)
  -h, --help        this help

Exit status: 0 all inputs read; 1 some inputs failed; 2 usage error; 130 interrupted (Ctrl-C).`;

/** The user's PETRARCH dictionaries from the --petrarch-* flags, or null when none is given. */
function loadUserDictionaries(values: Record<string, unknown>, err: Out): PetrarchDictionaries | null {
  const list = (k: string) => (values[k] as string[] | undefined) ?? [];
  const files = { verbs: list('petrarch-verbs'), actors: list('petrarch-actors'), agents: list('petrarch-agents'), discards: list('petrarch-discards') };
  if (Object.values(files).every((f) => f.length === 0)) {
    if (values['with-acta']) throw new UsageError('--with-acta needs at least one --petrarch-* dictionary');
    return null;
  }
  for (const f of Object.values(files).flat()) if (!existsSync(f)) throw new UsageError(`no such dictionary file: ${f}`);
  const dicts = loadPetrarchDictionaries(files, { withActa: values['with-acta'] === true });
  for (const w of dicts.warnings) err.write(`acta: ${w}\n`);
  return dicts;
}

export async function runCode(argv: string[], session: Session, mode: 'code' | 'analyze'): Promise<number> {
  const { out, stop } = session;
  const help = mode === 'code' ? CODE_HELP : ANALYZE_HELP;
  const { values, positionals } = parse(argv, {
    format: { type: 'string' }, published: { type: 'string' }, actors: { type: 'string', multiple: true },
    encoding: { type: 'string' }, 'no-progress': { type: 'boolean' }, jobs: { type: 'string' },
    ...(mode === 'code' ? {
      db: { type: 'string' }, 'min-confidence': { type: 'string' },
      'petrarch-verbs': { type: 'string', multiple: true }, 'petrarch-actors': { type: 'string', multiple: true },
      'petrarch-agents': { type: 'string', multiple: true }, 'petrarch-discards': { type: 'string', multiple: true },
      'with-acta': { type: 'boolean' },
    } : {}),
  }, help);
  if (values.help) { out.write(help + '\n'); return 0; }
  const format = mode === 'code'
    ? oneOf(values.format as string | undefined, EVENT_FORMATS, '--format', 'jsonl')
    : oneOf(values.format as string | undefined, ['jsonl', 'json', 'conllu'] as const, '--format', 'jsonl');
  const published = isoDay(values.published as string | undefined, '--published');
  const encoding = inputEncoding(values.encoding as string | undefined);
  const minConfidence = fraction(values['min-confidence'] as string | undefined, '--min-confidence') ?? 0;
  const inputs = positionals.length ? positionals : process.stdin.isTTY ? [] : ['-'];
  if (inputs.length === 0) throw new UsageError(`no input given\n\n${help}`);
  requireInputs(inputs);
  const dicts = mode === 'code' ? loadUserDictionaries(values, session.err) : null;
  const actors = userActors(values);
  const dbPath = values.db as string | undefined;
  const store: Store | null = mode === 'code' && dbPath !== undefined ? openStoreAt(dbPath, { mustExist: false }) : null;
  const jobs = jobsOf(values.jobs as string | undefined);
  const shown = await progressOf(session, inputs, values['no-progress'] === true);
  const err = shown.messages(session.err);
  let failed = 0;
  let first = true;
  let articles = 0;
  let eventCount = 0;
  if (format === 'json') out.write('[');
  if (format === 'tsv') out.write(tsvHeader());
  if (format === 'csv') out.write(csvHeader());
  try {
    const { analysed, saved } = orderedAnalysis(untilStopped(readInputs(inputs, { published, encoding }), stop), { jobs, actors, store });
    for await (const r of analysed) {
      shown.tick();
      if (r.kind === 'problem') { failed++; err.write(`acta: ${formatProblem(r.problem)}\n`); continue; }
      if (r.kind === 'failed') { failed++; err.write(`acta: ${analysisFailure(r.article.meta.origin, r.error)}\n`); continue; }
      if (r.kind !== 'doc') continue;
      const item = r.article;
      let doc: Doc = r.doc;
      articles++;
      if (store) {
        try {
          if (store.saveDoc(doc).stored) saved();
        } catch (e) {
          // The store cannot be written (disk full, read-only): every later article would fail too.
          const storeFailure = storeWriteFailure(e, store.path);
          if (!storeFailure) throw e;
          failed++;
          err.write(`acta: ${storeFailure} (stopped at ${item.meta.origin})\n`);
          break;
        }
      }
      if (dicts) doc = { ...doc, events: codeArticleWithDictionaries(doc, dicts) };
      const events = doc.events.filter((e) => e.confidence >= minConfidence);
      eventCount += events.length;
      if (mode === 'analyze' && format === 'conllu') {
        out.write(toConllu(doc));
        continue;
      }
      if (mode === 'analyze') {
        const rec = JSON.stringify(toAnalyzeRecord({ ...doc, events }));
        out.write(format === 'json' ? `${first ? '' : ','}\n${rec}` : rec + '\n');
        first = false;
        continue;
      }
      switch (format) {
        case 'jsonl': for (const e of events) out.write(JSON.stringify(e) + '\n'); break;
        case 'json': for (const e of events) { out.write(`${first ? '' : ','}\n${JSON.stringify(e)}`); first = false; } break;
        case 'plover': for (const e of events) out.write(ploverLine(e)); break;
        case 'tsv': for (const e of events) out.write(tsvLine(e)); break;
        case 'csv': for (const e of events) out.write(csvLine(e)); break;
        case 'table': out.write(`\n${articleHeading(doc, events.length)}\n${tableLines(events)}`); break;
      }
    }
  } finally {
    shown.end();
    store?.close();
  }
  const stopped = stopReason(stop);
  if (stopped === 'output-closed') return stoppedStatus(stopped);
  if (format === 'json') out.write('\n]\n');
  if (format === 'table' || stopped) {
    err.write(`acta: ${stopped ? 'interrupted after ' : ''}${articles} article(s), ${eventCount} event(s)${dbPath !== undefined ? `, stored in ${dbPath}` : ''}${failed ? `, ${failed} input problem(s)` : ''}\n`);
  }
  if (stopped) return stoppedStatus(stopped);
  return failed > 0 ? 1 : 0;
}

/** The line above an article's events in the table: title (or file), date, author, count; control characters shown, not obeyed. */
function articleHeading(doc: Doc, events: number): string {
  const m = doc.meta;
  return printable(`${m.title ?? m.origin} — ${m.published ?? 'undated'}${m.author ? `, ${m.author}` : ''} (${events} events)`);
}
