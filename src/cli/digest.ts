/** `acta digest`: a brief of a period's events to read, print and forward (HTML, Markdown or PDF). */
import { buildDigest } from '../digest/model.js';
import { digestHtml } from '../digest/html.js';
import { digestMarkdown } from '../digest/markdown.js';
import { digestPdf } from '../digest/pdf.js';
import { countryCode, isoDay, oneOf, openStoreAt, parse, ploverType, UsageError } from './args.js';
import { ftsQuery } from '../store/text-query.js';
import type { Session } from './session.js';
import { WholeFile } from './whole-file.js';

export const DIGEST_FORMATS = ['html', 'md', 'pdf'] as const;

export const DIGEST_HELP = `Usage: acta digest --from DAY --to DAY [--db FILE|URL] [--country ISO3]… [--admin1 NAME]…
                   [--actor CODE]… [--event TYPE]… [--text QUERY] [--format html|md|pdf] [-o FILE]

A brief of what the stored articles say happened in a period, to read, print and forward: the
selection; headline figures (happenings, reports, articles, distinct sources) and their change on
the previous period of equal length; a timeline by type; a map; top actors and dyads; the key
happenings ranked (reports, severity, novelty), each told in one sentence with its evidence quote
and sources; data quality; a method note; the sources. An empty selection gives a short digest
that says so.

Selection (each list flag may be given more than once; a happening matching any value counts):
  --from DAY, --to DAY  the period, YYYY-MM-DD, both needed
  --country ISO3        any actor, recipient or the place in this country
  --admin1 NAME         the place's first-level division
  --actor CODE          an actor whose name contains this, or whose code starts with it
  --event TYPE          a PLOVER type (ASSAULT, PROTEST, …)
  --text QUERY          full-text search over the articles, as acta events --text
Output:
  --format F            html (default: one self-contained file, no request outside it) | md
                        (Markdown; the charts left out) | pdf (fonts embedded)
  -o, --output FILE     write FILE (whole, or not at all); default stdout
  --db FILE|URL         the SQLite file, or a postgres:// URL (default: acta.db)
  -h, --help            this help`;

const list = (v: unknown) => (v === undefined ? [] : (v as string[]));

export async function runDigest(argv: string[], session: Session): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, country: { type: 'string', multiple: true },
    admin1: { type: 'string', multiple: true }, actor: { type: 'string', multiple: true }, event: { type: 'string', multiple: true },
    text: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' },
  }, DIGEST_HELP);
  if (values.help) { session.out.write(DIGEST_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${DIGEST_HELP}`);
  const from = isoDay(values.from as string | undefined, '--from');
  const to = isoDay(values.to as string | undefined, '--to');
  if (!from || !to) throw new UsageError('--from and --to are both needed: the digest\'s period, YYYY-MM-DD');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const text = values.text as string | undefined;
  if (text !== undefined && ftsQuery(text) === null) throw new UsageError(`--text needs a word to search for (got "${text}")`);
  const format = oneOf(values.format as string | undefined, DIGEST_FORMATS, '--format', 'html');
  const selection = {
    from, to, text,
    countries: list(values.country).map((c) => countryCode(c, '--country') as string),
    admin1: list(values.admin1),
    actors: list(values.actor),
    events: list(values.event).map((e) => ploverType(e, '--event') as string),
  };
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  let bytes: Buffer;
  let summary: string;
  try {
    const digest = buildDigest(store, selection);
    bytes = format === 'pdf' ? await digestPdf(digest) : Buffer.from(format === 'md' ? digestMarkdown(digest) : digestHtml(digest), 'utf8');
    summary = `${digest.figures.happenings} happening(s) from ${digest.figures.reports} report(s) in ${digest.figures.articles} article(s)`;
  } finally {
    store.close();
  }
  const output = values.output as string | undefined;
  if (output === undefined) {
    session.out.write(format === 'pdf' ? (bytes as unknown as string) : bytes.toString('utf8'));
  } else {
    // A failed digest leaves no file (whole-file.ts).
    const file = WholeFile.open(output);
    try {
      file.write(bytes);
      file.commit();
    } catch (e) {
      file.discard();
      throw new UsageError(`cannot write ${output}: ${(e as Error).message}`);
    }
  }
  session.err.write(`acta digest: ${format}, ${summary}${output ? ` → ${output}` : ''}\n`);
  return 0;
}
