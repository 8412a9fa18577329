import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineChange, nextPeriod, periodRange } from './counts.js';
import { getJson, testServer } from './server.fixtures.js';

test('periods step by day, ISO week and month, across month and year ends', () => {
  assert.equal(nextPeriod('2020-02-28', 'day'), '2020-02-29');
  assert.equal(nextPeriod('2020-12-28', 'week'), '2021-01-04');
  assert.equal(nextPeriod('2020-12', 'month'), '2021-01');
  assert.deepEqual(periodRange('2021-11', '2022-02', 'month'), ['2021-11', '2021-12', '2022-01', '2022-02']);
  assert.equal(periodRange('1900-01-01', '2100-01-01', 'day'), null);
});

test('a baseline is the mean of the N periods before; the change is the count minus it', () => {
  assert.deepEqual(baselineChange([2, 4, 6, 0, 9], 2), { mean: [null, null, 3, 5, 3], change: [null, null, 3, -5, 6] });
  assert.deepEqual(baselineChange([1, 1], 3), { mean: [null, null], change: [null, null] });
});

test('GET /counts: one series a key over every period, zero where nothing happened, and what was left out', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const { status, body } = await getJson(app, '/api/v1/counts?interval=week&by=event&realis=any');
  assert.equal(status, 200);
  assert.deepEqual(body.periods, ['2022-05-02', '2022-05-09', '2022-05-16', '2022-05-23', '2022-05-30']);
  assert.deepEqual(body.series.map((s: any) => [s.key, s.counts]), [
    ['ASSAULT', [2, 0, 0, 0, 0]], ['AGREE', [0, 0, 0, 0, 1]], ['PROTEST', [1, 0, 0, 0, 0]],
  ]);
  // The talks dated only to June cannot be put in a week.
  assert.equal(body.imprecise, 1);
  assert.equal(body.undated, 0);
  const byCountry = (await getJson(app, '/api/v1/counts?interval=month&by=country')).body;
  assert.deepEqual(byCountry.series.map((s: any) => [s.key, s.total]), [['ARV', 2], ['CHE', 1], ['IRN', 1]]);
  const byDyad = (await getJson(app, '/api/v1/counts?interval=month&by=dyad&event=ASSAULT')).body;
  assert.deepEqual(byDyad.series.map((s: any) => s.key), ['ARVCVL>ARVCOP']);
  const byAdmin = (await getJson(app, '/api/v1/counts?by=admin1&event=ASSAULT')).body;
  assert.deepEqual(byAdmin.series.map((s: any) => [s.key, s.total]), [['North Arvalia', 2]]);
});

test('GET /counts with baseline=N adds each period\'s mean of the N before and the change against it', async (t) => {
  const { app } = await testServer(t, { extra: 30 });
  const { body } = await getJson(app, '/api/v1/counts?interval=month&from=2021&to=2021&baseline=2&by=actor');
  assert.deepEqual(body.periods, ['2021-01', '2021-02', '2021-03']);
  const students = body.series.find((s: any) => s.key === 'MLIEDU');
  assert.equal(students.mean.length, 3);
  assert.deepEqual(students.mean.slice(0, 2), [null, null]);
  assert.equal(students.change[2], students.counts[2] - (students.counts[0] + students.counts[1]) / 2);
});

test('GET /counts: bad interval, breakdown or baseline are 400s naming them', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  for (const [q, p] of [['interval=year', 'interval'], ['by=colour', 'by'], ['baseline=0', 'baseline'], ['baseline=x', 'baseline'], ['limit=5', 'limit']]) {
    const r = await getJson(app, `/api/v1/counts?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.parameter, p, q);
  }
});
