import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xmlText } from './formats.js';
import { getJson, testServer } from './server.fixtures.js';

test('GET /network: sides as nodes, dyads as edges counted by QuadClass', async (t) => {
  const { app } = await testServer(t, { extra: 2 });
  const { status, body } = await getJson(app, '/api/v1/network?realis=any');
  assert.equal(status, 200);
  const riot = body.edges.find((e: any) => e.source === 'ARVCVL');
  assert.deepEqual(riot, { source: 'ARVCVL', target: 'ARVCOP', count: 2, by_quad_class: { 1: 0, 2: 0, 3: 0, 4: 2 }, goldstein: -8.75 });
  assert.deepEqual(body.nodes.find((n: any) => n.id === 'MLIEDU'), { id: 'MLIEDU', events: 2 });
  // The future talks have no recipient: no edge of their own.
  assert.equal(body.edges.filter((e: any) => e.source === 'ARVGOV').length, 1);
  const filtered = (await getJson(app, '/api/v1/network?min_count=2')).body;
  assert.deepEqual(filtered.edges.map((e: any) => e.source).sort(), ['ARVCVL', 'MLIEDU']);
});

test('GET /network?limit=N keeps the N dyads with most events, their sides only, and counts them all', async (t) => {
  const { app } = await testServer(t, { extra: 2 });
  const whole = (await getJson(app, '/api/v1/network?realis=any')).body;
  const top = (await getJson(app, '/api/v1/network?realis=any&limit=1')).body;
  assert.equal(top.edges.length, 1);
  assert.equal(top.edges[0].count, Math.max(...whole.edges.map((e: any) => e.count)));
  assert.deepEqual(top.nodes.map((n: any) => n.id).sort(), [top.edges[0].source, top.edges[0].target].sort());
  assert.equal(top.dyads_total, whole.edges.length);
  assert.equal(whole.dyads_total, whole.edges.length);
  assert.equal((await getJson(app, '/api/v1/network?limit=0')).body.parameter, 'limit');
});

test('GET /network as GEXF and GraphML: well-formed XML with the same edges', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const g = await app.inject({ url: '/api/v1/network?format=gexf' });
  assert.match(g.headers['content-type'] as string, /^application\/gexf\+xml/);
  assert.match(g.body, /<edge id="0" source="ARVCVL" target="ARVCOP" weight="2">/);
  const m = await app.inject({ url: '/api/v1/network?format=graphml' });
  assert.match(m.headers['content-type'] as string, /^application\/graphml\+xml/);
  assert.equal((m.body.match(/<edge /g) ?? []).length, 3);
  assert.match(m.body, /<node id="IRNCVL"><data key="events">1<\/data><\/node>/);
  assert.equal((await getJson(app, '/api/v1/network?format=dot')).body.parameter, 'format');
});

test('XML text escapes markup and drops characters XML 1.0 cannot hold', () => {
  assert.equal(xmlText('<a href="x">Tom & Jerry\'s</a>'), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  assert.equal(xmlText('bell\u0007 nul\u0000 tab\t ok \uD800'), 'bell nul tab\t ok ');
  assert.equal(xmlText('emoji 😀'), 'emoji 😀');
});
