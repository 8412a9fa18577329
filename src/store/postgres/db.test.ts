/** The pieces of the PostgreSQL store that need no server: SQL rewriting, the search query, partitions, messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberParameters, PgError, redactUrl, toPostgres } from './db.js';
import { storeWriteFailure } from '../store.js';
import { isPostgresUrl, monthOf, partitionName } from './store.js';
import { tsQuery } from '../text-query.js';

test('? and @name parameters become $n outside quotes; a name used twice is one parameter', () => {
  assert.deepEqual(numberParameters(`SELECT * FROM t WHERE a = ? AND b LIKE '%?%' AND c = ?`), { text: `SELECT * FROM t WHERE a = $1 AND b LIKE '%?%' AND c = $2`, names: [] });
  assert.deepEqual(numberParameters('INSERT INTO t (a, b, c) VALUES (@a, @b, @a)'), { text: 'INSERT INTO t (a, b, c) VALUES ($1, $2, $1)', names: ['a', 'b'] });
  assert.equal(numberParameters('SELECT "we?ird" FROM t WHERE x = ?').text, 'SELECT "we?ird" FROM t WHERE x = $1');
  assert.equal(numberParameters('CREATE FUNCTION f() RETURNS int AS $$ SELECT ?; $$').text, 'CREATE FUNCTION f() RETURNS int AS $$ SELECT ?; $$');
});

test('SQLite spellings PostgreSQL writes otherwise: LIKE ignores case (ILIKE), INDEXED BY hints go', () => {
  assert.equal(toPostgres('SELECT num FROM events e INDEXED BY events_date WHERE e.x LIKE ?'), 'SELECT num FROM events e  WHERE e.x ILIKE ?');
});

test('a search becomes a tsquery of phrases and prefixes, every value a parameter', () => {
  assert.deepEqual(tsQuery('shelled "the airport" milit*'), {
    sql: `(phraseto_tsquery('simple', ?) && phraseto_tsquery('simple', ?) && to_tsquery('simple', ?))`,
    params: ['shelled', 'the airport', `'milit':*`],
  });
  assert.deepEqual(tsQuery(`o'bri*`)?.params, [`'o''bri':*`]);
  assert.equal(tsQuery('* ""'), null);
});

test('an event goes to the partition of its date\'s month; undated and year-only events to the default one', () => {
  assert.equal(monthOf('2021-01-07'), '2021-01');
  assert.equal(monthOf('2021-01'), '2021-01');
  assert.equal(monthOf('2021'), '');
  assert.equal(monthOf(null), '');
  assert.equal(partitionName('2021-01'), 'events_2021_01');
});

test('postgres:// and postgresql:// URLs name PostgreSQL, and a password is never shown', () => {
  assert.ok(isPostgresUrl('postgres://acta@db/news') && isPostgresUrl('postgresql://acta@db/news') && isPostgresUrl('POSTGRES://x'));
  assert.ok(!isPostgresUrl('acta.db') && !isPostgresUrl('./postgres://x') && !isPostgresUrl('file:acta.db'));
  assert.equal(redactUrl('postgres://acta:s3cr@t@db:5432/news'), 'postgres://acta:***@db:5432/news');
  assert.equal(redactUrl('postgres://acta@db/news'), 'postgres://acta@db/news');
});

test('PostgreSQL failing as a whole (connection lost, disk full, shutting down) stops an ingest; one article\'s error does not', () => {
  const url = 'postgres://acta@db/news';
  for (const code of ['08006', '53100', '57P01', 'ECONNREFUSED']) {
    assert.match(storeWriteFailure(new PgError('gone', code), url) ?? '', /^cannot write to the store postgres:\/\/acta@db\/news: gone/, code);
  }
  for (const code of ['23505', '23502', '22P02', undefined]) assert.equal(storeWriteFailure(new PgError('bad row', code), url), null, String(code));
});
