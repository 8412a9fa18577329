import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureEvent, fixtureStore, party, place } from '../store/explore.fixtures.js';
import { emptySummary, exportStore } from './index.js';
import { actorPlace, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltDate, gdeltEventRow, geoColumns, globalEventId } from './gdelt.js';
import type { ArticleLookup } from './articles.js';

/** GDELT 2.0 Event Codebook's column order, written out as published. */
const PUBLISHED = `GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`.split(/\s+/);

test('the event table has GDELT 2.0\'s 61 columns in the published order, the mentions table its 16', () => {
  assert.equal(PUBLISHED.length, 61);
  assert.deepEqual([...GDELT_EVENT_COLUMNS], PUBLISHED);
  assert.equal(GDELT_MENTION_COLUMNS.length, 16);
  assert.equal(GDELT_MENTION_COLUMNS[0], 'GlobalEventID');
  assert.equal(GDELT_MENTION_COLUMNS[15], 'Extras');
});

test('a whole store as GDELT: 61 fields on every line, one row per happening, its reports counted', (t) => {
  const store = fixtureStore(t, 10);
  const summary = emptySummary();
  const text = [...exportStore(store, 'gdelt', {}, summary)].join('');
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, summary.rows);
  for (const l of lines) assert.equal(l.split('\t').length, 61, l);
  // The riot is told twice in one article and once in another: one row, 3 mentions, 2 articles.
  const riot = lines.map((l) => l.split('\t')).find((c) => c[1] === '20220502' && c[26] === '145');
  assert.ok(riot, 'the riot row');
  const col = (name: string) => riot[GDELT_EVENT_COLUMNS.indexOf(name)];
  assert.equal(col('NumMentions'), '3');
  assert.equal(col('NumArticles'), '2');
  assert.equal(col('MonthYear'), '202205');
  assert.equal(col('EventRootCode'), '14');
  assert.equal(col('AvgTone'), '', 'acta reads no tone: empty, not 0');
  assert.equal(summary.rows, store.happenings.count(), 'one row per stored happening');
  assert.equal(summary.events, store.countEvents(), 'every report counted');
  assert.ok(summary.rows < summary.events, 'the riot\'s two reports are one row');
});

test('GDELT dates: day, month and year as GDELT writes them, FractionDate by its own formula, finer parts empty', () => {
  const e = (date: string | null, date_precision: 'day' | 'month' | 'year' | 'unknown') => fixtureEvent('x', 'a', { date, date_precision });
  assert.deepEqual(gdeltDate(e('2021-01-03', 'day')), ['20210103', '202101', '2021', '2021.0904']);
  assert.deepEqual(gdeltDate(e('2021-07', 'month')), ['', '202107', '2021', '']);
  assert.deepEqual(gdeltDate(e('2021', 'year')), ['', '', '2021', '']);
  assert.deepEqual(gdeltDate(e(null, 'unknown')), ['', '', '', '']);
});

test('GDELT geography: FIPS 10-4 country codes, a type by precision, a country drawn as the country', () => {
  const baghdad = place('Baghdad', 0, 'IRQ', 'Baghdad Governorate', 33.34, 44.4);
  assert.deepEqual(geoColumns(baghdad), [4, 'Baghdad, Baghdad Governorate, Iraq', 'IZ', '', '', 33.34, 44.4, '']);
  const texas = { ...place('Texas', 0, 'USA', 'Texas', 31, -100), precision: 'admin1' as const };
  assert.deepEqual(geoColumns(texas).slice(0, 3), [2, 'Texas, United States', 'US']);
  const germany = { ...place('Germany', 0, 'DEU', null, 51, 10), precision: 'country' as const };
  assert.deepEqual(geoColumns(germany), [1, 'Germany', 'GM', 'GM', '', '', '', 'GM']);
  assert.deepEqual(geoColumns(null), [0, '', '', '', '', '', '', '']);
});

test('GlobalEventID: a whole number that stays the same for the same event', () => {
  const id = globalEventId('8726f9362eb79bc9');
  assert.ok(Number.isSafeInteger(id));
  assert.equal(id, globalEventId('8726f9362eb79bc9'));
  assert.notEqual(id, globalEventId('0c1f7e2a9b3d4c5e'));
  assert.ok(Number.isSafeInteger(globalEventId('riot-e1')), 'a non-hex id is hashed first');
});

test('hostile names cannot break a GDELT line or run in a spreadsheet', () => {
  const e = fixtureEvent('a1b2c3d4e5f6a7b8', 'art', {
    actor: [{ ...party('=HYPERLINK("http://x")\tEvil\nName', 0, 'IRQ', 'GOV'), name: '=HYPERLINK("http://x")\tEvil\nName' }],
  });
  const none: ArticleLookup = () => null;
  const row = gdeltEventRow({ event: e, reports: [e] }, none);
  const cells = row.replace(/\n$/, '').split('\t');
  assert.equal(cells.length, 61);
  assert.equal(cells[GDELT_EVENT_COLUMNS.indexOf('Actor1Name')], '\'=HYPERLINK("HTTP://X") EVIL NAME');
});

test('a side\'s geography is the event\'s place for a material act, unknown for a statement or a missing side', () => {
  const kidal = place('Kidal', 0, 'MLI', 'Kidal', 18.44, 1.41);
  const sides = { actor: [party('army', 0, 'MLI', 'MIL')], recipient: [party('rebels', 0, 'MLI', 'REB')], location: kidal };
  const clash = fixtureEvent('c', 'a', { ...sides, event: 'ASSAULT', quad_class: 4 });
  assert.equal(actorPlace(clash, clash.actor), kidal);
  assert.equal(actorPlace(clash, []), null);
  const blame = fixtureEvent('b', 'a', { ...sides, event: 'ACCUSE', quad_class: 3 });
  assert.equal(actorPlace(blame, blame.actor), null);
});
