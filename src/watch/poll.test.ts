/**
 * Polls against feeds and pages served on 127.0.0.1: what is fetched, what is stored, what each
 * source's line says, and what is never asked for twice.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveRegistry } from '../actors/live-registry.js';
import { analyze } from '../pipeline.js';
import { openStore, type Store } from '../store/index.js';
import { DEFAULT_LIMITS, Fetcher, type FetchLimits } from './fetcher.js';
import { ARTICLES, articlePage, atomFeed, jsonFeed, rssFeed, startServer, withEtag, type FixtureServer } from './feeds.fixtures.js';
import { pollOnce, type PollContext, type Source } from './poll.js';
import { openWatchState } from './state.js';

const LIMITS: FetchLimits = { ...DEFAULT_LIMITS, perHostMs: 0, totalTimeoutMs: 1500, connectTimeoutMs: 1500, maxBytes: 64 * 1024 };
const HTML = { 'content-type': 'text/html; charset=utf-8' };

interface Watch {
  store: Store;
  lines: string[];
  dir: string;
  /** One poll, with the fetcher of this run of the watcher (or one that obeys `stop`). */
  poll(sources: Source[], stop?: AbortSignal): ReturnType<typeof pollOnce>;
  /** A new run of the watcher on the same store: what the fetcher kept in memory (hosts' pauses) is gone. */
  restart(): void;
}

/** A store in a temporary directory, and a poll that writes its lines to `lines`. */
function watch(t: TestContext, limits: FetchLimits = LIMITS, afterSave: () => void = () => undefined): Watch {
  const dir = mkdtempSync(join(tmpdir(), 'acta-watch-'));
  const dbPath = join(dir, 'acta.db');
  const store = openStore(dbPath);
  const state = openWatchState(dbPath);
  t.after(() => { state.close(); store.close(); rmSync(dir, { recursive: true, force: true }); });
  const lines: string[] = [];
  const registry = liveRegistry(store);
  let fetcher = new Fetcher(limits);
  return {
    store, lines, dir,
    poll: (sources, stop) => {
      // afterSave: what a test does the moment an article is stored (a Ctrl-C there).
      const saving: Store = { ...store, saveDoc: (doc) => { const r = store.saveDoc(doc); afterSave(); return r; } };
      const ctx: PollContext = {
        store: saving, dbPath, state, fetcher: stop ? new Fetcher(limits, stop) : fetcher, registry,
        stop: stop ?? new AbortController().signal, log: (l) => lines.push(l),
      };
      return pollOnce(sources, ctx);
    },
    restart: () => { fetcher = new Fetcher(limits); },
  };
}

async function serve(t: TestContext, routes: Parameters<typeof startServer>[0]): Promise<FixtureServer> {
  const server = await startServer(routes);
  t.after(() => server.close());
  return server;
}

const feed = (server: FixtureServer, path: string): Source => ({ kind: 'feed', url: `${server.base}${path}` });
function storedTitles(store: Store): string[] {
  return store.articleHashes().map((h) => store.getArticle(h)?.meta.title ?? '(none)').sort();
}

