import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { eventDate } from './event-date.js';

/** The date eventDate gives the word `trigger` of a parsed one-sentence article. */
async function dateOf(text: string, trigger: string, published = '1987-04-11'): Promise<string | null> {
  const doc = await analyze({ text, published });
  const start = text.indexOf(trigger);
  const sentence = doc.sentences.find((s) => s.start <= start && start < s.end)!;
  return eventDate(doc, { sentence: sentence.index, start, end: start + trigger.length }, null).date;
}

test("a date inside a conditional clause is that clause's, not the warning's", async () => {
  const text = 'Japan warned the United States it may take retaliatory measures if the United States imposes its planned sanctions on April 17.';
  assert.equal(await dateOf(text, 'warned'), null);
  assert.equal(await dateOf(text, 'imposes'), '1987-04-17');
});

test('a date of the act agreed to is not the agreement\'s', async () => {
  const text = 'The president has agreed to meet the rebel leader in Geneva on May 3.';
  assert.equal(await dateOf(text, 'agreed', '1987-04-20'), null);
  assert.equal(await dateOf(text, 'meet', '1987-04-20'), '1987-05-03');
});

test("a relative clause's date describes its own noun, not another event of the sentence", async () => {
  const text = 'Tokyo said it was ready to continue trade talks despite the failure of emergency talks which ended yesterday in Washington.';
  assert.equal(await dateOf(text, 'continue'), null);
  assert.equal(await dateOf(text, 'talks which'), '1987-04-10');
});

test('a date above the event dates it: a report, a when-clause, a participle', async () => {
  assert.equal(await dateOf('Iraq said today its warplanes had attacked a supertanker.', 'attacked', '1987-03-23'), '1987-03-23');
  assert.equal(await dateOf('A policeman was killed when a bomb was lobbed onto a parade ground this morning.', 'killed', '1987-04-21'), '1987-04-21');
  assert.equal(await dateOf('On January 8, 2020, Iran launched missiles at two bases.', 'launched', '2021-01-18'), '2020-01-08');
});

test("a dateline's day dates no event; 'today' counted from it does", async () => {
  const text = 'OSLO, March 16 - Norway has approved a trade ban against South Africa.';
  assert.equal(await dateOf(text, 'approved', '1987-03-16'), null);
  const today = 'OSLO, March 16 - Norway today approved a trade ban against South Africa.';
  assert.equal(await dateOf(today, 'approved', '1987-03-16'), '1987-03-16');
});
