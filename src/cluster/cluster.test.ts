import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { clusterEvents } from './index.js';

const eventsOf = (id: string, text: string, published: string) => analyze({ id, text, published }).events;

test('two articles reporting one attack are one happening with two reports', () => {
  const a = eventsOf('wire-a', 'On 3 May 2023, Russian forces shelled Kharkiv, killing four people.', '2023-05-04');
  const b = eventsOf('wire-b', 'Russian troops attacked Kharkiv on 3 May 2023, officials said.', '2023-05-05');
  const assaults = [...a, ...b].filter((e) => e.event === 'ASSAULT');
  assert.ok(assaults.length >= 2);
  const happenings = clusterEvents(assaults).filter((h) => h.reports.length > 1);
  assert.equal(happenings.length, 1);
  assert.deepEqual(new Set(happenings[0].reports.map((e) => e.article_id)), new Set(['wire-a', 'wire-b']));
});

test('different days or different sides stay apart', () => {
  const a = eventsOf('a', 'On 3 May 2023, Russian forces shelled Kharkiv.', '2023-05-04');
  const b = eventsOf('b', 'On 9 May 2023, Russian forces shelled Kharkiv.', '2023-05-10');
  const c = eventsOf('c', 'On 3 May 2023, Ukrainian forces shelled Belgorod.', '2023-05-04');
  const all = [...a, ...b, ...c].filter((e) => e.event === 'ASSAULT');
  assert.equal(clusterEvents(all).length, all.length);
});

test('an undated event never merges with a copy of itself from another article, and a negated or planned one never with one that happened', () => {
  const [undated] = eventsOf('u', 'Rebels attacked an army post near Gao.', '2023-05-04').filter((e) => e.event === 'ASSAULT');
  assert.equal(undated.date_precision, 'unknown');
  assert.equal(clusterEvents([undated, { ...undated, article_id: 'u2' }]).length, 2);
  const [attack] = eventsOf('a', 'On 3 May 2023, the army attacked the rebels.', '2023-05-04').filter((e) => e.event === 'ASSAULT');
  const [negated] = eventsOf('n', 'On 3 May 2023, the army did not attack the rebels.', '2023-05-04').filter((e) => e.event === 'ASSAULT');
  assert.equal(negated.negated, true);
  assert.equal(clusterEvents([attack, negated]).length, 2);
  // A planned strike, however dated and reported, has not happened once yet.
  const [shelled] = eventsOf('s', 'On 3 May 2023, Russian forces shelled Kharkiv.', '2023-05-04').filter((e) => e.event === 'ASSAULT');
  const [planned] = eventsOf('p', 'Officials said on 3 May 2023 that Russian forces were planning strikes on Kharkiv.', '2023-05-04').filter((e) => e.event === 'ASSAULT');
  assert.equal(planned?.realis, 'future');
  assert.equal(clusterEvents([shelled, { ...planned, attribution: { ...planned.attribution, certainty: 'asserted' } }]).length, 2);
});

test('sides of one country but different sectors are different happenings: troops fighting rebels is not troops killing civilians', () => {
  const fight = eventsOf('a', 'On 3 May 2023, Malian troops clashed with rebels near Kidal.', '2023-05-04');
  const killing = eventsOf('b', 'On 3 May 2023, Malian troops attacked villagers near Kidal, killing civilians.', '2023-05-04');
  const assaults = [...fight, ...killing].filter((e) => e.event === 'ASSAULT');
  assert.ok(assaults.some((e) => e.recipient.some((r) => r.code === 'MLIREB')));
  assert.ok(assaults.some((e) => e.recipient.some((r) => r.code === 'MLICVL')));
  for (const h of clusterEvents(assaults)) {
    const recipients = new Set(h.reports.flatMap((e) => e.recipient.map((r) => r.code)));
    const actors = new Set(h.reports.flatMap((e) => e.actor.map((r) => r.code)));
    assert.ok(recipients.size <= 1 && actors.size <= 1, `one happening mixes ${[...actors]} → ${[...recipients]}`);
  }
});
