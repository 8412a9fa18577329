import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { modalCode } from './modality.js';

/** The events of a text as "TYPE realis trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2021-03-01' }).events.map((e) => `${e.event} ${e.realis} ${e.trigger.text}`);
}

test('a sanction, a restriction or a protest planned or promised keeps its own type; one declared with "will" or made conditional is a threat', () => {
  assert.equal(modalCode('163', 'SANCTION', 'plan', false), null);
  assert.equal(modalCode('173', 'COERCE', 'plan', false), null);
  assert.equal(modalCode('163', 'SANCTION', 'intent', false), '131');
  assert.equal(modalCode('163', 'SANCTION', 'condition', false), '131');
  assert.ok(events('Washington planned to impose the tariffs on Japanese exports.').includes('SANCTION future impose'));
  assert.ok(events('Sweden promised to halt all trade with South Africa by October.').some((e) => e.startsWith('SANCTION') && e.endsWith('halt')));
  assert.ok(events('Palestinian leaders said they would boycott all official contact with the United States.').some((e) => e.startsWith('THREATEN')));
  assert.ok(events('The United States will impose sanctions on Japan unless Tokyo opens its market.').some((e) => e.startsWith('THREATEN') && e.endsWith('impose')));
});

test('violence told as intended is still a threat; cooperation told as intended is AGREE', () => {
  assert.equal(modalCode('190', 'ASSAULT', 'intent', false), '138');
  assert.equal(modalCode('042', 'CONSULT', 'intent', false), '036');
});

test('the act a condition names is no threat of its own: "unless Tokyo opens its market"', () => {
  assert.ok(!events('The United States will impose sanctions on Japan unless Tokyo opens its market.').some((e) => e.endsWith(' opens') && e.startsWith('THREATEN')));
});
