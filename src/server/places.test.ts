import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc, fixtureEvent, spanOf } from '../store/explore.fixtures.js';
import { placeKind } from '../store/index.js';
import { getJson, testServer } from './server.fixtures.js';

const STRIKE = 'Strike across Chile\n\nWorkers went on strike across Chile on 1 June 2023, the unions said.\n';

test('GET /places: a point for each event placed finer than its country, most reported first, with its id, type and reports', async (t) => {
  const { app } = await testServer(t, { extra: 3 });
  const { status, body } = await getJson(app, '/api/v1/places?realis=any');
  assert.equal(status, 200);
  // The riot told twice in its article comes first; every fixture event has a town.
  assert.deepEqual(body.points[0], { id: 'riot-e1', event: 'ASSAULT', date: '2022-05-02', lat: 51.5, lon: 10.5, reports: 2 });
  assert.equal(body.points.length, body.points_total);
  assert.deepEqual(body.countries, []);
  // The future talks have no place.
  assert.equal(body.unplaced, 1);
  const capped = (await getJson(app, '/api/v1/places?realis=any&limit=2')).body;
  assert.equal(capped.points.length, 2);
  assert.equal(capped.points_total, body.points_total);
});

test('GET /places: an event known only to its country is counted by the country, not pinned to its reference point', async (t) => {
  const { app, store } = await testServer(t, { extra: 0 });
  store.saveDoc(fixtureDoc(STRIKE, 'strike', '2023-06-02', [], (aid, text) => [fixtureEvent('strike-e1', aid, {
    date: '2023-06-01', date_precision: 'day', date_text: '1 June 2023',
    location: { text: 'Chile', ...spanOf(text, 'Chile', 30), name: 'Chile', country: 'CHL', admin1: null, lat: -30, lon: -71, geonames_id: 3895114, precision: 'country' },
    sentence: { index: 1, start: text.indexOf('Workers'), end: text.length - 1 }, trigger: { text: 'strike', ...spanOf(text, 'strike', 30) },
  })]));
  const { body } = await getJson(app, '/api/v1/places');
  assert.deepEqual(body.countries, [{ country: 'CHL', count: 1 }]);
  assert.ok(!body.points.some((p: { id: string }) => p.id === 'strike-e1'));
  // The filters apply: in another country, neither the point nor the country.
  const elsewhere = (await getJson(app, '/api/v1/places?country=IRN')).body;
  assert.deepEqual(elsewhere.countries, []);
  assert.deepEqual(elsewhere.points.map((p: { id: string }) => p.id), ['hostile-e1']);
});

test('GET /places: a bad limit or filter is a 400 naming it', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  assert.equal((await getJson(app, '/api/v1/places?limit=50001')).body.parameter, 'limit');
  assert.equal((await getJson(app, '/api/v1/places?country=XX')).body.parameter, 'country');
  assert.equal((await getJson(app, '/api/v1/places?zoom=3')).body.parameter, 'zoom');
});

test('GET /countries: every country with the numeric code of its Natural Earth outline', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/countries');
  assert.equal(status, 200);
  const byIso3 = new Map(body.countries.map((c: { iso3: string }) => [c.iso3, c]));
  assert.deepEqual(byIso3.get('CHL'), { iso3: 'CHL', iso2: 'CL', numeric: '152', name: 'Chile' });
  assert.equal((byIso3.get('IRQ') as { numeric: string }).numeric, '368');
  // ISO 3166-1 gives Kosovo no numeric code.
  assert.equal((byIso3.get('XKX') as { numeric: string | null }).numeric, null);
  assert.ok(body.countries.length >= 249);
  assert.equal((await getJson(app, '/api/v1/countries?x=1')).body.parameter, 'x');
});

test('how a map draws a place: a point when finer than a country and located, the country when known only to it, else nothing', () => {
  assert.equal(placeKind('city', 33.3, 44.4, 'IRQ'), 'point');
  assert.equal(placeKind('admin1', 31.8, 47.1, 'IRQ'), 'point');
  // A country's reference point is no place anyone named.
  assert.equal(placeKind('country', -30, -71, 'CHL'), 'country');
  assert.equal(placeKind('city', null, null, 'MLI'), 'country');
  assert.equal(placeKind('region', 15, 0, null), 'none');
  assert.equal(placeKind(null, null, null, null), 'none');
});
