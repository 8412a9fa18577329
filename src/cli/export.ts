/** `acta export`: the stored events in the field's formats, to a file (written whole or not at all) or stdout. */
import { emptySummary, EXPORT_FORMATS, exportStore } from '../export/index.js';
import { FILTER_HELP, FILTER_OPTIONS, filterOf } from './events.js';
import { oneOf, openStoreAt, parse, UsageError } from './args.js';
import { stopReason, stoppedStatus, type Session } from './session.js';
import { WholeFile } from './whole-file.js';

export const EXPORT_HELP = `Usage: acta export --format F [--db FILE|URL] [filters] [-o FILE]

Write the stored events in a format another tool reads.

Formats:
  gdelt           GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, one
                  row per happening (reports of one event merged; NumMentions,
                  NumSources, NumArticles count them); FIPS 10-4 geography codes
  gdelt-mentions  GDELT 2.0 mentions table: 16 columns, a row per telling of a happening
  acled           ACLED CSV with ACLED's columns, one row per happening; PLOVER types
                  mapped by data/plover-acled.tsv, events outside ACLED's scope (statements,
                  meetings, aid, …) and undated ones left out
  plover          PLOVER JSONL, one event a line
  geojson         a GeoJSON (RFC 7946) FeatureCollection of the events
  csv             one row per event, acta's flat columns
  jsonl           acta's event records, one a line
  gexf, graphml   the actor network (Gephi, yEd, NetworkX, igraph)

Filters:
${FILTER_HELP}
Output:
  -o, --output FILE  write FILE (whole, or not at all if the export fails); default stdout
  --header           a header line for the GDELT tables (GDELT's own files have none)
  --db FILE|URL      the SQLite file, or a postgres:// URL (default: acta.db)
  -h, --help         this help

Text from articles is escaped for every format: CSV and TSV cells that a spreadsheet would run as
a formula (=, +, -, @) start with an apostrophe; XML text is escaped.`;

export async function runExport(argv: string[], session: Session): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...FILTER_OPTIONS, db: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' }, header: { type: 'boolean' },
  }, EXPORT_HELP);
  if (values.help) { session.out.write(EXPORT_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are flags: --country, --event, …)\n\n${EXPORT_HELP}`);
  if (values.format === undefined) throw new UsageError(`--format is needed: one of ${EXPORT_FORMATS.join(', ')}`);
  const format = oneOf(values.format as string, EXPORT_FORMATS, '--format', 'csv');
  const filter = filterOf(values);
  const output = values.output as string | undefined;
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  const summary = emptySummary();
  // A failed or stopped export leaves no file (whole-file.ts).
  let file: WholeFile | null = null;
  try {
    if (output !== undefined) file = WholeFile.open(output);
    for (const chunk of exportStore(store, format, filter, summary, { header: values.header as boolean | undefined })) {
      const stopped = stopReason(session.stop);
      if (stopped) { file?.discard(); return stoppedStatus(stopped); }
      if (file) file.write(chunk); else session.out.write(chunk);
    }
    file?.commit();
  } catch (e) {
    file?.discard();
    throw e;
  } finally {
    store.close();
  }
  const leftOut = summary.left_out ? `; ${summary.left_out} event(s) ${format} has no row for left out` : '';
  session.err.write(`acta export: ${summary.rows} ${format} row(s) from ${summary.events} event(s)${leftOut}${output ? ` → ${output}` : ''}\n`);
  return 0;
}