test('RSS, Atom and JSON feeds: each item page is fetched, read from its HTML, coded and stored', async (t) => {
  const server = await serve(t, {
    '/rss.xml': { headers: { 'content-type': 'application/rss+xml' }, body: '' },
    '/atom.xml': { headers: { 'content-type': 'application/atom+xml' }, body: '' },
    '/feed.json': { headers: { 'content-type': 'application/feed+json' }, body: '' },
    '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks end without a deal', author: 'Amina Odhiambo', published: '2024-05-06', paragraphs: [...ARTICLES.talks] }) },
    '/protest': { headers: HTML, body: articlePage({ title: 'Teachers march in Lima', published: '2024-05-07', paragraphs: [...ARTICLES.protest] }) },
    '/sanctions': { headers: HTML, body: articlePage({ title: 'EU sanctions Belarusian officials', published: '2024-05-08', paragraphs: [...ARTICLES.sanctions] }) },
  });
  server.routes.set('/rss.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rssFeed('Africa desk', [{ title: 'Talks', link: `${server.base}/talks` }]) });
  server.routes.set('/atom.xml', { headers: { 'content-type': 'application/atom+xml' }, body: atomFeed('Americas desk', [{ title: 'March', link: `${server.base}/protest` }]) });
  server.routes.set('/feed.json', { headers: { 'content-type': 'application/feed+json' }, body: jsonFeed('Europe desk', [{ title: 'Sanctions', link: '/sanctions' }]) });
  const w = watch(t);
  const reports = await w.poll([feed(server, '/rss.xml'), feed(server, '/atom.xml'), feed(server, '/feed.json')]);
  assert.deepEqual(reports.map((r) => [r.status, r.stored, r.failed]), [['new', 1, 0], ['new', 1, 0], ['new', 1, 0]]);
  assert.deepEqual(storedTitles(w.store), ['EU sanctions Belarusian officials', 'Kenyan talks end without a deal', 'Teachers march in Lima']);
  assert.ok(w.store.countEvents() > 0, 'the articles are coded');
  const talks = w.store.getArticle(w.store.articleHashes()[0]);
  assert.equal(talks?.meta.url, `${server.base}/talks`);
  assert.equal(talks?.meta.author, 'Amina Odhiambo');
  assert.equal(talks?.meta.published, '2024-05-06');
  assert.equal(talks?.meta.source, 'Africa desk', 'the feed names the source when the page does not');
  assert.doesNotMatch(talks?.text ?? '', /Home|Copyright/, 'the menu and footer are not the article');
  assert.match(w.lines.join('\n'), new RegExp(`${server.base}/rss.xml: 1 new article\\(s\\) stored with \\d+ event\\(s\\)`));
});

test('what a page does not say — title, author, day — is taken from its feed item', async (t) => {
  const server = await serve(t, { '/visit': { headers: HTML, body: articlePage({ paragraphs: [...ARTICLES.visit] }) } });
  server.routes.set('/rss.xml', { body: rssFeed('West Africa desk', [{ title: 'Ghanaian president visits Nigeria', link: `${server.base}/visit`, author: 'Kofi Mensah', date: 'Thu, 09 May 2024 07:00:00 GMT' }]) });
  const w = watch(t);
  await w.poll([feed(server, '/rss.xml')]);
  const a = w.store.getArticle(w.store.articleHashes()[0]);
  assert.equal(a?.meta.title, 'Ghanaian president visits Nigeria');
  assert.ok(a?.text.startsWith('Ghanaian president visits Nigeria\n\n'), 'the title leads the text, as for any article');
  assert.equal(a?.meta.author, 'Kofi Mensah');
  assert.equal(a?.meta.published, '2024-05-09');
});

test('a feed that changes between polls: a 304 while unchanged, then only the new item is fetched and stored', async (t) => {
  const server = await serve(t, {
    '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] }) },
    '/protest': { headers: HTML, body: articlePage({ title: 'Teachers march in Lima', paragraphs: [...ARTICLES.protest] }) },
    '/strike': { headers: HTML, body: articlePage({ title: 'Durban dock workers strike', paragraphs: [...ARTICLES.strike] }) },
  });
  const items = [{ title: 'Talks', link: `${server.base}/talks` }, { title: 'March', link: `${server.base}/protest` }];
  server.routes.set('/feed', withEtag('"v1"', rssFeed('Desk', items), 'application/rss+xml'));
  const w = watch(t);
  const first = await w.poll([feed(server, '/feed')]);
  assert.equal(first[0].stored, 2);

  const second = await w.poll([feed(server, '/feed')]);
  assert.equal(second[0].status, 'unchanged');
  assert.equal(server.requests.get('/feed')?.[1]['if-none-match'], '"v1"', 'the second poll asks with the ETag');
  assert.match(w.lines.at(-1) ?? '', /\/feed: unchanged \(304 Not Modified\)$/);

  server.routes.set('/feed', withEtag('"v2"', rssFeed('Desk', [{ title: 'Strike', link: `${server.base}/strike` }, ...items]), 'application/rss+xml'));
  const third = await w.poll([feed(server, '/feed')]);
  assert.deepEqual([third[0].status, third[0].stored, third[0].known], ['new', 1, 2]);
  assert.deepEqual([server.hits('/talks'), server.hits('/protest'), server.hits('/strike')], [1, 1, 1], 'no page fetched twice');
  assert.equal(w.store.countArticles(), 3);
  assert.match(w.lines.at(-1) ?? '', /\/feed: 1 new article\(s\) stored with \d+ event\(s\), 2 seen before$/);
});

