/** `acta serve` as a command: flags, the address it binds, one log line per request, Ctrl-C. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { fixtureDocs } from '../store/explore.fixtures.js';
import { main } from './main.js';

function storeFile(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'acta.db');
  const store = openStore(path);
  for (const doc of fixtureDocs(0)) store.saveDoc(doc);
  store.close();
  return path;
}

/** Start `acta serve` with these arguments; resolves once it says where it listens. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const stop = new AbortController();
  let err = '';
  let out = '';
  let listening: (url: string) => void = () => {};
  const started = new Promise<string>((resolve) => { listening = resolve; });
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const done = main(['serve', ...args], { write: (s) => { out += s; } }, {
    write: (s) => {
      err += s;
      const m = /acta serve: (http:\/\/\S+)\/ /.exec(err);
      if (m) listening(m[1]);
    },
  }, { stop: stop.signal });
  const url = await Promise.race([started, done.then((code) => { throw new Error(`exited ${code}: ${err}`); })]);
  process.env = saved;
  return { url, stop: () => { stop.abort('interrupt'); return done; }, log: () => err, out: () => out };
}

test('acta serve listens on 127.0.0.1 unless --host says otherwise, logs each request, and stops on Ctrl-C', async (t) => {
  const db = storeFile(t);
  const s = await serve(['--db', db, '--port', '0']);
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const r = await fetch(`${s.url}/api/v1/events?reports=true&event=ASSAULT`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  const body = await r.json() as { events: { id: string }[] };
  assert.deepEqual(body.events.map((e) => e.id).sort(), ['riot-again-e1', 'riot-e1']);
  assert.match(s.log(), /writing off \(no --token\)/);
  assert.equal(await s.stop(), 0);
  assert.match(s.log(), /^GET \/api\/v1\/events\?reports=true&event=ASSAULT 200 \d+\.\dms$/m);
  await assert.rejects(fetch(`${s.url}/api/v1/health`));
});

test('acta serve --token opens POST /articles to that token; ACTA_TOKEN does the same', async (t) => {
  const db = storeFile(t);
  for (const [args, env] of [[['--token', 'sesame-open-up']], [[], { ACTA_TOKEN: 'sesame-open-up' }]] as [string[], Record<string, string>][]) {
    const s = await serve(['--db', db, '--port', '0', ...args], env);
    const post = (authorization: string) => fetch(`${s.url}/api/v1/articles`, {
      method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify([{ text: '' }]),
    });
    assert.equal((await post('Bearer nope-nope-nope')).status, 401);
    // The right token gets as far as reading the body: an empty text is no article.
    assert.equal((await post('Bearer sesame-open-up')).status, 400);
    assert.match(s.log(), /writing needs the token/);
    await s.stop();
  }
});

test('acta serve: --help, and usage errors for a bad port, a short token, a missing store, a stray argument', async (t) => {
  let out = '';
  assert.equal(await main(['serve', '--help'], { write: (s) => { out += s; } }), 0);
  assert.match(out, /--host HOST .*default: 127\.0\.0\.1/);
  const db = storeFile(t);
  for (const args of [['--port', '70000'], ['--port', 'http'], ['--token', 'short'], ['--db', join(db, '..', 'none.db')], ['extra']]) {
    let err = '';
    const code = await main(['serve', '--db', db, ...args], { write: () => {} }, { write: (s) => { err += s; } });
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /^acta: /, args.join(' '));
  }
});
