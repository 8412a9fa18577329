import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent } from '../doc/types.js';
import { EVENT_FORMATS, FLAT_COLUMNS, csvHeader, csvLine, flatRow, ploverLine, ploverRecord, tableLines, tsvHeader, tsvLine } from './event-formats.js';
import { toAnalyzeRecord } from './analyze-record.js';

const TEXT = 'Iraqi troops arrested five suspects in Mosul on 3 June 2022.\n\nIran did not retaliate against the United States.';
const doc = analyze({ id: 'story-1', text: TEXT, published: '2022-06-05' });

function withNames(e: CodedEvent, actor: string, trigger: string): CodedEvent {
  return { ...e, actor: e.actor.map((a) => ({ ...a, name: actor })), trigger: { ...e.trigger, text: trigger } };
}

/** Split one CSV line into cells, honouring double quotes. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cur); cur = ''; } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

test('the sample article has an arrest and a negated retaliation', () => {
  assert.deepEqual(doc.events.map((e) => [e.event, e.negated]), [['COERCE', false], ['ASSAULT', true]]);
});

test('the formats on offer are the contract ones and the flat ones', () => {
  assert.deepEqual([...EVENT_FORMATS].sort(), ['csv', 'json', 'jsonl', 'plover', 'table', 'tsv']);
});

test('a PLOVER record uses the manual\'s field names and its sector codes', () => {
  const [arrest] = doc.events;
  const rec = ploverRecord(arrest);
  for (const k of ['id', 'date', 'actor', 'recipient', 'event', 'event_loc', 'event_text', 'quad_code', 'event_scale', 'mode', 'context', 'text_info']) assert.ok(k in rec, k);
  assert.deepEqual(rec.event, ['COERCE']);
  assert.equal(rec.date, '2022-06-03');
  assert.deepEqual(rec.actor.map((a) => [a.entity_text, a.code, a.sector]), [['Iraqi troops', 'IRQ', 'MIL']]);
  assert.equal(rec.event_loc?.name, 'Mosul');
  assert.equal(rec.realis, 'actual');
  assert.equal(TEXT.slice(rec.text_info.start, rec.text_info.end), TEXT.split('\n')[0]);
  assert.ok(ploverLine(arrest).endsWith('}\n'));
  // CAMEO's HLH (health) is PLOVER's MED; CAMEO's MED (media) is PLOVER's JRN.
  const doctors = { ...arrest, actor: [{ ...arrest.actor[0], text: 'Swiss doctors', sector: 'HLH', country: 'CHE', code: 'CHEHLH' }] };
  assert.deepEqual(ploverRecord(doctors).actor.map((a) => [a.code, a.sector, a.cameo_code]), [['CHE', 'MED', 'CHEHLH']]);
});

test('a flat row has one string per column, with lists joined and unknowns empty', () => {
  const [arrest, retaliation] = doc.events;
  const row = flatRow(arrest);
  assert.deepEqual(Object.keys(row), [...FLAT_COLUMNS]);
  for (const c of FLAT_COLUMNS) assert.equal(typeof row[c], 'string', c);
  assert.equal(row.article_id, 'story-1');
  assert.equal(row.date, '2022-06-03');
  assert.equal(row.date_precision, 'day');
  assert.equal(row.event, 'COERCE');
  assert.equal(row.cameo, arrest.cameo);
  assert.equal(row.goldstein, String(arrest.goldstein));
  assert.equal(row.actor_code, 'IRQMIL');
  assert.equal(row.location, 'Mosul');
  assert.equal(row.country, 'IRQ');
  assert.equal(Number(row.lat), arrest.location?.lat);
  assert.equal(row.certainty, 'asserted');
  assert.equal(row.source, '');
  assert.equal(row.negated, 'false');
  assert.equal(row.realis, 'actual');
  assert.equal(row.trigger, 'arrested');
  assert.equal(row.sentence_start, String(arrest.sentence.start));
  assert.equal(row.mentions, String(arrest.mentions.length), 'how many times the article tells it');
  assert.equal(flatRow({ ...arrest, mentions: [...arrest.mentions, ...arrest.mentions] }).mentions, String(2 * arrest.mentions.length));
  const neg = flatRow(retaliation);
  assert.equal(neg.negated, 'true');
  assert.equal(neg.realis, 'negated');
  assert.equal(neg.date, '');
  assert.equal(neg.date_precision, 'unknown');
  assert.equal(neg.location, '');
  assert.equal(neg.lat, '');
});

test('several participants are joined: names with "; ", codes with ";", an unknown code as "?"', () => {
  const e = doc.events[0];
  const two = { ...e, recipient: [{ ...e.actor[0], name: 'A', code: 'USA' }, { ...e.actor[0], name: 'B', code: null }], mode: ['arrest', 'seize'] };
  const row = flatRow(two);
  assert.equal(row.recipient, 'A; B');
  assert.equal(row.recipient_code, 'USA;?');
  assert.equal(row.mode, 'arrest;seize');
});

test('TSV: a header of the flat columns, then one tab-separated line per event with tabs and newlines flattened', () => {
  assert.equal(tsvHeader(), FLAT_COLUMNS.join('\t') + '\n');
  for (const e of doc.events) {
    const line = tsvLine(e);
    assert.ok(line.endsWith('\n'));
    assert.equal(line.slice(0, -1).split('\t').length, FLAT_COLUMNS.length);
  }
  const messy = tsvLine(withNames(doc.events[0], 'Army\tof\nIraq', 'arr\r\nested'));
  assert.equal(messy.split('\n').length, 2, 'one line only');
  const cells = messy.slice(0, -1).split('\t');
  assert.equal(cells.length, FLAT_COLUMNS.length);
  assert.equal(cells[FLAT_COLUMNS.indexOf('actor')], 'Army of Iraq');
  assert.equal(cells[FLAT_COLUMNS.indexOf('trigger')], 'arr ested');
});

test('CSV: cells with commas or quotes are quoted, quotes doubled, plain cells left bare', () => {
  assert.equal(csvHeader(), FLAT_COLUMNS.join(',') + '\n');
  const plain = csvLine(doc.events[0]);
  assert.ok(!plain.includes('"'));
  assert.deepEqual(csvCells(plain.slice(0, -1)), FLAT_COLUMNS.map((c) => flatRow(doc.events[0])[c]));
  const tricky = withNames(doc.events[0], 'Army of Iraq, 9th Division', 'the "raid"');
  const line = csvLine(tricky);
  assert.ok(line.includes('"Army of Iraq, 9th Division"'));
  assert.ok(line.includes('"the ""raid"""'));
  const cells = csvCells(line.slice(0, -1));
  assert.equal(cells.length, FLAT_COLUMNS.length);
  assert.equal(cells[FLAT_COLUMNS.indexOf('actor')], 'Army of Iraq, 9th Division');
  assert.equal(cells[FLAT_COLUMNS.indexOf('trigger')], 'the "raid"');
});

test('the table has a header, a rule, and one line per event', () => {
  const out = tableLines(doc.events);
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, 2 + doc.events.length);
  assert.match(lines[0], /^DATE\s+EVENT\s+CAMEO\s+ACTOR\s+RECIPIENT\s+WHERE\s+SOURCE\s+TRIGGER/);
  assert.match(lines[1], /^-+$/);
  assert.ok(lines[2].startsWith('2022-06-03 COERCE'));
  assert.ok(lines[2].includes('Mosul, IRQ'));
  assert.ok(lines[2].includes('(author)'));
  assert.ok(lines[3].startsWith('?'), 'an unknown date shows as "?"');
  assert.ok(lines[3].includes('NOT ASSAULT'), 'a negated event says so');
  const planned = tableLines([{ ...doc.events[1], negated: false, realis: 'future' }, { ...doc.events[1], negated: false, realis: 'hypothetical' }]);
  assert.deepEqual(planned.trimEnd().split('\n').slice(2).map((l) => l.split(/\s+/).slice(1, 3).join(' ')), ['FUT ASSAULT', 'HYP ASSAULT']);
  assert.equal(tableLines([]).trimEnd().split('\n').length, 2, 'no events: header and rule only');
  for (const l of lines) assert.equal(l, l.trimEnd(), 'no trailing blanks to copy along with a line');
});

test('the table clips long cells so the columns stay aligned', () => {
  const long = withNames(doc.events[0], 'The Very Long Name Of A Security Directorate Of Iraq', 'arrested');
  const lines = tableLines([long, doc.events[0]]).split('\n');
  assert.equal(lines.pop(), '', 'the table ends with a newline');
  assert.ok(lines[2].includes('…'));
  assert.ok(!lines[2].includes('Directorate'));
  // Every column starts where the header's does: the last one, TRIGGER, lines up in every row.
  const trigger = lines[0].indexOf('TRIGGER');
  for (const row of [lines[2], lines[3]]) {
    assert.equal(row[trigger - 1], ' ');
    assert.notEqual(row[trigger], ' ');
  }
});

test('the analyze record has the DESIGN field names and offsets into the text', () => {
  const rec = toAnalyzeRecord(doc);
  for (const k of ['article', 'dropped', 'sentences', 'entities', 'times', 'places', 'events']) assert.ok(k in rec, k);
  for (const k of ['id', 'title', 'author', 'published', 'source', 'url']) assert.ok(k in rec.article, k);
  assert.equal(rec.article.id, 'story-1');
  assert.equal(rec.article.published, '2022-06-05');
  assert.equal(rec.text, TEXT);
  assert.equal(rec.sentences.length, doc.sentences.length);
  for (const s of rec.sentences) {
    assert.deepEqual(Object.keys(s), ['start', 'end', 'tokens']);
    // each token of the sentence has its head inside the sentence, one of them the root
    const [from, to] = s.tokens;
    const own = rec.tokens.slice(from, to);
    assert.ok(own.every((t) => t.head === -1 || (t.head !== null && t.head >= from && t.head < to)));
    assert.equal(own.filter((t) => t.head === -1).length, 1);
  }
  for (const t of rec.tokens) assert.equal(TEXT.slice(t.start, t.end), t.text);
  for (const e of rec.entities) {
    for (const k of ['text', 'start', 'end', 'name', 'type', 'country', 'sector', 'code']) assert.ok(k in e, k);
    assert.ok(['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
    assert.equal(TEXT.slice(e.start, e.end), e.text);
  }
  for (const t of rec.times) {
    assert.deepEqual(Object.keys(t).sort(), ['end', 'start', 'text', 'type', 'value']);
    assert.equal(TEXT.slice(t.start, t.end), t.text);
  }
  assert.ok(rec.times.some((t) => t.value === '2022-06-03' && t.type === 'DATE'));
  for (const p of rec.places) {
    assert.deepEqual(Object.keys(p).sort(), ['admin1', 'country', 'end', 'geonames_id', 'lat', 'lon', 'name', 'precision', 'start', 'text']);
  }
  assert.ok(rec.places.some((p) => p.name === 'Mosul'));
  assert.deepEqual(rec.events, doc.events);
  // named entities and descriptive mentions are kept apart
  assert.ok(rec.entities.some((e) => e.name === 'United States'));
  assert.ok(!rec.entities.some((e) => e.name === 'suspects'));
  assert.ok(rec.mentions.every((m) => m.text.length > 0));
});

test('the analyze record is plain JSON: it survives a round trip', () => {
  const rec = toAnalyzeRecord(doc);
  assert.deepEqual(JSON.parse(JSON.stringify(rec)), rec);
});