test('a malformed feed fails with a line naming its URL; the other feeds go through', async (t) => {
  const server = await serve(t, {
    '/broken.xml': { headers: { 'content-type': 'application/rss+xml' }, body: '<rss version="2.0"><channel><title>Cut off<item><title>Half' },
    '/page.xml': { headers: HTML, body: '<!DOCTYPE html><html><body><p>Our feeds have moved.</p></body></html>' },
    '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] }) },
  });
  server.routes.set('/good.xml', { body: rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }]) });
  const w = watch(t);
  const reports = await w.poll([feed(server, '/broken.xml'), feed(server, '/page.xml'), feed(server, '/good.xml')]);
  assert.deepEqual(reports.map((r) => r.status), ['failed', 'failed', 'new']);
  assert.match(w.lines[0], new RegExp(`^${server.base}/broken.xml: failed: (malformed feed|not a feed)`));
  assert.match(w.lines[1], new RegExp(`^${server.base}/page.xml: failed: not a feed \\(RSS, Atom, RDF or JSON Feed\\)`));
  assert.equal(w.store.countArticles(), 1);
});

test('a feed that cannot be fetched fails with the reason; the others go through', async (t) => {
  const server = await serve(t, { '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] }) } });
  server.routes.set('/good.xml', { body: rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }]) });
  const w = watch(t);
  const reports = await w.poll([feed(server, '/missing.xml'), feed(server, '/good.xml')]);
  assert.deepEqual(reports.map((r) => r.status), ['failed', 'new']);
  assert.equal(w.lines[0], `${server.base}/missing.xml: failed: HTTP 404 Not Found`);
});

