import test from 'node:test';
import assert from 'node:assert/strict';
import { runActa, startupBench } from './process-figures.js';
import { parseBenchArgs } from './run.js';

test("a started acta process reports when it first wrote, when it ended, its peak memory and its CPU time", async () => {
  const f = await runActa(['--help']);
  assert.ok(f.first_output_ms !== null && f.first_output_ms > 0);
  assert.ok(f.exit_ms >= f.first_output_ms);
  assert.ok(f.max_rss_kb > 10_000, `peak RSS ${f.max_rss_kb} KB`);
  assert.ok(f.cpu_ms > 0);
});

test('a command that fails is an error naming it', async () => {
  await assert.rejects(runActa(['code', '--no-such-flag', 'samples']), /acta code --no-such-flag samples exited/);
});

test('the bench reads --startup and --rss with its article counts', () => {
  assert.deepEqual([parseBenchArgs(['--startup']).startup, parseBenchArgs([]).startup], [true, false]);
  assert.deepEqual(parseBenchArgs(['--rss', '1000,5000']).rss, [1000, 5000]);
  assert.equal(parseBenchArgs([]).rss, null);
});

test('the start-up bench times --help, coding the small sample and listing a store, each run', async () => {
  const out = await startupBench(1, () => {}) as Record<string, { first_output_ms: { median: number | null }; exit_ms: { median: number | null } }>;
  for (const command of ['help', 'code_small_article', 'events_small_store']) {
    assert.ok((out[command].first_output_ms.median ?? 0) > 0, command);
    assert.ok((out[command].exit_ms.median ?? 0) >= (out[command].first_output_ms.median ?? 0), command);
  }
});

test('--queue measures the work queue with 1 and 2 workers unless --workers says otherwise', () => {
  assert.deepEqual(parseBenchArgs(['--queue']).queue, [1, 2]);
  assert.deepEqual(parseBenchArgs(['--queue', '--workers', '1,3']).queue, [1, 3]);
  assert.equal(parseBenchArgs([]).queue, null);
});
