import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getJson, testServer } from './server.fixtures.js';

test('GET /actors lists the registry, searched by name or code and by country; /actors/{id} one entry', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/actors?search=arvalian');
  assert.equal(status, 200);
  assert.deepEqual(body.actors.map((a: any) => [a.name, a.code]), [['Arvalian Army', 'ARVMIL']]);
  assert.equal((await getJson(app, '/api/v1/actors?country=MLI')).body.actors.length, 0);
  const one = await getJson(app, `/api/v1/actors/${body.actors[0].id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.evidence[0].examples[0].text, 'Arvalian Army');
  assert.equal((await getJson(app, '/api/v1/actors/99999')).status, 404);
  for (const [url, p] of [['/api/v1/actors/abc', 'id'], ['/api/v1/actors/0', 'id'], ['/api/v1/actors?country=ZZZ', 'country'], ['/api/v1/actors?limit=2000', 'limit']]) {
    const r = await getJson(app, url);
    assert.equal(r.status, 400, url);
    assert.equal(r.body.parameter, p, url);
  }
});
