import test from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Entity } from '../doc/types.js';
import { codeCountry, dateRight, goldTypesFor, maximumMatching, scoreArticle, summarize, type AnalystArticle } from './analyst.js';

const TEXT = 'Rebels attacked an army base near Kabul on Monday. The attack killed five soldiers. The government said it would retaliate.';

const entity = (text: string, country: string | null, sector: string | null): Entity => ({
  text, start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length, name: text, type: 'ORG', country, sector,
  code: country || sector ? `${country ?? ''}${sector ?? ''}` : null,
});

function event(type: string, trigger: string, over: Partial<CodedEvent> = {}): CodedEvent {
  const start = TEXT.indexOf(trigger);
  const e: Omit<CodedEvent, 'mentions'> & Partial<CodedEvent> = {
    id: `e-${trigger}`, article_id: 'a', event: type, mode: [], context: [], cameo: '190', goldstein: -10, quad_class: 4,
    date: '2021-03-01', date_precision: 'day', date_text: 'Monday', actor: [entity('Rebels', 'AFG', 'REB')], recipient: [entity('army', 'AFG', 'MIL')],
    location: { text: 'Kabul', start: 0, end: 0, name: 'Kabul', country: 'AFG', admin1: null, lat: 34.53, lon: 69.17, geonames_id: null, precision: 'city' },
    attribution: { source: null, cue: null, certainty: 'asserted' }, negated: false, realis: 'actual',
    sentence: { index: 0, start: 0, end: 10 }, trigger: { text: trigger, start, end: start + trigger.length }, confidence: 0.9, ...over,
  };
  return { ...e, mentions: over.mentions ?? [{ sentence: e.sentence, trigger: e.trigger }] };
}

const ARTICLE: AnalystArticle = {
  id: 'a', published: '2021-03-02', text: TEXT,
  events: [
    { type: 'ASSAULT', realis: 'actual', mentions: ['Rebels attacked an army base', 'The attack killed five soldiers'],
      actor: { text: 'Rebels', code: 'AFGREB' }, recipient: { text: 'army', code: 'AFGMIL' }, date: '2021-03-01',
      place: { name: 'Kabul', country: 'AFG', lat: 34.53, lon: 69.2 }, source: 'author' },
    { type: 'THREATEN', realis: 'future', mentions: ['it would retaliate'], actor: { text: 'The government', code: 'AFGGOV' },
      recipient: null, date: null, place: null, source: 'author' },
  ],
};

test('an event matches a record of its type whose mention holds its trigger; a second report of it is a duplicate', () => {
  const s = scoreArticle(ARTICLE, [event('ASSAULT', 'attacked'), event('ASSAULT', 'attack')]);
  assert.equal(s.matched, 1);
  assert.equal(s.falseKinds.duplicate, 1);
  assert.equal(s.matchedActual, 1);
  assert.equal(s.actualRecords, 1);
  assert.deepEqual(s.fields.actor_country, [true]);
  assert.deepEqual(s.fields.place, [true]);
});

test('realis must agree: an actual event against a future record is a realis error, a future one matches', () => {
  const wrong = scoreArticle(ARTICLE, [event('ASSAULT', 'retaliate')]);
  assert.equal(wrong.falseKinds.type, 1, 'inside the mention, but ASSAULT is not THREATEN');
  const unflagged = scoreArticle(ARTICLE, [event('THREATEN', 'retaliate')]);
  assert.equal(unflagged.falseKinds.realis, 1);
  const flagged = scoreArticle(ARTICLE, [event('THREATEN', 'retaliate', { realis: 'future' })]);
  assert.equal(flagged.matched, 1);
  assert.equal(flagged.matchedActual, 0, 'a future record does not count toward recall');
  // The event's realis field decides, not its attribution's certainty.
  const byCertainty = scoreArticle(ARTICLE, [event('THREATEN', 'retaliate', { attribution: { source: null, cue: null, certainty: 'future' } })]);
  assert.equal(byCertainty.falseKinds.realis, 1);
});

test('an event outside every mention is unsupported; precision, recall and F1 add up over articles', () => {
  const s = scoreArticle(ARTICLE, [event('ASSAULT', 'attacked'), event('ASSAULT', 'killed', { trigger: { text: 'near', start: TEXT.indexOf('near'), end: TEXT.indexOf('near') + 4 } })]);
  assert.equal(s.falseKinds.unsupported, 1);
  const sum = summarize([s]);
  assert.equal(sum.precision, 0.5);
  assert.equal(sum.recall, 1);
  assert.ok(Math.abs(sum.f1! - 2 / 3) < 1e-9);
});

test('a wrong country, a date at another precision and a source against the author are scored field by field', () => {
  const e = event('ASSAULT', 'attacked', {
    actor: [entity('Rebels', 'PAK', 'REB')], date: '2021-03-01', date_precision: 'month',
    attribution: { source: entity('army', 'AFG', 'MIL'), cue: null, certainty: 'reported' },
  });
  const s = scoreArticle(ARTICLE, [e]);
  assert.deepEqual(s.fields.actor_country, [false]);
  assert.deepEqual(s.fields.date, [false], 'a month is not the gold day');
  assert.deepEqual(s.fields.source, [false]);
});

test('gold codes, older labels and dates at the gold precision read as the guidelines say', () => {
  assert.equal(codeCountry('IRQGOV'), 'IRQ');
  assert.equal(codeCountry('USA'), 'USA');
  assert.equal(codeCountry('MIL'), null);
  assert.equal(codeCountry(''), null);
  assert.deepEqual(goldTypesFor('YIELD'), ['CONCEDE', 'RETREAT']);
  assert.deepEqual(goldTypesFor('DISAPPROVE'), ['ACCUSE']);
  assert.ok(dateRight('2020-01', event('ASSAULT', 'attacked', { date: '2020-01-03', date_precision: 'day' })));
  assert.ok(dateRight(null, event('ASSAULT', 'attacked', { date: null, date_precision: 'unknown' })));
  assert.ok(!dateRight(null, event('ASSAULT', 'attacked')));
});

test('matching is maximum: an event that fits two records leaves the one a later event alone fits', () => {
  // Event 0 fits records 0 and 1, event 1 fits record 0 only: both match (0→1, 1→0).
  assert.deepEqual(maximumMatching([[true, true], [true, false]]), [1, 0]);
  // Of two events that fit one record only, the earlier keeps it.
  assert.deepEqual(maximumMatching([[true], [true]]), [0, -1]);
  assert.deepEqual(maximumMatching([[false, false]]), [-1]);
});
