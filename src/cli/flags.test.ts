/**
 * Every flag a command cannot use is a usage error (exit 2) that names the flag
 * and says what it accepts; nothing is read, created or stored before that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { ploverTypes } from '../events/ontology.js';

async function acta(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: (s) => { err += s; } });
  return { code, out, err };
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-flags-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Two wires on one attack, a third on something else, stored in a fresh database. */
async function storedDb(t: { after: (fn: () => void) => void }): Promise<string> {
  const dir = tempDir(t);
  const input = join(dir, 'news.jsonl');
  writeFileSync(input, [
    { id: 'w1', published: '2023-03-05', text: 'On 4 March 2023, rebels attacked an army base near Kidal, the Malian army said.' },
    { id: 'w2', published: '2023-03-06', text: 'Rebels stormed an army base near Kidal on 4 March 2023, officials said.' },
    { id: 'w3', published: '2023-03-09', text: 'Police arrested six protesters in Bamako on 8 March 2023.' },
  ].map((a) => JSON.stringify(a)).join('\n') + '\n');
  const db = join(dir, 'acta.db');
  const r = await acta(['ingest', input, '--db', db]);
  assert.equal(r.code, 0, r.err);
  return db;
}

async function usageError(args: string[], flag: RegExp) {
  const r = await acta(args);
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
  assert.match(r.err, flag, args.join(' '));
  return r;
}

test('dates must be days, months and years of the calendar', async (t) => {
  const db = await storedDb(t);
  await usageError(['code', '--published', '2024-02-30', '-'], /--published must be a day of the calendar, YYYY-MM-DD \(got "2024-02-30"\)/);
  await usageError(['ingest', 'x.txt', '--published', '2023-02-29', '--db', db], /--published/);
  await usageError(['events', '--db', db, '--from', '2021-13'], /--from must be .*YYYY, YYYY-MM or YYYY-MM-DD \(got "2021-13"\)/);
  await usageError(['events', '--db', db, '--to', '2021-02-30'], /--to must be/);
  await usageError(['events', '--db', db, '--realis', 'maybe'], /--realis must be one of actual, future, hypothetical, negated, any \(got "maybe"\)/);
  await usageError(['events', '--db', db, '--from', '2021-00'], /--from/);
  await usageError(['events', '--db', db, '--from', '2023-04', '--to', '2023-03'], /--from 2023-04 is after --to 2023-03/);
  const leap = await acta(['events', '--db', db, '--from', '2024-02-29', '--format', 'jsonl']);
  assert.equal(leap.code, 0, leap.err);
  const march = await acta(['events', '--db', db, '--from', '2023-03', '--to', '2023-03-04', '--format', 'jsonl']);
  assert.equal(march.code, 0, march.err);
  assert.ok(march.out.trim().split('\n').every((l) => JSON.parse(l).date === '2023-03-04'));
});

test('--event names a PLOVER type from data/plover.tsv, in any case; anything else lists them', async (t) => {
  const db = await storedDb(t);
  const r = await usageError(['events', '--db', db, '--event', 'FOO'], /--event must be a PLOVER event type: .* \(got "FOO"\)/);
  for (const type of ploverTypes().map((x) => x.event)) assert.match(r.err, new RegExp(`\\b${type}\\b`));
  const assaults = await acta(['events', '--db', db, '--event', 'assault', '--format', 'jsonl']);
  assert.equal(assaults.code, 0);
  assert.ok(assaults.out.trim().split('\n').every((l) => JSON.parse(l).event === 'ASSAULT'));
});

test('numbers: --limit is a whole number from 1, --min-confidence a number from 0 to 1', async (t) => {
  const db = await storedDb(t);
  for (const bad of ['-1', '0', '1.5', 'ten', '1e3', '0x10']) {
    const r = await usageError(['events', '--db', db, '--limit', bad], /--limit must be a whole number from 1 up/);
    assert.doesNotMatch(r.err, /ambiguous/);
    await usageError(['actors', '--db', db, '--limit', bad], /--limit/);
  }
  for (const bad of ['-0.5', '1.5', 'high', '0x1', '']) {
    await usageError(['code', '--min-confidence', bad, '-'], bad === '' ? /--min-confidence needs a value/ : /--min-confidence must be a number from 0 to 1/);
  }
});

