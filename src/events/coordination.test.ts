import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { treeOf } from '../syntax/tree.js';
import { firstConjunct } from './coordination.js';

/** The parse of one sentence and a way to find a word's token. */
function parse(text: string) {
  const doc = analyze({ text, published: '2021-03-01' });
  const tree = treeOf(doc.syntax!);
  const at = (w: string) => doc.tokens.findIndex((t) => t.normal === w);
  return { doc, tree, at };
}

test('a later conjunct climbs to the first, whose relation stands for the coordination', () => {
  const { tree, at } = parse('The assembly asked the mayor to apologise and withdraw his comments.');
  assert.equal(tree.baseRel(at('withdraw')), 'conj');
  assert.equal(firstConjunct(tree, at('withdraw')), at('apologise'));
  // (a word that is no later conjunct is its own first)
  assert.equal(firstConjunct(tree, at('apologise')), at('apologise'));
});

test('a conjunct with a subject of its own is a clause of its own and stays', () => {
  const { tree, at } = parse('Amal asked Syria to leave and the Syrians refused.');
  const refused = at('refused');
  assert.equal(firstConjunct(tree, refused), refused);
});

test('every act of a coordination asked for is the request\'s content, not an event of its own', () => {
  const events = analyze({ text: 'The London Assembly passed two motions on Monday asking Ken Livingstone to apologise and withdraw his comments.', published: '2021-03-01' })
    .events.map((e) => `${e.event} ${e.trigger.text}`);
  assert.ok(events.includes('REQUEST asking'), events.join('; '));
  assert.ok(!events.some((e) => e.endsWith(' withdraw')), events.join('; '));
});

test('a conjunct with an auxiliary of its own is a predicate of its own and stays', () => {
  const { tree, at } = parse('He has no mandate to represent the area and should resign from the European Parliament.');
  const resign = at('resign');
  // (the parse hangs "should resign" on "represent")
  assert.equal(tree.baseRel(resign), 'conj');
  assert.equal(firstConjunct(tree, resign), resign);
});
