/**
 * The commands and the API on PostgreSQL give what they give on SQLite: the same sample
 * articles ingested into a SQLite file and into a PostgreSQL database list the same
 * happenings, export the same GeoJSON, and answer the API's bbox and near filters alike; a
 * bad URL is a usage error naming it, and `acta watch` refuses PostgreSQL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';
import { buildServer } from '../../server/app.js';
import { openAnyStore } from '../open.js';
import { testBackends } from '../backends.fixtures.js';

const SAMPLES = new URL('../../../samples', import.meta.url).pathname;
const postgres = testBackends().find((b) => b.name === 'postgres')!;

async function acta(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: (s) => { err += s; } });
  return { code, out, err };
}

/** Both stores of the samples, made by `acta ingest`: [SQLite file, PostgreSQL URL]. */
async function bothStores(t: { after: (fn: () => void) => void }): Promise<[string, string]> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-pg-surfaces-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'acta.db');
  const url = postgres.location(t);
  for (const db of [file, url]) {
    const r = await acta(['ingest', SAMPLES, '--db', db, '--no-progress']);
    assert.equal(r.code, 0, r.err);
  }
  return [file, url];
}

/** What differs only by when a store was written: its times. */
const timeless = (json: string) => json.replace(/"(created_at|updated_at|ingested_at)":"[^"]*"/g, '"$1":""');

test('acta events, actors, changes, ingest --reprocess and export --format geojson say the same of PostgreSQL as of SQLite', { skip: postgres.skip }, async (t) => {
  const [file, url] = await bothStores(t);
  for (const args of [['events', '--format', 'jsonl'], ['events', '--reports', '--format', 'jsonl'], ['events', '--text', 'rebel*', '--format', 'jsonl'],
    ['actors', '--format', 'jsonl'], ['export', '--format', 'geojson']]) {
    const [a, b] = [await acta([...args, '--db', file]), await acta([...args, '--db', url])];
    assert.equal(b.code, 0, b.err);
    assert.ok(a.out.length > 100, args.join(' '));
    assert.equal(timeless(b.out), timeless(a.out), args.join(' '));
  }
  // Re-coding every article with the same acta changes no happening.
  const before = await acta(['events', '--db', url, '--format', 'jsonl']);
  const reprocessed = await acta(['ingest', '--reprocess', '--db', url, '--no-progress']);
  assert.equal(reprocessed.code, 0, reprocessed.err);
  assert.equal((await acta(['events', '--db', url, '--format', 'jsonl'])).out, before.out);
  const changes = await acta(['changes', '--db', url, '--format', 'jsonl']);
  assert.equal(changes.out.trim().split('\n').length, (await acta(['changes', '--db', file, '--format', 'jsonl'])).out.trim().split('\n').length);
});

test('the API answers a bbox and a near query on PostgreSQL (PostGIS) as on SQLite', { skip: postgres.skip }, async (t) => {
  const [file, url] = await bothStores(t);
  const answers = [];
  for (const db of [file, url]) {
    const store = openAnyStore(db);
    const app = await buildServer({ store, log: () => {} } as Parameters<typeof buildServer>[0]);
    const ask = async (q: string) => {
      const r = await app.inject({ url: `/api/v1/events?reports=true&realis=any&limit=500&${q}` });
      assert.equal(r.statusCode, 200, r.body);
      return (JSON.parse(r.body).events as { id: string }[]).map((e) => e.id).sort();
    };
    // Iraq's box, Baghdad's 100 km, and a box across the antimeridian (none there).
    answers.push([await ask('bbox=38.8,29,48.6,37.4'), await ask('near=33.31,44.37,100'), await ask('bbox=170,-50,-170,50')]);
    await app.close();
    store.close();
  }
  assert.ok(answers[0][0].length > 2 && answers[0][1].length > 1, JSON.stringify(answers[0]));
  assert.deepEqual(answers[1], answers[0]);
});

test('a PostgreSQL URL that cannot be reached is a usage error naming it without its password; acta watch refuses one', { skip: postgres.skip }, async () => {
  const r = await acta(['events', '--db', 'postgres://acta:secret@127.0.0.1:1/news']);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot connect to PostgreSQL at postgres:\/\/acta:\*\*\*@127\.0\.0\.1:1\/news/);
  assert.doesNotMatch(r.err, /secret|\n\s+at /);
  const w = await acta(['watch', SAMPLES, '--once', '--db', 'postgresql://acta@127.0.0.1:1/news']);
  assert.equal(w.code, 2);
  assert.match(w.err, /acta watch keeps its feeds' state in a SQLite store/);
});
