import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { readCasualties } from './casualties.js';

/** Each category's range and words, as read from one sentence. */
const read = (s: string) => Object.fromEntries(Object.entries(readCasualties(s)).flatMap(([k, v]) => (v ? [[k, [v.min, v.max, v.text]]] : [])));

test('the people counted, then what befell them: "12 people were killed", "two soldiers died", "dozens wounded"', () => {
  assert.deepEqual(read('At least 12 people were killed and dozens wounded in the blast.'),
    { killed: [12, null, 'At least 12 people were killed'], injured: [24, null, 'dozens wounded'] });
  assert.deepEqual(read('Two soldiers died.'), { killed: [2, 2, 'Two soldiers died'] });
  assert.deepEqual(read('A policeman was killed.'), { killed: [1, 1, 'A policeman was killed'] });
  assert.deepEqual(read('Three soldiers and two civilians were killed.'), { killed: [5, 5, 'Three soldiers and two civilians were killed'] });
  assert.deepEqual(read('Ten members of one family were killed.'), { killed: [10, 10, 'Ten members of one family were killed'] });
  assert.deepEqual(read('12 people killed in bus attack'), { killed: [12, 12, '12 people killed'] });
});

test('what was done, then the people: "killing 90 people and wounding 230 others", "arrested 40 protesters"', () => {
  assert.deepEqual(read('planes attacked villages, killing 90 people and wounding 230 others.'),
    { killed: [90, 90, 'killing 90'], injured: [230, 230, 'wounding 230'] });
  assert.deepEqual(read('Police arrested 40 protesters on Monday.'), { arrested: [40, 40, 'arrested 40'] });
  assert.deepEqual(read('Suspected jihadists killed 17 soldiers and 4 civilians.'), { killed: [21, 21, 'killed 17 soldiers and 4'] });
  assert.deepEqual(read('Police shot dead two protesters.'), { killed: [2, 2, 'dead two'] });
  assert.deepEqual(read('Fighting has displaced tens of thousands of people.'), { displaced: [20000, null, 'displaced tens of thousands'] });
});

test('tolls, counted nouns and nobody: "the death toll rose to 15", "12 deaths", "no one was hurt"', () => {
  assert.deepEqual(read('The death toll rose to 15 on Tuesday.'), { killed: [15, 15, 'death toll rose to 15'] });
  assert.deepEqual(read('Officials recorded 12 deaths.'), { killed: [12, 12, '12 deaths'] });
  assert.deepEqual(read('No one was hurt in the attack.'), { injured: [0, 0, 'No one was hurt'] });
});

test('numbers that count no people are not read: years, dates, units, and the doers of an act', () => {
  assert.deepEqual(read('Three rockets killed the commander.'), {});
  assert.deepEqual(read('The war has killed people since 2011.'), {});
  assert.deepEqual(read('Gunmen killed 5 on 12 March.'), { killed: [5, 5, 'killed 5'] });
  assert.deepEqual(read('Troops advanced 20 km and were killed.'), {});
  assert.deepEqual(read('A bomb killed the mayor.'), {});
});

test('an event carries the counts of the sentences that tell it, and of the next one when that tells no event', () => {
  const doc = analyze({ text: 'Rebels ambushed an army patrol near Beni on Monday. Four soldiers died in the fighting.\n', published: '2022-03-09' });
  const attack = doc.events.find((e) => e.event === 'ASSAULT');
  assert.ok(attack, 'the ambush is coded');
  assert.deepEqual(attack.casualties?.killed && [attack.casualties.killed.min, attack.casualties.killed.text], [4, 'Four soldiers died']);
  const words = doc.text.slice(attack.casualties!.killed!.start, attack.casualties!.killed!.end);
  assert.equal(words, 'Four soldiers died', 'the span is the article\'s');
});

test('a threat counts nobody: only what happened has casualties', () => {
  const doc = analyze({ text: 'The group threatened to kill 50 hostages if its demands were not met.\n', published: '2022-03-09' });
  for (const e of doc.events) assert.equal(e.casualties ?? null, null);
});
