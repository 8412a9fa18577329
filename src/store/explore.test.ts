import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_SORTS, validKeyset, type EventQuery, type EventSort } from './explore.js';
import Database from 'better-sqlite3';
import { fixtureDoc, fixtureDocs, fixtureEvent, fixtureStore, party, spanOf } from './explore.fixtures.js';
import { openStore, type Store } from './store.js';
import { openAnyStore } from './open.js';
import { backendTest } from './backends.fixtures.js';

/** Every event of a query, page by page. */
function walk(store: Store, q: EventQuery, sort: EventSort, limit: number): string[] {
  const ids: string[] = [];
  let after = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = store.explore.eventPage(q, sort, after, limit);
    ids.push(...page.events.map((e) => e.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('paging never ended');
}

const ids = (store: Store, q: EventQuery) => store.explore.eventPage(q, 'date', null, 1000).events.map((e) => e.id).sort();

backendTest('walking the pages of every order gives every event once, in the order of one big page', (t, b) => {
  const store = fixtureStore(t, 30, b);
  const all = store.explore.eventPage({}, 'stored', null, 1000).events.map((e) => e.id);
  assert.equal(all.length, store.countEvents());
  for (const sort of EVENT_SORTS) {
    const whole = store.explore.eventPage({}, sort, null, 1000).events.map((e) => e.id);
    for (const limit of [1, 4, 7]) assert.deepEqual(walk(store, {}, sort, limit), whole, `${sort} by ${limit}`);
    assert.deepEqual([...whole].sort(), [...all].sort(), sort);
  }
});

backendTest('pages of a text search or an article walk the same way (SQLite takes their own index there, not the date index)', (t, b) => {
  const store = fixtureStore(t, 30, b);
  for (const q of [{ text: 'marched' }, { article: 'talks', realis: undefined }]) {
    for (const sort of ['date', '-date'] as const) {
      const whole = store.explore.eventPage(q, sort, null, 1000).events.map((e) => e.id);
      assert.ok(whole.length > 1, JSON.stringify(q));
      assert.deepEqual(walk(store, q, sort, 1), whole, `${JSON.stringify(q)} ${sort}`);
    }
  }
});

backendTest('date order puts undated events last both ways, and reverses the dated ones', (t, b) => {
  const store = fixtureStore(t, 30, b);
  const up = store.explore.eventPage({}, 'date', null, 1000).events;
  const down = store.explore.eventPage({}, '-date', null, 1000).events;
  assert.equal(up[up.length - 1].date, null);
  assert.equal(down[down.length - 1].date, null);
  assert.equal(up[0].date, '2021-01'); // a month sorts before its days
  assert.equal(down[0].date, '2022-06-03');
});

test('a keyset of the wrong shape for the order is refused', () => {
  assert.equal(validKeyset('date', [0, '2021-01-01', 3]), true);
  assert.equal(validKeyset('date', ['2021-01-01', 3]), false);
  assert.equal(validKeyset('stored', ['1']), false);
  assert.equal(validKeyset('confidence', [0.5, Infinity]), false);
});

backendTest('the filters beyond acta events: place box, distance, division, mode, context, certainty, source, reports, article', (t, b) => {
  const store = fixtureStore(t, 3, b);
  assert.deepEqual(ids(store, { bbox: [0, 40, 20, 60] }), ['riot-again-e1', 'riot-e1', 'talks-e1']);
  // West beyond east crosses the antimeridian: from 20°E eastwards to 179°W, Tehran and not Europe or Mali.
  assert.deepEqual(ids(store, { bbox: [20, -90, -179, 90] }), ['hostile-e1']);
  // Geneva to Dornholt is about 700 km.
  assert.deepEqual(ids(store, { near: { lat: 46.2, lon: 6.15, km: 50 } }), ['talks-e1']);
  assert.deepEqual(ids(store, { near: { lat: 46.2, lon: 6.15, km: 800 } }), ['riot-again-e1', 'riot-e1', 'talks-e1']);
  assert.deepEqual(ids(store, { admin1: 'north arvalia' }), ['riot-again-e1', 'riot-e1']);
  assert.deepEqual(ids(store, { mode: 'riot' }), ['riot-e1']);
  assert.deepEqual(ids(store, { context: 'political' }), ['talks-e1']);
  assert.deepEqual(ids(store, { certainty: 'reported' }), ['riot-e1']);
  assert.deepEqual(ids(store, { source: 'POLICE' }), ['riot-e1']);
  assert.equal(ids(store, { source: 'author' }).includes('riot-e1'), false);
  assert.deepEqual(ids(store, { minReports: 2 }), ['riot-e1']);
  assert.deepEqual(ids(store, { article: 'talks' }), ['talks-e1', 'talks-e2']);
  const hash = store.explore.getEvent('riot-e1')!.article;
  assert.deepEqual(ids(store, { article: hash }), ['riot-e1']);
  assert.deepEqual(ids(store, { realis: 'future' }), ['talks-e2']);
});

backendTest('SQL and LIKE metacharacters in every text filter are plain text: they match nothing or what they spell', (t, b) => {
  const store = fixtureStore(t, 2, b);
  const hostile = ["' OR 1=1 --", '%', '_', '\\', '"; DROP TABLE events; --', "') UNION SELECT * FROM articles --"];
  for (const value of hostile) {
    for (const key of ['actor', 'recipient', 'code', 'admin1', 'mode', 'context', 'source', 'article', 'event'] as const) {
      assert.deepEqual(ids(store, { [key]: value }), [], `${key} ${value}`);
    }
    assert.deepEqual(ids(store, { text: value }).filter((x) => !x.startsWith('hostile')), [], `text ${value}`);
  }
  assert.equal(store.countEvents(), 7);
});

backendTest('counts by week and month, by type, actor and dyad, and what was left out for want of a date', (t, b) => {
  const store = fixtureStore(t, 0, b);
  const byWeek = store.explore.countSeries({ realis: 'actual' }, 'week', 'event');
  // 2 May 2022 is a Monday; 3 June 2022 a Friday, in the week of Monday 30 May.
  assert.deepEqual(byWeek.rows, [
    { period: '2022-05-02', key: 'ASSAULT', count: 2 }, { period: '2022-05-02', key: 'PROTEST', count: 1 },
    { period: '2022-05-30', key: 'AGREE', count: 1 },
  ]);
  const byMonth = store.explore.countSeries({}, 'month', 'actor');
  assert.deepEqual(byMonth.rows.filter((r) => r.period === '2022-06'), [{ period: '2022-06', key: 'ARVGOV', count: 2 }]);
  assert.equal(store.explore.countSeries({}, 'day', 'event').imprecise, 1);
  const dyads = store.explore.countSeries({}, 'month', 'dyad').rows.map((r) => r.key);
  assert.ok(dyads.includes('ARVCVL>ARVCOP'), dyads.join());
});

backendTest('dyads count the events between two sides by QuadClass', (t, b) => {
  const store = fixtureStore(t, 2, b);
  const dyads = store.explore.dyads({});
  const students = dyads.find((d) => d.actor === 'MLIEDU')!;
  assert.deepEqual({ ...students }, { actor: 'MLIEDU', recipient: 'MLIGOV', count: 2, byQuadClass: { 1: 0, 2: 0, 3: 2, 4: 0 }, goldstein: -6.5 });
  assert.equal(dyads.find((d) => d.actor === 'ARVGOV')!.byQuadClass[1], 1);
});

backendTest('one event by id with its article, an article by id or hash, its stored layers, an actor by id', (t, b) => {
  const store = fixtureStore(t, 1, b);
  const found = store.explore.getEvent('riot-e1')!;
  assert.equal(found.event.mentions.length, 2);
  assert.equal(store.explore.getEvent('nope'), null);
  assert.deepEqual(store.explore.findArticles('riot'), [found.article]);
  assert.deepEqual(store.explore.findArticles(found.article), [found.article]);
  const layers = store.explore.articleLayers(found.article);
  assert.equal(layers.sentences.length, 3);
  assert.deepEqual(layers.events.map((e) => e.id), ['riot-e1']);
  const [army] = store.listActors({ search: 'Arvalian Army' });
  assert.equal(store.getActor(army.id)!.code, 'ARVMIL');
  assert.equal(store.getActor(999999), null);
});

backendTest('a from date walks only the dates that overlap it: its month and year written alone, then the days from it on', (t, b) => {
  const store = fixtureStore(t, 30, b);
  for (const from of ['2021', '2021-02', '2021-02-10', '2022-05-02']) {
    // queryEvents reads the same filter in one ORDER BY: what the stretches must add up to.
    const expected = store.queryEvents({ from, realis: 'actual' }).map((e) => e.id);
    assert.ok(expected.length > 0, from);
    assert.deepEqual(store.explore.eventPage({ from, realis: 'actual' }, 'date', null, 1000).events.map((e) => e.id), expected, from);
    for (const sort of ['date', '-date'] as const) {
      const whole = store.explore.eventPage({ from, realis: 'actual' }, sort, null, 1000).events.map((e) => e.id);
      for (const limit of [1, 3]) assert.deepEqual(walk(store, { from, realis: 'actual' }, sort, limit), whole, `${from} ${sort} by ${limit}`);
    }
  }
  // A month written alone overlaps a from day inside it, and comes before the days in date order.
  const fromDay = store.explore.eventPage({ from: '2021-02-10', to: '2021-02-10' }, 'date', null, 1000).events;
  assert.ok(fromDay.some((e) => e.date === '2021-02'), fromDay.map((e) => e.date).join());
});

test('an event\'s countries and sides are kept in indexed tables that follow every insert and delete, and fill from the events a schema-6 store holds', (t) => {
  const store = fixtureStore(t, 3);
  const db = new Database(store.path);
  t.after(() => db.close());
  const expected = () => {
    const countries: string[] = [];
    const sides: string[] = [];
    for (const e of store.queryEvents()) {
      const num = db.prepare('SELECT num FROM events WHERE id = ? AND article_id = ?').pluck().get(e.id, e.article_id);
      for (const c of new Set([e.location?.country, ...e.actor.map((a) => a.country), ...e.recipient.map((r) => r.country)])) if (c) countries.push(`${c} ${num}`);
      for (const [side, parties] of [['actor', e.actor], ['recipient', e.recipient]] as const) {
        for (const k of new Set(parties.map((p) => p.code ?? p.name))) sides.push(`${num} ${side} ${k}`);
      }
    }
    return { countries: countries.sort(), sides: sides.sort() };
  };
  const stored = () => ({
    countries: (db.prepare("SELECT country || ' ' || num FROM event_countries").pluck().all() as string[]).sort(),
    sides: (db.prepare("SELECT num || ' ' || side || ' ' || key FROM event_sides").pluck().all() as string[]).sort(),
  });
  assert.ok(expected().sides.length > 10);
  assert.deepEqual(stored(), expected());
  // Deleting an article takes its events' rows with them.
  db.prepare("DELETE FROM articles WHERE id = 'riot'").run();
  assert.deepEqual(stored(), expected());
  assert.ok(!stored().sides.some((s) => s.endsWith('ARVCOP') && s.includes('actor')));
  // A store as schema 6 left it: opening it fills the tables from its events.
  db.exec('DROP TABLE queue_progress; DROP TABLE happenings; DROP TABLE happening_reports; DROP TABLE happening_redirects; DROP TABLE happening_changes;');
  db.exec('DROP TRIGGER events_index_sides; DROP TABLE event_countries; DROP TABLE event_sides; DROP INDEX events_counts; DROP INDEX events_realis_date; ALTER TABLE events DROP COLUMN casualties; PRAGMA user_version = 6;');
  const reopened = openStore(store.path);
  reopened.close();
  assert.deepEqual(stored(), expected());
});

backendTest('pages follow the store: an analysis replaced through the same store or another connection is what the next page shows', (t, b) => {
  const store = fixtureStore(t, 2, b);
  const page = () => store.explore.eventPage({ realis: 'actual' }, 'date', null, 1000).events.map((e) => e.id);
  const last = fixtureDocs(2)[5];
  assert.ok(page().includes('gen-1-e'));
  // The replaced event takes the num its predecessor had (the highest), so a page kept by num would show the old one.
  const renamed = (id: string) => ({ ...last, events: last.events.map((e) => ({ ...e, id })) });
  store.replaceAnalysis(renamed('gen-1-again'));
  assert.ok(page().includes('gen-1-again') && !page().includes('gen-1-e'), page().join());
  const other = openAnyStore(store.path);
  other.replaceAnalysis(renamed('gen-1-third'));
  other.close();
  assert.ok(page().includes('gen-1-third') && !page().includes('gen-1-again'), page().join());
});

backendTest('a dyad counts each event once, and its mean Goldstein value is over its events, even when a side repeats a code', (t, b) => {
  const store = fixtureStore(t, 0, b);
  const text = 'Two unions\n\nThe dockers union and the rail union accused the ministry and the cabinet on 4 May 2022.\n';
  store.saveDoc(fixtureDoc(text, 'unions', '2022-05-05', [], (aid, tx) => [fixtureEvent('unions-e1', aid, {
    event: 'ACCUSE', cameo: '112', goldstein: -2, quad_class: 3, date: '2022-05-04', date_precision: 'day',
    actor: [{ ...party('dockers union', 0, 'ARV', 'LAB'), ...spanOf(tx, 'dockers union') }, { ...party('rail union', 0, 'ARV', 'LAB'), ...spanOf(tx, 'rail union') }],
    recipient: [{ ...party('the ministry', 0, 'ARV', 'GOV'), ...spanOf(tx, 'the ministry') }, { ...party('the cabinet', 0, 'ARV', 'GOV'), ...spanOf(tx, 'the cabinet') }],
    sentence: { index: 1, start: tx.indexOf('The dockers'), end: tx.length - 1 }, trigger: { text: 'accused', ...spanOf(tx, 'accused') },
  }), fixtureEvent('unions-e2', aid, {
    event: 'PROTEST', goldstein: -6, quad_class: 3, date: '2022-05-04', date_precision: 'day',
    actor: [{ ...party('rail union', 0, 'ARV', 'LAB'), ...spanOf(tx, 'rail union') }],
    recipient: [{ ...party('the ministry', 0, 'ARV', 'GOV'), ...spanOf(tx, 'the ministry') }],
    sentence: { index: 1, start: tx.indexOf('The dockers'), end: tx.length - 1 }, trigger: { text: 'accused', ...spanOf(tx, 'accused') },
  })]));
  const dyad = store.explore.dyads({}).find((d) => d.actor === 'ARVLAB')!;
  // Four pairings of the first event's sides, one of the second's: two events, mean of -2 and -6.
  assert.deepEqual({ ...dyad }, { actor: 'ARVLAB', recipient: 'ARVGOV', count: 2, byQuadClass: { 1: 0, 2: 0, 3: 2, 4: 0 }, goldstein: -4 });
  const byActor = store.explore.countSeries({}, 'day', 'actor').rows.filter((r) => r.key === 'ARVLAB');
  assert.deepEqual(byActor, [{ period: '2022-05-04', key: 'ARVLAB', count: 2 }]);
});
