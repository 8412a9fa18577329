import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, Doc, Entity, EntityMention, Place } from '../doc/types.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openStore, type Store } from './store.js';
import { openAnyStore } from './open.js';
import { backendTest, openTestStore, type TestBackend } from './backends.fixtures.js';
import { fixtureDoc, fixtureEvent } from './explore.fixtures.js';

function tempDb(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'sub', 'acta.db');
}

function withStore(t: { after: (fn: () => void) => void }, backend?: TestBackend): { store: Store; path: string } {
  if (backend && backend.name !== 'sqlite') return openTestStore(t, backend);
  const path = tempDb(t);
  const store = openStore(path);
  t.after(() => store.close());
  return { store, path };
}

function entity(text: string, start: number, country: string | null, sector: string | null, type: Entity['type'] = 'ORG'): Entity {
  return { text, start, end: start + text.length, name: text, type, country, sector, code: country && sector ? country + sector : country };
}

function place(name: string, country: string): Place {
  return { text: name, start: 0, end: name.length, name, country, admin1: null, lat: 1, lon: 2, geonames_id: 42, precision: 'city' };
}

const event = fixtureEvent;

/** A fixture Doc (explore.fixtures' fixtureDoc) whose one entity is the described "farmers". */
function makeDoc(text: string, id: string, events: (articleId: string) => CodedEvent[]): Doc {
  const mention: EntityMention = {
    ...entity('farmers', 10, 'ARV', 'AGR'), chain: 0, sentence: 0, roles: [], codeSource: 'dictionary', nominal: true,
    roleSectors: [], modifierCountry: null, evidence: 'test',
  };
  return { ...fixtureDoc(text, id, null, [], (aid) => events(aid)), entities: [mention] };
}

const farmers = makeDoc(
  'Farmers block roads\n\nFarmers from Arvalia blocked the roads into Dornholt to protest a diesel tax.\n',
  'farm', (aid) => [
    event('farm-e1', aid, {
      date: '2022-05-02', date_precision: 'day', date_text: 'Monday',
      actor: [entity('Farmers', 21, 'ARV', 'AGR', 'MISC')], recipient: [entity('government', 60, 'ARV', 'GOV')],
      location: place('Dornholt', 'ARV'),
    }),
    event('farm-e2', aid, {
      event: 'DEMAND', cameo: '100', goldstein: -5, quad_class: 3, date: '2022-05', date_precision: 'month', mode: [],
      actor: [entity('Farmers', 21, 'ARV', 'AGR', 'MISC')], recipient: [entity('agriculture ministry', 70, 'ARV', 'GOV')],
      attribution: { source: entity('union leader', 80, 'ARV', 'LAB', 'PER'), cue: { text: 'said', start: 93, end: 97 }, certainty: 'reported' },
    }),
  ]);

const rebels = makeDoc(
  'Shelling near Tarvik airport\n\nRebels shelled the airport outside Tarvik on Sunday, the army of Kestria said.\n',
  'shell', (aid) => [
    event('shell-e1', aid, {
      event: 'ASSAULT', mode: ['aerial'], cameo: '195', goldstein: -10, quad_class: 4, date: '2024-02-11', date_precision: 'day',
      actor: [entity('Rebels', 30, null, 'REB')], recipient: [entity('army', 80, 'KES', 'MIL')],
      location: place('Tarvik', 'KES'), negated: true, realis: 'negated',
    }),
    event('shell-e2', aid, {
      event: 'ASSAULT', cameo: '190', date: null, actor: [], recipient: [], realis: 'future',
      attribution: { source: null, cue: null, certainty: 'future' },
    }),
  ]);

test('a new store is on the latest schema, in WAL mode, and creates its folder', (t) => {
  const { store, path } = withStore(t);
  assert.equal(store.countArticles(), 0);
  const db = new Database(path, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
});

test('a store from a newer acta is refused rather than written', (t) => {
  const path = tempDb(t);
  openStore(path).close();
  const db = new Database(path);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openStore(path), (e: Error) => e.message.startsWith(`${path}: the store was written by a newer acta (schema version ${SCHEMA_VERSION + 1}`) && /upgrade acta/.test(e.message));
  const untouched = new Database(path, { readonly: true });
  t.after(() => untouched.close());
  assert.equal(untouched.pragma('user_version', { simple: true }), SCHEMA_VERSION + 1, 'left as it was');
});

backendTest('saving the same article twice stores it once', (t, b) => {
  const { store, path } = withStore(t, b);
  assert.deepEqual(store.saveDoc(farmers), { stored: true });
  assert.deepEqual(store.saveDoc(farmers), { stored: false });
  assert.deepEqual(store.saveDoc({ ...farmers, meta: { ...farmers.meta, id: 'other-id' } }), { stored: false });
  assert.ok(store.hasArticle(farmers.meta.hash));
  assert.equal(store.countArticles(), 1);
  assert.equal(store.countEvents(), 2);
  store.close();

  const again = openAnyStore(path);
  t.after(() => again.close());
  assert.equal(again.countArticles(), 1, 'kept after reopening');
  const back = again.getArticle(farmers.meta.hash)!;
  assert.equal(back.text, farmers.text);
  assert.deepEqual(back.meta, farmers.meta);
  assert.deepEqual(back.body, farmers.body);
});