test('a page that is 404 is reported by its URL and not asked for again; the feed\'s other items are stored', async (t) => {
  const server = await serve(t, { '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] }) } });
  server.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Gone', link: `${server.base}/gone` }, { title: 'Talks', link: `${server.base}/talks` }]) });
  const w = watch(t);
  const [report] = await w.poll([feed(server, '/feed')]);
  assert.deepEqual([report.stored, report.failed], [1, 1]);
  assert.ok(w.lines.includes(`${server.base}/gone: HTTP 404 Not Found`), w.lines.join('\n'));
  assert.match(w.lines.at(-1) ?? '', /1 new article\(s\) stored with \d+ event\(s\), 1 failed$/);
  await w.poll([feed(server, '/feed')]);
  assert.equal(server.hits('/gone'), 1, 'a 404 is not asked for again');
});

test('a slow page fails at the time limit, naming its URL, and is tried again at the next poll', async (t) => {
  let slow = true;
  const server = await serve(t, {
    '/slow': (_req, res) => {
      if (slow) return; // never answers
      res.writeHead(200, HTML);
      res.end(articlePage({ title: 'Durban dock workers strike', paragraphs: [...ARTICLES.strike] }));
    },
  });
  server.routes.set('/feed', withEtag('"v1"', rssFeed('Desk', [{ title: 'Strike', link: `${server.base}/slow` }]), 'application/rss+xml'));
  const w = watch(t, { ...LIMITS, totalTimeoutMs: 300 });
  const started = Date.now();
  const [first] = await w.poll([feed(server, '/feed')]);
  assert.ok(Date.now() - started < 10_000, 'the time limit ends the wait');
  assert.equal(first.failed, 1);
  assert.ok(w.lines.includes(`${server.base}/slow: no complete answer within 300 ms`), w.lines.join('\n'));
  slow = false;
  const [second] = await w.poll([feed(server, '/feed')]);
  assert.equal(server.requests.get('/feed')?.[1]['if-none-match'], undefined, 'a page to try again keeps the feed from being answered 304');
  assert.equal(second.stored, 1);
  assert.equal(server.hits('/slow'), 2);
});

test('a page that keeps failing for a reason that may pass is given up after three tries; then the feed may be a 304', async (t) => {
  const server = await serve(t, { '/busy': { status: 503, body: 'try later' } });
  server.routes.set('/feed', withEtag('"v1"', rssFeed('Desk', [{ title: 'Busy', link: `${server.base}/busy` }]), 'application/rss+xml'));
  const w = watch(t);
  for (let poll = 0; poll < 4; poll++) await w.poll([feed(server, '/feed')]);
  assert.equal(server.hits('/busy'), 3);
  const etags = (server.requests.get('/feed') ?? []).map((h) => h['if-none-match'] ?? null);
  assert.deepEqual(etags, [null, null, null, '"v1"'], 'the feed is asked for whole while a page is to be tried again');
  assert.ok(w.lines.includes(`${server.base}/busy: HTTP 503 Service Unavailable`), w.lines.join('\n'));
  assert.match(w.lines.at(-1) ?? '', /unchanged \(304 Not Modified\)/);
});

test('a page whose host asked for a pause is not asked, and no try is counted against it, until the pause ends', async (t) => {
  let paused = true;
  const pages = await serve(t, {
    '/busy': (_req, res) => {
      if (paused) { res.writeHead(503, { 'retry-after': '3600' }); res.end(); return; }
      res.writeHead(200, HTML);
      res.end(articlePage({ title: 'Durban dock workers strike', paragraphs: [...ARTICLES.strike] }));
    },
  });
  const feeds = await serve(t, {});
  feeds.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Strike', link: `${pages.base}/busy` }]) });
  const w = watch(t);
  for (let poll = 0; poll < 4; poll++) await w.poll([feed(feeds, '/feed')]);
  assert.equal(pages.hits('/busy'), 1, 'asked once, then left alone');
  assert.equal(w.lines.filter((l) => l.endsWith('not asked now')).length, 3);
  paused = false;
  w.restart();
  const [report] = await w.poll([feed(feeds, '/feed')]);
  assert.equal(report.stored, 1, 'the page was not given up');
});

test('a page over the size limit is cut off and reported by its URL', async (t) => {
  const huge = articlePage({ title: 'Long', paragraphs: Array.from({ length: 2000 }, () => ARTICLES.visit[0]) });
  const server = await serve(t, { '/huge': { headers: HTML, body: huge } });
  server.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Huge', link: `${server.base}/huge` }]) });
  const w = watch(t);
  const [report] = await w.poll([feed(server, '/feed')]);
  assert.equal(report.failed, 1);
  assert.ok(w.lines.some((l) => l.startsWith(`${server.base}/huge: body `) && l.includes('over the 65536-byte limit')), w.lines.join('\n'));
  assert.equal(w.store.countArticles(), 0);
});

test('a page that holds no article is reported and not stored', async (t) => {
  const server = await serve(t, { '/menu': { headers: HTML, body: '<html><body><nav><a href="/">Home</a></nav></body></html>' }, '/photo.jpg': { headers: { 'content-type': 'image/jpeg' }, body: Buffer.from([0xff, 0xd8, 0xff]) } });
  server.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Menu', link: `${server.base}/menu` }, { title: 'Photo', link: `${server.base}/photo.jpg` }]) });
  const w = watch(t);
  const [report] = await w.poll([feed(server, '/feed')]);
  assert.equal(report.failed, 2);
  assert.ok(w.lines.includes(`${server.base}/menu: no article text found`), w.lines.join('\n'));
  assert.ok(w.lines.includes(`${server.base}/photo.jpg: not an HTML page (content type image/jpeg)`), w.lines.join('\n'));
});

test('an item whose URL is stored already (by acta ingest or an earlier watch) is not fetched', async (t) => {
  const server = await serve(t, { '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks', paragraphs: [...ARTICLES.talks] }) } });
  server.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }]) });
  const w = watch(t);
  w.store.saveDoc(analyze({ text: ARTICLES.talks.join('\n\n'), url: `${server.base}/talks`, published: '2024-05-06' }));
  const [report] = await w.poll([feed(server, '/feed')]);
  assert.equal(server.hits('/talks'), 0);
  assert.deepEqual([report.status, report.known, report.stored], ['unchanged', 1, 0]);
});

