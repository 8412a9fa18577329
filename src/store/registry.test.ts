import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../index.js';
import type { Doc, EntityMention } from '../doc/types.js';
import { buildRegistry, registryFromStore } from '../actors/registry.js';
import { migrations } from './migrations.js';
import { chainsToLearn } from './registry.js';
import { openStore, type Store } from './store.js';
import { backendTest, openTestStore, type TestBackend } from './backends.fixtures.js';

function withStore(t: { after: (fn: () => void) => void }, backend?: TestBackend): { store: Store; path: string } {
  if (backend && backend.name !== 'sqlite') return openTestStore(t, backend);
  const dir = mkdtempSync(join(tmpdir(), 'acta-registry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'acta.db');
  const store = openStore(path);
  t.after(() => store.close());
  return { store, path };
}

const first = analyze({
  id: 'first', published: '2023-03-01',
  text: 'Iraqi militia commander Karim al-Dulaimi said on Monday that his fighters would leave Mosul by the end of the month.',
});
const second = analyze({ id: 'second', published: '2023-04-12', text: 'Dulaimi said the fighters had left the city and would not return.' });

backendTest('an entry learned from one article codes a bare surname in a later one', (t, b) => {
  const { store } = withStore(t, b);
  assert.equal(registryFromStore(store).lookup('Dulaimi'), null, 'an empty registry knows nothing');
  store.saveDoc(first);
  const entries = store.listActors();
  assert.equal(entries.length, 1, 'the demonym, the place and the descriptions are not registry entries');
  const [e] = entries;
  assert.equal(e.name, 'Karim al-Dulaimi');
  assert.equal(e.type, 'PER');
  assert.equal(e.code, 'IRQREB');
  assert.deepEqual(e.names, ['Karim al-Dulaimi']);
  assert.equal(e.evidence[0].source, 'title');
  const ex = e.evidence[0].examples[0];
  assert.equal(ex.article, first.meta.hash);
  assert.equal(first.text.slice(ex.start, ex.end), 'Karim al-Dulaimi', 'evidence keeps offsets into the article');
  assert.deepEqual([e.articles, e.firstSeen, e.lastSeen], [1, '2023-03-01', '2023-03-01']);

  // The second article's text alone says nothing about who Dulaimi is.
  assert.equal(second.entities.find((m) => m.text === 'Dulaimi')?.code, null);
  const reg = registryFromStore(store);
  for (const name of ['Dulaimi', 'al-Dulaimi', 'Karim Dulaymi', 'Al Dulaimi']) {
    assert.deepEqual(reg.lookup(name), { country: 'IRQ', sector: 'REB', type: 'PER', evidence: 'registry: Karim al-Dulaimi (title×1)' }, name);
  }
  store.saveDoc(second);
  assert.equal(store.listActors().length, 1, 'an uncoded mention adds no entry');
});

/** A doc with hand-made coded chains (the analysis is not what is tested here). */
function docWith(id: string, published: string | null, chains: { names: string[]; type?: 'PER' | 'ORG'; country: string | null; sector: string | null; source: string | null }[]): Doc {
  // The id goes into the text: the article's identity is its text's hash.
  const text = `Report ${id}. ` + chains.map((c) => c.names.join(' and ')).join('. ') + '.';
  const entities: EntityMention[] = [];
  let at = 0;
  chains.forEach((c, chain) => {
    for (const n of c.names) {
      const start = text.indexOf(n, at);
      at = start + n.length;
      entities.push({
        text: n, start, end: at, name: c.names[0], type: c.type ?? 'PER', country: c.country, sector: c.sector,
        code: c.country || c.sector ? `${c.country ?? ''}${c.sector ?? ''}` : null, chain, sentence: 0, roles: [],
        codeSource: c.source, nominal: false, roleSectors: [], modifierCountry: null, evidence: 'test',
      });
    }
  });
  const base = analyze({ id, text, published: published ?? undefined });
  return { ...base, entities, events: [] };
}

backendTest('spelling variants from several articles gather in one entry, with evidence counted per article', (t, b) => {
  const { store } = withStore(t, b);
  store.saveDoc(docWith('a1', '2022-05-01', [{ names: ['Falih al-Fayyadh', 'Fayyadh'], country: 'IRQ', sector: 'MIL', source: 'title' }]));
  store.saveDoc(docWith('a2', '2021-01-09', [{ names: ['Falih Fayadh'], country: 'IRQ', sector: 'MIL', source: 'apposition' }]));
  store.saveDoc(docWith('a3', '2023-02-02', [
    { names: ['Falih al-Fayyad'], country: 'IRQ', sector: null, source: 'title' },
    { names: ['Faleh al Fayyadh'], country: 'IRQ', sector: 'MIL', source: 'title' },
  ]));
  const [e, ...rest] = store.listActors();
  assert.equal(rest.length, 1, 'a spelling whose transliteration key differs stays apart');
  assert.equal(rest[0].name, 'Faleh al Fayyadh');
  assert.equal(e.code, 'IRQMIL');
  assert.deepEqual(new Set(e.names), new Set(['Falih al-Fayyadh', 'Fayyadh', 'Falih Fayadh', 'Falih al-Fayyad']));
  assert.equal(e.articles, 3);
  assert.deepEqual([e.firstSeen, e.lastSeen], ['2021-01-09', '2023-02-02']);
  const title = e.evidence.find((x) => x.source === 'title' && x.sector === 'MIL')!;
  assert.equal(title.count, 1);
  assert.equal(e.evidence.reduce((n, x) => n + x.count, 0), 3);
  assert.equal(registryFromStore(store).lookup('Fayad')?.sector, 'MIL', 'two entries share the surname but agree on the code');
});

backendTest('a namesake from another country gets its own entry; a lookup of the shared name has no answer', (t, b) => {
  const { store } = withStore(t, b);
  store.saveDoc(docWith('b1', null, [{ names: ['Ali Hassan'], country: 'IRQ', sector: 'GOV', source: 'title' }]));
  store.saveDoc(docWith('b2', null, [{ names: ['Ali Hassan'], country: 'EGY', sector: 'BUS', source: 'apposition' }]));
  store.saveDoc(docWith('b3', null, [{ names: ['Ali Hassan'], country: null, sector: 'GOV', source: 'title' }]));
  const entries = store.listActors();
  assert.deepEqual(entries.map((e) => [e.code, e.articles]), [['IRQGOV', 2], ['EGYBUS', 1]]);
  assert.deepEqual([entries[0].firstSeen, entries[0].lastSeen], [null, null], 'no publication date, no guess');
  assert.equal(registryFromStore(store).lookup('Ali Hassan'), null);
});

test('chains without a code source, nominal mentions, places and pronouns are not learned', () => {
  const doc = docWith('c1', null, [
    { names: ['Lina Sarraf'], country: null, sector: null, source: null },
    { names: ['Harbour Authority', 'It', 'its'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' },
    { names: ['US Navy', 'US'], type: 'ORG', country: 'USA', sector: 'MIL', source: 'name' },
    { names: ['Falih al-Fayyadh', 'al-Fayyadh'], country: 'IRQ', sector: 'MIL', source: 'dictionary' },
  ]);
  const place: EntityMention = { ...doc.entities[0], text: 'Tarvik', name: 'Tarvik', type: 'LOC', chain: 7, country: 'KES', code: 'KES', codeSource: 'gazetteer' };
  const nominal: EntityMention = { ...doc.entities[0], text: 'the court', name: 'court', type: 'ORG', chain: 8, sector: 'JUD', code: 'JUD', codeSource: 'role', nominal: true };
  const learned = chainsToLearn({ text: doc.text, entities: [...doc.entities, place, nominal] });
  assert.deepEqual(learned.map((c) => [c.name, c.names, c.source]), [
    ['Harbour Authority', ['Harbour Authority'], 'name'],
    // "US" is not written beside "US Navy" in brackets: nothing says the acronym is the navy's.
    ['US Navy', ['US Navy'], 'name'],
    ['Falih al-Fayyadh', ['Falih al-Fayyadh', 'al-Fayyadh'], 'dictionary'],
  ]);
});

backendTest('the same article saved twice teaches nothing twice', (t, b) => {
  const { store } = withStore(t, b);
  const doc = docWith('d1', '2024-01-01', [{ names: ['Harbour Authority'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' }]);
  store.saveDoc(doc);
  store.saveDoc(doc);
  assert.equal(store.listActors()[0].articles, 1);
});

backendTest('search matches names and their variants, or a code prefix; country and limit filter', (t, b) => {
  const { store } = withStore(t, b);
  store.saveDoc(docWith('e1', null, [
    { names: ['Falih al-Fayyadh'], country: 'IRQ', sector: 'MIL', source: 'title' },
    { names: ['Harbour Authority'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' },
  ]));
  store.saveDoc(docWith('e2', null, [{ names: ['Harbour Authority'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' }]));
  const names = (f: Parameters<Store['listActors']>[0]) => store.listActors(f).map((e) => e.name);
  assert.deepEqual(names({}), ['Harbour Authority', 'Falih al-Fayyadh'], 'most met first');
  assert.deepEqual(names({ search: 'Fayadh' }), ['Falih al-Fayyadh']);
  assert.deepEqual(names({ search: 'FAYYĀDH' }), ['Falih al-Fayyadh']);
  assert.deepEqual(names({ search: 'harbour' }), ['Harbour Authority']);
  assert.deepEqual(names({ search: 'irqm' }), ['Falih al-Fayyadh'], 'code prefix');
  assert.deepEqual(names({ search: '%' }), [], 'wildcards match literally');
  assert.deepEqual(names({ country: 'arv' }), ['Harbour Authority']);
  assert.deepEqual(names({ limit: 1 }), ['Harbour Authority']);
});

test('a store made before the registry existed gains its tables when opened', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-registry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.exec(migrations[0].sql);
  db.pragma('user_version = 1');
  db.close();
  const store = openStore(path);
  t.after(() => store.close());
  assert.deepEqual(store.listActors(), []);
  store.saveDoc(first);
  assert.equal(store.listActors().length, 1);
});

/** Store each text as an article of its own (analysed with what the store learned so far), in order. */
function ingestAll(store: Store, texts: string[]): Doc[] {
  return texts.map((text, i) => {
    const doc = analyze({ id: `t${i}`, text, published: '1987-03-02' }, 'input', { registry: registryFromStore(store) });
    store.saveDoc(doc);
    return doc;
  });
}

const entryWith = (store: Store, name: string) => store.listActors().find((e) => e.names.includes(name));

backendTest('an acronym meets only its own spelling: the ICC is not the EEC, though "eec" and "icc" once shared a loose key', (t, b) => {
  const { store } = withStore(t, b);
  ingestAll(store, [
    'The European Economic Community (EEC) said on Tuesday it would cut farm subsidies. The EEC ministers met in Brussels.',
    'The U.S. Interstate Commerce Commission (ICC) approved the merger of two railways on Monday. The ICC said freight rates would fall.',
  ]);
  const eec = entryWith(store, 'EEC');
  const icc = entryWith(store, 'ICC');
  assert.ok(eec && icc);
  assert.notEqual(eec.id, icc.id);
  assert.deepEqual(eec.names.sort(), ['EEC', 'European Economic Community']);
  assert.equal(eec.name, 'European Economic Community', 'called by the name the acronym stands for');
  assert.equal(icc.code, 'USA');
  assert.equal(buildRegistry(store.listActors()).lookup('IC'), null, 'nor does a shorter acronym find either');
});

backendTest('Donald Regan is not Ronald Reagan: a surname spelled alike is no evidence of one person', (t, b) => {
  const { store } = withStore(t, b);
  ingestAll(store, [
    'President Ronald Reagan said on Monday he would veto the highway bill. Reagan told reporters the bill cost too much.',
    'White House chief of staff Donald Regan said on Tuesday the budget would be cut. Regan told reporters the cuts would hurt.',
  ]);
  const reagan = entryWith(store, 'Ronald Reagan');
  const regan = entryWith(store, 'Donald Regan');
  assert.ok(reagan && regan);
  assert.notEqual(reagan.id, regan.id);
  assert.deepEqual(reagan.names.sort(), ['Reagan', 'Ronald Reagan']);
  assert.deepEqual(regan.names.sort(), ['Donald Regan', 'Regan']);
});

backendTest('Nancy Reagan does not take the code the registry learned for Ronald Reagan', (t, b) => {
  const { store } = withStore(t, b);
  const [, nancy] = ingestAll(store, [
    'President Ronald Reagan said on Monday he would veto the highway bill. Reagan told reporters the bill cost too much.',
    'Nancy Reagan opened a drug clinic in Miami on Friday. Reagan told the patients that they were brave.',
  ]);
  const mentions = nancy.entities.filter((e) => e.name === 'Nancy Reagan');
  assert.equal(mentions.length, 2, 'both mentions are hers');
  for (const m of mentions) assert.deepEqual([m.text, m.code, m.codeSource], [m.text, null, null], 'nothing in the article says what she holds');
  assert.equal(store.listActors().length, 1, 'and an uncoded chain teaches nothing');
});

backendTest('an entry is called by the name most written, on one line: one odd reading does not rename it', (t, b) => {
  const { store } = withStore(t, b);
  store.saveDoc(docWith('n1', '1987-03-01', [{ names: ['Reagan'], country: 'USA', sector: 'GOV', source: 'dictionary' }]));
  store.saveDoc(docWith('n2', '1987-03-02', [{ names: ['Reagan'], country: 'USA', sector: 'GOV', source: 'dictionary' }]));
  // A sentence's first word read into the name: "Athough Reagan said …".
  store.saveDoc(docWith('n3', '1987-03-03', [{ names: ['Athough Reagan', 'Reagan'], country: 'USA', sector: 'GOV', source: 'title' }]));
  store.saveDoc(docWith('n4', '1987-03-04', [{ names: ['Interstate Commerce\nCommission'], type: 'ORG', country: 'USA', sector: 'GOV', source: 'name' }]));
  const names = store.listActors().map((e) => [e.name, e.names]);
  assert.deepEqual(names, [['Reagan', ['Reagan', 'Athough Reagan']], ['Interstate Commerce Commission', ['Interstate Commerce Commission']]]);
});

backendTest('the store tells which entries a save changed, so a registry in memory takes in only those', (t, b) => {
  const { store } = withStore(t, b);
  assert.deepEqual(store.actorsChangedSince(0), { entries: [], revision: 0 });
  store.saveDoc(docWith('r1', null, [{ names: ['Harbour Authority'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' }]));
  store.saveDoc(docWith('r2', null, [{ names: ['Falih al-Fayyadh'], country: 'IRQ', sector: 'MIL', source: 'title' }]));
  const after1 = store.actorsChangedSince(1);
  assert.deepEqual([after1.revision, after1.entries.map((e) => e.name)], [2, ['Falih al-Fayyadh']]);
  assert.deepEqual(store.actorsChangedSince(0).entries.map((e) => e.name).sort(), ['Falih al-Fayyadh', 'Harbour Authority']);
  store.saveDoc(docWith('r1', null, [{ names: ['Harbour Authority'], type: 'ORG', country: 'ARV', sector: 'GOV', source: 'name' }]));
  assert.equal(store.actorsChangedSince(2).revision, 2, 'an article already stored changes nothing');
});

test('opening a store of schema 2 recomputes its names\' transliteration keys', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-registry-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'v2.db');
  const db = new Database(path);
  for (const m of migrations.slice(0, 2)) db.exec(m.sql);
  db.pragma('user_version = 2');
  db.prepare(`INSERT INTO actors (id, name, type, evidence, articles, updated_at) VALUES (1, 'Reagan', 'PER', '[]', 1, '')`).run();
  // The key the earlier rule gave: "Reagan" and "Regan" alike.
  db.prepare(`INSERT INTO actor_names (actor, name, key, translit) VALUES (1, 'Reagan', 'reagan', 'ragan')`).run();
  db.close();
  openStore(path).close();
  const after = new Database(path, { readonly: true });
  t.after(() => after.close());
  assert.equal(after.prepare('SELECT translit FROM actor_names').pluck().get(), 'raagan');
});
