import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { fixtureEvent, fixtureStore, party, place } from '../store/explore.fixtures.js';
import { emptySummary, exportStore } from './index.js';
import { ACLED_COLUMNS, acledRow, acledType } from './acled.js';
import type { ArticleLookup } from './articles.js';

const none: ArticleLookup = () => null;

test('an ACLED export reads back with a CSV parser: ACLED\'s header, ACLED\'s columns on every row', (t) => {
  const store = fixtureStore(t, 10);
  const summary = emptySummary();
  const text = [...exportStore(store, 'acled', {}, summary)].join('');
  const rows: string[][] = parse(text);
  assert.deepEqual(rows[0], ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
    'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country',
    'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp']);
  for (const r of rows) assert.equal(r.length, ACLED_COLUMNS.length);
  assert.equal(rows.length - 1, summary.rows);
  // Undated protests have no ACLED row.
  assert.ok(summary.left_out >= 2);
  const tehran = rows.find((r) => r[21] === 'Tehran');
  assert.ok(tehran);
  assert.deepEqual([tehran[1], tehran[3], tehran[5], tehran[6], tehran[9], tehran[15], tehran[16], tehran[17]],
    ['2022-05-02', '1', 'Protests', 'Peaceful protest', '6', '364', 'Middle East', 'Iran']);
  assert.match(tehran[27], /Protesters marched/, 'notes quote the sentence');
});

test('PLOVER to ACLED: modes and the recipient decide the type; statements have none', () => {
  const ev = (event: string, mode: string[], recipient = [party('army', 0, 'SYR', 'MIL')]) => fixtureEvent('e', 'a', { event, mode, recipient });
  assert.equal(acledType(ev('PROTEST', ['riot']))?.event_type, 'Riots');
  assert.equal(acledType(ev('PROTEST', ['demo']))?.sub_event_type, 'Peaceful protest');
  assert.equal(acledType(ev('ASSAULT', ['aerial']))?.sub_event_type, 'Air/drone strike');
  assert.equal(acledType(ev('ASSAULT', ['firearms']))?.sub_event_type, 'Armed clash');
  assert.deepEqual(acledType(ev('ASSAULT', ['firearms'], [party('villagers', 0, 'SYR', 'CVL')])),
    { disorder_type: 'Political violence', event_type: 'Violence against civilians', sub_event_type: 'Attack' });
  assert.equal(acledType(ev('COERCE', ['arrest']))?.sub_event_type, 'Arrests');
  assert.equal(acledType(ev('ACCUSE', [])), null);
  assert.equal(acledType(ev('CONSULT', ['visit'])), null);
});

test('ACLED actor types: rioters 5, protesters 6, a state force abroad 8, civilians 7; interaction pairs them, low first', () => {
  const e = fixtureEvent('0000abcd00000000', 'a', {
    event: 'ASSAULT', mode: ['firearms'], date: '2023-04-05', date_precision: 'day',
    actor: [party('Turkish army', 0, 'TUR', 'MIL')], recipient: [party('villagers', 0, 'SYR', 'CVL')],
    location: place('Afrin', 0, 'SYR', 'Aleppo', 36.5, 36.87),
  });
  const [row] = parse(acledRow({ event: e, reports: [e] }, none) as string) as string[][];
  assert.deepEqual([row[0], row[7], row[9], row[10], row[12], row[13], row[14], row[24]],
    ['SYR43981', 'Turkish army (Turkey)', '8', 'villagers (Syria)', '7', '78', 'Civilian targeting', '1']);
});

test('an event known only to its country keeps no point, and an undated or out-of-scope one has no row', () => {
  const e = fixtureEvent('e1', 'a', {
    event: 'PROTEST', mode: ['demo'], date: '2023-04', date_precision: 'month', actor: [party('students', 0, 'CHL', 'EDU')],
    location: { ...place('Chile', 0, 'CHL', null, -33, -71), precision: 'country' },
  });
  const [row] = parse(acledRow({ event: e, reports: [e] }, none) as string) as string[][];
  assert.deepEqual([row[1], row[3], row[21], row[22], row[23], row[24]], ['2023-04-01', '3', 'Chile', '', '', '3']);
  assert.equal(acledRow({ event: { ...e, date: null, date_precision: 'unknown' }, reports: [e] }, none), null);
  assert.equal(acledRow({ event: { ...e, event: 'ACCUSE' }, reports: [e] }, none), null);
});

test('an actor named like a formula is neutralised in the ACLED CSV', () => {
  const e = fixtureEvent('e2', 'a', {
    event: 'PROTEST', mode: ['demo'], date: '2023-04-02', date_precision: 'day', actor: [party('=cmd|\' /C calc\'!A0', 0, null, 'CVL')],
  });
  const [row] = parse(acledRow({ event: e, reports: [e] }, none) as string) as string[][];
  assert.equal(row[7], '\'=cmd|\' /C calc\'!A0');
});
