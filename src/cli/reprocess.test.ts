/** `acta ingest --reprocess`: every stored article coded again with this acta, its text kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../index.js';
import { openStore } from '../store/index.js';
import { packageRoot } from '../util/data.js';
import { reprocessStore } from './reprocess.js';

const bin = join(packageRoot, 'bin', 'acta.js');
function acta(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: packageRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-reprocess-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const TEXTS = [
  'Iraqi militia commander Karim al-Dulaimi said on Monday that his fighters would leave Mosul by the end of the month.',
  'Dulaimi attacked a police post near Samarra on Tuesday. Police arrested six men in Baghdad on Wednesday.',
];

test('reprocessing replaces what an older acta stored with what this one reads, article by article, text kept', (t) => {
  const path = join(tempDir(t), 'acta.db');
  const store = openStore(path);
  t.after(() => store.close());
  const fresh = TEXTS.map((text, i) => analyze({ id: `r${i}`, text, published: '2023-03-0' + (i + 1) }));
  // What an older acta might have stored: no events, and entities without codes.
  for (const doc of fresh) {
    store.saveDoc({ ...doc, events: [], entities: doc.entities.map((e) => ({ ...e, country: null, sector: null, code: null, codeSource: null })) });
  }
  assert.equal(store.countEvents(), 0);
  assert.deepEqual(store.listActors(), [], 'nothing coded, nothing learned');
  const before = store.getArticle(fresh[0].meta.hash)!;

  const summary = reprocessStore(store, undefined, { write: () => {} });

  assert.deepEqual(summary, { articles: 2, events: store.countEvents(), failed: 0 });
  assert.ok(summary.events >= 2);
  assert.equal(store.countArticles(), 2, 'no article added or lost');
  assert.deepEqual(store.getArticle(fresh[0].meta.hash), before, 'the article itself is as it was stored');
  assert.deepEqual(store.queryEvents().map((e) => e.article_id).sort(), [...fresh[0].events, ...fresh[1].events].map((e) => e.article_id).sort());
  // The registry is learned again, in storage order: the second article's "Dulaimi" is the commander.
  assert.deepEqual(store.listActors().map((e) => [e.name, e.code]), [['Karim al-Dulaimi', 'IRQREB']]);
  const attack = store.queryEvents({ event: 'ASSAULT' })[0];
  assert.equal(attack.actor[0]?.code, 'IRQREB');
  // Twice gives the same store: the analysis is replaced, not added to.
  const again = reprocessStore(store, undefined, { write: () => {} });
  assert.deepEqual(again, summary);
  assert.deepEqual(store.listActors().map((e) => [e.name, e.articles]), [['Karim al-Dulaimi', 1]], 'learned once, not once per run');
});

test('acta ingest --reprocess prints a summary; with a PATH or without a store it is a usage error that creates nothing', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'acta.db');
  assert.equal(acta(['ingest', join(packageRoot, 'samples'), '--db', db]).code, 0);
  const stored = new Database(db, { readonly: true });
  const events = stored.prepare('SELECT count(*) FROM events').pluck().get();
  stored.close();

  const r = acta(['ingest', '--reprocess', '--db', db]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, `5 article(s) re-coded with ${events} event(s), 0 failed — ${db}\n`);

  const withPath = acta(['ingest', '--reprocess', 'samples', '--db', db]);
  assert.equal(withPath.code, 2);
  assert.match(withPath.err, /--reprocess .* takes no PATH/);
  const missing = join(dir, 'none.db');
  const none = acta(['ingest', '--reprocess', '--db', missing]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no store at .*none\.db to reprocess/);
  assert.ok(!existsSync(missing));
  assert.match(acta(['ingest', '--help']).out, /--reprocess/);
});
