import test from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../segment/index.js';
import { tagSentence } from './index.js';
import { deserializePos, serializePos } from './model.js';
import { jackknifeTags, knownWords, posAccuracy, trainPosTagger, type PosTrainingSentence } from './trainer.js';

/** Words as segment() gives them: the form and wink-nlp's tag and lemma. */
function words(text: string) {
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  return seg.tokens.map((t) => ({ form: text.slice(t.start, t.end), pos: t.pos, lemma: t.lemma }));
}

test('the shipped tagger gives Penn Treebank tags beside the universal ones', () => {
  const tags = tagSentence(words('Police arrested three men in the capital.'));
  assert.deepEqual(tags.map((t) => t.xpos), ['NNS', 'VBD', 'CD', 'NNS', 'IN', 'DT', 'NN', '.']);
  assert.deepEqual(tags.map((t) => t.upos), ['NOUN', 'VERB', 'NUM', 'NOUN', 'ADP', 'DET', 'NOUN', 'PUNCT']);
});

test('an auxiliary is AUX and the verb it helps is VERB, with the form in the Penn tag', () => {
  const tags = tagSentence(words('The talks have been suspended.'));
  assert.equal(tags[2].upos, 'AUX');
  assert.equal(tags[3].upos, 'AUX');
  assert.deepEqual([tags[4].upos, tags[4].xpos], ['VERB', 'VBN']);
});

const tiny: PosTrainingSentence[] = [
  { words: [{ form: 'Police' }, { form: 'arrested' }, { form: 'men' }], tags: ['NOUN NNS', 'VERB VBD', 'NOUN NNS'] },
  { words: [{ form: 'Troops' }, { form: 'left' }, { form: '.' }], tags: ['NOUN NNS', 'VERB VBD', 'PUNCT .'] },
  { words: [{ form: 'They' }, { form: 'have' }, { form: 'left' }], tags: ['PRON PRP', 'AUX VBP', 'VERB VBN'] },
];
const opts = { epochs: 5, seed: 3, useGiven: false, minWeight: 0 };

test('training is deterministic and the model survives its file', () => {
  const a = serializePos(trainPosTagger(tiny, opts));
  assert.ok(a.equals(serializePos(trainPosTagger(tiny, opts))));
  const model = deserializePos(a);
  assert.equal(posAccuracy(model, tiny).joint, 1, 'a tiny training set is learnt by heart');
  assert.deepEqual(model.tagWords(tiny[2].words).map((t) => t.upos), ['PRON', 'AUX', 'VERB']);
});

test('jackknifing tags each sentence with a model that never saw it', () => {
  // "Zorba" appears in one sentence only, so the model tagging that sentence cannot know it as PROPN
  const corpus: PosTrainingSentence[] = [...tiny, { words: [{ form: 'Zorba' }, { form: 'left' }], tags: ['PROPN NNP', 'VERB VBD'] }];
  const tags = jackknifeTags(corpus, 2, opts);
  assert.equal(tags.length, corpus.length);
  tags.forEach((t, i) => assert.equal(t.length, corpus[i].tags.length));
  assert.ok(!tags[3][0].startsWith('PROPN'), 'PROPN NNP is not a tag the held-out model knows');
});

test('a frequent word with one tag goes in the tag dictionary; a word with two tags does not', () => {
  const corpus: PosTrainingSentence[] = [];
  for (let i = 0; i < 25; i++) corpus.push({ words: [{ form: 'the' }, { form: 'talks' }], tags: ['DET DT', i % 2 ? 'NOUN NNS' : 'VERB VBZ'] });
  const index = new Map([['DET DT', 0], ['NOUN NNS', 1], ['VERB VBZ', 2]]);
  assert.deepEqual(knownWords(corpus, index), [['the', 0]]);
  const model = trainPosTagger(corpus, opts);
  assert.deepEqual(model.header.known, [['the', model.header.tags.indexOf('DET DT')]]);
  assert.equal(model.tagWords([{ form: 'the' }, { form: 'talks' }])[0].xpos, 'DT');
});
