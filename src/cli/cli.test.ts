/**
 * The CLI contract outside tools rely on: `acta code` prints DESIGN.md's event
 * objects (fields, types, offsets into the text as given), `acta analyze` every
 * layer, exit codes 0/1/2, problems on stderr naming the input; `acta ingest`
 * and `acta events` store and list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../util/data.js';

const bin = join(packageRoot, 'bin', 'acta.js');
function acta(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: packageRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ARTICLE = 'On 4 March 2023, rebels attacked an army base near Kidal, the Malian army said. Police arrested six men in Bamako on Monday.';

test('acta code prints contract events with offsets into the text as given', () => {
  const line = JSON.stringify({ id: 'a-1', text: ARTICLE, published: '2023-03-08' });
  const r = acta(['code', '-', '--format', 'jsonl'], line + '\n');
  assert.equal(r.code, 0, r.err);
  const events = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.length >= 2);
  for (const e of events) {
    for (const k of ['id', 'article_id', 'event', 'mode', 'context', 'cameo', 'goldstein', 'quad_class', 'date', 'date_precision',
      'date_text', 'actor', 'recipient', 'location', 'attribution', 'negated', 'realis', 'sentence', 'trigger', 'confidence']) {
      assert.ok(k in e, `missing ${k}`);
    }
    assert.equal(e.article_id, 'a-1');
    assert.equal(typeof e.goldstein, 'number');
    assert.ok([1, 2, 3, 4].includes(e.quad_class));
    assert.ok(Array.isArray(e.mode) && Array.isArray(e.context));
    assert.ok(['day', 'month', 'year', 'unknown'].includes(e.date_precision));
    assert.equal(ARTICLE.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    assert.equal(ARTICLE.slice(e.sentence.start, e.sentence.end).includes(e.trigger.text), true);
    for (const a of [...e.actor, ...e.recipient]) {
      assert.equal(ARTICLE.slice(a.start, a.end), a.text);
      for (const k of ['text', 'start', 'end', 'name', 'type', 'country', 'sector', 'code']) assert.ok(k in a);
    }
    if (e.location) assert.equal(ARTICLE.slice(e.location.start, e.location.end), e.location.text);
    assert.ok('source' in e.attribution && 'cue' in e.attribution && 'certainty' in e.attribution);
  }
  const attack = events.find((e) => e.event === 'ASSAULT');
  assert.equal(attack.date, '2023-03-04');
  assert.equal(attack.location.name, 'Kidal');
  assert.equal(attack.attribution.certainty, 'reported');
  const arrest = events.find((e) => e.trigger.text === 'arrested');
  assert.equal(arrest.date, '2023-03-06', 'Monday before a Wednesday publication');
});

test('acta analyze prints every layer with DESIGN field names', () => {
  const r = acta(['analyze', '-', '--published', '2023-03-08'], ARTICLE);
  assert.equal(r.code, 0, r.err);
  const rec = JSON.parse(r.out.trim());
  for (const k of ['article', 'dropped', 'sentences', 'entities', 'times', 'places', 'events']) assert.ok(k in rec, k);
  for (const k of ['id', 'title', 'author', 'published', 'source', 'url']) assert.ok(k in rec.article, k);
  assert.equal(rec.sentences.length, 2);
  for (const e of rec.entities) {
    assert.ok(['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
    assert.equal(ARTICLE.slice(e.start, e.end), e.text);
  }
  const t = rec.times.find((x: { text: string }) => x.text.includes('March 2023'));
  assert.equal(t.type, 'DATE');
  assert.equal(t.value, '2023-03-04');
  assert.ok(rec.places.some((p: { name: string; country: string }) => p.name === 'Bamako' && p.country === 'MLI'));
});

test('exit 1 when an input fails, and the others are still coded; problems name the input and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-cli-'));
  writeFileSync(join(dir, 'good.txt'), ARTICLE);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
  writeFileSync(join(dir, 'batch.jsonl'), `${JSON.stringify({ id: 'x', text: ARTICLE })}\n{not json\n`);
  const r = acta(['code', dir, '--published', '2023-03-08']);
  assert.equal(r.code, 1);
  assert.match(r.err, /empty\.txt/);
  assert.match(r.err, /binary\.txt/);
  assert.match(r.err, /batch\.jsonl:2/);
  const events = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.some((e) => e.article_id === 'x'));
  assert.ok(events.some((e) => e.article_id !== 'x'));
});

test('usage errors exit 2 with a message', () => {
  assert.equal(acta(['code', '--format', 'xml', 'x.txt']).code, 2);
  assert.equal(acta(['code', '--published', '18.01.2021', 'x.txt']).code, 2);
  assert.equal(acta(['frobnicate']).code, 2);
  const r = acta(['code', '--no-such-flag']);
  assert.equal(r.code, 2);
  assert.match(r.err, /no-such-flag/);
});

test('every command has --help', () => {
  for (const c of ['code', 'analyze', 'ingest', 'events', 'worker', 'queue']) {
    const r = acta([c, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`Usage: acta ${c}`));
  }
});

test('ingest stores once; events lists with filters and formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-db-'));
  const db = join(dir, 'test.db');
  const input = join(packageRoot, 'samples');
  const first = acta(['ingest', input, '--db', db]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /5 article\(s\) stored/);
  const again = acta(['ingest', input, '--db', db]);
  assert.match(again.out, /0 article\(s\) stored .* 5 already stored/);
  const all = acta(['events', '--db', db, '--reports', '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
  // By default only what the articles say happened; --realis asks for the rest.
  assert.ok(all.every((e) => e.realis === 'actual'));
  const any = acta(['events', '--db', db, '--reports', '--realis', 'any', '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(any.length > all.length, 'the samples tell of a planned attack and a retaliation that did not come');
  const negated = acta(['events', '--db', db, '--reports', '--realis', 'negated', '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(negated.length > 0 && negated.every((e) => e.realis === 'negated' && e.negated));
  const assaults = acta(['events', '--db', db, '--reports', '--event', 'assault', '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(assaults.length > 0 && assaults.length < all.length);
  assert.ok(assaults.every((e) => e.event === 'ASSAULT'));
  const iraq2021 = acta(['events', '--db', db, '--reports', '--country', 'IRQ', '--from', '2021-01', '--to', '2021-01', '--format', 'json']);
  const list = JSON.parse(iraq2021.out);
  assert.ok(list.length > 0 && list.every((e: { date: string }) => e.date.startsWith('2021-01')));
  const csv = acta(['events', '--db', db, '--reports', '--text', 'Kidal', '--format', 'csv']).out.trim().split('\n');
  assert.match(csv[0], /^id,article_id,date/);
  assert.ok(csv.length > 1);
  const table = acta(['events', '--db', db, '--actor', 'IRN']);
  assert.match(table.out, /DATE\s+EVENT/);
  // By default one record per happening across articles, with how many reports it merges (an
  // article's own mentions of one happening are already one event): a second wire's report of the Kidal clash.
  const second = join(dir, 'kidal.txt');
  writeFileSync(second, 'Clashes near Kidal\n\nMalian troops clashed with rebel fighters near Kidal on March 10, 2023, a military source said.\n');
  assert.equal(acta(['ingest', second, '--db', db, '--published', '2023-03-15']).code, 0);
  const stored = acta(['events', '--db', db, '--reports', '--format', 'jsonl']).out.trim().split('\n').length;
  const happenings = acta(['events', '--db', db, '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(happenings.length < stored);
  const kidal = happenings.find((h) => h.reports === 2 && h.event === 'ASSAULT' && h.date === '2023-03-10');
  assert.ok(kidal);
  assert.equal(kidal.articles, 2);
  assert.equal(happenings.reduce((n, h) => n + h.reports, 0), stored);
  assert.ok(happenings.every((h) => h.report_ids.length === h.reports && h.report_ids.includes(h.representative.report)));
  // --dedupe, the old way to ask for happenings, lists the same; --min-sources 2 keeps what two outlets told (the samples name none: one source).
  assert.equal(acta(['events', '--db', db, '--dedupe', '--format', 'jsonl']).out, acta(['events', '--db', db, '--format', 'jsonl']).out);
  assert.equal(acta(['events', '--db', db, '--min-sources', '2', '--format', 'jsonl']).out, '');
  const happeningTable = acta(['events', '--db', db]).out;
  assert.match(happeningTable, /^REPORTS SOURCES DATE\s+EVENT/);
  assert.match(happeningTable, /\n {6}2 {7}1 2023-03-10 ASSAULT/);
});

test('acta code --actors FILE codes the names the user\'s dictionary knows; a bad file is a usage error naming its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-cli-actors-'));
  const good = join(dir, 'ours.csv');
  writeFileSync(good, 'names,type,country,sector\nKaduna Vigilance Service|KVS,ORG,NGA,COP\n');
  const line = JSON.stringify({ id: 'a-2', text: 'Residents accused the KVS of abuses on Monday.', published: '2024-02-01' });
  const r = acta(['code', '-', '--actors', good], line + '\n');
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.split('\n').some((l) => l && JSON.parse(l).recipient.some((a: { code: string }) => a.code === 'NGACOP')), r.out);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'names,type,country,sector\nKVS,ORG,NGR,COP\n');
  const b = acta(['code', '-', '--actors', bad], line + '\n');
  assert.equal(b.code, 2);
  assert.match(b.err, /bad\.csv:2: unknown country "NGR"/);
});
