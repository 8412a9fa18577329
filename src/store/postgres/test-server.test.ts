/** The throwaway PostgreSQL of the tests leaves nothing behind: its process and folder go when the process that started it exits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresMissing } from './test-server.js';

const serverModule = new URL('./test-server.js', import.meta.url).href;

const CHILD = `
const { freshPostgresDatabase, testPostgresServer } = await import(process.argv[1]);
const url = freshPostgresDatabase();
process.stdout.write(JSON.stringify({ url, ...testPostgresServer() }));
`;

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

test('a process that started the test PostgreSQL stops it and removes its folder when it exits', { skip: postgresMissing() ?? false }, () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, serverModule], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const { url, pid, dir } = JSON.parse(r.stdout) as { url: string; pid: number; dir: string };
  assert.match(url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/acta_test_\d+_1$/);
  assert.ok(pid > 0);
  assert.equal(alive(pid), false, 'the postmaster is gone');
  assert.equal(existsSync(dir), false, 'its folder is removed');
});
