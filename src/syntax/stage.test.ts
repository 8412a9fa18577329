import test from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { unparsableReason } from './stage.js';
import { treeOf } from './tree.js';

const word = (doc: ReturnType<typeof analyze>, i: number) => doc.text.slice(doc.tokens[i].start, doc.tokens[i].end);
const find = (doc: ReturnType<typeof analyze>, w: string) => doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === w);

test('every token of a parsed sentence gets a head inside its own sentence, and each sentence one root', () => {
  const doc = analyze('Police arrested three men in Baghdad. The ministry said the men were released on Friday.');
  assert.equal(doc.syntax.unparsed.length, 0);
  for (const s of doc.sentences) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const d = doc.syntax.deps[i]!;
      assert.ok(d, `token ${word(doc, i)} has a dependency`);
      if (d.head < 0) { roots++; assert.equal(d.rel, 'root'); } else assert.ok(d.head >= s.tokenStart && d.head < s.tokenEnd);
    }
    assert.equal(roots, 1);
  }
});

test('a line break inside a hard-wrapped sentence is no word: the words around it parse as they would on one line', () => {
  const flat = 'Turkey has held a number of fishing boats Greece had sought to recover through diplomatic talks.';
  const wrapped = 'Turkey has held a number of fishing boats Greece\nhad sought to recover through diplomatic talks.';
  const shape = (doc: ReturnType<typeof analyze>) => doc.tokens.flatMap((t, i) => (/\S/.test(word(doc, i))
    ? [`${word(doc, i)} ${doc.syntax.deps[i]!.rel} ${doc.syntax.deps[i]!.head < 0 ? 'ROOT' : word(doc, doc.syntax.deps[i]!.head)}`] : []));
  const a = analyze(flat), b = analyze(wrapped);
  assert.ok(b.tokens.some((t, i) => !/\S/.test(word(b, i))), 'the wrapped text has a line-break token');
  assert.deepEqual(shape(b), shape(a));
  const tree = treeOf(b.syntax);
  assert.deepEqual(tree.childrenWith(find(b, 'sought'), 'nsubj').map((i) => word(b, i)), ['Greece']);
});

test('the tree reads subject, object and subtree of a verb in document token numbers', () => {
  const doc = analyze('The army shelled the village on Tuesday.');
  const tree = treeOf(doc.syntax);
  const verb = find(doc, 'shelled');
  assert.deepEqual(tree.childrenWith(verb, 'nsubj').map((i) => word(doc, i)), ['army']);
  assert.deepEqual(tree.childrenWith(verb, 'obj').map((i) => word(doc, i)), ['village']);
  const [lo, hi] = tree.subtreeRange(find(doc, 'village'));
  assert.equal(doc.text.slice(doc.tokens[lo].start, doc.tokens[hi].end), 'the village');
  assert.ok(tree.dominates(verb, find(doc, 'Tuesday')));
  assert.ok(!tree.dominates(find(doc, 'village'), verb));
  assert.deepEqual(tree.pathToRoot(find(doc, 'the')).map((i) => word(doc, i)), ['the', 'village', 'shelled']);
});

test('a table row, a line of symbols and an over-long sentence are left unparsed with the reason', () => {
  assert.equal(unparsableReason(['1', '2', '3']), 'no words');
  assert.equal(unparsableReason(['***', '---', '===']), 'no words');
  assert.equal(unparsableReason(['Total', '12', '4.5', '17', '3', '88', '9', '1', '0']), 'mostly numbers and symbols');
  assert.match(unparsableReason(new Array(401).fill('word'))!, /longer than 400 tokens/);
  assert.equal(unparsableReason(['Police', 'arrested', '3', 'men', '.']), null);
});

test('an unparsed sentence keeps null dependencies and its neighbours are parsed', () => {
  const doc = analyze('Police arrested three men.\n\n12 14 16 18 20 22 24 26 28\n\nThe men were freed.');
  assert.deepEqual(doc.syntax.unparsed.map((u) => u.reason), ['no words']);
  const bad = doc.sentences[doc.syntax.unparsed[0].sentence];
  for (let i = bad.tokenStart; i < bad.tokenEnd; i++) assert.equal(doc.syntax.deps[i], null);
  assert.ok(doc.syntax.deps[find(doc, 'freed')]);
});

test('the head of a phrase is its token whose head lies outside it; none where the sentence is unparsed', () => {
  const doc = analyze('The army shelled the old village.\n\n1 2 3 4 5 6 7 8 9');
  const tree = treeOf(doc.syntax);
  const the = doc.tokens.findIndex((t, i) => i > 1 && doc.text.slice(t.start, t.end) === 'the');
  assert.equal(word(doc, tree.headOfRange(the, the + 2)!), 'village');
  const verb = find(doc, 'shelled');
  assert.equal(tree.headOfRange(0, verb), verb, 'a range holding the root has the root as head');
  const bad = doc.sentences[1];
  assert.equal(tree.headOfRange(bad.tokenStart, bad.tokenEnd - 1), null);
});
