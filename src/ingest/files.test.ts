import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { articleHash, isProblem } from './common.js';
import { MAX_INPUT_BYTES, readInputs, sniffKind, type ReadOptions } from './files.js';
import { readFixture } from './fixtures.js';

async function collect(paths: string[], opts?: ReadOptions): Promise<(IngestedArticle | InputProblem)[]> {
  const out: (IngestedArticle | InputProblem)[] = [];
  for await (const x of readInputs(paths, opts)) out.push(x);
  return out;
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-ingest-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const oneStory = 'Ferry service resumes\n\nThe island ferry sailed again on Friday after a week of storms.\n';

test('the size limit is 20 MiB per input', () => {
  assert.equal(MAX_INPUT_BYTES, 20 * 1024 * 1024);
});

test('a directory is read recursively, in name order, skipping hidden files, node_modules and pictures', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  mkdirSync(join(dir, '.cache'));
  writeFileSync(join(dir, 'a.txt'), readFixture('dispatch.txt'));
  writeFileSync(join(dir, 'b', 'page.htm'), readFixture('harbour.html'));
  writeFileSync(join(dir, 'b', 'deeper', 'batch.ndjson'), '{"id":"n1","text":"Snow closed the pass."}\n{"id":"n2"}\n');
  writeFileSync(join(dir, 'c'), oneStory); // no extension: sniffed as text
  writeFileSync(join(dir, '.hidden.txt'), oneStory);
  writeFileSync(join(dir, '.cache', 'x.txt'), oneStory);
  writeFileSync(join(dir, 'node_modules', 'y.txt'), oneStory);
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));

  const out = await collect([dir]);
  const summary = out.map((x) => (isProblem(x) ? `problem ${x.origin}:${x.line}` : x.meta.origin));
  assert.deepEqual(summary, [
    join(dir, 'a.txt'),
    join(dir, 'b', 'deeper', 'batch.ndjson') + ':1',
    `problem ${join(dir, 'b', 'deeper', 'batch.ndjson')}:2`,
    join(dir, 'b', 'page.htm'),
    join(dir, 'c'),
  ]);
});

test('each bad input is one problem naming it, and the other inputs are still read', async (t) => {
  const dir = tempDir(t);
  const file = (name: string, bytes: Buffer | string) => { writeFileSync(join(dir, name), bytes); return join(dir, name); };
  const good = file('good.txt', oneStory);
  const empty = file('empty.txt', '');
  const blank = file('blank.txt', '  \n\n');
  const nul = file('nul.txt', Buffer.from('line one\nline\u0000two', 'utf8'));
  const control = file('control.txt', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
  const latin1 = file('latin1.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' society\nsecond line\n')]));
  const big = file('big.txt', 'x'.repeat(2048));
  const missing = join(dir, 'nowhere.txt');
  const emptyDir = join(dir, 'nothing');
  mkdirSync(emptyDir);

  const out = await collect([empty, blank, nul, control, latin1, big, missing, emptyDir, good], { maxBytes: 1024 });
  const byOrigin = new Map(out.filter(isProblem).map((p) => [p.origin, p]));
  assert.equal(byOrigin.get(empty)?.message, 'empty file');
  assert.equal(byOrigin.get(blank)?.message, 'empty file');
  assert.match(byOrigin.get(nul)!.message, /binary file \(NUL bytes\)/);
  assert.equal(byOrigin.get(nul)!.line, 2);
  assert.match(byOrigin.get(control)!.message, /binary file \(control characters\)/);
  assert.match(byOrigin.get(latin1)!.message, /not valid UTF-8 \(byte 3\)/);
  assert.equal(byOrigin.get(latin1)!.line, 1);
  assert.match(byOrigin.get(big)!.message, /over the 1024-byte limit/);
  assert.equal(byOrigin.get(missing)?.message, 'no such file or directory');
  assert.equal(byOrigin.get(emptyDir)?.message, 'directory holds no input files');
  assert.equal(out.length, 9);
  const last = out[out.length - 1];
  assert.ok(!isProblem(last));
  assert.equal(last.meta.title, 'Ferry service resumes');
});

test('a UTF-8 byte order mark is stripped; UTF-16 with a BOM is decoded', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(oneStory)]));
  writeFileSync(join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oneStory, 'utf16le')]));
  const out = await collect([join(dir, 'bom.txt'), join(dir, 'wide.txt')]);
  for (const a of out) {
    assert.ok(!isProblem(a));
    assert.equal(a.text, oneStory);
    assert.equal(a.meta.hash, articleHash(oneStory));
    assert.equal(a.meta.title, 'Ferry service resumes');
  }
});

