/**
 * Writing happenings (src/store/happenings.ts: reports of one real-world event merged across
 * articles) in the formats events are written in: JSON and JSONL as stored; PLOVER, TSV and CSV
 * as the event formats, each happening in the shape of an event with its id and counts added.
 * `acta events` and `GET /api/v1/events` both write them from here.
 */
import type { CodedEvent } from '../doc/types.js';
import type { HappeningRecord } from '../store/happenings.js';
import { csvHeader, csvLine, ploverRecord, tsvHeader, tsvLine } from './event-formats.js';

/**
 * A happening in the shape of an event, for the formats that print events (table, TSV, CSV,
 * PLOVER): its representative report with the fields the happening's reports decided.
 */
export function happeningAsEvent(h: HappeningRecord): CodedEvent {
  return {
    ...h.representative.event, event: h.event, cameo: h.cameo ?? h.representative.event.cameo, realis: h.realis,
    date: h.date, date_precision: h.date_precision, location: h.location, actor: h.actor, recipient: h.recipient, casualties: h.casualties,
  };
}

/** The columns a happening adds after an event's in TSV and CSV. */
export const HAPPENING_COLUMNS = ['happening', 'reports', 'articles', 'sources'];
const happeningCells = (h: HappeningRecord) => [h.id, h.reports, h.articles, h.sources].map(String);

/** A happening as a PLOVER record, with its id and counts. */
export const happeningPloverLine = (h: HappeningRecord) =>
  JSON.stringify({ ...ploverRecord(happeningAsEvent(h)), happening: h.id, reports: h.reports, articles: h.articles, sources: h.sources }) + '\n';

export const happeningTsvHeader = () => tsvHeader().replace(/\n$/, `\t${HAPPENING_COLUMNS.join('\t')}\n`);
export const happeningTsvLine = (h: HappeningRecord) => tsvLine(happeningAsEvent(h)).replace(/\n$/, `\t${happeningCells(h).join('\t')}\n`);
export const happeningCsvHeader = () => csvHeader().replace(/\n$/, `,${HAPPENING_COLUMNS.join(',')}\n`);
export const happeningCsvLine = (h: HappeningRecord) => csvLine(happeningAsEvent(h)).replace(/\n$/, `,${happeningCells(h).join(',')}\n`);
