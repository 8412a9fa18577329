import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const requests = (text: string) => analyze({ text, published: '2023-03-10' }).events.filter((e) => e.event === 'REQUEST').map((e) => e.trigger.text);

test('asking what, how or when something is asks for information, not an act', () => {
  assert.deepEqual(requests('Asked what the country could learn from its neighbours, the minister said the lesson was patience.'), []);
  assert.deepEqual(requests('Union leaders have asked how much more hardship workers can take.'), []);
  assert.deepEqual(requests('The senator asked when the troops would come home.'), []);
});

test('a reporter\'s question put to a speaker ("Asked if …, X said") is no request', () => {
  assert.deepEqual(requests('Asked by reporters if he would close the bases in the event of war, the prime minister said he would.'), []);
  assert.deepEqual(requests('The finance minister, asked whether the deficit would improve, replied that it should.'), []);
});

test('a request for an act stays a request, and a finite "asked whether it could" may be one', () => {
  assert.deepEqual(requests('Iran asked the United Nations to condemn the attack.'), ['asked']);
  assert.deepEqual(requests('The ministry asked whether it could help with the talks.'), ['asked']);
});
