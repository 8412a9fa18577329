import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getJson, testServer } from './server.fixtures.js';

test('GET /events lists actual events by date, undated last, with a cursor to the next page', async (t) => {
  const { app, store } = await testServer(t, { extra: 5 });
  const { status, body, headers } = await getJson(app, '/api/v1/events?reports=true&limit=3');
  assert.equal(status, 200);
  assert.deepEqual(body.events.map((e: any) => e.date), ['2021-01-01', '2021-01-04', '2021-02-02']);
  assert.equal(typeof body.next_cursor, 'string');
  assert.equal(headers['x-next-cursor'], body.next_cursor);
  const all = (await getJson(app, '/api/v1/events?reports=true&limit=1000')).body;
  assert.equal(all.next_cursor, null);
  // Every event but the future talks: realis is actual unless asked, as in acta events.
  assert.equal(all.events.length, store.countEvents() - 1);
  assert.equal(all.events.at(-1).date, null);
});

test('walking every page of every order, by the cursor alone, gives each event once', async (t) => {
  const { app, store } = await testServer(t);
  for (const sort of ['date', '-date', 'confidence', '-confidence', 'stored', '-stored']) {
    const seen: string[] = [];
    let url = `/api/v1/events?reports=true&realis=any&sort=${sort}&limit=4`;
    for (let pages = 0; pages < 100; pages++) {
      const { body } = await getJson(app, url);
      seen.push(...body.events.map((e: any) => e.id));
      if (!body.next_cursor) break;
      url = `/api/v1/events?reports=true&realis=any&sort=${sort}&limit=4&cursor=${body.next_cursor}`;
    }
    assert.equal(seen.length, store.countEvents(), sort);
    assert.equal(new Set(seen).size, seen.length, sort);
  }
});

test('a cursor made for another order, or not made by the API, is a 400 naming cursor', async (t) => {
  const { app } = await testServer(t, { extra: 5 });
  const { body } = await getJson(app, '/api/v1/events?reports=true&limit=1');
  for (const url of [`/api/v1/events?reports=true&sort=-date&cursor=${body.next_cursor}`, '/api/v1/events?reports=true&cursor=bm90IGpzb24', `/api/v1/events?reports=true&cursor=${Buffer.from('{"s":"date","k":[1]}').toString('base64url')}`]) {
    const r = await getJson(app, url);
    assert.equal(r.status, 400, url);
    assert.equal(r.body.parameter, 'cursor');
  }
});

test('every filter of acta events and the API\'s own narrow the list', async (t) => {
  const { app } = await testServer(t, { extra: 3 });
  const ids = async (q: string) => (await getJson(app, `/api/v1/events?reports=true&${q}`)).body.events.map((e: any) => e.id).sort();
  assert.deepEqual(await ids('from=2022-05&to=2022-05-31'), ['hostile-e1', 'riot-again-e1', 'riot-e1']);
  assert.deepEqual(await ids('event=assault'), ['riot-again-e1', 'riot-e1']);
  assert.deepEqual(await ids('actor=protesters&country=IRN'), ['hostile-e1']);
  assert.deepEqual(await ids('recipient=IRNGOV'), ['hostile-e1']);
  assert.deepEqual(await ids('code=ARVG'), ['talks-e1']);
  assert.deepEqual(await ids('country=che'), ['talks-e1']);
  assert.deepEqual(await ids('text=Geneva'), ['talks-e1']);
  assert.deepEqual(await ids('realis=future'), ['talks-e2']);
  assert.deepEqual(await ids('certainty=reported'), ['riot-e1']);
  assert.deepEqual(await ids('bbox=0,40,20,60'), ['riot-again-e1', 'riot-e1', 'talks-e1']);
  assert.deepEqual(await ids('near=35.7,51.4,25'), ['hostile-e1']);
  assert.deepEqual(await ids('admin1=Kidal'), ['gen-0-e', 'gen-1-e', 'gen-2-e']);
  assert.deepEqual(await ids('mode=riot'), ['riot-e1']);
  assert.deepEqual(await ids('context=political'), ['talks-e1']);
  assert.deepEqual(await ids('source=police'), ['riot-e1']);
  assert.deepEqual(await ids('min_reports=2'), ['riot-e1']);
  assert.deepEqual(await ids('article=talks&realis=any'), ['talks-e1', 'talks-e2']);
});

test('fields= keeps the fields asked for, in every format; an unknown one is a 400 naming fields', async (t) => {
  const { app } = await testServer(t, { extra: 2 });
  const { body } = await getJson(app, '/api/v1/events?reports=true&fields=id,date,event');
  assert.deepEqual(Object.keys(body.events[0]), ['id', 'date', 'event']);
  const jsonl = await app.inject({ url: '/api/v1/events?reports=true&format=jsonl&fields=id' });
  assert.match(jsonl.headers['content-type'] as string, /^application\/jsonl/);
  const lines = jsonl.body.trim().split('\n');
  assert.equal(lines.length, 6);
  for (const l of lines) assert.deepEqual(Object.keys(JSON.parse(l)), ['id']);
  const csv = await app.inject({ url: '/api/v1/events?reports=true&format=csv&fields=id,lat,lon&article=riot' });
  assert.equal(csv.body, 'id,lat,lon\nriot-e1,51.5,10.5\n');
  // CSV columns are the flat ones: "lat" is one, "location" an object only JSON has.
  for (const url of ['/api/v1/events?reports=true&fields=id,nope', '/api/v1/events?reports=true&format=json&fields=lat', '/api/v1/events?reports=true&fields=id;drop']) {
    const r = await getJson(app, url);
    assert.equal(r.status, 400, url);
    assert.equal(r.body.parameter, 'fields', url);
  }
});

