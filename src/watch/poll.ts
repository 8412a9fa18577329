/**
 * One poll of `acta watch` over all its sources: for a feed, a conditional GET, then each item
 * whose page was never fetched is fetched, read as `acta ingest` reads HTML (Readability),
 * analysed and stored in one transaction; for a directory, each file not read before (or
 * changed since) is read as `acta ingest` reads it. A source that fails never stops the
 * others, and a stop request is obeyed between two articles, never in the middle of a save.
 */
import { stat } from 'node:fs/promises';
import type { ActorRow } from '../actors/knowledge.js';
import type { LiveRegistry } from '../actors/live-registry.js';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { formatProblem, isProblem } from '../ingest/common.js';
import { readInputs, walk, type InputEncoding } from '../ingest/files.js';
import { ingestHtml } from '../ingest/html.js';
import { ingestText } from '../ingest/text.js';
import { analyzeIngested } from '../pipeline.js';
import { storeWriteFailure, type Store } from '../store/index.js';
import { analysisFailure } from '../cli/failure.js';
import { parseFeedBody, type FeedItem } from './feeds.js';
import { decodeBody, FetchError, HostPaused, type Fetcher } from './fetcher.js';
import type { WatchState } from './state.js';

export type Source = { kind: 'feed'; url: string } | { kind: 'path'; path: string };

export const sourceName = (s: Source): string => (s.kind === 'feed' ? s.url : s.path);

export interface PollContext {
  store: Store;
  /** The store's file, for the message when it cannot be written. */
  dbPath: string;
  state: WatchState;
  fetcher: Fetcher;
  registry: LiveRegistry;
  actors?: readonly ActorRow[];
  encoding?: InputEncoding;
  /** Aborted to stop between two articles. */
  stop: AbortSignal;
  /** One line of the poll's report (no newline): a source's outcome, or a page or file that failed. */
  log: (line: string) => void;
}

/** What one poll did with one source. */
export interface SourceReport {
  source: string;
  /** new: something new was read (stored or not); unchanged: nothing new; failed: the source itself could not be read. */
  status: 'new' | 'unchanged' | 'failed';
  stored: number;
  events: number;
  /** Articles read whose text was stored already. */
  duplicates: number;
  /** Pages or files that failed, each reported on its own line. */
  failed: number;
  /** Items or files seen before, not read again. */
  known: number;
  /** Why the source failed. */
  reason?: string;
  /** The poll was stopped while this source was read. */
  stopped?: boolean;
}

/** The store cannot be written (disk full, read-only): every later article would fail too, so the watch ends. */
export class StoreFailure extends Error {}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/rdf+xml, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1';

function emptyReport(source: string): SourceReport {
  return { source, status: 'unchanged', stored: 0, events: 0, duplicates: 0, failed: 0, known: 0 };
}

/** The line a poll prints for a source. */
export function reportLine(r: SourceReport): string {
  if (r.status === 'failed') return `${r.source}: failed: ${r.reason}`;
  if (r.stopped && r.status === 'unchanged' && !r.known) return `${r.source}: stopped`;
  const parts: string[] = [];
  if (r.status === 'unchanged') parts.push(r.reason ?? 'unchanged');
  else {
    parts.push(`${r.stored} new article(s) stored with ${r.events} event(s)`);
    if (r.duplicates) parts.push(`${r.duplicates} already stored`);
    if (r.failed) parts.push(`${r.failed} failed`);
  }
  if (r.known) parts.push(`${r.known} seen before`);
  if (r.stopped) parts.push('stopped');
  return `${r.source}: ${parts.join(', ')}`;
}

/**
 * Analyse and store an article unless its text is stored already. An analysis failure is the
 * article's (its message is returned); a store that cannot be written throws StoreFailure.
 */
function storeArticle(item: IngestedArticle, ctx: PollContext): { stored: boolean; events: number } | { failure: string } {
  if (ctx.store.hasArticle(item.meta.hash)) return { stored: false, events: 0 };
  try {
    const doc = analyzeIngested(item, { registry: ctx.registry, actors: ctx.actors });
    const { stored } = ctx.store.saveDoc(doc);
    if (stored) ctx.registry.saved();
    return { stored, events: stored ? doc.events.length : 0 };
  } catch (e) {
    const storeFailure = storeWriteFailure(e, ctx.dbPath);
    if (storeFailure) throw new StoreFailure(`${storeFailure} (stopped at ${item.meta.origin})`);
    return { failure: analysisFailure(item.meta.origin, e) };
  }
}

/**
 * A fetched page as an article: HTML through Readability (text/plain as a text file), and
 * what the page does not say — title, author, day, URL, source — taken from its feed item.
 */
export function articleFromPage(body: string, contentType: string | null, item: FeedItem, feedTitle: string | null, pageUrl = item.url): IngestedArticle | InputProblem {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const html = type === '' || type === 'text/html' || type === 'application/xhtml+xml';
  if (!html && type !== 'text/plain') return { origin: item.url, line: null, message: `not an HTML page (content type ${type})` };
  const read = (title: string | null) => (html ? ingestHtml(body, item.url, { title }) : ingestText(body, item.url, { title }));
  let article = read(null);
  // The title leads an article's text: a page without one gets the feed's, in its text as well.
  if (!isProblem(article) && article.meta.title === null && item.title) article = read(item.title);
  if (isProblem(article)) return article;
  const m = article.meta;
  return {
    ...article,
    meta: {
      ...m,
      author: m.author ?? item.author,
      published: m.published ?? item.published,
      // A canonical link may be written relative to the page.
      url: (m.url ? absoluteUrl(m.url, pageUrl) : null) ?? item.url,
      source: m.source ?? feedTitle,
    },
  };
}

