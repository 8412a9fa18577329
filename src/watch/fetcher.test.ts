/** HTTP for acta watch against a server on 127.0.0.1: conditional GET, limits, redirects, one host at a time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { decodeBody, DEFAULT_LIMITS, Fetcher, FetchError, HostPaused, retryAfterMs, type FetchLimits } from './fetcher.js';
import { startServer, withEtag } from './feeds.fixtures.js';

/** Short limits, so a test of a limit takes moments. */
const LIMITS: FetchLimits = { ...DEFAULT_LIMITS, perHostMs: 0, totalTimeoutMs: 2000, connectTimeoutMs: 2000, maxBytes: 64 * 1024 };

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FetchError, `a FetchError, not ${e}`);
    return e;
  }
  assert.fail('expected the request to fail');
}

test('a feed asked again with its ETag and Last-Modified is answered 304 and not read again', async (t) => {
  const server = await startServer({
    '/feed': (req, res) => {
      const fresh = req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Wed, 01 May 2024 10:00:00 GMT';
      res.writeHead(fresh ? 304 : 200, { etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 10:00:00 GMT' });
      res.end(fresh ? undefined : '<rss/>');
    },
  });
  t.after(() => server.close());
  const fetcher = new Fetcher(LIMITS);
  const first = await fetcher.get(`${server.base}/feed`);
  assert.equal(first.status, 'ok');
  assert.ok(first.status === 'ok');
  assert.deepEqual(first.validators, { etag: '"v1"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
  assert.equal(first.body.toString(), '<rss/>');
  const second = await fetcher.get(`${server.base}/feed`, { validators: first.validators });
  assert.equal(second.status, 'not-modified');
  assert.equal(server.requests.get('/feed')?.[0]['if-none-match'], undefined, 'the first request is unconditional');
});

test('redirects are followed up to the limit; the final URL is given back', async (t) => {
  const server = await startServer({
    '/old': { status: 301, headers: { location: '/middle' } },
    '/middle': { status: 302, headers: { location: '/new' } },
    '/new': { body: 'here' },
    '/loop': { status: 307, headers: { location: '/loop' } },
    '/to-ftp': { status: 302, headers: { location: 'ftp://127.0.0.1/file' } },
  });
  t.after(() => server.close());
  const fetcher = new Fetcher({ ...LIMITS, maxRedirects: 3 });
  const r = await fetcher.get(`${server.base}/old`);
  assert.ok(r.status === 'ok');
  assert.equal(r.url, `${server.base}/new`);
  assert.equal(r.body.toString(), 'here');
  const loop = await rejection(fetcher.get(`${server.base}/loop`));
  assert.match(loop.message, /\/loop: more than 3 redirects/);
  assert.equal(server.hits('/loop'), 4);
  const ftp = await rejection(fetcher.get(`${server.base}/to-ftp`));
  assert.match(ftp.message, /to-ftp: redirect to ftp, which is not fetched/);
});

test('only http and https are fetched', async () => {
  const fetcher = new Fetcher(LIMITS);
  for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/feed', 'javascript:alert(1)']) {
    const e = await rejection(fetcher.get(url));
    assert.match(e.message, /only http and https are fetched/);
    assert.ok(e.permanent);
  }
});

test('a 404 is a permanent failure naming the URL; a 503 may pass', async (t) => {
  const server = await startServer({ '/busy': { status: 503, body: 'later' } });
  t.after(() => server.close());
  const fetcher = new Fetcher(LIMITS);
  const missing = await rejection(fetcher.get(`${server.base}/gone`));
  assert.equal(missing.message, `${server.base}/gone: HTTP 404 Not Found`);
  assert.equal(missing.permanent, true);
  const busy = await rejection(fetcher.get(`${server.base}/busy`));
  assert.equal(busy.permanent, false);
  assert.equal(busy.httpStatus, 503);
});

test('a body over the size limit is not read: declared too long, or sent in chunks past it, or a small gzip that grows past it', async (t) => {
  const big = 'x'.repeat(100 * 1024);
  const server = await startServer({
    '/declared': { headers: { 'content-length': String(big.length) }, body: big },
    '/chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      // Chunk after chunk, never ending on its own: the reader must stop it.
      const timer = setInterval(() => res.write('y'.repeat(16 * 1024)), 5);
      res.on('close', () => clearInterval(timer));
    },
    '/bomb': { headers: { 'content-encoding': 'gzip' }, body: zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024)) },
    '/small-gzip': { headers: { 'content-encoding': 'gzip' }, body: zlib.gzipSync('a small page') },
  });
  t.after(() => server.close());
  const fetcher = new Fetcher(LIMITS);
  const declared = await rejection(fetcher.get(`${server.base}/declared`));
  assert.match(declared.message, new RegExp(`^${server.base}/declared: body of 102400 bytes is over the 65536-byte limit`));
  const chunked = await rejection(fetcher.get(`${server.base}/chunked`));
  assert.match(chunked.message, /\/chunked: body over the 65536-byte limit; read aborted/);
  const bomb = await rejection(fetcher.get(`${server.base}/bomb`));
  assert.match(bomb.message, /\/bomb: body over the 65536-byte limit/);
  const small = await fetcher.get(`${server.base}/small-gzip`);
  assert.ok(small.status === 'ok');
  assert.equal(small.body.toString(), 'a small page');
});