test('a Latin-1 or Windows-1252 file is read with the encoding asked for; refused as UTF-8, the message says how', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'old.txt');
  // "Café" in Latin-1, and a Windows-1252 curly quote (0x93 / 0x94) around "protest".
  writeFileSync(path, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners call a '), Buffer.from([0x93]), Buffer.from('protest'), Buffer.from([0x94]), Buffer.from(' on Monday.\n')]));
  const [refused] = await collect([path]);
  assert.ok(isProblem(refused));
  assert.match(refused.message, /not valid UTF-8 .*--encoding latin1/);
  for (const encoding of ['latin1', 'windows-1252'] as const) {
    const [article] = await collect([path], { encoding });
    assert.ok(!isProblem(article), JSON.stringify(article));
    assert.match(article.text, /^Café owners call a “protest” on Monday\./);
  }
  const jsonl = join(dir, 'old.jsonl');
  writeFileSync(jsonl, Buffer.concat([Buffer.from('{"id":"a","text":"Caf'), Buffer.from([0xe9]), Buffer.from(' owners protested."}\n')]));
  const [fromBatch] = await collect([jsonl], { encoding: 'latin1' });
  assert.ok(!isProblem(fromBatch));
  assert.equal(fromBatch.text, 'Café owners protested.');
});

test('stdin ("-") is sniffed: JSON lines, HTML or text', async () => {
  const jsonl = await collect(['-'], { stdin: '{"id":"s1","text":"Border crossing reopened."}\n{"id":"s2","text":"Curfew lifted."}\n' });
  assert.deepEqual(jsonl.map((a) => (isProblem(a) ? a.message : a.meta.origin)), ['-:1', '-:2']);
  const html = await collect(['-'], { stdin: Buffer.from(readFixture('harbour.html')) });
  assert.ok(!isProblem(html[0]) && html[0].meta.published === '2023-04-12');
  async function* chunks() { yield Buffer.from('Ferry service '); yield 'resumes\n\nThe island ferry sailed again.\n'; }
  const text = await collect(['-'], { stdin: chunks() });
  assert.ok(!isProblem(text[0]) && text[0].meta.title === 'Ferry service resumes');
  assert.deepEqual(await collect(['-'], { stdin: '' }), [{ origin: '-', line: null, message: 'empty file' }]);
  async function* flood() { for (let i = 0; i < 10; i++) yield Buffer.alloc(100, 0x61); }
  assert.deepEqual(await collect(['-'], { stdin: flood(), maxBytes: 500 }),
    [{ origin: '-', line: null, message: 'input larger than the 500-byte limit' }]);
});

test('unknown extensions and .json files: content decides', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'page.php'), readFixture('harbour.html'));
  writeFileSync(join(dir, 'list.json'), JSON.stringify([{ id: 'j1', text: 'One.' }, { id: 'j2', text: 'Two.' }]));
  const out = await collect([join(dir, 'page.php'), join(dir, 'list.json')]);
  assert.deepEqual(out.map((a) => (isProblem(a) ? a.message : a.meta.id)).slice(1), ['j1', 'j2']);
  assert.ok(!isProblem(out[0]) && out[0].meta.author === 'Mira Castell');
  assert.equal(sniffKind('  <!doctype html>'), 'html');
  assert.equal(sniffKind('{"text":"x"}\n{"text":"y"}'), 'jsonl');
  assert.equal(sniffKind('{"text":"x"}\r{"text":"y"}'), 'jsonl');
  assert.equal(sniffKind('{\n  "text": "x"\n}'), 'json');
  assert.equal(sniffKind('[{"text":"x"}]'), 'json');
  assert.equal(sniffKind('Plain words'), 'text');
});