backendTest('a failure in the middle of a save leaves nothing of that article', (t, b) => {
  const { store, path } = withStore(t, b);
  // The second event repeats the first one's id: the insert fails after the
  // article, its sentences, entities and first event were written.
  const broken: Doc = { ...rebels, events: [rebels.events[0], { ...rebels.events[1], id: rebels.events[0].id }] };
  assert.throws(() => store.saveDoc(broken), /UNIQUE|unique constraint/);
  assert.equal(store.hasArticle(rebels.meta.hash), false);
  assert.equal(store.countArticles(), 0);
  assert.equal(store.countEvents(), 0);
  const nullType: Doc = { ...rebels, events: [{ ...rebels.events[0], event: null as unknown as string }] };
  assert.throws(() => store.saveDoc(nullType), /NOT NULL|not-null/);
  assert.deepEqual(store.queryEvents({ text: 'Tarvik' }), [], 'nothing of it in the full-text index');
  assert.equal(store.happenings.count(), 0);
  if (b.name !== 'sqlite') {
    assert.deepEqual(store.saveDoc(rebels), { stored: true }, 'the sound article saves afterwards');
    assert.equal(store.explore.articleLayers(rebels.meta.hash).sentences.length, rebels.sentences.length);
    return;
  }

  const db = new Database(path, { readonly: true });
  t.after(() => db.close());
  for (const table of ['articles', 'sentences', 'entities', 'events']) {
    assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
  }
  assert.equal(db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Tarvik'`).pluck().get(), 0);

  assert.deepEqual(store.saveDoc(rebels), { stored: true }, 'the sound article saves afterwards');
  assert.equal(db.prepare('SELECT count(*) FROM entities').pluck().get(), 1);
  assert.equal(db.prepare('SELECT count(*) FROM sentences').pluck().get(), rebels.sentences.length);
});

backendTest('events come back in the contract shape', (t, b) => {
  const { store } = withStore(t, b);
  store.saveDoc(farmers);
  const events = store.queryEvents();
  // (The fixture's events were made before acta counted casualties: they read back as counting nobody.)
  assert.deepEqual(events, [farmers.events[1], farmers.events[0]].map((e) => ({ ...e, casualties: null })));
});

backendTest('an event\'s casualties are stored with their words', (t, b) => {
  const { store } = withStore(t, b);
  const casualties = { killed: { min: 12, max: null, text: 'at least 12 were killed', start: 30, end: 53 }, injured: null, arrested: null, displaced: null };
  store.saveDoc({ ...farmers, events: [{ ...farmers.events[0], casualties }] });
  assert.deepEqual(store.queryEvents()[0].casualties, casualties);
});

/** What migrations 9 to 11 added (10 is an index of a table 9 made), taken away again: a store as a schema-8 acta left it. */
const UNDO_V9 = 'DROP TABLE queue_progress; DROP TABLE happenings; DROP TABLE happening_reports; DROP TABLE happening_redirects; DROP TABLE happening_changes;';
/** What migrations 7 to 9 added, taken away again: a store as a schema-6 acta left it. */
const UNDO_V7 = UNDO_V9 + 'DROP TRIGGER events_index_sides; DROP TABLE event_countries; DROP TABLE event_sides; DROP INDEX events_counts; DROP INDEX events_realis_date;';

test("an event keeps all its mentions in the store, and one stored before mentions were kept has its own", (t) => {
  const { store, path } = withStore(t);
  const told = { sentence: { index: 1, start: 22, end: 99 }, trigger: { text: 'protest', start: 80, end: 87 } };
  const twice = { ...farmers, events: [{ ...farmers.events[0], mentions: [...farmers.events[0].mentions, told] }] };
  store.saveDoc(twice);
  assert.deepEqual(store.queryEvents()[0].mentions, twice.events[0].mentions);
  store.close();
  // A store of schema version 5: no mentions column; opening it adds the column, and its rows read as their own mention.
  const db = new Database(path);
  db.exec(UNDO_V7);
  db.exec('UPDATE events SET mentions = NULL');
  db.exec('ALTER TABLE events DROP COLUMN mentions; ALTER TABLE events DROP COLUMN casualties');
  db.pragma('user_version = 5');
  db.close();
  const again = openStore(path);
  t.after(() => again.close());
  const [back] = again.queryEvents();
  assert.deepEqual(back.mentions, [{ sentence: back.sentence, trigger: back.trigger }]);
});

function filled(t: { after: (fn: () => void) => void }, b: TestBackend): Store {
  const { store } = withStore(t, b);
  store.saveDoc(farmers);
  store.saveDoc(rebels);
  return store;
}

const ids = (events: CodedEvent[]) => events.map((e) => e.id);

backendTest('with no filter, every event: dated ones by date, undated last', (t, b) => {
  assert.deepEqual(ids(filled(t, b).queryEvents()), ['farm-e2', 'farm-e1', 'shell-e1', 'shell-e2']);
});

backendTest('from/to keep events whose date overlaps the range, at any precision', (t, b) => {
  const store = filled(t, b);
  assert.deepEqual(ids(store.queryEvents({ from: '2022-05-02', to: '2022-05-02' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ from: '2022-05-03' })), ['farm-e2', 'shell-e1']);
  assert.deepEqual(ids(store.queryEvents({ to: '2022-04' })), []);
  assert.deepEqual(ids(store.queryEvents({ from: '2023', to: '2024' })), ['shell-e1']);
  assert.throws(() => store.queryEvents({ from: 'last week' }), /bad "from" date/);
});

backendTest('event type, actor, recipient and code filters', (t, b) => {
  const store = filled(t, b);
  assert.deepEqual(ids(store.queryEvents({ event: 'assault' })), ['shell-e1', 'shell-e2']);
  assert.deepEqual(ids(store.queryEvents({ actor: 'rebel' })), ['shell-e1']);
  assert.deepEqual(ids(store.queryEvents({ actor: 'ARVAGR' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ recipient: 'ministry' })), ['farm-e2']);
  assert.deepEqual(ids(store.queryEvents({ recipient: 'Farmers' })), []);
  assert.deepEqual(ids(store.queryEvents({ code: 'KESMIL' })), ['shell-e1']);
  assert.deepEqual(ids(store.queryEvents({ code: 'arv' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ code: 'GOV' })), [], 'a prefix, not a substring');
  assert.deepEqual(ids(store.queryEvents({ actor: '%' })), [], 'wildcards match literally');
});

backendTest('country matches any actor, recipient or the location', (t, b) => {
  const store = filled(t, b);
  assert.deepEqual(ids(store.queryEvents({ country: 'KES' })), ['shell-e1']);
  assert.deepEqual(ids(store.queryEvents({ country: 'arv' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ country: 'USA' })), []);
});

backendTest('text searches the articles with FTS5 for every word; its syntax and odd punctuation are plain words', (t, b) => {
  const store = filled(t, b);
  assert.deepEqual(ids(store.queryEvents({ text: 'diesel' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ text: 'shelled airport' })), ['shell-e1', 'shell-e2']);
  assert.deepEqual(ids(store.queryEvents({ text: 'shell*' })), ['shell-e1', 'shell-e2'], 'a word ending in * is a prefix');
  assert.deepEqual(ids(store.queryEvents({ text: '*' })), [], 'nothing searchable: nothing found, no FTS5 error');
  assert.deepEqual(ids(store.queryEvents({ text: 'shelled) ^airport:' })), ['shell-e1', 'shell-e2']);
  assert.deepEqual(ids(store.queryEvents({ text: 'shelled OR diesel' })), [], '"OR" is a word to find, not an operator');
  assert.deepEqual(ids(store.queryEvents({ text: 'Tarvik: "airport' })), ['shell-e1', 'shell-e2']);
  assert.deepEqual(ids(store.queryEvents({ text: 'Kestria\'s' })), [], 'the phrase is not in the text');
  assert.deepEqual(ids(store.queryEvents({ text: 'volcano' })), []);
  assert.deepEqual(ids(store.queryEvents({ text: 'diesel', event: 'DEMAND' })), ['farm-e2'], 'filters combine');
});

backendTest('realis keeps the events the text says happened, or only those planned, supposed or denied', (t, b) => {
  const store = filled(t, b);
  assert.deepEqual(ids(store.queryEvents({ realis: 'actual' })), ['farm-e2', 'farm-e1']);
  assert.deepEqual(ids(store.queryEvents({ realis: 'negated' })), ['shell-e1']);
  assert.deepEqual(ids(store.queryEvents({ realis: 'future', event: 'ASSAULT' })), ['shell-e2']);
  assert.deepEqual(ids(store.queryEvents({ realis: 'hypothetical' })), []);
});

test('a store of schema 4 gains realis, read from the negation and certainty its events kept', (t) => {
  const { store, path } = withStore(t);
  store.saveDoc(rebels);
  store.close();
  // What an acta before realis left: no column, version 4.
  const db = new Database(path);
  db.exec(UNDO_V7);
  db.exec('DROP INDEX events_realis; ALTER TABLE events DROP COLUMN realis; ALTER TABLE events DROP COLUMN mentions; ALTER TABLE events DROP COLUMN casualties;');
  db.pragma('user_version = 4');
  db.close();
  const reopened = openStore(path);
  t.after(() => reopened.close());
  assert.deepEqual(reopened.queryEvents().map((e) => [e.id, e.realis]), [['shell-e1', 'negated'], ['shell-e2', 'future']]);
});

backendTest('limit caps the number of events', (t, b) => {
  const store = filled(t, b);
  assert.equal(store.queryEvents({ limit: 3 }).length, 3);
  assert.equal(store.queryEvents({ limit: 0 }).length, 0);
});