test('format=geojson is a FeatureCollection: points at [lon, lat], no geometry for events without coordinates', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const r = await app.inject({ url: '/api/v1/events?reports=true&format=geojson&fields=id,event' });
  assert.match(r.headers['content-type'] as string, /^application\/geo\+json/);
  const fc = r.json();
  assert.equal(fc.type, 'FeatureCollection');
  const riot = fc.features.find((f: any) => f.id === 'riot-e1');
  assert.deepEqual(riot, { type: 'Feature', id: 'riot-e1', geometry: { type: 'Point', coordinates: [10.5, 51.5] }, properties: { id: 'riot-e1', event: 'ASSAULT' } });
});

test('bad values are 400s naming the parameter: types, ranges, calendar, unknown codes and parameters', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const cases: [string, string][] = [
    ['limit=0', 'limit'], ['limit=1001', 'limit'], ['limit=ten', 'limit'], ['from=2022-02-30', 'from'], ['to=22-1-1', 'to'],
    ['from=2023&to=2022', 'from'], ['event=PARTY', 'event'], ['country=XXX', 'country'], ['country=Iraq', 'country'],
    ['realis=maybe', 'realis'], ['certainty=sure', 'certainty'], ['bbox=1,2,3', 'bbox'], ['bbox=0,60,20,40', 'bbox'],
    ['bbox=200,0,210,10', 'bbox'], ['near=91,0,10', 'near'], ['near=0,0,0', 'near'], ['near=a,b,c', 'near'],
    ['min_reports=0', 'min_reports'], ['sort=random', 'sort'], ['format=xml', 'format'], ['colour=red', 'colour'],
    [`actor=${'x'.repeat(201)}`, 'actor'], ['text=', 'text'],
  ];
  for (const [q, parameter] of cases) {
    const r = await getJson(app, `/api/v1/events?reports=true&${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.parameter, parameter, q);
    assert.match(r.body.message, new RegExp(`^${parameter}: `), q);
  }
});

test('GET /events/{id}: the event, its article, the words behind each field and its other mentions', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/events/riot-e1');
  assert.equal(status, 200);
  assert.equal(body.event.id, 'riot-e1');
  assert.equal(body.article.title, 'Riot in Dornholt');
  const ev = body.evidence;
  assert.deepEqual(ev.sentences.map((s: any) => s.text), [
    'Protesters from Arvalia clashed with riot police in Dornholt on Monday, police said.', 'The protesters clashed again later.',
  ]);
  assert.equal(ev.trigger.words, 'clashed');
  assert.deepEqual(ev.mentions.map((m: any) => m.trigger.words), ['clashed', 'clashed']);
  assert.equal(ev.actor[0].words, 'Protesters');
  assert.equal(ev.recipient[0].words, 'riot police');
  assert.equal(ev.place.words, 'Dornholt');
  assert.equal(ev.source.words, 'police');
  assert.equal(ev.cue.words, 'said');
  const text = (await getJson(app, `/api/v1/articles/${body.article.hash}`)).body.text;
  assert.equal(text.slice(ev.time.start, ev.time.end), 'Monday');
  assert.equal(ev.certainty, 'reported');
});

test('GET /events/{id} gives the other reports of the same happening from other articles', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  // Same type, day, sides and place: one happening, told in two articles.
  assert.deepEqual((await getJson(app, '/api/v1/events/riot-e1')).body.reports.map((e: any) => e.id), ['riot-again-e1']);
  assert.deepEqual((await getJson(app, '/api/v1/events/riot-again-e1')).body.reports.map((e: any) => e.id), ['riot-e1']);
  // The march in Tehran the same day is another happening.
  assert.deepEqual((await getJson(app, '/api/v1/events/hostile-e1')).body.reports, []);
  assert.equal((await getJson(app, '/api/v1/events/nope')).status, 404);
});

test('GET /events?reports=true&format=gdelt|acled answers the export formats for the page, happenings merged within it; fields= cannot pick their columns', async (t) => {
  const { app } = await testServer(t, { extra: 4 });
  const gdelt = await app.inject({ url: '/api/v1/events?reports=true&format=gdelt&limit=1000' });
  assert.equal(gdelt.statusCode, 200);
  assert.match(gdelt.headers['content-type'] as string, /^text\/tab-separated-values/);
  for (const line of gdelt.body.trimEnd().split('\n')) assert.equal(line.split('\t').length, 61);
  const acled = await app.inject({ url: '/api/v1/events?reports=true&format=acled' });
  assert.equal(acled.statusCode, 200);
  assert.match(acled.body, /^event_id_cnty,event_date,year,/);
  const fields = await getJson(app, '/api/v1/events?reports=true&format=gdelt&fields=id');
  assert.equal(fields.status, 400);
  assert.equal(fields.body.parameter, 'fields');
});
