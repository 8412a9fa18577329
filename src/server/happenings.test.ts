import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { attackDoc } from '../store/happenings.fixtures.js';
import type { Candidate, MergeDecision, Report } from '../cluster/index.js';
import { getJson, testServer } from './server.fixtures.js';

test('GET /happenings lists each happening once with its counts; the riot told by two articles is one', async (t) => {
  const { app, store } = await testServer(t, { extra: 5 });
  const { status, body } = await getJson(app, '/api/v1/happenings?limit=1000');
  assert.equal(status, 200);
  const riot = body.happenings.find((h: any) => h.report_ids.includes('riot#riot-e1'));
  assert.ok(riot, 'the riot is a happening');
  assert.deepEqual([riot.reports, riot.articles, riot.event, riot.date], [2, 2, 'ASSAULT', '2022-05-02']);
  assert.deepEqual(riot.report_ids.sort(), ['riot#riot-e1', 'riot-again#riot-again-e1']);
  assert.equal(riot.representative.report, 'riot#riot-e1', 'the most confident report stands for it');
  // Every actual event is a report of one listed happening.
  assert.equal(body.happenings.reduce((n: number, h: any) => n + h.reports, 0), (await getJson(app, '/api/v1/events?reports=true&limit=1000')).body.events.length);
  assert.equal(body.next_cursor, null);
  // Filters of /events apply through the reports; min_sources through the outlets.
  assert.deepEqual((await getJson(app, '/api/v1/happenings?event=ASSAULT')).body.happenings.map((h: any) => h.id), [riot.id]);
  assert.deepEqual((await getJson(app, '/api/v1/happenings?country=CHE')).body.happenings.length, 1);
  assert.deepEqual((await getJson(app, '/api/v1/happenings?min_sources=2')).body.happenings, [], 'the fixtures name no outlet');
  assert.equal(store.countEvents() > body.happenings.length, true);
});

