/** `acta actors`: the registry that `acta ingest` builds, listed and searched from the command line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';

function capture() {
  let text = '';
  return { out: { write: (s: string) => { text += s; } }, get text() { return text; } };
}

async function acta(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(args, out.out, err.out);
  return { code, out: out.text, err: err.text };
}

const ARTICLES = [
  { id: 'one', published: '2023-03-01', text: 'Iraqi militia commander Karim al-Dulaimi said on Monday that his fighters would leave Mosul.' },
  { id: 'two', published: '2023-05-20', text: 'Karim Dulaymi, an Iraqi militia commander, said his men had left Mosul.' },
  { id: 'three', published: '2023-04-02', text: 'Syrian Defence Minister Omar Haddad visited Damascus on Tuesday.' },
];

function ingested(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-actors-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(dir, 'news.jsonl');
  writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return join(dir, 'acta.db');
}

test('acta actors lists what ingest learned: names, spellings, code, evidence, first and last seen', async (t) => {
  const db = ingested(t);
  const ing = await acta(['ingest', join(db, '..', 'news.jsonl'), '--db', db]);
  assert.equal(ing.code, 0, ing.err);

  const r = await acta(['actors', '--db', db, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const entries = r.out.trim().split('\n').map((l) => JSON.parse(l));
  const dulaimi = entries.find((e) => e.name === 'Karim al-Dulaimi');
  assert.ok(dulaimi, r.out);
  assert.equal(dulaimi.code, 'IRQREB');
  assert.deepEqual(new Set(dulaimi.names), new Set(['Karim al-Dulaimi', 'Karim Dulaymi']), 'one entry for both spellings');
  assert.equal(dulaimi.articles, 2);
  assert.equal(dulaimi.evidence_count, 2);
  assert.deepEqual([dulaimi.first_seen, dulaimi.last_seen], ['2023-03-01', '2023-05-20']);
  assert.equal(entries[0].name, 'Karim al-Dulaimi', 'most often met first');
  assert.ok(dulaimi.evidence.every((x: object) => 'first_seen' in x && 'last_seen' in x), JSON.stringify(dulaimi.evidence));
  assert.doesNotMatch(r.out, /"[a-z]+[A-Z]\w*":/, 'every field in snake_case, like the event records');

  const table = await acta(['actors', '--db', db]);
  assert.equal(table.code, 0);
  assert.match(table.out, /^CODE +TYPE +NAME/);
  assert.match(table.out, /IRQREB +PER +Karim al-Dulaimi +2 +2: .* 2023-03-01 2023-05-20 Karim Dulaymi\n/);
  assert.match(table.out, /\d+ actor\(s\)\n$/);
});

test('acta actors searches spelling variants and codes, filters by country, limits, and writes CSV', async (t) => {
  const db = ingested(t);
  await acta(['ingest', join(db, '..', 'news.jsonl'), '--db', db]);
  const names = async (...args: string[]) => {
    const r = await acta(['actors', '--db', db, '--format', 'json', ...args]);
    assert.equal(r.code, 0, r.err);
    return (JSON.parse(r.out) as { name: string }[]).map((e) => e.name);
  };
  assert.deepEqual(await names('--search', 'al-Dulaymi'), ['Karim al-Dulaimi']);
  assert.deepEqual(await names('--search', 'DULAIMI'), ['Karim al-Dulaimi']);
  assert.deepEqual(await names('--search', 'IRQ'), ['Karim al-Dulaimi'], 'a code prefix');
  assert.deepEqual(await names('--search', 'nobody here'), []);
  assert.deepEqual(await names('--country', 'syr'), ['Omar Haddad']);
  assert.equal((await names('--limit', '1')).length, 1);

  const csv = await acta(['actors', '--db', db, '--format', 'csv', '--search', 'Haddad']);
  const lines = csv.out.trim().split('\n');
  assert.equal(lines[0], 'id,name,type,country,sector,code,names,articles,evidence_count,sources,first_seen,last_seen');
  assert.match(lines[1], /^\d+,Omar Haddad,PER,SYR,([A-Z]{3}),SYR\1,Omar Haddad,1,1,title×1,2023-04-02,2023-04-02$/);
});

test('acta actors: help exits 0, usage errors exit 2', async (t) => {
  const help = await acta(['actors', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: acta actors/);
  assert.match((await acta(['--help'])).out, /actors .*\n.*--db FILE\|URL, default acta\.db/);

  const dir = mkdtempSync(join(tmpdir(), 'acta-actors-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const missing = await acta(['actors', '--db', join(dir, 'none.db')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no database at/);
  for (const bad of [['--format', 'xml'], ['--limit', '0'], ['--country', 'Iraq'], ['--colour'], ['Dulaimi']]) {
    const r = await acta(['actors', '--db', join(dir, 'none.db'), ...bad]);
    assert.equal(r.code, 2, bad.join(' '));
    assert.match(r.err, /^acta: /);
  }
});
