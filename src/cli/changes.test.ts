import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { openStore } from '../store/index.js';
import { attackDoc } from '../store/happenings.fixtures.js';

async function acta(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: (s) => { err += s; } });
  return { code, out, err };
}

test('acta changes follows the feed: created, then updated when a later article joins and when one of its articles is deleted; --since takes the last cursor or a time', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-changes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'acta.db');
  const store = openStore(db);
  const a = attackDoc({ id: 'a', published: '2023-05-04', day: '2023-05-03' });
  store.saveDoc(a);
  store.saveDoc(attackDoc({ id: 'other', published: '2023-05-04', day: '2023-05-09' }));
  const first = await acta(['changes', '--db', db, '--format', 'json', '--limit', '1']);
  assert.equal(first.code, 0, first.err);
  const page = JSON.parse(first.out);
  assert.equal(page.changes.length, 1);
  assert.equal(page.changes[0].kind, 'created');
  const id = page.changes[0].id;
  assert.equal(page.next, page.changes[0].seq);

  store.saveDoc(attackDoc({ id: 'b', published: '2023-05-11', day: '2023-05-03' }));
  store.deleteArticle(a.meta.hash);
  store.close();
  const rest = await acta(['changes', '--db', db, '--since', String(page.next), '--format', 'jsonl']);
  const lines = rest.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.slice(0, -1).map((c) => [c.kind, c.id === id]), [['created', false], ['updated', true], ['updated', true]]);
  const next = lines.at(-1).next;
  assert.equal(next, lines.at(-2).seq);
  const nothing = await acta(['changes', '--db', db, '--since', String(next), '--format', 'json']);
  assert.deepEqual(JSON.parse(nothing.out), { changes: [], next });

  const fromTime = await acta(['changes', '--db', db, '--since', lines[1].at]);
  assert.match(fromTime.out, /^SEQ\s+AT\s+KIND\s+HAPPENING/);
  assert.match(fromTime.out, new RegExp(`updated\\s+${id}`));
  assert.match(fromTime.out, new RegExp(`change\\(s\\); next: --since ${next}\\n$`));
  const late = await acta(['changes', '--db', db, '--since', '2999-01-01', '--format', 'json']);
  assert.deepEqual(JSON.parse(late.out), { changes: [], next }, 'nothing after the time: the cursor is the latest change');
  const bad = await acta(['changes', '--db', db, '--since', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--since must be a change's sequence number or an ISO 8601 day or time/);
});
