/**
 * Places in local news, through the whole pipeline (entities first, then
 * places): counties, towns named inside the names of their own offices, and
 * towns at the head of a line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** [text, name, admin1, precision] of every place acta finds. */
function places(text: string): [string, string, string | null, string][] {
  return analyze({ text }).places.map((p) => [p.text, p.name, p.admin1, p.precision]);
}

test('a US county is a place of its own, in the state the story is about', () => {
  const found = places('Flooding closed two roads in Dane County on Monday. Crews from Madison, Wis., spent the night there.');
  assert.deepEqual(found.find((p) => p[0] === 'Dane County'), ['Dane County', 'Dane County', 'Wisconsin', 'admin2']);
  const parish = places('A fire destroyed a barn near Alexandria, La., and Rapides Parish deputies are investigating.');
  assert.ok(parish.some((p) => p[1] === 'Rapides Parish' && p[2] === 'Louisiana'));
});

test('a county shared by many states takes the one its towns are in', () => {
  const found = places('Voters in Washington County approved the school levy. The county seat, Hillsboro, Ore., will see a new library.');
  assert.deepEqual(found.find((p) => p[0] === 'Washington County')?.slice(1), ['Washington County', 'Oregon', 'admin2']);
});
