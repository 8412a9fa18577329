import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { isProblem } from './common.js';
import { ingestJson, ingestJsonl } from './jsonl.js';

const articles = (xs: (IngestedArticle | InputProblem)[]) => xs.filter((x): x is IngestedArticle => !isProblem(x));
const problems = (xs: (IngestedArticle | InputProblem)[]) => xs.filter(isProblem);

const batch = [
  JSON.stringify({ id: 'a1', text: 'Rebels shelled the airport outside Tarvik on Sunday.', published: '2024-02-11', source: 'Wire' }),
  '{"id": "a2", "text": "broken',
  JSON.stringify({ id: 'a3', title: 'No body here' }),
  '',
  JSON.stringify({ id: 'a4', text: 'Talks were postponed.', published: '11/02/2024' }),
  JSON.stringify({ id: 5, html: '<article><p>Thousands marched through the centre of Ostrava to demand early elections.</p></article>', url: 'https://n.example/5' }),
  JSON.stringify(['not', 'an', 'object']),
  JSON.stringify({ text: '04.03.2024 Author: Ida Brenner\nStrike ends at the steel mill\n\nWorkers returned to the furnaces on Monday after a deal on pay.\n' }),
].join('\n');

test('good lines become articles with their fields; the text is the field as given', () => {
  const out = ingestJsonl(batch, 'batch.jsonl');
  const good = articles(out);
  assert.deepEqual(good.map((a) => a.meta.id), ['a1', '5', good[2].meta.hash]);
  const [a1, a5, seedLike] = good;
  assert.equal(a1.text, 'Rebels shelled the airport outside Tarvik on Sunday.');
  assert.equal(a1.meta.published, '2024-02-11');
  assert.equal(a1.meta.source, 'Wire');
  assert.equal(a1.meta.origin, 'batch.jsonl:1');
  assert.equal(a5.meta.url, 'https://n.example/5');
  assert.equal(a5.meta.origin, 'batch.jsonl:6');
  assert.match(a5.text, /^Thousands marched/);
  // A text field shaped like a scraped article is read as one.
  assert.equal(seedLike.meta.published, '2024-03-04');
  assert.equal(seedLike.meta.author, 'Ida Brenner');
  assert.equal(seedLike.meta.title, 'Strike ends at the steel mill');
});

test('bad lines are problems naming their line; the others still go through', () => {
  const bad = problems(ingestJsonl(batch, 'batch.jsonl'));
  assert.deepEqual(bad.map((p) => [p.origin, p.line]), [
    ['batch.jsonl', 2], ['batch.jsonl', 3], ['batch.jsonl', 5], ['batch.jsonl', 7],
  ]);
  assert.match(bad[0].message, /^malformed JSON/);
  assert.match(bad[1].message, /missing "text" or "html"/);
  assert.match(bad[2].message, /bad published date "11\/02\/2024"/);
  assert.match(bad[3].message, /expected a JSON object/);
});

test('an html record with no article, and an empty text, are problems on their line', () => {
  const out = ingestJsonl('{"html":"<nav>Home</nav>"}\n{"text":"   "}', 'x.jsonl');
  assert.deepEqual(out, [
    { origin: 'x.jsonl', line: 1, message: 'no article text found' },
    { origin: 'x.jsonl', line: 2, message: 'empty text' },
  ]);
});

test('a .json file holds one record or an array of them', () => {
  const one = ingestJson(JSON.stringify({ id: 'solo', text: 'The dam was finished in March.' }), 'one.json');
  assert.equal(articles(one)[0].meta.id, 'solo');
  const many = ingestJson(JSON.stringify([{ text: 'First report.' }, { title: 'x' }]), 'many.json');
  assert.equal(articles(many)[0].meta.origin, 'many.json[0]');
  assert.deepEqual(problems(many), [{ origin: 'many.json', line: null, message: 'item 1: missing "text" or "html" (a string)' }]);
  assert.match(problems(ingestJson('{oops', 'bad.json'))[0].message, /^malformed JSON/);
});

test('a batch with old Mac line ends (a bare CR) is read line by line, like LF and CRLF', () => {
  const lines = ['{"id":"m1","text":"Police arrested ten protesters."}', '{"id":"m2"}', '{"id":"m3","text":"Troops left the town."}'];
  for (const eol of ['\n', '\r\n', '\r']) {
    const out = ingestJsonl(lines.join(eol) + eol, 'mac.jsonl');
    assert.deepEqual(articles(out).map((a) => [a.meta.id, a.meta.origin]), [['m1', 'mac.jsonl:1'], ['m3', 'mac.jsonl:3']], JSON.stringify(eol));
    assert.deepEqual(problems(out).map((p) => p.line), [2], JSON.stringify(eol));
  }
});

test('batches joined with cat keep each file\'s byte order mark at the start of a line: it is not part of the record', () => {
  const joined = '\uFEFF{"id":"w1","text":"Police arrested ten protesters."}\n\uFEFF{"id":"w2","text":"Troops left the town."}\n';
  const out = ingestJsonl(joined, 'all.jsonl');
  assert.deepEqual(out.map((x) => (isProblem(x) ? x.message : x.meta.id)), ['w1', 'w2']);
});
