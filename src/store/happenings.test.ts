import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../pipeline.js';
import type { Candidate, MergeDecision, Report } from '../cluster/index.js';
import { openStore, type Store, type StoreOptions } from './store.js';
import { backendTest, openTestStore, type TestBackend } from './backends.fixtures.js';
import { attackDoc } from './happenings.fixtures.js';

function tempStore(t: { after: (fn: () => void) => void }, options: StoreOptions = {}, backend?: TestBackend): { store: Store; path: string } {
  if (backend) return openTestStore(t, backend, options);
  const dir = mkdtempSync(join(tmpdir(), 'acta-happenings-'));
  const path = join(dir, 'acta.db');
  const store = openStore(path, options);
  t.after(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });
  return { store, path };
}

/** Each happening as the sorted ids of its reports' articles, happenings sorted: a grouping, whatever the ids. */
function grouping(store: Store): string[][] {
  return store.happenings.list({}).map((h) => store.happenings.get(h.id))
    .map((g) => (g && 'record' in g ? g.reports.map((r) => r.article.id).sort() : []))
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const kinds = (store: Store) => store.happenings.changes({ afterSeq: 0 }, 1000).map((c) => `${c.kind} ${c.id}${c.survivor ? ` → ${c.survivor}` : ''}`);

backendTest('an article arriving a week later joins the happening it reports, as analysed by the pipeline', (t, b) => {
  const { store } = tempStore(t, {}, b);
  store.saveDoc(analyze({ id: 'wire-a', text: 'On 3 May 2023, Russian forces shelled Kharkiv, killing four people.', published: '2023-05-04', source: 'Wire A' }));
  const [first] = store.happenings.list({ event: 'ASSAULT' });
  assert.ok(first, 'the attack is a happening');
  assert.equal(first.reports, 1);
  store.saveDoc(analyze({ id: 'wire-b', text: 'Russian troops attacked Kharkiv on 3 May 2023, officials said.', published: '2023-05-11', source: 'Wire B' }));
  const assaults = store.happenings.list({ event: 'ASSAULT' });
  assert.equal(assaults.length, 1, 'still one happening');
  const h = assaults[0];
  assert.equal(h.id, first.id, 'the id it was first listed under');
  assert.deepEqual([h.reports, h.articles, h.sources, h.first_report, h.last_report], [2, 2, 2, '2023-05-04', '2023-05-11']);
  assert.equal(h.date, '2023-05-03');
  assert.deepEqual(kinds(store).filter((k) => k.endsWith(h.id)), [`created ${h.id}`, `updated ${h.id}`]);
});

backendTest('every stored event is the report of exactly one happening; different days, sides or places stay apart', (t, b) => {
  const { store } = tempStore(t, {}, b);
  store.saveDoc(attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' }));
  store.saveDoc(attackDoc({ id: 'b', published: '2023-05-04', day: '2023-05-03' }));
  store.saveDoc(attackDoc({ id: 'c', published: '2023-05-05', day: '2023-05-04' }));
  store.saveDoc(attackDoc({ id: 'd', published: '2023-05-04', day: '2023-05-03', attacker: 'BLR' }));
  store.saveDoc(attackDoc({ id: 'e', published: '2023-05-04', day: '2023-05-03', town: 'Odesa' }));
  assert.deepEqual(grouping(store), [['a', 'b'], ['c'], ['d'], ['e']]);
  assert.equal(store.happenings.count(), 4);
});

backendTest('ids are stable: derived from the report that started the happening, the same in any store that stores it first', (t, b) => {
  const one = tempStore(t, {}, b).store;
  const two = tempStore(t, {}, b).store;
  one.saveDoc(attackDoc({ id: 'x', published: '2023-05-04', day: '2023-05-03' }));
  two.saveDoc(attackDoc({ id: 'other', published: '2023-05-04', day: '2023-06-03' }));
  two.saveDoc(attackDoc({ id: 'x', published: '2023-05-04', day: '2023-05-03' }));
  const id = one.happenings.list({})[0].id;
  assert.match(id, /^h[0-9a-f]{16}$/);
  assert.ok(two.happenings.list({}).some((h) => h.id === id));
});

backendTest('ingesting the same article again changes nothing: no happening, report or change row', (t, b) => {
  const { store } = tempStore(t, {}, b);
  const doc = attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' });
  store.saveDoc(doc);
  const before = { list: store.happenings.list({}), changes: kinds(store) };
  assert.deepEqual(store.saveDoc(doc), { stored: false });
  assert.deepEqual({ list: store.happenings.list({}), changes: kinds(store) }, before);
});

/** A test decision: a report told with "bridged" joins the newest happening offered and absorbs the others; any other starts its own. */
const bridging = (r: Report, candidates: readonly Candidate[]): MergeDecision =>
  r.event.trigger.text === 'bridged' && candidates.length
    ? { join: candidates[candidates.length - 1].id, absorb: candidates.slice(0, -1).map((c) => c.id) }
    : { join: null, absorb: [] };

backendTest('a report that bridges two happenings merges them: the absorbed id redirects to the survivor, chains resolve, the feed says merged', (t, b) => {
  const { store } = tempStore(t, { decide: bridging }, b);
  const day = '2023-05-03';
  store.saveDoc(attackDoc({ id: 'a', published: '2023-05-04', day }));
  store.saveDoc(attackDoc({ id: 'b', published: '2023-05-04', day }));
  const [ha, hb] = store.happenings.list({}).map((h) => h.id);
  assert.notEqual(ha, hb);
  store.saveDoc(attackDoc({ id: 'bridge-1', published: '2023-05-05', day, verb: 'bridged' }));
  assert.deepEqual(store.happenings.list({}).map((h) => h.id), [hb], 'b survives, a absorbed');
  const viaA = store.happenings.get(ha);
  assert.ok(viaA && 'record' in viaA);
  assert.equal(viaA.record.id, hb);
  assert.equal(viaA.redirectedFrom, ha);
  assert.deepEqual(viaA.reports.map((r) => r.article.id).sort(), ['a', 'b', 'bridge-1']);
  assert.equal(viaA.record.reports, 3);
  // A later happening absorbs the survivor: the first id follows to the newest survivor.
  store.saveDoc(attackDoc({ id: 'c', published: '2023-05-06', day }));
  const hc = store.happenings.list({}).map((h) => h.id).find((id) => id !== hb)!;
  store.saveDoc(attackDoc({ id: 'bridge-2', published: '2023-05-07', day, verb: 'bridged' }));
  const followed = store.happenings.get(ha);
  assert.ok(followed && 'record' in followed);
  assert.equal(followed.record.id, hc);
  assert.equal(followed.record.reports, 5);
  const changes = kinds(store);
  assert.ok(changes.includes(`merged ${ha} → ${hb}`), changes.join('\n'));
  assert.ok(changes.includes(`merged ${hb} → ${hc}`), changes.join('\n'));
  assert.ok(changes.includes(`updated ${hc}`));
});

backendTest('reprocessing an article moves its reports; deleting it removes them, and a happening left with none is deleted, each in the feed', (t, backend) => {
  const { store } = tempStore(t, {}, backend);
  const a = attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' });
  const b = attackDoc({ id: 'b', published: '2023-05-05', day: '2023-05-03' });
  store.saveDoc(a);
  store.saveDoc(b);
  const [h] = store.happenings.list({});
  assert.equal(h.reports, 2);
  const seq = store.happenings.changes({ afterSeq: 0 }, 1000).at(-1)!.seq;

  // The same analysis again: nothing changed, nothing in the feed.
  store.replaceAnalysis(b);
  assert.deepEqual(store.happenings.changes({ afterSeq: seq }, 10), []);
  assert.deepEqual(store.happenings.list({}), [h]);

  // b's event is now told on another day: it leaves h for a happening of its own.
  const moved = { ...b, events: b.events.map((e) => ({ ...e, date: '2023-05-09' })) };
  store.replaceAnalysis(moved);
  assert.deepEqual(grouping(store), [['a'], ['b']]);
  const after = store.happenings.changes({ afterSeq: seq }, 10).map((c) => c.kind).sort();
  assert.deepEqual(after, ['created', 'updated']);

  // Deleting a takes its only happening with it.
  assert.equal(store.deleteArticle(a.meta.hash), true);
  assert.deepEqual(grouping(store), [['b']]);
  const last = store.happenings.changes({ afterSeq: seq }, 10).at(-1)!;
  assert.deepEqual([last.kind, last.id], ['deleted', h.id]);
  assert.equal(store.happenings.get(h.id), null, 'a deleted happening that was never merged is not found');
  assert.equal(store.countEvents(), 1);
  assert.equal(store.deleteArticle(a.meta.hash), false);
});

backendTest('reprocessing an article whose happening it alone reports, with the same analysis, leaves the happening as it was, times included', async (t, b) => {
  const { store } = tempStore(t, {}, b);
  const a = attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' });
  store.saveDoc(a);
  const before = store.happenings.list({});
  const seq = store.happenings.lastSeq();
  await new Promise((r) => setTimeout(r, 5));
  store.replaceAnalysis(a);
  assert.deepEqual(store.happenings.list({}), before);
  assert.equal(store.happenings.lastSeq(), seq, 'nothing in the feed');
});

backendTest('a failure while placing reports rolls the whole article back: no article, event, report, happening or change row', (t, b) => {
  let fail = false;
  const { store, path } = tempStore(t, {
    decide: (r, c) => { if (fail) throw new Error('disk gone'); return c.length ? { join: c[0].id, absorb: [] } : { join: null, absorb: [] }; },
  }, b);
  store.saveDoc(attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' }));
  const counts = () => {
    if (b.name !== 'sqlite') {
      return [store.countArticles(), store.countEvents(), store.happenings.count(),
        store.happenings.list({ realis: undefined }).reduce((n, h) => n + h.reports, 0), store.happenings.lastSeq()];
    }
    const db = new Database(path, { readonly: true });
    try {
      return ['articles', 'events', 'happenings', 'happening_reports', 'happening_changes'].map((table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    } finally { db.close(); }
  };
  const before = counts();
  fail = true;
  assert.throws(() => store.saveDoc(attackDoc({ id: 'b', published: '2023-05-04', day: '2023-05-03' })), /disk gone/);
  assert.deepEqual(counts(), before);
  assert.throws(() => store.replaceAnalysis(attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' })), /disk gone/);
  assert.deepEqual(counts(), before);
});

backendTest('min_sources keeps happenings told by that many outlets; articles of one outlet, or of none known, count once', (t, b) => {
  const { store } = tempStore(t, {}, b);
  const day = '2023-05-03';
  store.saveDoc(attackDoc({ id: 'a1', published: '2023-05-04', day, source: 'Wire A' }));
  store.saveDoc(attackDoc({ id: 'a2', published: '2023-05-04', day, source: 'Wire A' }));
  store.saveDoc(attackDoc({ id: 'b1', published: '2023-05-04', day, source: 'Wire B' }));
  store.saveDoc(attackDoc({ id: 'k1', published: '2023-05-04', day, town: 'Kyiv', source: 'Wire A' }));
  store.saveDoc(attackDoc({ id: 'k2', published: '2023-05-04', day, town: 'Kyiv', source: 'Wire A' }));
  store.saveDoc(attackDoc({ id: 'l1', published: '2023-05-04', day, town: 'Lviv', source: null }));
  store.saveDoc(attackDoc({ id: 'l2', published: '2023-05-04', day, town: 'Lviv', source: null }));
  const sources = Object.fromEntries(store.happenings.list({}).map((h) => [h.location?.name, [h.reports, h.sources]]));
  assert.deepEqual(sources, { Kharkiv: [3, 2], Kyiv: [2, 1], Lviv: [2, 1] });
  assert.deepEqual(store.happenings.list({ minSources: 2 }).map((h) => h.location?.name), ['Kharkiv']);
  assert.deepEqual(store.happenings.list({ minSources: 2, country: 'BLR' }), [], 'filters of acta events apply through the reports');
  assert.equal(store.happenings.list({ limit: 2 }).length, 2);
});

backendTest('the change feed pages by sequence number, or from a time, oldest first', (t, b) => {
  const { store } = tempStore(t, {}, b);
  for (let i = 0; i < 5; i++) store.saveDoc(attackDoc({ id: `p${i}`, published: '2023-05-04', day: `2023-05-1${i}` }));
  const all = store.happenings.changes({ afterSeq: 0 }, 100);
  assert.equal(all.length, 5);
  assert.ok(all.every((c) => c.kind === 'created'));
  const page1 = store.happenings.changes({ afterSeq: 0 }, 2);
  const page2 = store.happenings.changes({ afterSeq: page1.at(-1)!.seq }, 2);
  const page3 = store.happenings.changes({ afterSeq: page2.at(-1)!.seq }, 2);
  assert.deepEqual([...page1, ...page2, ...page3], all);
  assert.deepEqual(store.happenings.changes({ since: all[3].at }, 100).map((c) => c.seq).filter((s) => s >= all[3].seq), [all[3].seq, all[4].seq]);
  assert.deepEqual(store.happenings.changes({ since: '2999-01-01T00:00:00Z' }, 100), []);
});

test('a store written before happenings upgrades: its events are placed in the order stored, as ingest would', (t) => {
  const { store, path } = tempStore(t);
  const docs = [
    attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' }),
    attackDoc({ id: 'b', published: '2023-05-05', day: '2023-05-03' }),
    attackDoc({ id: 'c', published: '2023-05-05', day: '2023-05-03', town: 'Lviv' }),
  ];
  for (const d of docs) store.saveDoc(d);
  const fresh = store.happenings.list({}).map(({ created_at: _c, updated_at: _u, ...h }) => h);
  store.close();
  const db = new Database(path);
  db.exec('DROP TABLE queue_progress; DROP TABLE happenings; DROP TABLE happening_reports; DROP TABLE happening_redirects; DROP TABLE happening_changes; PRAGMA user_version = 8;');
  db.close();
  const upgraded = openStore(path);
  t.after(() => upgraded.close());
  assert.deepEqual(upgraded.happenings.list({}).map(({ created_at: _c, updated_at: _u, ...h }) => h), fresh);
  assert.deepEqual(upgraded.happenings.changes({ afterSeq: 0 }, 10).map((c) => c.kind), ['created', 'created']);
});
