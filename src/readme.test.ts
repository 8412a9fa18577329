/** The README shows what acta prints: its quick-start table and its JSON example are real output on samples/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from './cli/main.js';
import { packageRoot } from './util/data.js';

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

async function acta(args: string[]): Promise<string> {
  let out = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: () => {} });
  assert.equal(code, 0);
  return out;
}

test("the README's quick-start table is what acta code samples --format table prints", async () => {
  const shown = /A part of the first command's output:\n\n```\n([\s\S]*?)```/.exec(readme);
  assert.ok(shown, 'the sample output block');
  const printed = await acta(['code', join(packageRoot, 'samples'), '--format', 'table']);
  assert.ok(printed.includes(shown[1]), `README block not in the output; regenerate it with the quick-start command:\n${printed}`);
});

test("the README's JSON event is one that acta code samples --format jsonl prints", async () => {
  const shown = /```json\n([\s\S]*?)```/.exec(readme);
  assert.ok(shown, 'the JSON example');
  const example = JSON.parse(shown[1].replace(/\n /g, ''));
  const printed = (await acta(['code', join(packageRoot, 'samples'), '--format', 'jsonl'])).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(printed.find((e) => e.id === example.id), example);
});
