import test from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent } from '../doc/types.js';
import type { AnalystArticle } from './analyst.js';
import { groupedItems } from './happenings.js';
import { groupingScores } from './grouping-metrics.js';

/** Two wires reporting one shelling, and one of them a second, separate shelling. */
const WIRE_A = 'Warships shelled two oil platforms on Monday. Jets shelled a tanker on Tuesday.';
const WIRE_B = 'The navy shelled the oil platforms on Monday, officials said.';
const record = (mention: string, happening: string) => ({
  type: 'ASSAULT', realis: 'actual' as const, mentions: [mention], actor: null, recipient: null, date: null, place: null, source: 'author', happening,
});
const ARTICLES: AnalystArticle[] = [
  { id: 'a', published: '1987-10-20', text: WIRE_A, events: [record('Warships shelled two oil platforms', 'platforms'), record('Jets shelled a tanker', 'tanker')] },
  { id: 'b', published: '1987-10-20', text: WIRE_B, events: [record('The navy shelled the oil platforms', 'platforms')] },
];

function shelling(article: string, text: string, nth: number): CodedEvent {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf('shelled', start + 1);
  const trigger = { text: 'shelled', start, end: start + 7 };
  const sentence = { index: nth, start: 0, end: text.length };
  return {
    id: `${article}-${nth}`, article_id: article, event: 'ASSAULT', mode: [], context: [], cameo: '190', goldstein: -10, quad_class: 4,
    date: null, date_precision: 'unknown', date_text: null, actor: [], recipient: [], location: null,
    attribution: { source: null, cue: null, certainty: 'asserted' }, negated: false, realis: 'actual',
    sentence, trigger, mentions: [{ sentence, trigger }], confidence: 0.9,
  };
}

const events = new Map([['a', [shelling('a', WIRE_A, 0), shelling('a', WIRE_A, 1)]], ['b', [shelling('b', WIRE_B, 0)]]]);

test('each matched record is an item: its happening against the group of its event', () => {
  const right = groupedItems(ARTICLES, events, (e) => (e.id === 'a-1' ? 'g2' : 'g1'));
  assert.deepEqual(right.map((x) => [x.gold, x.system, x.group]), [['platforms', 'g1', 'a'], ['tanker', 'g2', 'a'], ['platforms', 'g1', 'b']]);
  const s = groupingScores(right);
  assert.equal(s.pairwise.f1, 1);
  assert.equal(s.sameGroupMerges, 0);
});

test('folding every shelling into one happening is a wrong link, and one inside an article', () => {
  const s = groupingScores(groupedItems(ARTICLES, events, () => 'one'));
  assert.equal(s.pairwise.rightLinks, 1);
  assert.equal(s.pairwise.systemLinks, 3);
  assert.equal(s.sameGroupMerges, 1);
});
