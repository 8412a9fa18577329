import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The events of a text as "TYPE trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2021-03-01' }).events.map((e) => `${e.event} ${e.trigger.text}`);
}

test('a release, withdrawal or lifting agreed or promised is one CONCEDE, on the promise', () => {
  assert.deepEqual(events('The US has agreed to release four British detainees.'), ['CONCEDE agreed']);
  assert.deepEqual(events('Israel promised to withdraw its troops from Gaza by Friday.'), ['CONCEDE promised']);
  assert.ok(events('Lord Dubs agreed to withdraw his bill after its second reading.').includes('CONCEDE agreed'));
});

test('a verb that only sets out towards the act passes it on: "pledged to work towards lifting the ban"', () => {
  const e = analyze({ text: 'The EU pledged to work towards lifting the ban on arms sales to China.', published: '2021-03-01' }).events;
  const pledge = e.find((x) => x.trigger.text === 'pledged');
  assert.equal(pledge?.event, 'CONCEDE');
  // (lifting a ban has a code of its own, which the concession keeps)
  assert.equal(pledge?.cameo, '0812');
});

test('an agreement to cooperate stays AGREE, and a retreat no one promised keeps its own type', () => {
  assert.ok(events('Iran agreed to hold talks with the United States.').includes('AGREE agreed'));
  assert.ok(events('France offered to send aid to Haiti.').includes('AGREE offered'));
  assert.ok(events('The rebels released four hostages in Kidal on Monday.').includes('RETREAT released'));
});
