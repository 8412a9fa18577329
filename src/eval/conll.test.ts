import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunksFromTags, countChunks, goldChunks, readConll, rebuildText, scoreChunkCounts, spansToChunks } from './conll.js';

test('IOB2 tags give one chunk per B- and its I- continuation', () => {
  assert.deepEqual(chunksFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']), [
    { start: 0, end: 1, type: 'PER' }, { start: 3, end: 3, type: 'LOC' }, { start: 4, end: 4, type: 'LOC' },
  ]);
});

test('IOB1 tags: I- opens a chunk after O, B- only splits two same-type neighbours', () => {
  assert.deepEqual(chunksFromTags(['I-ORG', 'I-ORG', 'B-ORG', 'O', 'I-MISC', 'I-PER']), [
    { start: 0, end: 1, type: 'ORG' }, { start: 2, end: 2, type: 'ORG' },
    { start: 4, end: 4, type: 'MISC' }, { start: 5, end: 5, type: 'PER' },
  ]);
});

test('a chunk running to the end of the sentence is closed', () => {
  assert.deepEqual(chunksFromTags(['O', 'I-LOC', 'I-LOC'], 10), [{ start: 11, end: 12, type: 'LOC' }]);
});

const sample = [
  '-DOCSTART- -X- O O', '',
  'Maria NNP I-NP I-PER', 'Lopez NNP I-NP I-PER', 'visited VBD I-VP O', 'Quito NNP I-NP I-LOC', '. . O O', '',
  'She PRP I-NP O', 'works VBZ I-VP O', 'for IN I-PP O', 'Acme NNP I-NP I-ORG', 'Mining NNP I-NP I-ORG', '. . O O', '',
  '-DOCSTART- -X- O O', '',
  'Rain NN I-NP O', '. . O O', '',
].join('\n');

test('documents split on -DOCSTART-, sentences on blank lines, tag from the last column', () => {
  const docs = readConll(sample);
  assert.equal(docs.length, 2);
  assert.equal(docs[0].sentences.length, 2);
  assert.deepEqual(docs[0].sentences[0].tags, ['I-PER', 'I-PER', 'O', 'I-LOC', 'O']);
});

test('text is rebuilt with single spaces and a line per sentence, offsets per token', () => {
  const r = rebuildText(readConll(sample)[0]);
  assert.equal(r.text, 'Maria Lopez visited Quito .\nShe works for Acme Mining .');
  assert.deepEqual(r.tokenSpans[3], { start: 20, end: 25 });
  assert.equal(r.text.slice(r.tokenSpans[8].start, r.tokenSpans[9].end), 'Acme Mining');
});

test('gold chunks are numbered across the sentences of a document', () => {
  assert.deepEqual(goldChunks(readConll(sample)[0]), [
    { start: 0, end: 1, type: 'PER' }, { start: 3, end: 3, type: 'LOC' }, { start: 8, end: 9, type: 'ORG' },
  ]);
});

test('character spans map to the tokens they touch', () => {
  const r = rebuildText(readConll(sample)[0]);
  // "Lopez" alone, and a span that starts inside "Acme".
  assert.deepEqual(spansToChunks([{ start: 6, end: 11, type: 'PER' }, { start: 44, end: 53, type: 'ORG' }], r.tokenSpans), [
    { start: 1, end: 1, type: 'PER' }, { start: 8, end: 9, type: 'ORG' },
  ]);
});

test('only exact chunks with the right type count; partial spans are both a miss and a false alarm', () => {
  const gold = [{ start: 0, end: 1, type: 'PER' }, { start: 3, end: 3, type: 'LOC' }, { start: 8, end: 9, type: 'ORG' }];
  const pred = [
    { start: 0, end: 1, type: 'PER' },   // right
    { start: 3, end: 3, type: 'ORG' },   // right span, wrong type
    { start: 9, end: 9, type: 'ORG' },   // partial span
  ];
  const s = scoreChunkCounts(countChunks(gold, pred));
  assert.equal(s.overall.tp, 1);
  assert.equal(s.overall.precision, 1 / 3);
  assert.equal(s.overall.recall, 1 / 3);
  assert.equal(s.perType.PER.f1, 1);
  assert.equal(s.perType.LOC.recall, 0);
  assert.equal(s.perType.LOC.precision, null);
  assert.equal(s.perType.ORG.precision, 0);
});

test('counts add up over documents', () => {
  const counts = countChunks([{ start: 0, end: 0, type: 'PER' }], [{ start: 0, end: 0, type: 'PER' }]);
  countChunks([{ start: 2, end: 3, type: 'PER' }], [], counts);
  const s = scoreChunkCounts(counts);
  assert.equal(s.overall.precision, 1);
  assert.equal(s.overall.recall, 0.5);
  assert.ok(Math.abs((s.overall.f1 ?? 0) - 2 / 3) < 1e-12);
});
