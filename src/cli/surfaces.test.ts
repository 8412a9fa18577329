/**
 * What a person meets at the terminal: text from articles and file names shown
 * without driving the terminal, a progress line only on a terminal, encodings
 * other than UTF-8 on request, and help that says what each command needs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, MAIN_HELP } from './main.js';
import { actorTable } from './actors.js';

async function acta(args: string[], errIsTTY = false) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: (s) => { err += s; }, isTTY: errIsTTY });
  return { code, out, err };
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-surfaces-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Any character that makes a terminal do something: C0 but newline, DEL, C1, bidi overrides and isolates. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('a title with escape sequences is shown, not obeyed, in the table and its messages', async (t) => {
  const dir = tempDir(t);
  const batch = join(dir, 'batch.jsonl');
  const title = '\u001b]0;pwned\u0007\u001b[2JRebels \u202eattack\u202c base';
  writeFileSync(batch, JSON.stringify({ id: 'esc', title, published: '2023-03-05', text: 'On 4 March 2023, rebels attacked an army base near Kidal.' }) + '\n');
  const bad = join(dir, 'empty\u001b[31m.txt');
  writeFileSync(bad, '');
  const db = join(dir, 'acta.db');
  const r = await acta(['code', batch, bad, '--format', 'table', '--db', db]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.out, TERMINAL_CONTROL);
  assert.doesNotMatch(r.err, TERMINAL_CONTROL);
  assert.match(r.out, /\\x1b\]0;pwned\\x07\\x1b\[2JRebels \\u202eattack\\u202c base/, 'the title is still there to read');
  assert.match(r.err, /empty\\x1b\[31m\.txt: empty file/);

  const events = await acta(['events', '--db', db]);
  assert.doesNotMatch(events.out, TERMINAL_CONTROL);
});

test('names an actor was written under are shown, not obeyed, in the actors table', () => {
  const entry = {
    id: 1, name: 'Omar \u001b[8mHaddad', type: 'PER', country: 'SYR', sector: 'GOV', code: 'SYRGOV',
    names: ['Omar \u001b[8mHaddad', 'O. Haddad\u202e'], articles: 1, firstSeen: '2023-04-02', lastSeen: '2023-04-02',
    evidence: [{ source: 'title', country: 'SYR', sector: 'GOV', count: 1, firstSeen: '2023-04-02', lastSeen: '2023-04-02', examples: [] }],
  };
  const table = actorTable([entry]);
  assert.doesNotMatch(table, TERMINAL_CONTROL);
  assert.match(table, /Omar \\x1b\[8mHaddad .* O\. Haddad\\u202e\n/);
});

test('a progress line on a terminal: redrawn in place, cleared at the end; none when stderr is not a terminal', async (t) => {
  const dir = tempDir(t);
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `a${i}.txt`), `Police arrested ${i + 2} men in Bamako on 8 March 2023.\n`);
  const tty = await acta(['code', dir, '--format', 'jsonl'], true);
  assert.equal(tty.code, 0, tty.err);
  assert.match(tty.err, /\r\u001b\[K(acta: 1\/3 article\(s\), [\d.]+\/s, about \d+s left)/);
  assert.ok(tty.err.endsWith('\r\u001b[K'), 'the line is cleared at the end');
  const piped = await acta(['code', dir, '--format', 'jsonl']);
  assert.equal(piped.err, '');
  const quiet = await acta(['code', dir, '--format', 'jsonl', '--no-progress'], true);
  assert.equal(quiet.err, '');
});

test('--encoding latin1 reads a Latin-1 file the UTF-8 reading refuses, and the refusal says so', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'old.txt');
  writeFileSync(file, Buffer.concat([Buffer.from('Police arrested six men in Bamako on 8 March 2023, said the caf'), Buffer.from([0xe9]), Buffer.from(' owner.\n')]));
  const refused = await acta(['code', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /not valid UTF-8 .*--encoding latin1/);
  const read = await acta(['analyze', file, '--encoding', 'latin1']);
  assert.equal(read.code, 0, read.err);
  assert.match(JSON.parse(read.out).text, /café owner/);
  assert.equal((await acta(['ingest', file, '--encoding', 'ebcdic', '--db', join(dir, 'x.db')])).code, 2);
});

test('the top-level help lists every output format and says where each command stores by default', () => {
  assert.match(MAIN_HELP, /plover/);
  assert.match(MAIN_HELP, /ingest PATH\.\.\. .*\n.*default acta\.db/);
  assert.match(MAIN_HELP, /events .*default acta\.db/);
  assert.doesNotMatch(MAIN_HELP, /ingest PATH\.\.\. --db FILE/);
});
