import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getJson, testServer } from './server.fixtures.js';

test('GET /facets: the PLOVER types, the realis and certainty values, and the countries events involve, each as many as the country filter finds', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/facets');
  assert.equal(status, 200);
  assert.equal(body.event_types.length, 16);
  assert.ok(body.event_types.some((x: any) => x.event === 'PROTEST' && x.quad_class === 3 && x.description));
  assert.deepEqual(body.realis, ['actual', 'future', 'hypothetical', 'negated', 'any']);
  assert.ok(body.certainty.includes('alleged'));
  // Geneva's country is only the place of the talks; Arvalia (a fixture's own code) is no country the filter takes.
  const codes = body.countries.map((c: any) => c.code);
  assert.deepEqual([...codes].sort(), ['CHE', 'IRN']);
  assert.equal(body.countries.find((c: any) => c.code === 'CHE').name, 'Switzerland');
  assert.equal((await getJson(app, '/api/v1/events?reports=true&country=ARV')).status, 400);
  for (const c of body.countries) {
    const listed = (await getJson(app, `/api/v1/events?reports=true&country=${c.code}&realis=any&limit=1000&fields=id`)).body.events;
    assert.equal(c.events, listed.length, c.code);
  }
  const counts = body.countries.map((c: any) => c.events);
  assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
});

test('GET /facets takes no parameters: one is a 400 naming it', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const r = await getJson(app, '/api/v1/facets?country=IRQ');
  assert.equal(r.status, 400);
  assert.equal(r.body.parameter, 'country');
});
