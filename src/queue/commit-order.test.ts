/** When the holder of a stream sequence may commit it: the rule that keeps many workers' store equal to one process's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayCommit } from './commit-order.js';

const never = async () => { throw new Error('the stream need not be asked'); };

test('a sequence may be committed once the one before it is recorded in the store', async () => {
  assert.equal(await mayCommit(5, 4, never, true), true);
  assert.equal(await mayCommit(5, 3, async () => true, true), false, '4 is still in the stream: someone holds it, or will');
});

test('a sequence recorded already (a worker committed it and died before acknowledging) may be committed again: the store refuses the copy', async () => {
  assert.equal(await mayCommit(5, 9, never, true), true);
});

test('the first sequence of a stream waits for nothing', async () => {
  assert.equal(await mayCommit(1, 0, never, true), true);
});

test('on a store that recorded nothing from there, a predecessor no longer in the stream was consumed elsewhere (an earlier run): go ahead', async () => {
  const asked: number[] = [];
  const inStream = async (seq: number) => { asked.push(seq); return false; };
  assert.equal(await mayCommit(2001, 0, inStream, true), true);
  assert.deepEqual(asked, [2000]);
});

test('the stream is asked only when the caller says so (it polls the store more often than the stream)', async () => {
  assert.equal(await mayCommit(2001, 0, never, false), false);
});