function absoluteUrl(link: string, base: string): string | null {
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

/** Fetch, read and store one feed item's page; says what came of it (failures are logged). */
async function pollPage(item: FeedItem, feedUrl: string, feedTitle: string | null, ctx: PollContext, report: SourceReport): Promise<'done' | 'retry' | 'stopped'> {
  let res;
  try {
    res = await ctx.fetcher.get(item.url, { accept: PAGE_ACCEPT });
  } catch (e) {
    if (ctx.stop.aborted) return 'stopped';
    if (!(e instanceof FetchError)) throw e;
    report.failed++;
    ctx.log(e.message);
    // Not asked at all: no try is counted against the page.
    if (e instanceof HostPaused) return 'retry';
    if (e.permanent) { ctx.state.page(item.url, feedUrl, 'failed', null, e.reason); return 'done'; }
    ctx.state.pageRetry(item.url, feedUrl, e.reason);
    return ctx.state.pageDone(item.url) ? 'done' : 'retry';
  }
  if (res.status !== 'ok') return 'done';
  const article = articleFromPage(decodeBody(res.body, res.contentType), res.contentType, item, feedTitle, res.url);
  if (isProblem(article)) {
    report.failed++;
    ctx.log(formatProblem(article));
    ctx.state.page(item.url, feedUrl, 'failed', null, article.message);
    return 'done';
  }
  const saved = storeArticle(article, ctx);
  if ('failure' in saved) {
    report.failed++;
    ctx.log(saved.failure);
    ctx.state.page(item.url, feedUrl, 'failed', null, saved.failure);
    return 'done';
  }
  if (saved.stored) { report.stored++; report.events += saved.events; } else report.duplicates++;
  ctx.state.page(item.url, feedUrl, saved.stored ? 'stored' : 'duplicate', article.meta.hash);
  return 'done';
}

async function pollFeed(url: string, ctx: PollContext): Promise<SourceReport> {
  const report = emptyReport(url);
  let res;
  try {
    res = await ctx.fetcher.get(url, { validators: ctx.state.validators(url), accept: FEED_ACCEPT });
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    if (ctx.stop.aborted) return { ...report, stopped: true };
    return { ...report, status: 'failed', reason: e.reason };
  }
  if (res.status === 'not-modified') return { ...report, reason: 'unchanged (304 Not Modified)' };
  let feed;
  try {
    feed = parseFeedBody(decodeBody(res.body, res.contentType), res.url);
  } catch (e) {
    return { ...report, status: 'failed', reason: (e as Error).message };
  }
  // The validators are kept only when every item was dealt with: a poll stopped half-way, or
  // a page to try again, must not turn the next poll's answer into a 304 that hides them.
  let complete = true;
  for (const item of feed.items) {
    if (ctx.stop.aborted) { complete = false; report.stopped = true; break; }
    if (ctx.state.pageDone(item.url)) { report.known++; continue; }
    report.status = 'new';
    const outcome = await pollPage(item, url, feed.title, ctx, report);
    if (outcome === 'stopped') { complete = false; report.stopped = true; break; }
    if (outcome === 'retry') complete = false;
  }
  if (complete) ctx.state.polled(url, res.validators);
  if (report.status === 'unchanged') report.reason = feed.items.length ? 'no new items' : 'no items';
  return report;
}

/** The files of a watched path: a directory's (as acta ingest walks it), or the file itself. */
async function* filesOf(path: string): AsyncGenerator<{ path: string } | InputProblem> {
  const info = await stat(path);
  if (info.isDirectory()) yield* walk(path);
  else yield { path };
}

async function pollPath(path: string, ctx: PollContext): Promise<SourceReport> {
  const report = emptyReport(path);
  let files;
  try {
    files = filesOf(path);
    for await (const f of files) {
      if (ctx.stop.aborted) { report.stopped = true; break; }
      if ('message' in f) { report.failed++; ctx.log(formatProblem(f)); continue; }
      let info;
      try { info = await stat(f.path); } catch { continue; } // gone since the listing
      if (ctx.state.fileSeen(f.path, info.size, info.mtimeMs)) { report.known++; continue; }
      report.status = 'new';
      let whole = true;
      for await (const item of readInputs([f.path], { encoding: ctx.encoding })) {
        if (isProblem(item)) { report.failed++; ctx.log(formatProblem(item)); continue; }
        const saved = storeArticle(item, ctx);
        if ('failure' in saved) { report.failed++; ctx.log(saved.failure); }
        else if (saved.stored) { report.stored++; report.events += saved.events; }
        else report.duplicates++;
        // Between two articles of a batch file: the file is read again next time, its stored articles skipped by their hash.
        if (ctx.stop.aborted) { whole = false; report.stopped = true; break; }
      }
      if (whole) ctx.state.fileRead(f.path, info.size, info.mtimeMs);
      if (!whole) break;
    }
  } catch (e) {
    if (e instanceof StoreFailure) throw e;
    return { ...report, status: 'failed', reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message };
  }
  if (report.status === 'unchanged') report.reason = 'no new files';
  return report;
}

/**
 * Poll every source once, in order, printing a line for each (and one for each page or file
 * that failed). Throws StoreFailure when the store cannot be written.
 */
export async function pollOnce(sources: readonly Source[], ctx: PollContext): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const s of sources) {
    if (ctx.stop.aborted) break;
    const report = s.kind === 'feed' ? await pollFeed(s.url, ctx) : await pollPath(s.path, ctx);
    ctx.log(reportLine(report));
    reports.push(report);
  }
  return reports;
}
