/**
 * A throwaway PostgreSQL for the tests: `initdb` into a temporary folder, `postgres` on a unix
 * socket in it and a free port on 127.0.0.1 (trust authentication, no fsync), a fresh database
 * with PostGIS for each store a test opens, and the server stopped and its folder removed when
 * the process exits. Run as the `postgres` OS user when the tests run as root (PostgreSQL
 * refuses root). Where PostgreSQL or PostGIS is not installed, `postgresMissing()` says why and
 * the PostgreSQL leg of the tests is skipped — unless ACTA_REQUIRE_POSTGRES=1 (CI), where that
 * is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDb } from './db.js';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder with PostGIS beside it, or null. */
function pgBin(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  for (const version of readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))) {
    const bin = join(PG_ROOT, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`)) return bin;
  }
  return null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. Throws where they must run (ACTA_REQUIRE_POSTGRES=1). */
export function postgresMissing(): string | null {
  const missing = pgBin() === null ? `no PostgreSQL with PostGIS under ${PG_ROOT} (apt-get install postgresql postgresql-15-postgis-3)` : null;
  if (missing && process.env.ACTA_REQUIRE_POSTGRES === '1') throw new Error(`ACTA_REQUIRE_POSTGRES=1 but ${missing}`);
  return missing;
}

interface Server { dir: string; port: number; pid: number }
let server: Server | null = null;
let databases = 0;

const asRoot = process.getuid?.() === 0;

/** Run a PostgreSQL binary, as the postgres user when we are root. */
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function freePort(): number {
  // A port from the ephemeral range not listening now (checked by pg_isready's refusal).
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const probe = spawnSync(join(pgBin()!, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '1']);
    if (probe.status === 2) return port;
  }
  throw new Error('no free port for a test PostgreSQL');
}

/** Signal the postmaster and wait (10 s at most) until it is gone. */
function halt(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(pid, signal); } catch { /* gone already */ }
  const deadline = Date.now() + 10_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try { process.kill(pid, 0); } catch { break; }
    if (Date.now() > deadline) break;
    Atomics.wait(pause, 0, 0, 20);
  }
}

function stop(): void {
  if (!server) return;
  const { dir, pid } = server;
  server = null;
  halt(pid, 'SIGQUIT');
  rmSync(dir, { recursive: true, force: true });
}

/** Start the postmaster on the cluster in `dir`; its pid once it accepts connections. */
function launch(bin: string, dir: string, port: number): number {
  const data = join(dir, 'data');
  const [pgCmd, pgArgs] = command(join(bin, 'postgres'), ['-D', data, '-k', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=50']);
  const child = spawn(pgCmd, pgArgs, { stdio: 'ignore' });
  child.unref();
  const deadline = Date.now() + 30_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const ready = spawnSync(join(bin, 'pg_isready'), ['-h', dir, '-p', String(port), '-t', '1']);
    if (ready.status === 0) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      try { child.kill('SIGKILL'); } catch { /* gone */ }
      throw new Error('the test PostgreSQL did not start');
    }
    Atomics.wait(pause, 0, 0, 50);
  }
  // The postmaster itself (runuser is only its parent): its pid is the first line of postmaster.pid.
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return pid;
}

function start(): Server {
  const bin = pgBin();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'acta-pg-'));
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const data = join(dir, 'data');
  const [initCmd, initArgs] = command(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = freePort();
  let pid: number;
  try {
    pid = launch(bin, dir, port);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const s = { dir, port, pid };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { stop(); process.exit(130); });
  return s;
}

/** The URL of a fresh, empty database with PostGIS on the test server (started on first use). */
export function freshPostgresDatabase(): string {
  server ??= start();
  const name = `acta_test_${process.pid}_${++databases}`;
  const base = `postgres://postgres@127.0.0.1:${server.port}`;
  const admin = new PgDb(`${base}/postgres`, { writeLockKey: 0n });
  try {
    admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    admin.close();
  }
  const db = new PgDb(`${base}/${name}`, { writeLockKey: 0n });
  try {
    db.exec('CREATE EXTENSION postgis');
  } finally {
    db.close();
  }
  return `${base}/${name}`;
}

/**
 * Shut the test server down (fast: its sessions are ended) and start it again on the same
 * port and data after `downMs`: what a client sees of a PostgreSQL restart, refused
 * connections in between included.
 */
export async function restartTestPostgres(downMs: number): Promise<void> {
  if (!server) throw new Error('the test PostgreSQL is not running');
  halt(server.pid, 'SIGINT');
  await new Promise((resolve) => setTimeout(resolve, downMs));
  server.pid = launch(pgBin()!, server.dir, server.port);
}

/** Stop the test server now (tests that check no process is left behind). */
export const stopTestPostgres = stop;

/** The running test server's postmaster pid and folder, or null (for the test that checks it goes). */
export const testPostgresServer = (): { pid: number; dir: string } | null => (server ? { pid: server.pid, dir: server.dir } : null);
