import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_FILTER_PROPERTIES } from './params.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { getJson, testServer } from './server.fixtures.js';
import { fixtureDoc, fixtureEvent, fixtureStore, party, spanOf } from '../store/explore.fixtures.js';

const ROUTES = ['/api/v1/events', '/api/v1/events/riot-e1', '/api/v1/counts', '/api/v1/facets', '/api/v1/network', '/api/v1/places', '/api/v1/countries', '/api/v1/actors', '/api/v1/actors/1',
  '/api/v1/articles/riot', '/api/v1/health', '/api/v1/openapi.json', '/'];

test('a control character in a text filter is a 400: SQLite would end the string there and match everything', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  for (const q of ['actor=x%00', 'text=Geneva%07', 'source=%1b[31m']) {
    const r = await getJson(app, `/api/v1/events?reports=true&${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.parameter, q.split('=')[0]);
  }
});

test('every API answer, errors included, forbids scripts and framing (CSP) and type sniffing; the page runs only its own files', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  for (const url of [...ROUTES, '/api/v1/events?reports=true&limit=0', '/api/v1/nowhere', '/api/v1/events/none']) {
    const r = await app.inject({ url });
    assert.match(r.headers['content-security-policy'] as string, /default-src 'none'.*frame-ancestors 'none'/, url);
    assert.doesNotMatch(r.headers['content-security-policy'] as string, /unsafe-inline|unsafe-eval/, url);
    if (url.startsWith('/api/')) assert.doesNotMatch(r.headers['content-security-policy'] as string, /script-src/, url);
    else assert.match(r.headers['content-security-policy'] as string, /script-src 'self';/, url);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
  }
  const post = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: {} });
  assert.equal(post.headers['x-content-type-options'], 'nosniff');
});

test('every route answers; an unknown one is a JSON 404; the page at / loads its script from a file, never inline', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  for (const url of ROUTES) assert.equal((await app.inject({ url })).statusCode, 200, url);
  const missing = await getJson(app, '/api/v1/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error, 'not_found');
  const page = await app.inject({ url: '/' });
  assert.match(page.headers['content-type'] as string, /^text\/html/);
  assert.doesNotMatch(page.body, /<script(?![^>]*\ssrc=)|\son\w+=|<style/i);
  assert.deepEqual((await getJson(app, '/api/v1/health')).body, { status: 'ok', schema_version: SCHEMA_VERSION, articles: 4, events: 5, happenings: 4, writable: false });
});

test('SQL metacharacters in every filter of every route give normal answers or a 400, and the store stays whole', async (t) => {
  const { app, store } = await testServer(t, { extra: 2 });
  const events = store.countEvents();
  const hostile = ["' OR '1'='1", '"; DROP TABLE events; --', "') UNION SELECT hash FROM articles --", '%', '_', '\\', '*', 'NEAR(a b)', '\u0000',
    // Each metacharacter alone too: an unbalanced quote is what breaks a query built by hand.
    "'", '"', ';', '--', '100%_\\'];
  for (const route of ['/api/v1/events', '/api/v1/counts', '/api/v1/network', '/api/v1/places']) {
    for (const name of Object.keys(EVENT_FILTER_PROPERTIES)) {
      for (const value of hostile) {
        const r = await app.inject({ url: `${route}?${name}=${encodeURIComponent(value)}` });
        assert.ok(r.statusCode === 200 || r.statusCode === 400, `${route} ${name}=${value}: ${r.statusCode} ${r.body}`);
        if (r.statusCode === 400) assert.equal(r.json().parameter, name, `${route} ${name}=${value}`);
        if (r.statusCode === 200 && name !== 'text') {
          // A filter value that spells nothing stored matches nothing, as in acta events: on every route.
          const body = r.json();
          assert.deepEqual(body.happenings ?? body.events ?? body.series ?? body.edges ?? body.points, [], `${route} ${name}=${value}`);
        }
      }
    }
  }
  for (const value of hostile) {
    const r = await app.inject({ url: `/api/v1/actors?search=${encodeURIComponent(value)}` });
    assert.ok(r.statusCode === 200 || (r.statusCode === 400 && r.json().parameter === 'search'), value);
    for (const url of [`/api/v1/events/${encodeURIComponent(value)}`, `/api/v1/articles/${encodeURIComponent(value)}`]) {
      assert.ok([400, 404].includes((await app.inject({ url })).statusCode), url);
    }
  }
  assert.equal(store.countEvents(), events);
});

test('quotes, LIKE wildcards, a backslash and a semicolon in a stored name are found as themselves, and match nothing else', async (t) => {
  const store = fixtureStore(t, 0);
  const text = 'Strike at a plant\n\nWorkers of O\'Brien_50%\\Co; struck against the management on 2 May 2022.\n';
  const name = 'O\'Brien_50%\\Co;';
  store.saveDoc(fixtureDoc(text, 'strike', '2022-05-03', [], (aid, tx) => [fixtureEvent('strike-e1', aid, {
    date: '2022-05-02', date_precision: 'day',
    actor: [{ ...party(name, 0, 'ARV', 'LAB', 'ORG'), ...spanOf(tx, name) }],
    recipient: [{ ...party('the management', 0, 'ARV', 'BUS'), ...spanOf(tx, 'the management') }],
    sentence: { index: 1, start: tx.indexOf('Workers'), end: tx.length - 1 }, trigger: { text: 'struck', ...spanOf(tx, 'struck') },
  })]));
  const { app } = await testServer(t, { store });
  for (const value of ["O'Brien", '_50%', '%\\Co;', ';', "'", '%', '_', '\\']) {
    const ids = (await getJson(app, `/api/v1/events?reports=true&actor=${encodeURIComponent(value)}`)).body.events.map((e: any) => e.id);
    assert.deepEqual(ids, ['strike-e1'], value);
    const edges = (await getJson(app, `/api/v1/network?actor=${encodeURIComponent(value)}`)).body.edges.map((e: any) => e.source);
    assert.deepEqual(edges, ['ARVLAB'], value);
  }
  assert.deepEqual((await getJson(app, `/api/v1/events?reports=true&actor=${encodeURIComponent("O'Brien' OR '1'='1")}`)).body.events, []);
  assert.deepEqual((await getJson(app, `/api/v1/events?reports=true&text=${encodeURIComponent("O'Brien_50%")}`)).body.events.map((e: any) => e.id), ['strike-e1']);
});

test('the OpenAPI 3.1 document is made from the route schemas: every route, its parameters, the bearer scheme', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { body } = await getJson(app, '/api/v1/openapi.json');
  assert.equal(body.openapi, '3.1.0');
  assert.deepEqual(Object.keys(body.paths).sort(), [
    '/api/v1/actors', '/api/v1/actors/{id}', '/api/v1/articles', '/api/v1/articles/{id}', '/api/v1/changes', '/api/v1/countries', '/api/v1/counts', '/api/v1/digest',
    '/api/v1/events', '/api/v1/events/{id}', '/api/v1/facets', '/api/v1/happenings', '/api/v1/happenings/{id}', '/api/v1/health', '/api/v1/network', '/api/v1/places',
  ]);
  const happeningParams = body.paths['/api/v1/happenings'].get.parameters.map((p: any) => p.name);
  for (const name of [...Object.keys(EVENT_FILTER_PROPERTIES), 'min_sources', 'cursor', 'limit']) assert.ok(happeningParams.includes(name), name);
  assert.deepEqual(body.paths['/api/v1/changes'].get.parameters.map((p: any) => p.name).sort(), ['limit', 'since']);
  const params = body.paths['/api/v1/events'].get.parameters.map((p: any) => p.name);
  for (const name of [...Object.keys(EVENT_FILTER_PROPERTIES), 'sort', 'cursor', 'limit', 'fields', 'format']) assert.ok(params.includes(name), name);
  const limit = body.paths['/api/v1/events'].get.parameters.find((p: any) => p.name === 'limit');
  assert.equal(limit.schema.maximum, 1000);
  assert.deepEqual(body.paths['/api/v1/articles'].post.security, [{ bearer: [] }]);
  assert.ok(body.paths['/api/v1/articles'].post.requestBody.content['application/jsonl']);
  assert.equal(body.components.securitySchemes.bearer.scheme, 'bearer');
});

test('one log line per request: method, path, status and milliseconds', async (t) => {
  const { app, lines } = await testServer(t, { extra: 0 });
  await app.inject({ url: '/api/v1/events?reports=true&limit=2' });
  await app.inject({ url: '/api/v1/events?reports=true&limit=0' });
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^GET \/api\/v1\/events\?reports=true&limit=2 200 \d+\.\dms$/);
  assert.match(lines[1], /^GET \/api\/v1\/events\?reports=true&limit=0 400 \d+\.\dms$/);
});

test('a server whose page was not built answers / with a notice that says how to build it, and no script', async (t) => {
  const { app } = await testServer(t, { extra: 0, webRoot: '/nonexistent-acta-web' });
  const page = await app.inject({ url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /npm run build/);
  assert.doesNotMatch(page.body, /<script|\son\w+=/i);
});
