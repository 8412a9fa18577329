import test from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/index.js';
import { MAX_PARSE_TOKENS, parseSentence, type ParserToken } from './index.js';
import { serializeParser } from './model.js';
import { trainParser, type TrainingSentence } from './trainer.js';

/** A sentence as acta tags it (wink-nlp POS and lemmas), the way the parser sees text in use. */
function tagged(text: string): ParserToken[] {
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  return seg.tokens.map((t) => ({ form: text.slice(t.start, t.end), pos: t.pos, lemma: t.lemma }));
}

/** The word of `tokens` whose relation is `deprel` and whose head is the word `head`. */
function dependent(text: string, head: string, deprel: string): string | undefined {
  const tokens = tagged(text);
  const parse = parseSentence(tokens);
  assert.ok(parse);
  const h = tokens.findIndex((t) => t.form === head) + 1;
  const i = parse.findIndex((w) => w.head === h && w.deprel === deprel);
  return i >= 0 ? tokens[i].form : undefined;
}

test('the shipped model finds the subject and object of a verb', () => {
  assert.equal(dependent('Police arrested three men in the capital.', 'arrested', 'nsubj'), 'Police');
  assert.equal(dependent('Police arrested three men in the capital.', 'arrested', 'obj'), 'men');
  assert.equal(dependent('The army shelled the village on Tuesday.', 'shelled', 'nsubj'), 'army');
  assert.equal(dependent('The army shelled the village on Tuesday.', 'shelled', 'obj'), 'village');
});

test('the verb of a clear sentence is its root', () => {
  const tokens = tagged('Protesters burned tyres outside the parliament.');
  const parse = parseSentence(tokens)!;
  const root = parse.findIndex((w) => w.head === 0);
  assert.equal(tokens[root].form, 'burned');
});

test('parsing is deterministic: the same tokens give the same tree', () => {
  const tokens = tagged('The minister said on Monday that the talks, which began in March, had failed.');
  assert.deepEqual(parseSentence(tokens), parseSentence(tokens));
});

test(`a sentence over ${MAX_PARSE_TOKENS} tokens, or an empty one, is left unparsed`, () => {
  const long = Array.from({ length: MAX_PARSE_TOKENS + 1 }, (_, i) => ({ form: String(i), pos: 'NUM' }));
  assert.equal(parseSentence(long), null);
  assert.equal(parseSentence([]), null);
  const justFits = long.slice(0, MAX_PARSE_TOKENS);
  const started = performance.now();
  assert.equal(parseSentence(justFits)?.length, MAX_PARSE_TOKENS);
  assert.ok(performance.now() - started < 2000, 'a 400-token line of numbers parses in well under 2 s');
});

test('training is deterministic: the same sentences give the same model bytes', () => {
  const corpus: TrainingSentence[] = [
    { tokens: [{ form: 'Police', pos: 'NOUN' }, { form: 'arrested', pos: 'VERB' }, { form: 'men', pos: 'NOUN' }], heads: [2, 0, 2], deprels: ['nsubj', 'root', 'obj'] },
    { tokens: [{ form: 'Troops', pos: 'NOUN' }, { form: 'left', pos: 'VERB' }, { form: '.', pos: 'PUNCT' }], heads: [2, 0, 2], deprels: ['nsubj', 'root', 'punct'] },
  ];
  const opts = { epochs: 3, seed: 7, actionBits: 8, labelBits: 6, exploreFrom: 2, follow: 0.9 };
  const a = serializeParser(trainParser(corpus, opts));
  const b = serializeParser(trainParser(corpus, opts));
  assert.ok(a.equals(b));
  const model = trainParser(corpus, opts);
  assert.deepEqual(parseSentence(corpus[0].tokens, model)!.map((w) => w.head), [2, 0, 2]);
});