test('a server that answers too slowly fails at the time limit, naming the URL', async (t) => {
  const server = await startServer({
    '/silent': () => { /* never answers */ },
    '/dripping': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>.</p>'), 50);
      res.on('close', () => clearInterval(timer));
    },
  });
  t.after(() => server.close());
  const fetcher = new Fetcher({ ...LIMITS, totalTimeoutMs: 300 });
  for (const path of ['/silent', '/dripping']) {
    const started = Date.now();
    const e = await rejection(fetcher.get(`${server.base}${path}`));
    assert.equal(e.message, `${server.base}${path}: no complete answer within 300 ms`);
    assert.equal(e.permanent, false);
    assert.ok(Date.now() - started < 5000, 'the limit ends the wait');
  }
});

test('a connection that never opens fails at the connect limit: an https server that never answers the TLS handshake', async (t) => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => { sockets.push(socket); /* accepts TCP, never speaks TLS */ });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => { for (const s of sockets) s.destroy(); silent.close(); });
  const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/feed`;
  const e = await rejection(new Fetcher({ ...LIMITS, connectTimeoutMs: 200, totalTimeoutMs: 60_000 }).get(url));
  assert.equal(e.message, `${url}: no connection within 200 ms`);
  assert.equal(e.permanent, false);
});

test('an answer cut off in the middle of its body fails, naming the URL, and is not taken for the whole', async (t) => {
  const server = await startServer({
    '/cut': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<html><body><p>The first half');
      setTimeout(() => res.socket?.destroy(), 20);
    },
  });
  server.routes.set('/cut-gzip', (_req, res) => {
    // A compressed body cut off: the error must come through the decompressing stream too.
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.write(zlib.gzipSync('<html><body><p>' + 'words '.repeat(5000)).subarray(0, 200));
    setTimeout(() => res.socket?.destroy(), 20);
  });
  t.after(() => server.close());
  for (const path of ['/cut', '/cut-gzip']) {
    const started = Date.now();
    const e = await rejection(new Fetcher({ ...LIMITS, totalTimeoutMs: 8_000 }).get(`${server.base}${path}`));
    assert.match(e.message, new RegExp(`^${server.base}${path}: `));
    assert.doesNotMatch(e.message, /no complete answer/, 'found when the connection closes, not at the time limit');
    assert.equal(e.permanent, false);
    assert.ok(Date.now() - started < 8_000);
  }
});

test('a refused connection fails with the reason, naming the URL', async (t) => {
  const server = await startServer();
  const base = server.base;
  await server.close();
  const e = await rejection(new Fetcher(LIMITS).get(`${base}/feed`));
  assert.match(e.message, new RegExp(`^${base}/feed: ECONNREFUSED`));
  assert.equal(e.permanent, false);
});

test('one host is asked at most once per interval; another host does not wait for it', async (t) => {
  const arrivals: Record<string, number[]> = { a: [], b: [] };
  const arrive = (host: string) => (_req: unknown, res: { end(s: string): void }) => { arrivals[host].push(Date.now()); res.end('ok'); };
  const a = await startServer({ '/1': arrive('a'), '/2': arrive('a'), '/3': arrive('a') });
  const b = await startServer({ '/1': arrive('b') });
  t.after(() => Promise.all([a.close(), b.close()]));
  const fetcher = new Fetcher({ ...LIMITS, perHostMs: 300 });
  await Promise.all(['/1', '/2', '/3'].map((path) => fetcher.get(`${a.base}${path}`)).concat(fetcher.get(`${b.base}/1`)));
  const [t1, t2, t3] = arrivals.a;
  // Without the limit the three arrive within a few ms; the bound leaves room for a loaded machine's delays.
  assert.ok(t2 - t1 >= 200 && t3 - t2 >= 200, `gaps ${t2 - t1} and ${t3 - t2} ms`);
  assert.ok(arrivals.b[0] < t2, 'the second host (another port) has its own turn, before the first host\'s second');
});

test('a server that asks for a pause (429 or 503 with Retry-After) is not asked again before it ends, nor waited on', async (t) => {
  const arrivals: number[] = [];
  let busy = true;
  const server = await startServer({
    '/feed': (_req, res) => {
      arrivals.push(Date.now());
      if (busy) { busy = false; res.writeHead(429, { 'retry-after': '1' }); res.end(); return; }
      res.end('ok');
    },
  });
  t.after(() => server.close());
  const fetcher = new Fetcher({ ...LIMITS, perHostMs: 0 });
  const e = await rejection(fetcher.get(`${server.base}/feed`));
  assert.equal(e.message, `${server.base}/feed: HTTP 429 Too Many Requests`);
  assert.equal(e.permanent, false);
  const paused = await rejection(fetcher.get(`${server.base}/feed`));
  assert.ok(paused instanceof HostPaused);
  assert.match(paused.message, /: the server asked for a pause \(Retry-After\) until .*; not asked now$/);
  assert.equal(arrivals.length, 1);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const r = await fetcher.get(`${server.base}/feed`);
  assert.equal(r.status, 'ok');
});

test('Retry-After as seconds or as an HTTP date', () => {
  const now = Date.parse('Wed, 01 May 2024 10:00:00 GMT');
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs('Wed, 01 May 2024 10:05:00 GMT', now), 300_000);
  assert.equal(retryAfterMs('Wed, 01 May 2024 09:00:00 GMT', now), 0);
  assert.equal(retryAfterMs('soon', now), null);
  assert.equal(retryAfterMs(null, now), null);
});

test('a stop signal ends a wait for the host and a request in flight', async (t) => {
  const server = await startServer({ '/silent': () => { /* never answers */ } });
  t.after(() => server.close());
  const inFlight = new AbortController();
  setTimeout(() => inFlight.abort('interrupt'), 100);
  const e = await rejection(new Fetcher({ ...LIMITS, totalTimeoutMs: 60_000 }, inFlight.signal).get(`${server.base}/silent`));
  assert.equal(e.message, `${server.base}/silent: stopped`);

  server.routes.set('/quick', { body: 'ok' });
  const waiting = new AbortController();
  const patient = new Fetcher({ ...LIMITS, perHostMs: 60_000 }, waiting.signal);
  await patient.get(`${server.base}/quick`);
  setTimeout(() => waiting.abort('interrupt'), 100);
  const started = Date.now();
  const e2 = await rejection(patient.get(`${server.base}/quick`));
  assert.match(e2.message, /stopped$/);
  assert.ok(Date.now() - started < 10_000, 'not the whole minute');
  assert.equal(server.hits('/quick'), 1);
});

test('bodies are decoded in the charset the answer declares, else UTF-8', () => {
  const cafe1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]);
  assert.equal(decodeBody(cafe1252, 'text/html; charset=windows-1252'), 'café “q”');
  assert.equal(decodeBody(Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head>'), cafe1252]), 'text/html'), '<html><head><meta charset="iso-8859-1"></head>café “q”');
  assert.equal(decodeBody(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>'), null), '<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>');
  assert.equal(decodeBody(Buffer.from('plain é'), 'text/plain; charset=nonsense'), 'plain é');
});

test('withEtag (the fixture) answers 304 only to its own ETag', async (t) => {
  const server = await startServer({ '/f': withEtag('"a"', 'body', 'text/plain') });
  t.after(() => server.close());
  const fetcher = new Fetcher(LIMITS);
  assert.equal((await fetcher.get(`${server.base}/f`, { validators: { etag: '"old"', lastModified: null } })).status, 'ok');
  assert.equal((await fetcher.get(`${server.base}/f`, { validators: { etag: '"a"', lastModified: null } })).status, 'not-modified');
});
