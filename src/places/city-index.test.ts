import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { CITY_INDEX_FILE, decodeCityIndex, encodeCityIndex, indexCitiesFromSource, KeyTable } from './city-index.js';

test('a key table finds each key\'s cities in the order given, and nothing for other keys', () => {
  const t = KeyTable.from(new Map([['paris', [4, 9]], ['basra', [2]], ['zurich', [7]]]));
  assert.deepEqual(t.get('paris'), [4, 9]);
  assert.equal(t.get('basra'), 2);
  assert.equal(t.get('zurich'), 7);
  assert.equal(t.get('berlin'), undefined);
  assert.equal(t.get(''), undefined);
});

test('the city index read back from its file is the index it was written from', () => {
  const index = indexCitiesFromSource();
  const back = decodeCityIndex(encodeCityIndex(index));
  assert.deepEqual(back, index);
  // GeoNames' "Al Başrah" is found folded as "basrah", and loosely as "basra" (how news spells it).
  const basrah = back.exact.get('basrah');
  assert.notEqual(basrah, undefined);
  assert.deepEqual(back.loose.get('basra'), basrah);
});

test('the index npm run build wrote is current: what the source gives now', { skip: !existsSync(CITY_INDEX_FILE) && 'no prebuilt index (tsc alone)' }, () => {
  assert.deepEqual(readFileSync(CITY_INDEX_FILE), encodeCityIndex(indexCitiesFromSource()));
});

test('a file that is not a city index is refused, saying how to make one', () => {
  assert.throws(() => decodeCityIndex(Buffer.from('hello\n')), /not an acta city index.*npm run build/);
});
