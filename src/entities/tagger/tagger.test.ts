import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sentence, Token } from '../../doc/types.js';
import { parseConll } from './conll.js';
import { exactDecode, greedyDecode, bestAllowed } from './decode.js';
import { viterbiDecode } from './viterbi.js';
import { scoreTags } from './evaluate.js';
import { prepareSentence } from './features.js';
import { hashString, KeyIndex, mix } from './hash.js';
import { lexiconFacts } from './lexicon-features.js';
import { deserializeModel, serializeModel } from './model.js';
import { AveragedPerceptron } from './perceptron.js';
import { shortShape, wordShape } from './shape.js';
import { allowedAfter, spansFromTags, TAG_INDEX, TAGS, toBio } from './tags.js';
import { tagSpans, tagTokens, wordsOfTokens } from './index.js';
import { DEFAULT_TRAIN_OPTIONS, trainTagger } from './trainer.js';
import { companySuffixes, countryNames, dropBareTitles, dropHonorifics, dropLeadingArticle, headedOrganisations, joinNameParticles, joinOfOrganisations, militaryUnits, namedHappenings, organisationHeadAfter } from './rules.js';

test('word shapes keep case classes and collapse repeats', () => {
  assert.equal(wordShape('Nairobi'), 'Xxxxxxx');
  assert.equal(shortShape('Nairobi'), 'Xx');
  assert.equal(shortShape('UNICEF'), 'X');
  assert.equal(shortShape('al-Tamimi'), 'x-Xx');
  assert.equal(shortShape('12,500'), 'd,d');
});

