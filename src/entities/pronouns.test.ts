import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

test('a sentence-opening pronoun is a mention of the previous sentence\'s subject, with its code', () => {
  const doc = analyze({ text: 'Iraqi militia commander Karim al-Dulaimi met tribal leaders in Tikrit. He accused the government of neglect.', published: '2023-05-01' });
  const he = doc.entities.find((e) => e.text === 'He');
  const karim = doc.entities.find((e) => e.text === 'Karim al-Dulaimi');
  assert.ok(he && karim);
  assert.equal(he!.chain, karim!.chain);
  assert.equal(he!.code, karim!.code);
  assert.equal(he!.nominal, true, 'listed with the mentions, not as a named entity');
  const accuse = doc.events.find((e) => e.event === 'ACCUSE');
  assert.equal(accuse?.actor[0]?.text, 'He');
  assert.equal(accuse?.actor[0]?.name, 'Karim al-Dulaimi');
});

test('"it" takes an organisation or a place, never a person', () => {
  const doc = analyze({ text: 'Omar Tallisk met the Harbour Board. It refused his request.', published: '2023-05-01' });
  const it = doc.entities.find((e) => e.text === 'It');
  if (it) assert.notEqual(it.type, 'PER');
});

test('a passive reporting verb has no source: "he is accused of"', () => {
  const doc = analyze({ text: 'The court froze the assets of Omar Tallisk. He is accused of funding attacks on shops.', published: '2023-05-01' });
  const funding = doc.events.find((e) => e.trigger.text === 'funding');
  if (funding) {
    assert.equal(funding.attribution.source, null);
    assert.equal(funding.attribution.certainty, 'alleged');
  }
});
