import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const triggers = (text: string): string[] => analyze({ text, published: '2023-03-10' }).events.map((e) => e.trigger.text);

test('"such attacks" names a kind of happening, not one told — whoever it is aimed at', () => {
  assert.deepEqual(triggers('The president said such attacks on civilians were a crime.').filter((t) => t === 'attacks'), []);
  assert.deepEqual(triggers('The minister said such violent protests would not be tolerated.').filter((t) => t === 'protests'), []);
  // (an attack told as one stays one)
  assert.ok(triggers('Rebels attacked an army post near Gao on Monday.').includes('attacked'));
});

test('a frequency on the noun an event noun hangs on makes the happenings habitual', () => {
  assert.deepEqual(triggers('Tankers bound for Kuwait have been regular targets for Iranian attacks in the Gulf.'), []);
  assert.deepEqual(triggers('The village has been a frequent scene of clashes between police and protesters.'), []);
  // (a target of one attack is told as such)
  assert.ok(triggers('The tanker was the target of an Iranian attack in the Gulf on Monday.').includes('attack'));
});

test('a rate right after the event noun phrase counts happenings, even where the parse hangs it elsewhere', () => {
  assert.deepEqual(triggers("Officials say Israel's air raids on the camps,\naveraging three a week, are aimed at arms depots."), []);
  assert.deepEqual(triggers('Government raids on opposition offices, two a month, have continued since June.').filter((t) => t === 'raids'), []);
  assert.ok(triggers('Israeli jets raided the camps on Monday, a week after the election.').includes('raided'));
});
