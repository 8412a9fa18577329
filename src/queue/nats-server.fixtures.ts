/**
 * A throwaway nats-server with JetStream for the queue's tests: Debian's (/usr/sbin/nats-server;
 * /usr/bin/nats-server elsewhere; or ACTA_NATS_SERVER) on a free port, its store in a temporary folder, killed at the end.
 * Without the binary the tests are skipped, unless ACTA_REQUIRE_NATS=1 (CI sets it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER = process.env.ACTA_NATS_SERVER ?? (['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((p) => existsSync(p)) ?? '/usr/sbin/nats-server');

/** Why the queue's tests cannot run here (false: they can); throws when ACTA_REQUIRE_NATS=1 and they cannot. */
export function natsSkip(): string | false {
  if (existsSync(NATS_SERVER)) return false;
  if (process.env.ACTA_REQUIRE_NATS === '1') throw new Error(`ACTA_REQUIRE_NATS=1 but there is no nats-server at ${NATS_SERVER} (apt-get install nats-server)`);
  return `no nats-server at ${NATS_SERVER} (apt-get install nats-server, or set ACTA_NATS_SERVER)`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = tcpConnect(port, '127.0.0.1');
    c.once('connect', () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
}

export interface TestNats {
  url: string;
  /** Stop the server (SIGTERM, its store kept) and start it again on the same port and store. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** Stop it and remove its store. */
  close(): Promise<void>;
}

export async function startNats(): Promise<TestNats> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-nats-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    const deadline = Date.now() + 15_000;
    while (!(await accepting(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nats-server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const c = child as ChildProcess | null;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (c.exitCode === null) { c.kill('SIGKILL'); await exited; }
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    async restart(downMs = 1000) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
