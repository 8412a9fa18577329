import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goldCountry, goldSector, mapPloverLabel, readPlover, scorePlover, topEvent } from './plover.js';
import type { CodedEvent } from '../doc/types.js';

test('old PLOVER labels map to PLOVER 2.0; current ones pass through', () => {
  assert.equal(mapPloverLabel('DEMAND'), 'REQUEST');
  assert.equal(mapPloverLabel('DISAPPROVE'), 'ACCUSE');
  assert.equal(mapPloverLabel('INVESTIGATE'), 'ACCUSE');
  assert.equal(mapPloverLabel('FIGHT'), 'ASSAULT');
  assert.equal(mapPloverLabel('AGREE'), 'AGREE');
  assert.equal(mapPloverLabel('protest'), 'PROTEST');
});

test('gold actor codes: organisations have no country, old CAMEO codes become ISO3, sector suffixes drop', () => {
  assert.equal(goldCountry('IGO'), null);
  assert.equal(goldCountry('JAP'), 'JPN');
  assert.equal(goldCountry('PSE'), 'PSE');
  assert.equal(goldSector('REFtam'), 'REF');
  assert.equal(goldSector('***'), null);
  assert.equal(goldSector('CIVsrp'), 'CVL', 'CIV is a spelling of CVL, civilians');
  assert.equal(goldSector(undefined), null);
});

const file = JSON.stringify([
  { id: 'DOC-1', event: 'DOCUMENT', eventText: 'notes' },
  { id: 'A', event: 'DEMAND', text: 'Ruritania asked Freedonia to leave.', source: [{ actorText: 'Ruritania', code: 'RUR' }], target: [{ actorText: 'Freedonia', code: 'FRE', sector: 'GOV' }] },
  { id: 'B', event: 'FIGHT', text: 'Troops clashed.', source: [{ actorText: 'troops', code: 'RUR', sector: 'MIL' }, { actorText: 'police', code: 'FRE', sector: 'COP' }], target: '' },
  { id: 'C', event: 'AGREE', text: 'They agreed.', source: [{ actorText: 'UN', code: 'IGO', sector: 'GOV' }] },
]);

test('the reader skips DOCUMENT records and maps labels', () => {
  const recs = readPlover(file);
  assert.deepEqual(recs.map((r) => r.event), ['REQUEST', 'ASSAULT', 'AGREE']);
  assert.equal(recs[1].recipients.length, 0);
  assert.equal(recs[2].actors[0].country, null);
});

test('accuracy, macro-F1, no-event share, country and sector accuracy', () => {
  const gold = readPlover(file);
  const s = scorePlover(gold, [
    { event: 'REQUEST', actorCountry: 'RUR', actorSector: null, recipientCountry: 'XXX' },
    { event: 'ASSAULT', actorCountry: 'FRE', actorSector: 'COP', recipientCountry: null }, // second gold actor: still right
    { event: null, actorCountry: null, actorSector: null, recipientCountry: null },
  ]);
  assert.equal(s.accuracy, 2 / 3);
  assert.equal(s.noEventShare, 1 / 3);
  // Per-type F1: REQUEST 1, ASSAULT 1, AGREE 0 → macro 2/3.
  assert.equal(s.macroF1, 2 / 3);
  assert.equal(s.actorCountryN, 2); // the IGO-only record has no country to score
  assert.equal(s.actorCountryAccuracy, 1);
  assert.equal(s.recipientCountryN, 1);
  assert.equal(s.recipientCountryAccuracy, 0);
  assert.equal(s.actorSectorN, 2);
  assert.equal(s.actorSectorAccuracy, 0.5);
  assert.deepEqual(s.confusion.AGREE, { NONE: 1 });
});

test('a wrong prediction lowers precision of the predicted type', () => {
  const gold = readPlover(file).slice(0, 2);
  const s = scorePlover(gold, [
    { event: 'ASSAULT', actorCountry: null, actorSector: null, recipientCountry: null },
    { event: 'ASSAULT', actorCountry: null, actorSector: null, recipientCountry: null },
  ]);
  assert.equal(s.perType.ASSAULT.precision, 0.5);
  assert.equal(s.perType.ASSAULT.recall, 1);
  assert.equal(s.perType.REQUEST.f1, 0);
  assert.equal(s.confusion.REQUEST.ASSAULT, 1);
});

test('the prediction is the most confident event, the first on ties', () => {
  const ev = (event: string, confidence: number) => ({ event, confidence }) as unknown as CodedEvent;
  assert.equal(topEvent([ev('AGREE', 0.4), ev('REJECT', 0.9), ev('AID', 0.9)])?.event, 'REJECT');
  assert.equal(topEvent([]), null);
});
