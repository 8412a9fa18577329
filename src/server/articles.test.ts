import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HOSTILE_TITLE } from '../store/explore.fixtures.js';
import { getJson, testServer } from './server.fixtures.js';

const TOKEN = 'correct-horse-battery';
const auth = { authorization: `Bearer ${TOKEN}` };

test('GET /articles/{id}: the text as stored, with its sentences, entities and events; by id or by hash', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/articles/riot');
  assert.equal(status, 200);
  assert.equal(body.meta.title, 'Riot in Dornholt');
  assert.deepEqual(body.sentences.map((s: any) => body.text.slice(s.start, s.end)).slice(1), [
    'Protesters from Arvalia clashed with riot police in Dornholt on Monday, police said.', 'The protesters clashed again later.',
  ]);
  assert.deepEqual(body.events.map((e: any) => e.id), ['riot-e1']);
  assert.ok(body.not_stored.includes('tokens'));
  assert.equal((await getJson(app, `/api/v1/articles/${body.meta.hash}`)).body.meta.id, 'riot');
  assert.equal((await getJson(app, '/api/v1/articles/nothing-here')).status, 404);
});

test('markup, script, javascript: links, control and bidi characters come back as the very JSON strings stored', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const r = await app.inject({ url: '/api/v1/articles/hostile' });
  assert.match(r.headers['content-type'] as string, /^application\/json/);
  const body = r.json();
  assert.equal(body.meta.title, HOSTILE_TITLE);
  assert.ok(body.text.includes('<img src=x onerror=alert(2)>'));
  assert.ok(body.text.includes('<a href="javascript:alert(3)">'));
  assert.ok(body.text.includes('Tehran\u0007'));
  // JSON escapes the control character; the markup is text inside a string, never a page.
  assert.ok(r.body.includes('Tehran\\u0007'));
  const ev = (await getJson(app, '/api/v1/events/hostile-e1')).body;
  assert.equal(ev.article.title, HOSTILE_TITLE);
  assert.equal(ev.evidence.recipient[0].words, 'the ministry');
  const csv = (await app.inject({ url: '/api/v1/events?reports=true&format=csv&fields=id,trigger&article=hostile' })).body;
  assert.equal(csv, 'id,trigger\nhostile-e1,marched\n');
});

test('POST /articles is refused without a configured token (403) and without the right one (401)', async (t) => {
  const closed = (await testServer(t, { extra: 0 })).app;
  const off = await closed.inject({ method: 'POST', url: '/api/v1/articles', payload: { text: 'Troops clashed with rebels.' }, headers: auth });
  assert.equal(off.statusCode, 403);
  const { app, store } = await testServer(t, { extra: 0, token: TOKEN });
  const before = store.countArticles();
  for (const headers of [{}, { authorization: 'Bearer wrong-token-here' }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }]) {
    const r = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: { text: 'Troops clashed with rebels.' }, headers });
    assert.equal(r.statusCode, 401, JSON.stringify(headers));
    assert.equal(r.headers['www-authenticate'], 'Bearer realm="acta"');
  }
  assert.equal(store.countArticles(), before);
});

test('POST /articles: a body over the limit is 413; a record that cannot be read is 400 and nothing is stored', async (t) => {
  const { app, store } = await testServer(t, { extra: 0, token: TOKEN, bodyLimit: 1000 });
  const before = store.countArticles();
  const big = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: { text: 'x '.repeat(1000) }, headers: auth });
  assert.equal(big.statusCode, 413);
  const jsonl = { ...auth, 'content-type': 'application/x-ndjson' };
  const bad = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: '{"text": "Troops clashed."}\n{"txt": 1}\n', headers: jsonl });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().message, /body:2: missing "text" or "html"/);
  const notJson = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: '{"text": ', headers: { ...auth, 'content-type': 'application/json' } });
  assert.equal(notJson.statusCode, 400);
  const wrongType = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: 'Troops clashed.', headers: { ...auth, 'content-type': 'text/plain' } });
  assert.equal(wrongType.statusCode, 415);
  const badDate = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: { text: 'Troops clashed.', published: 'yesterday' }, headers: auth });
  assert.equal(badDate.statusCode, 400);
  assert.equal(store.countArticles(), before);
});

test('POST /articles analyses JSONL and JSON with the library, stores them and returns their events; the same article twice is stored once', async (t) => {
  const { app, store } = await testServer(t, { extra: 0, token: TOKEN });
  const before = store.countArticles();
  const batch = readFileSync(new URL('../../samples/04_batch.jsonl', import.meta.url), 'utf8');
  const r = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: batch, headers: { ...auth, 'content-type': 'application/jsonl' } });
  assert.equal(r.statusCode, 200, r.body);
  const { articles, failed } = r.json();
  assert.deepEqual(failed, []);
  assert.deepEqual(articles.map((a: any) => [a.id, a.stored]), [['wire-001', true], ['wire-002', true]]);
  const iran = articles[0].events.find((e: any) => e.trigger.text === 'clashed');
  assert.equal(iran.event, 'PROTEST');
  assert.equal(store.countArticles(), before + 2);
  // What was stored is what the API lists.
  const listed = (await getJson(app, '/api/v1/events?reports=true&article=wire-001&realis=any&limit=1000')).body.events.map((e: any) => e.id).sort();
  assert.deepEqual(listed, articles[0].events.map((e: any) => e.id).sort());
  const again = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: [JSON.parse(batch.split('\n')[0])], headers: auth });
  assert.deepEqual(again.json().articles.map((a: any) => a.stored), [false]);
  assert.equal(store.countArticles(), before + 2);
});

test('a hostile article posted is stored and read back untouched', async (t) => {
  const { app } = await testServer(t, { extra: 0, token: TOKEN });
  const title = '<script>alert("t")</script>\u202E';
  const text = 'Protesters clashed with <b onmouseover="alert(1)">riot police</b> in Tehran on Tuesday. \u0000\u001b[31m javascript:alert(2)';
  const r = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: { id: 'evil', title, text, published: '2022-09-21' }, headers: auth });
  assert.equal(r.statusCode, 200, r.body);
  const back = (await getJson(app, '/api/v1/articles/evil')).body;
  assert.equal(back.meta.title, title);
  assert.ok(back.text.includes(text));
});
