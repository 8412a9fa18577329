import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The events of a text as "TYPE trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2021-03-01' }).events.map((e) => `${e.event} ${e.trigger.text}`);
}

test('the act of a power held is no event: "the right of the Commons to overrule the Lords"', () => {
  assert.ok(!events('The 1949 Parliament Act extends the right of the House of Commons to overrule the House of Lords.').some((e) => e.endsWith(' overrule')));
  assert.ok(!events('The new law gives the minister the power to detain suspects without trial.').some((e) => e.endsWith(' detain')));
});

test('the act of a power given is no event: "authorized the government to sanction", "members elected to examine"', () => {
  assert.ok(!events('The Global Magnitsky Act authorized the US government to sanction human rights offenders.').some((e) => e.endsWith(' sanction')));
  assert.ok(!events('The London Assembly is made up of 25 members elected to examine the activities of the mayor.').some((e) => e.endsWith(' examine')));
});

test('an act done, or one asked for, is read as before', () => {
  assert.ok(events('The US government sanctioned three Iraqi militia leaders on Friday.').some((e) => e.startsWith('SANCTION')));
  assert.ok(events('The London Assembly asked the mayor to apologise on Monday.').includes('REQUEST asked'));
});