test('a page whose text is stored already (another URL for it) is fetched once and counted, not stored', async (t) => {
  const page = articlePage({ title: 'Kenyan talks end without a deal', paragraphs: [...ARTICLES.talks] });
  const server = await serve(t, { '/talks': { headers: HTML, body: page }, '/talks-amp': { headers: HTML, body: page } });
  server.routes.set('/feed', { body: rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }, { title: 'Talks', link: `${server.base}/talks-amp` }]) });
  const w = watch(t);
  const [report] = await w.poll([feed(server, '/feed')]);
  assert.deepEqual([report.stored, report.duplicates], [1, 1]);
  await w.poll([feed(server, '/feed')]);
  assert.deepEqual([server.hits('/talks'), server.hits('/talks-amp')], [1, 1]);
});

test('a directory: each poll reads only the files added or changed since the last', async (t) => {
  const w = watch(t);
  const dir = join(w.dir, 'inbox');
  mkdirSync(dir);
  writeFileSync(join(dir, 'talks.txt'), `Kenyan talks end without a deal\n\n${ARTICLES.talks.join('\n\n')}\n`);
  const first = await w.poll([{ kind: 'path', path: dir }]);
  assert.deepEqual([first[0].status, first[0].stored], ['new', 1]);

  writeFileSync(join(dir, 'batch.jsonl'), `${JSON.stringify({ id: 'p1', title: 'Teachers march in Lima', text: ARTICLES.protest.join('\n\n'), published: '2024-05-07' })}\n`);
  const second = await w.poll([{ kind: 'path', path: dir }]);
  assert.deepEqual([second[0].stored, second[0].known], [1, 1]);
  assert.deepEqual(storedTitles(w.store), ['Kenyan talks end without a deal', 'Teachers march in Lima']);

  const third = await w.poll([{ kind: 'path', path: dir }]);
  assert.deepEqual([third[0].status, third[0].stored, third[0].known], ['unchanged', 0, 2]);
  assert.match(w.lines.at(-1) ?? '', /inbox: no new files, 2 seen before$/);

  // A batch that grows is read again; what it held before is stored already.
  writeFileSync(join(dir, 'batch.jsonl'), [
    JSON.stringify({ id: 'p1', title: 'Teachers march in Lima', text: ARTICLES.protest.join('\n\n'), published: '2024-05-07' }),
    JSON.stringify({ id: 's1', title: 'Durban dock workers strike', text: ARTICLES.strike.join('\n\n'), published: '2024-05-10' }),
  ].join('\n') + '\n');
  const fourth = await w.poll([{ kind: 'path', path: dir }]);
  assert.deepEqual([fourth[0].stored, fourth[0].duplicates], [1, 1]);
  assert.equal(w.store.countArticles(), 3);
});

test('a stop between two articles ends the poll after the article in hand; the next poll takes up the rest', async (t) => {
  const control = new AbortController();
  const server = await serve(t, {
    '/talks': { headers: HTML, body: articlePage({ title: 'Kenyan talks', paragraphs: [...ARTICLES.talks] }) },
    '/protest': { headers: HTML, body: articlePage({ title: 'Teachers march in Lima', paragraphs: [...ARTICLES.protest] }) },
  });
  server.routes.set('/feed', withEtag('"v1"', rssFeed('Desk', [{ title: 'Talks', link: `${server.base}/talks` }, { title: 'March', link: `${server.base}/protest` }]), 'application/rss+xml'));
  server.routes.set('/other', { body: rssFeed('Other', []) });
  const w = watch(t, LIMITS, () => control.abort('interrupt'));
  const reports = await w.poll([feed(server, '/feed'), feed(server, '/other')], control.signal);
  assert.equal(reports.length, 1, 'no source is begun after the stop');
  assert.deepEqual([reports[0].stored, reports[0].stopped], [1, true]);
  assert.equal(server.hits('/protest'), 0);
  assert.equal(server.hits('/other'), 0);
  const [next] = await w.poll([feed(server, '/feed')]);
  assert.equal(next.stored, 1, 'the feed was not remembered as read: no 304 hides the item left');
  assert.equal(w.store.countArticles(), 2);
});
