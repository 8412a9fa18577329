import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '@placemarkio/check-geojson';
import graphology from 'graphology';
import gexfParser from 'graphology-gexf';
import { fixtureStore } from '../store/explore.fixtures.js';
import { emptySummary, EXPORT_FORMATS, exportStore, happeningsOf } from './index.js';
import { fixtureEvent } from '../store/explore.fixtures.js';

test('the GeoJSON export is a FeatureCollection a GeoJSON validator accepts: points at [lon, lat], null geometry when unplaced', (t) => {
  const store = fixtureStore(t, 12);
  const text = [...exportStore(store, 'geojson', { realis: undefined }, emptySummary())].join('');
  const fc = check(text) as unknown as { type: string; features: { geometry: { coordinates: number[] } | null; id: string }[] };
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, store.countEvents());
  const tehran = fc.features.find((f) => f.id === 'hostile-e1');
  assert.deepEqual(tehran?.geometry?.coordinates, [51.42, 35.69]);
});

test('the GEXF export loads with graphology\'s GEXF parser: actors as nodes, dyads as weighted edges', (t) => {
  const store = fixtureStore(t, 3);
  const text = [...exportStore(store, 'gexf', {}, emptySummary())].join('');
  // graphology is CommonJS: its default export is the Graph class.
  const graph = gexfParser.parse(graphology as unknown as Parameters<typeof gexfParser.parse>[0], text);
  assert.ok(graph.order >= 4);
  assert.ok(graph.hasNode('ARVCVL') && graph.hasNode('ARVCOP'));
  const edge = graph.edge('ARVCVL', 'ARVCOP');
  assert.ok(edge);
  assert.equal(graph.getEdgeAttribute(edge, 'weight'), 2);
});

test('happenings are merged a day at a time as the events pass in date order', () => {
  const e = (id: string, date: string | null, actor = 'A') => fixtureEvent(id, `art-${id}`, {
    date, date_precision: date ? 'day' : 'unknown', actor: [{ text: actor, start: 0, end: 1, name: actor, type: 'ORG', country: 'IRQ', sector: actor === 'A' ? 'GOV' : 'MIL', code: null }],
  });
  const hs = [...happeningsOf([e('1', '2021-01-01'), e('2', '2021-01-01'), e('3', '2021-01-01', 'B'), e('4', '2021-01-02'), e('5', null), e('6', null)])];
  assert.deepEqual(hs.map((h) => h.reports.map((r) => r.id).sort()), [['1', '2'], ['3'], ['4'], ['5'], ['6']]);
});

test('CSV and JSONL exports carry every matching event, text escaped', (t) => {
  const store = fixtureStore(t, 5);
  const summary = emptySummary();
  const csv = [...exportStore(store, 'csv', {}, summary)].join('');
  assert.equal(csv.trimEnd().split('\n').length, summary.events + 1);
  const jsonl = [...exportStore(store, 'jsonl', { realis: 'actual' }, emptySummary())].join('');
  for (const line of jsonl.trimEnd().split('\n')) assert.equal(JSON.parse(line).realis, 'actual');
});

test('hostile text (markup, a javascript: link, control and bidi characters) stays data in every export format', async (t) => {
  const store = fixtureStore(t, 0);
  const { parse } = await import('csv-parse/sync');
  for (const format of EXPORT_FORMATS) {
    const text = [...exportStore(store, format, {}, emptySummary())].join('');
    if (format === 'gexf' || format === 'graphml') {
      assert.doesNotMatch(text, /<script|<img|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, format);
      if (format === 'gexf') gexfParser.parse(graphology as unknown as Parameters<typeof gexfParser.parse>[0], text);
    } else if (format === 'acled' || format === 'csv') {
      const rows: string[][] = parse(text);
      assert.ok(rows.length > 1, format);
    } else if (format === 'gdelt' || format === 'gdelt-mentions') {
      for (const line of text.replace(/\n$/, '').split('\n')) assert.equal(line.split('\t').length, format === 'gdelt' ? 61 : 16, format);
      assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f]/, `${format}: no control character in a cell`);
    } else if (format === 'geojson') {
      check(text);
    } else {
      for (const line of text.trimEnd().split('\n')) JSON.parse(line);
    }
  }
});
