/** `acta watch`: its options, --once against a feed served on 127.0.0.1 and a directory, and stopping by signal. */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { packageRoot } from '../util/data.js';
import { ARTICLES, articlePage, rssFeed, startServer, withEtag } from '../watch/feeds.fixtures.js';
import { parseByteSize, parseDuration } from '../watch/duration.js';

const bin = join(packageRoot, 'bin', 'acta.js');

async function acta(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => { out += s; } }, { write: (s) => { err += s; } });
  return { code, out, err };
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-watch-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('acta watch --help says what it reads, what it remembers and how it stops; acta --help lists it', async () => {
  const help = await acta(['watch', '--help']);
  assert.equal(help.code, 0);
  for (const words of ['RSS, Atom, RDF (RSS 1.0) or JSON Feed', 'ETag / If-Modified-Since', '--every D', '--once', '--max-bytes', '--host-interval', 'SIGTERM']) {
    assert.ok(help.out.includes(words), `help mentions ${words}`);
  }
  assert.match((await acta(['--help'])).out, /watch URL\|DIR\.\.\./);
});

test('acta watch refuses what it cannot follow before anything is stored, naming it (exit 2)', async (t) => {
  const db = join(tempDir(t), 'acta.db');
  const cases: [string[], RegExp][] = [
    [[], /no feed URL or directory given/],
    [['ftp://127.0.0.1/feed.xml'], /only http and https feeds are read, not ftp/],
    [['/no/such/dir'], /no such file or directory: \/no\/such\/dir$/m],
    [['news.example.org/rss.xml'], /no such file or directory: news\.example\.org\/rss\.xml \(a feed is given by its http:\/\/ or https:\/\/ URL\)/],
    [['.', '--every', '10'], /--every must be a duration such as 30s, 15m or 1h \(got "10"\)/],
    [['.', '--timeout', 'soon'], /--timeout must be a duration/],
    [['.', '--max-bytes', 'lots'], /--max-bytes must be a size in bytes/],
  ];
  for (const [args, message] of cases) {
    const r = await acta(['watch', ...args, '--db', db]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
});

test('durations and sizes as written on the command line', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('15'), null);
  assert.equal(parseDuration('m'), null);
  assert.equal(parseByteSize('5M'), 5 * 1024 * 1024);
  assert.equal(parseByteSize('512k'), 512 * 1024);
  assert.equal(parseByteSize('1000'), 1000);
  assert.equal(parseByteSize('big'), null);
});

test('acta watch --once: a line per source on stderr, a summary on stdout; a second run is answered 304 and finds nothing new', async (t) => {
  const server = await startServer({ '/talks': { headers: { 'content-type': 'text/html' }, body: articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] }) } });
  t.after(() => server.close());
  server.routes.set('/feed.xml', withEtag('"v1"', rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }]), 'application/rss+xml'));
  const dir = tempDir(t);
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'strike.txt'), `Durban dock workers strike\n\n${ARTICLES.strike.join('\n\n')}\n`);
  const db = join(dir, 'acta.db');
  const args = ['watch', `${server.base}/feed.xml`, inbox, '--once', '--db', db, '--host-interval', '10ms'];
  const first = await acta(args);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, new RegExp(`^acta watch: ${server.base}/feed.xml: 1 new article\\(s\\) stored with \\d+ event\\(s\\)$`, 'm'));
  assert.match(first.err, /^acta watch: .*inbox: 1 new article\(s\) stored with \d+ event\(s\)$/m);
  assert.match(first.out, /^2 article\(s\) stored with \d+ event\(s\) in 1 poll\(s\), 0 failure\(s\)/);
  const second = await acta(args);
  assert.equal(second.code, 0);
  assert.match(second.err, /feed\.xml: unchanged \(304 Not Modified\)/);
  assert.match(second.err, /inbox: no new files, 1 seen before/);
  assert.match(second.out, /^0 article\(s\) stored/);
  assert.equal(server.hits('/talks'), 1);
});

test('acta watch --once exits 1 when a source failed, after reading the others', async (t) => {
  const server = await startServer({ '/broken.xml': { body: '<rss><channel><title>x' } });
  t.after(() => server.close());
  const dir = tempDir(t);
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'strike.txt'), `Durban dock workers strike\n\n${ARTICLES.strike.join('\n\n')}\n`);
  const r = await acta(['watch', `${server.base}/broken.xml`, inbox, '--once', '--db', join(dir, 'acta.db')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /broken\.xml: failed: /);
  assert.match(r.out, /^1 article\(s\) stored/);
});

for (const [signal, status, word] of [['SIGTERM', 143, 'terminated'], ['SIGINT', 130, 'interrupted']] as const) {
  test(`acta watch polls until ${signal}, then ends with ${status} and its summary`, async (t) => {
    const dir = tempDir(t);
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'strike.txt'), `Durban dock workers strike\n\n${ARTICLES.strike.join('\n\n')}\n`);
    const child = spawn(process.execPath, [bin, 'watch', inbox, '--every', '1h', '--db', join(dir, 'acta.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    const polled = new Promise<void>((resolve) => child.stderr.on('data', (d) => { err += d; if (/inbox: /.test(err)) resolve(); }));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await polled;
    child.kill(signal);
    assert.equal(await exited, status, err);
    assert.match(err, new RegExp(`acta: ${word}; the articles stored so far stay stored`));
    assert.match(out, /^1 article\(s\) stored with \d+ event\(s\) in 1 poll\(s\)/);
  });
}
