import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDocs } from '../store/explore.fixtures.js';
import { openStore } from '../store/index.js';
import { AnswerCache, answerKey, eventJson } from './answer-cache.js';
import { getJson, testServer } from './server.fixtures.js';

test('a kept answer is given back while the version holds, and all are dropped when it moves', () => {
  let version = 'v1';
  const cache = new AnswerCache(() => version);
  assert.equal(cache.get('a'), undefined);
  cache.set('a', { type: 'application/json', body: '{"n":1}' });
  assert.deepEqual(cache.get('a'), { type: 'application/json', body: '{"n":1}' });
  version = 'v2';
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});

test('the cache holds at most its entries and its bytes, dropping the least recently asked first', () => {
  const cache = new AnswerCache(() => 'v', 2, 10);
  cache.get('x');
  cache.set('a', { type: 't', body: '1234' });
  cache.set('b', { type: 't', body: '1234' });
  cache.get('a');
  cache.set('c', { type: 't', body: '12' });
  assert.equal(cache.get('b'), undefined, 'b was asked least recently');
  assert.ok(cache.get('a') && cache.get('c'));
  cache.set('d', { type: 't', body: '123456789' });
  assert.equal(cache.size, 1, 'bytes bound: only d fits');
  cache.set('huge', { type: 't', body: '12345678901' });
  assert.equal(cache.get('huge'), undefined, 'an answer over the whole bound is never kept');
});

test('the key of a route\'s parameters does not depend on their order, and leaves out the unset', () => {
  assert.equal(answerKey('counts', { by: 'event', interval: 'month', country: undefined }), answerKey('counts', { interval: 'month', by: 'event' }));
  assert.notEqual(answerKey('counts', { by: 'event' }), answerKey('network', { by: 'event' }));
  assert.notEqual(answerKey('counts', { by: 'event' }), answerKey('counts', { by: 'country' }));
});

test('an event\'s JSON is written once and is JSON.stringify\'s', () => {
  const e = fixtureDocs(0)[0].events[0];
  assert.equal(eventJson(e), JSON.stringify(e));
  assert.equal(eventJson(e), eventJson(e));
});

test('/events, /counts, /network and /events/{id} answer the same bytes a second time, and the new state after a write', async (t) => {
  const { app, store } = await testServer(t, { extra: 2 });
  const urls = ['/api/v1/events?reports=true&limit=50', '/api/v1/counts?interval=month&by=actor', '/api/v1/network', '/api/v1/network?format=gexf', '/api/v1/events/riot-e1'];
  const first = await Promise.all(urls.map((url) => app.inject({ url })));
  for (const [i, r] of first.entries()) {
    assert.equal(r.statusCode, 200, urls[i]);
    if (/json/.test(r.headers['content-type'] as string)) {
      // What Fastify would have written for the object: the same JSON, the same type.
      assert.equal(r.body, JSON.stringify(r.json()), urls[i]);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8', urls[i]);
    }
    const again = await app.inject({ url: urls[i] });
    assert.equal(again.body, r.body, urls[i]);
  }
  // A write through the server's own store, then one by another connection (another acta ingest).
  store.saveDoc(fixtureDocs(3)[6]);
  const other = openStore(store.path);
  other.saveDoc(fixtureDocs(4)[7]);
  other.close();
  const events = (await getJson(app, urls[0])).body.events.map((e: any) => e.id);
  assert.ok(events.includes('gen-2-e') && events.includes('gen-3-e'), events.join());
  const students = (await getJson(app, urls[1])).body.series.find((s: any) => s.key === 'MLIEDU');
  assert.equal(students.total, 4);
  const edge = (await getJson(app, urls[2])).body.edges.find((e: any) => e.source === 'MLIEDU');
  assert.equal(edge.count, 4);
  assert.match((await app.inject({ url: urls[3] })).body, /source="MLIEDU" target="MLIGOV" weight="4"/);
});