test('GET /events lists the happenings by default, as acta events does; reports=true the reports', async (t) => {
  const { app } = await testServer(t, { extra: 5 });
  const happenings = (await getJson(app, '/api/v1/happenings?limit=1000')).body;
  const { status, body, headers } = await getJson(app, '/api/v1/events?limit=1000');
  assert.equal(status, 200);
  assert.deepEqual(body, happenings, 'the same answer as /happenings');
  assert.equal(headers['x-next-cursor'], undefined);
  const reports = (await getJson(app, '/api/v1/events?reports=true&limit=1000')).body.events;
  assert.ok(reports.length > body.happenings.length, 'the riot told twice is one happening and two reports');
  // Pages by the happenings' own cursor, and the other formats acta events writes.
  const first = await getJson(app, '/api/v1/events?limit=2');
  const second = await getJson(app, `/api/v1/events?limit=2&cursor=${first.body.next_cursor}`);
  assert.deepEqual([...first.body.happenings, ...second.body.happenings].map((h: any) => h.id), body.happenings.slice(0, 4).map((h: any) => h.id));
  const csv = (await app.inject({ url: '/api/v1/events?format=csv&event=ASSAULT' })).body.trimEnd().split('\n');
  assert.match(csv[0], /,happening,reports,articles,sources$/);
  assert.equal(csv.length, 2);
  assert.match(csv[1], /,2,2,1$/, 'the riot: two reports, two articles, one source (no outlet named)');
  const plover = (await app.inject({ url: '/api/v1/events?format=plover&event=ASSAULT' })).body.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(plover.map((r: any) => r.reports), [2]);
  // What only reports have is asked with reports=true, and a flag of happenings is not asked of reports.
  for (const [q, name] of [['sort=confidence', 'sort'], ['fields=id', 'fields'], ['format=gdelt', 'format'], ['format=geojson', 'format'], ['cursor=bm90IGpzb24', 'cursor'], ['reports=true&min_sources=2', 'min_sources']]) {
    const r = await getJson(app, `/api/v1/events?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(JSON.stringify(r.body), new RegExp(name), q);
  }
});

test('GET /happenings pages by cursor, each happening once', async (t) => {
  const { app } = await testServer(t, { extra: 12 });
  const all = (await getJson(app, '/api/v1/happenings?realis=any&limit=1000')).body.happenings.map((h: any) => h.id);
  const seen: string[] = [];
  let url = '/api/v1/happenings?realis=any&limit=4';
  for (let pages = 0; pages < 50; pages++) {
    const { body, headers } = await getJson(app, url);
    seen.push(...body.happenings.map((h: any) => h.id));
    assert.equal(headers['x-next-cursor'] ?? null, body.next_cursor);
    if (!body.next_cursor) break;
    url = `/api/v1/happenings?realis=any&limit=4&cursor=${body.next_cursor}`;
  }
  assert.deepEqual(seen, all);
  assert.equal((await getJson(app, '/api/v1/happenings?cursor=nonsense')).status, 400);
});

/** A report told with "bridged" joins the newest happening offered and absorbs the others. */
const bridging = (r: Report, candidates: readonly Candidate[]): MergeDecision =>
  r.event.trigger.text === 'bridged' && candidates.length
    ? { join: candidates[candidates.length - 1].id, absorb: candidates.slice(0, -1).map((c) => c.id) }
    : { join: null, absorb: [] };

function bridgingStore(t: { after: (fn: () => void) => void }): Store {
  const dir = mkdtempSync(join(tmpdir(), 'acta-api-happenings-'));
  const store = openStore(join(dir, 'acta.db'), { decide: bridging });
  t.after(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });
  return store;
}

test('GET /happenings/{id} lists its reports; a merged id answers as the survivor, naming the id asked; a deleted one is 410; GET /events/{id} names its happening', async (t) => {
  const store = bridgingStore(t);
  const a = attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03', source: 'Wire A' });
  store.saveDoc(a);
  store.saveDoc(attackDoc({ id: 'b', published: '2023-05-04', day: '2023-05-03', source: 'Wire B' }));
  const [ha, hb] = store.happenings.list({}).map((h) => h.id);
  const { app } = await testServer(t, { store });
  const one = await getJson(app, `/api/v1/happenings/${ha}`);
  assert.equal(one.status, 200);
  assert.deepEqual([one.body.happening.id, one.body.redirected_from, one.body.reports.map((r: any) => r.article.id)], [ha, null, ['a']]);
  assert.match(one.body.reports[0].evidence, /Forces shelled Kharkiv/);
  assert.equal(one.body.reports[0].article.source, 'Wire A');

  store.saveDoc(attackDoc({ id: 'c', published: '2023-05-05', day: '2023-05-03', verb: 'bridged', source: 'Wire C' }));
  const merged = await getJson(app, `/api/v1/happenings/${ha}`);
  assert.equal(merged.status, 200);
  assert.deepEqual([merged.body.happening.id, merged.body.redirected_from, merged.body.happening.sources], [hb, ha, 3]);
  assert.deepEqual(merged.body.reports.map((r: any) => r.article.id).sort(), ['a', 'b', 'c']);
  assert.deepEqual((await getJson(app, '/api/v1/happenings?min_sources=3')).body.happenings.map((h: any) => h.id), [hb]);
  const evidence = await getJson(app, '/api/v1/events/a-e1');
  assert.equal(evidence.body.happening, hb);
  assert.deepEqual(evidence.body.reports.map((e: any) => e.id).sort(), ['b-e1', 'c-e1']);

  const hashes: string[] = (store.happenings.get(hb) as any).reports.map((r: any) => r.article.hash);
  for (const hash of hashes) store.deleteArticle(hash);
  const gone = await getJson(app, `/api/v1/happenings/${ha}`);
  assert.deepEqual([gone.status, gone.body.error, gone.body.id, gone.body.redirected_from], [410, 'gone', hb, ha]);
  assert.equal((await getJson(app, '/api/v1/happenings/hnothing')).status, 404);
});

test('GET /changes walks the feed from a cursor or a time, and a bad since is a 400 naming it', async (t) => {
  const store = bridgingStore(t);
  store.saveDoc(attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' }));
  store.saveDoc(attackDoc({ id: 'b', published: '2023-05-04', day: '2023-05-03' }));
  const { app } = await testServer(t, { store });
  const first = (await getJson(app, '/api/v1/changes?limit=1')).body;
  assert.deepEqual(first.changes.map((c: any) => c.kind), ['created']);
  assert.equal(first.next_cursor, String(first.changes[0].seq));
  store.saveDoc(attackDoc({ id: 'c', published: '2023-05-05', day: '2023-05-03', verb: 'bridged' }));
  const rest = (await getJson(app, `/api/v1/changes?since=${first.next_cursor}`)).body;
  assert.deepEqual(rest.changes.map((c: any) => c.kind).sort(), ['created', 'merged', 'updated']);
  const merged = rest.changes.find((c: any) => c.kind === 'merged');
  assert.equal(merged.id, first.changes[0].id);
  assert.equal(typeof merged.survivor, 'string');
  const after = (await getJson(app, `/api/v1/changes?since=${rest.next_cursor}`)).body;
  assert.deepEqual(after, { changes: [], next_cursor: rest.next_cursor });
  const byTime = (await getJson(app, `/api/v1/changes?since=${encodeURIComponent(merged.at)}`)).body;
  assert.ok(byTime.changes.some((c: any) => c.kind === 'merged'));
  const bad = await getJson(app, '/api/v1/changes?since=2023-99-99T');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.parameter, 'since');
});