test('--country is a country code acta knows', async (t) => {
  const db = await storedDb(t);
  await usageError(['events', '--db', db, '--country', 'xx'], /--country must be an ISO 3166 alpha-3 country code/);
  await usageError(['events', '--db', db, '--country', 'XYZ'], /--country .*\(got "XYZ"\)/);
  await usageError(['actors', '--db', db, '--country', 'ZZZ'], /--country/);
  const mali = await acta(['events', '--db', db, '--country', 'mli', '--format', 'jsonl']);
  assert.equal(mali.code, 0, mali.err);
  assert.ok(mali.out.trim().length > 0);
});

test('--text searches words as words: FTS5 syntax in them is no error, and a query with nothing to search is a usage error', async (t) => {
  const db = await storedDb(t);
  await usageError(['events', '--db', db, '--text', '*'], /--text needs a word to search for/);
  await usageError(['events', '--db', db, '--text', '" - ^'], /--text/);
  const found = async (q: string) => {
    const r = await acta(['events', '--db', db, '--reports', '--text', q, '--format', 'jsonl']);
    assert.equal(r.code, 0, `${q}: ${r.err}`);
    return new Set(r.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).article_id));
  };
  assert.deepEqual(await found('Kidal'), new Set(['w1', 'w2']));
  assert.deepEqual(await found('army Kidal*'), new Set(['w1', 'w2']));
  assert.deepEqual(await found('"army base" stormed'), new Set(['w2']));
  assert.deepEqual(await found('Bamako OR Kidal'), new Set(), 'OR is a word here, and no article has it');
  assert.deepEqual(await found('Kidal: NEAR('), new Set(['w1', 'w2']));
  assert.deepEqual(await found('protest*'), new Set(['w3']));
});

test('--limit with --dedupe counts happenings: every report is merged first', async (t) => {
  const db = await storedDb(t);
  const r = await acta(['events', '--db', db, '--event', 'ASSAULT', '--dedupe', '--limit', '1', '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const happenings = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(happenings.length, 1);
  assert.equal(happenings[0].reports, 2, 'both wires on the Kidal attack');
});

test('--min-sources counts outlets and goes without --reports; --reports and --dedupe do not go together', async (t) => {
  const db = await storedDb(t);
  await usageError(['events', '--db', db, '--min-sources', '0'], /--min-sources must be a whole number from 1 up/);
  await usageError(['events', '--db', db, '--reports', '--min-sources', '2'], /--min-sources counts a happening's outlets/);
  await usageError(['events', '--db', db, '--reports', '--dedupe'], /give one of them/);
  const one = await acta(['events', '--db', db, '--min-sources', '1', '--format', 'jsonl']);
  assert.equal(one.code, 0, one.err);
  assert.ok(one.out.trim().split('\n').every((l) => JSON.parse(l).sources >= 1));
});

test('a path that does not exist is a usage error, and no database is created for it', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'new.db');
  await usageError(['ingest', join(dir, 'nonexistent'), '--db', db], /no such file or directory: .*nonexistent/);
  assert.equal(existsSync(db), false);
  await usageError(['code', join(dir, 'nonexistent.txt'), '--db', db], /no such file or directory/);
  assert.equal(existsSync(db), false);
  await usageError(['events', '--db', db], /--db: no database at/);
  assert.equal(existsSync(db), false);
});

test('--db must be a SQLite file: a directory or another kind of file is a clear usage error', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'a.txt');
  writeFileSync(input, 'Police arrested six protesters in Bamako on 8 March 2023.\n');
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'these are my notes, not a database\n');
  for (const cmd of [['ingest', input], ['code', input], ['events'], ['actors']]) {
    await usageError([...cmd, '--db', folder], /--db must name a SQLite file, not a directory/);
    await usageError([...cmd, '--db', notes], /--db: .*notes\.txt is not a SQLite database/);
  }
});

test('events and actors take no stray arguments; an empty value is named', async (t) => {
  const db = await storedDb(t);
  await usageError(['events', '--db', db, 'Kidal'], /unexpected argument "Kidal"/);
  await usageError(['events', '--db', db, '--actor', ''], /--actor needs a value/);
});