test('IOB1 tags become BIO and spans come back from either', () => {
  assert.deepEqual(toBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']);
  assert.deepEqual(spansFromTags(['B-ORG', 'I-ORG', 'O', 'I-LOC']), [
    { first: 0, last: 1, type: 'ORG' },
    { first: 3, last: 3, type: 'LOC' },
  ]);
});

test('BIO decoding never continues an entity that was not opened', () => {
  const iPer = TAG_INDEX.get('I-PER')!;
  assert.equal(allowedAfter(-1, iPer), false);
  assert.equal(allowedAfter(TAG_INDEX.get('O')!, iPer), false);
  assert.equal(allowedAfter(TAG_INDEX.get('B-PER')!, iPer), true);
  assert.equal(allowedAfter(TAG_INDEX.get('B-LOC')!, iPer), false);
  // I-PER scores highest, but after O the best allowed tag is taken instead.
  const scores = new Float64Array(9);
  scores[iPer] = 5;
  scores[TAG_INDEX.get('B-PER')!] = 3;
  assert.equal(bestAllowed(scores, TAG_INDEX.get('O')!), TAG_INDEX.get('B-PER'));
});

test('the perceptron moves weight from the wrong class to the right one and averages over time', () => {
  const p = new AveragedPerceptron(3, 4);
  const f = p.addFeature(42);
  p.tick();
  p.update([f], 2, 0); // at time 1: class 2 +1, class 0 -1
  p.tick();
  p.tick();
  p.tick(); // the weights held for 3 of the 4 instances
  assert.deepEqual([...p.weights.slice(0, 3)], [-1, 0, 1]);
  assert.deepEqual([...p.averaged()], [-0.75, 0, 0.75]);
  // A correct guess changes nothing.
  p.update([f], 1, 1);
  assert.deepEqual([...p.weights.slice(0, 3)], [-1, 0, 1]);
});

test('the key table finds what it holds and nothing else, through growth', () => {
  const t = new KeyIndex(2);
  for (let i = 0; i < 1000; i++) t.set(mix(7, i), i);
  assert.equal(t.get(mix(7, 500)), 500);
  assert.equal(t.get(mix(8, 500)), -1);
  t.set(0, 3);
  assert.equal(t.get(0), 3);
});

test('features: the same word in the same context has the same keys, another context differs', () => {
  const a = prepareSentence(['Officials', 'in', 'Kisumu', 'said'], { lexicon: false });
  const b = prepareSentence(['Officials', 'in', 'Kisumu', 'said'], { lexicon: false });
  const c = prepareSentence(['Traders', 'from', 'Kisumu', 'said'], { lexicon: false });
  assert.deepEqual(a.staticFeatures[2], b.staticFeatures[2]);
  const shared = [...a.staticFeatures[2]].filter((k) => c.staticFeatures[2].includes(k));
  assert.ok(shared.length > 5 && shared.length < a.staticFeatures[2].length);
  assert.equal(a.forms[2], hashString('kisumu'));
  // Numbers share a form by shape.
  const d = prepareSentence(['in', '1987'], { lexicon: false });
  const e = prepareSentence(['in', '2031'], { lexicon: false });
  assert.equal(d.forms[1], e.forms[1]);
});

test('knowledge features mark given names, honorifics, countries and place names', () => {
  const words = ['Sheikh', 'Mohammed', 'flew', 'from', 'Nairobi', 'to', 'Germany'];
  const facts = lexiconFacts(words, words.map((w) => w.toLowerCase()));
  assert.ok(facts[0].includes('hon'));
  assert.ok(facts[1].includes('given'));
  assert.ok(facts[4].some((f) => f.startsWith('gzP=city') && f.endsWith(':B')));
  assert.ok(facts[6].includes('country'));
  // Given names of continental Europe, with their diacritics or without.
  for (const name of ['Andrzej', 'Jürgen', 'Juergen', 'Søren', 'Zoltán', 'Giuseppe']) assert.ok(lexiconFacts([name], [name.toLowerCase()])[0].includes('given'), name);
});

test('every word of a capitalised run knows what kind of word ends it', () => {
  const words = ['They', 'walked', 'to', 'Orrin', 'Hale', 'Park', 'and', 'the', 'Bank', 'of', 'Tessaly', '.'];
  const facts = lexiconFacts(words, words.map((w) => w.toLowerCase()));
  assert.ok(facts[3].includes('rh=loc-head:B'));
  assert.ok(facts[4].includes('rh=loc-head:I'));
  assert.ok(facts[5].includes('rh=loc-head:L'));
  // "of" joins the run; its last word is no head word.
  assert.ok(facts[8].includes('rh=none:B'));
  assert.ok(facts[10].includes('rh=none:L'));
  assert.ok(!facts[1].some((f) => f.startsWith('rh=')));
  // A kind noun ends the run when no head word does, and is a fact of its own.
  const brook = ['over', 'Hancock', 'Brook', 'near', 'the', 'village'];
  const bf = lexiconFacts(brook, brook.map((w) => w.toLowerCase()));
  assert.ok(bf[1].includes('rh=kLOC:B'));
  assert.ok(bf[5].includes('kind=LOC'));
});

test('knowledge features from the words\' cached hashes are those from the words themselves', async () => {
  const { lexiconExtras, lexiconExtrasOf } = await import('./lexicon-features.js');
  const { wordInfo } = await import('./features.js');
  const words = ['Foreign', 'Minister', 'Amina', 'Odhiambo', 'met', 'the', 'Bank', 'of', 'England', 'in', 'New', 'York', 'City', '.'];
  const lower = words.map((w) => w.toLowerCase());
  const infos = words.map(wordInfo);
  const of = lexiconExtrasOf(
    words, lower, Uint8Array.from(infos.map((i) => (i.caps ? 1 : 0))),
    Int32Array.from(infos.map((i) => i.hash)), Int32Array.from(infos.map((i) => i.lowerHash)),
  );
  assert.deepEqual(of, lexiconExtras(words, lower));
  assert.ok(of.some((keys) => keys.length > 0));
});

// A tiny corpus written for these tests.
const TINY = parseConll(`
Amina B-PER
Odhiambo I-PER
visited O
Kisumu B-LOC
. O

The O
Lakeside B-ORG
Traders I-ORG
Union I-ORG
met O
in O
Kisumu B-LOC
. O

Odhiambo B-PER
praised O
the O
Lakeside B-ORG
Traders I-ORG
Union I-ORG
. O
`);

test('training is deterministic: two runs give identical model files', () => {
  const a = serializeModel(trainTagger(TINY, { epochs: 5, minCount: 1, minWeight: 0 }));
  const b = serializeModel(trainTagger(TINY, { epochs: 5, minCount: 1, minWeight: 0 }));
  assert.ok(a.equals(b));
});

test('several runs averaged: still deterministic, and the mean of each run on its own', () => {
  const options = { epochs: 3, minCount: 1, minWeight: 0, features: { lexicon: false } };
  const a = serializeModel(trainTagger(TINY, { ...options, runs: 3 }));
  assert.ok(a.equals(serializeModel(trainTagger(TINY, { ...options, runs: 3 }))));
  const averaged = trainTagger(TINY, { ...options, runs: 2 });
  const first = trainTagger(TINY, { ...options, runs: 1 });
  const second = trainTagger(TINY, { ...options, runs: 1, seed: DEFAULT_TRAIN_OPTIONS.seed + 1 });
  // Compare one feature's weights through the shared scale of each model.
  const key = first.keys[0];
  const weight = (m: typeof first, tag: number) => { const r = m.keys.indexOf(key); return r < 0 ? 0 : m.weights[r * TAGS.length + tag] * m.header.scale; };
  for (let tag = 0; tag < TAGS.length; tag++) {
    assert.ok(Math.abs(weight(averaged, tag) - (weight(first, tag) + weight(second, tag)) / 2) < 2 * Math.max(first.header.scale, second.header.scale, averaged.header.scale));
  }
});

test('a model survives writing and reading, and tags its training sentences back', () => {
  const model = trainTagger(TINY, { epochs: 10, minCount: 1, minWeight: 0, features: { lexicon: false } });
  const again = deserializeModel(serializeModel(model));
  assert.equal(again.size, model.size);
  for (const s of TINY) {
    const tags = greedyDecode(again, prepareSentence(s.words, again.header.options));
    assert.deepEqual(spansFromTags(tags.map((t) => TAGS[t])), spansFromTags(s.tags));
  }
});

test('entity scores count exact matches only', () => {
  const t = scoreTags([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']]);
  assert.equal(t.ALL.correct, 1);
  assert.equal(t.ALL.precision, 0.5);
  assert.equal(t.LOC.f1, 1);
  assert.equal(t.PER.f1, 0);
});

test('the shipped model tags a plain news sentence sensibly', () => {
  const words = ['Angela', 'Merkel', 'met', 'officials', 'of', 'the', 'World', 'Bank', 'in', 'Nairobi', '.'];
  assert.deepEqual(tagTokens(words), ['B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']);
});

/** Tokens of a text split at spaces and around hyphens and "’s", as wink-nlp splits them. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /’s|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = m[0];
    tokens.push({ start: m.index, end: m.index + v.length, pos: 'X', normal: v.toLowerCase(), lemma: v.toLowerCase() });
  }
  return tokens;
}

test('tagSpans joins hyphen-glued pieces into one word and maps entities back to tokens', () => {
  const text = 'Commander Hadi al-Amiri spoke in Basra about Iran’s envoy.';
  const tokens = tokensOf(text);
  const joined = wordsOfTokens(text, tokens, 0, tokens.length);
  assert.ok(joined.words.includes('al-Amiri'));
  const sentence: Sentence = { index: 0, paragraph: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length };
  const spans = tagSpans(text, tokens, sentence);
  const shown = spans.map((s) => [text.slice(tokens[s.first].start, tokens[s.last].end), s.type]);
  assert.deepEqual(shown, [['Hadi al-Amiri', 'PER'], ['Basra', 'LOC'], ['Iran', 'LOC']]);
});

test('an organisation head word tagged as a person after capitalised words ends an organisation', () => {
  const words = ['The', 'Vessan', 'Supreme', 'Court', 'ruled', '.'];
  assert.deepEqual(headedOrganisations(words, ['O', 'B-MISC', 'O', 'B-PER', 'O', 'O']), ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
  // A person's name that ends in such a word, or the word alone, is left alone.
  assert.deepEqual(headedOrganisations(['Dana', 'Court', 'won'], ['B-PER', 'I-PER', 'O']), ['B-PER', 'I-PER', 'O']);
  assert.deepEqual(headedOrganisations(['Court', 'won'], ['B-PER', 'O']), ['B-PER', 'O']);
});

test('an organisation head word just after an organisation closes it', () => {
  assert.deepEqual(organisationHeadAfter(['The', 'Royal', 'Fleet', 'Auxiliary', 'sent', 'ships'], ['O', 'B-ORG', 'I-ORG', 'O', 'O', 'O']), ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
  // Not after a person or a place, and not a lower-case word.
  assert.deepEqual(organisationHeadAfter(['Ann', 'Lee', 'Trust'], ['B-PER', 'I-PER', 'O']), ['B-PER', 'I-PER', 'O']);
  assert.deepEqual(organisationHeadAfter(['BBC', 'council', 'staff'], ['B-ORG', 'O', 'O']), ['B-ORG', 'O', 'O']);
});

test('a name that ends in a company suffix is an organisation', () => {
  assert.deepEqual(companySuffixes(['Harlow', 'Bank', 'Inc', 'said'], ['B-LOC', 'I-LOC', 'I-LOC', 'O']), ['B-ORG', 'I-ORG', 'I-ORG', 'O']);
  assert.deepEqual(companySuffixes(['Dorn', 'Ltd.'], ['B-PER', 'I-PER']), ['B-ORG', 'I-ORG']);
  assert.deepEqual(companySuffixes(['Mary', 'As'], ['B-PER', 'O']), ['B-PER', 'O']);
});

test('a title before a person is not part of the name; an initial is', () => {
  assert.deepEqual(dropHonorifics(['Mr', 'Dorn', 'said'], ['B-PER', 'I-PER', 'O']), ['O', 'B-PER', 'O']);
  assert.deepEqual(dropHonorifics(['Sheikh', 'Hamad', 'Vessar'], ['B-PER', 'I-PER', 'I-PER']), ['O', 'B-PER', 'I-PER']);
  assert.deepEqual(dropHonorifics(['M.', 'Dorn'], ['B-PER', 'I-PER']), ['B-PER', 'I-PER']);
  assert.deepEqual(dropHonorifics(['Mr', 'said'], ['B-PER', 'O']), ['B-PER', 'O']);
  // An honorific makes a short run of names a person, whatever type the tagger gave it.
  assert.deepEqual(dropHonorifics(['Dr', 'Fox', 'told'], ['B-ORG', 'I-ORG', 'O']), ['O', 'B-PER', 'O']);
  assert.deepEqual(dropHonorifics(['Mr', 'Smith', 'Goes', 'to', 'Washington'], ['B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'I-MISC']), ['B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'I-MISC']);
});

test('a country name left outside every entity is a place, except in a headline in capitals', () => {
  assert.deepEqual(countryNames(['Recent', 'US', 'drone', 'strikes'], ['O', 'O', 'O', 'O']), ['O', 'B-LOC', 'O', 'O']);
  assert.deepEqual(countryNames(['LET', 'US', 'PRAY'], ['O', 'O', 'O']), ['O', 'O', 'O']);
});

test('name particles continue the person before them', () => {
  const words = ['Hadi', 'al-Amiri', 'and', 'Mohammed', 'bin', 'Salman', 'spoke'];
  const tags = joinNameParticles(words, ['B-PER', 'B-MISC', 'O', 'B-PER', 'O', 'B-PER', 'O']);
  assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'I-PER', 'O']);
  // Without a person before it, a particle is left as the model tagged it.
  assert.deepEqual(joinNameParticles(['the', 'al-Amiri', 'clan'], ['O', 'B-MISC', 'O']), ['O', 'B-MISC', 'O']);
});

test('a title alone is no entity, and "Office of" opens the organisation after it', () => {
  assert.deepEqual(
    dropBareTitles(['the', 'Defense', 'Minister', 'said'], ['O', 'B-ORG', 'I-ORG', 'O']),
    ['O', 'O', 'O', 'O'],
  );
  assert.deepEqual(
    joinOfOrganisations(['the', 'Office', 'of', 'Water', 'Standards', 'ruled'], ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O']),
    ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'],
  );
});

test('the case table learns how words are usually written and survives the model file', async () => {
  const { caseTableOf, countCase, decodeCaseTable, encodeCaseTable, CASE_UNKNOWN } = await import('./case-stats.js');
  const texts = [
    'Rain fell on Tuesday and the market in Lagos closed early.\n\nThe market reopened when Lagos dried out.',
    'Traders said the market in Lagos would recover. Officials in Lagos agreed with the market.',
  ];
  const table = caseTableOf(countCase(texts));
  // "lagos" is capitalised in every mid-sentence use, "market" in none.
  assert.equal(table.get('lagos'), 4 * 2);
  assert.equal(table.get('market'), 0);
  assert.equal(table.get('tuesday') ?? CASE_UNKNOWN, CASE_UNKNOWN); // seen once: too rare to judge
  assert.deepEqual(decodeCaseTable(encodeCaseTable(table)), table);
});

test('a document keeps a name\'s type: a surname alone after the full name is that person', async () => {
  const { DocumentMemory } = await import('./document.js');
  const memory = new DocumentMemory();
  memory.apply(['Colonel', 'Ama', 'Teskel', 'arrived', '.'], ['O', 'B-PER', 'I-PER', 'O', 'O']);
  assert.deepEqual(memory.apply(['Teskel', 'said', 'so', '.'], ['B-ORG', 'O', 'O', 'O']), ['B-PER', 'O', 'O', 'O']);
  assert.deepEqual(memory.apply(['They', 'met', 'Teskel', '.'], ['O', 'O', 'O', 'O']), ['O', 'O', 'B-PER', 'O']);
});

test('the fast decoder chooses exactly the tags of plain decoding, greedy or exact', async () => {
  const { FastTagger } = await import('./fast.js');
  const { taggerModel } = await import('./index.js');
  const models = [
    taggerModel(),
    trainTagger(TINY, { epochs: 5, minCount: 1, minWeight: 0 }),
    trainTagger(TINY, { epochs: 5, minCount: 1, minWeight: 0, features: { lexicon: true, viterbi: true } }),
  ];
  for (const model of models) {
  const fast = new FastTagger(model);
  const plain = model.header.options.viterbi ? exactDecode : greedyDecode;
  const sentences = [
    ['Angela', 'Merkel', 'met', 'officials', 'of', 'the', 'World', 'Bank', 'in', 'Nairobi', '.'],
    ['LAGOS', 'TRADERS', 'PROTEST', 'NEW', 'TAX'],
    ['The', 'Lakeside', 'Traders', 'Union', 'said', 'on', 'Tuesday', 'that', 'Hadi', 'al-Amiri', 'had', 'left', 'for', 'Basra', '.'],
    ['"', 'We', 'will', 'not', 'pay', ',', '"', 'said', 'Amina', 'Odhiambo', ',', 'a', 'trader', 'in', 'Kisumu', '.'],
    ['Shares', 'of', 'Kestrel', 'Mining', 'Corp', 'rose', '3.5', 'percent', 'to', '12,500', 'in', '1996', '.'],
  ];
  // Twice: the second time every word comes from the fast decoder's cache.
  for (let round = 0; round < 2; round++) {
    for (const words of sentences) {
      assert.deepEqual(fast.decode(words), plain(model, prepareSentence(words, model.header.options)));
    }
  }
  }
});

test('exact decoding finds the best-scoring tag sequence that BIO allows', () => {
  // Scores from a seeded generator; every allowed sequence of 4 tags over 3 tags is tried.
  let x = 7;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648 - 0.5; };
  const C = 3; // O, B-PER, I-PER: the first three tags
  const n = 4;
  const local = Array.from({ length: n * (C + 1) * C }, rnd);
  const pairs = Array.from({ length: (C + 1) * (C + 1) * C }, rnd);
  const offset = (t2: number, t1: number) => ((t2 + 1) * (C + 1) + t1 + 1) * C;
  const score = (tags: number[]) => tags.reduce((sum, t, i) => {
    const t1 = i > 0 ? tags[i - 1] : -1;
    const t2 = i > 1 ? tags[i - 2] : -1;
    return sum + local[(i * (C + 1) + t1 + 1) * C + t] + pairs[offset(t2, t1) + t];
  }, 0);
  let best: number[] = [];
  let bestScore = -Infinity;
  for (let code = 0; code < C ** n; code++) {
    const tags = Array.from({ length: n }, (_, i) => Math.floor(code / C ** i) % C);
    if (tags.some((t, i) => !allowedAfter(i > 0 ? tags[i - 1] : -1, t))) continue;
    if (score(tags) > bestScore) { bestScore = score(tags); best = tags; }
  }
  const found = viterbiDecode(n, C, local, pairs);
  assert.deepEqual(found, best);
});

test('a model trained with exact decoding tags its training sentences back', () => {
  const model = trainTagger(TINY, { epochs: 10, minCount: 1, minWeight: 0, features: { lexicon: false, viterbi: true } });
  for (const s of TINY) {
    const tags = exactDecode(model, prepareSentence(s.words, model.header.options));
    assert.deepEqual(spansFromTags(tags.map((t) => TAGS[t])), spansFromTags(s.tags));
  }
});

test('a bounded cache keeps what recurs and never holds more than twice its limit', async () => {
  const { BoundedCache } = await import('./features.js');
  const cache = new BoundedCache<number>(3);
  for (let i = 0; i < 100; i++) {
    cache.set('w' + i, i);
    assert.equal(cache.get('keep'), i === 0 ? undefined : 0);
    if (i === 0) cache.set('keep', 0);
    assert.ok(cache.size <= 6);
  }
  assert.equal(cache.get('w99'), 99);
  assert.equal(cache.get('w10'), undefined);
});

test('word clusters put words used alike together, repeatably, and survive the model file', async () => {
  const { buildClusters, clusterOf, decodeClusters, encodeClusters, tokenize } = await import('./clusters.js');
  assert.deepEqual(tokenize('Kenya\'s U.S. envoy didn\'t pay $1,500.'), ['Kenya', '\'s', 'U.S.', 'envoy', 'did', 'n\'t', 'pay', '$', '1,500', '.']);
  const sentences: string[][] = [];
  const towns = ['Kisumu', 'Nakuru', 'Eldoret', 'Mombasa'];
  const people = ['Odhiambo', 'Wanjiru', 'Kamau', 'Otieno'];
  for (let k = 0; k < 40; k++) {
    const town = towns[k % 4];
    const person = people[(k * 3) % 4];
    sentences.push(['Traders', 'in', town, 'said', 'prices', 'rose', '.']);
    sentences.push(['Mr', person, 'said', 'on', 'Monday', 'that', 'sales', 'fell', '.']);
  }
  const a = buildClusters(sentences, { minCount: 3, dim: 8, depth: 4, minSplit: 2 });
  const b = buildClusters(sentences, { minCount: 3, dim: 8, depth: 4, minSplit: 2 });
  assert.deepEqual([...a], [...b]);
  const prefix = (w: string): string => clusterOf(a, w).slice(0, 2);
  assert.equal(prefix('Kisumu'), prefix('Mombasa'));
  assert.equal(prefix('Wanjiru'), prefix('Kamau'));
  assert.notEqual(clusterOf(a, 'Kisumu'), clusterOf(a, 'Kamau'));
  // Lower-case and capitalised forms fall back on each other; unknown words have no cluster.
  assert.equal(clusterOf(a, 'TRADERS'), clusterOf(a, 'traders') || clusterOf(a, 'Traders'));
  assert.equal(clusterOf(a, 'Zanzibar'), '');
  assert.deepEqual(decodeClusters(encodeClusters(a)), new Map([...a].sort()));
  const model = trainTagger(TINY, { epochs: 3, minCount: 1, minWeight: 0, features: { lexicon: false, clusters: a } });
  const again = deserializeModel(serializeModel(model));
  assert.equal(again.header.options.clusters?.get('Kisumu'), a.get('Kisumu'));
});

test('a sentence\'s opening "The" is no part of a longer name; "The Hague" keeps it', () => {
  assert.deepEqual(dropLeadingArticle(['The', 'Association', 'of', 'Jurists', 'met'], ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']), ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  assert.deepEqual(dropLeadingArticle(['The', 'Hague', 'court'], ['B-LOC', 'I-LOC', 'O']), ['B-LOC', 'I-LOC', 'O']);
  assert.deepEqual(dropLeadingArticle(['Then', 'Rome', 'Police'], ['O', 'B-ORG', 'I-ORG']), ['O', 'B-ORG', 'I-ORG']);
});

test('a military unit is an organisation, its number included', () => {
  assert.deepEqual(militaryUnits(['the', '82nd', 'Airborne', 'Division', 'moved'], ['O', 'O', 'B-MISC', 'I-MISC', 'O']), ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  assert.deepEqual(militaryUnits(['Troops', 'of', 'IV', 'Corps'], ['O', 'O', 'B-MISC', 'I-MISC']), ['O', 'O', 'B-ORG', 'I-ORG']);
  assert.deepEqual(militaryUnits(['the', 'Army', 'of', 'the', 'Potomac'], ['O', 'B-LOC', 'I-LOC', 'I-LOC', 'I-LOC']), ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG']);
  // A division or command without a number may be a sports table or an office.
  assert.deepEqual(militaryUnits(['the', 'Eastern', 'Division', 'title'], ['O', 'B-MISC', 'I-MISC', 'O']), ['O', 'B-MISC', 'I-MISC', 'O']);
});

test('a named battle, siege or war is MISC', () => {
  assert.deepEqual(namedHappenings(['the', 'Battle', 'of', 'Mosul'], ['O', 'B-ORG', 'I-ORG', 'I-ORG']), ['O', 'B-MISC', 'I-MISC', 'I-MISC']);
  assert.deepEqual(namedHappenings(['the', 'Second', 'Battle', 'of', 'Bull', 'Run'], ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG']), ['O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'I-MISC']);
  assert.deepEqual(namedHappenings(['the', 'Gulf', 'War'], ['O', 'B-LOC', 'I-LOC']), ['O', 'B-MISC', 'I-MISC']);
  // The head is the word before "of": "Bank of Siege" would be no battle; "War Office" is a body.
  assert.deepEqual(namedHappenings(['the', 'War', 'Office'], ['O', 'B-ORG', 'I-ORG']), ['O', 'B-ORG', 'I-ORG']);
});
