/**
 * HTTP(S) GET for `acta watch`, polite and bounded: conditional requests (ETag,
 * Last-Modified), at most one request per host every `perHostMs`, a time limit to connect and
 * one for the whole answer, a size limit on the body (counted after decompression, so a small
 * gzip bomb is refused too), a bounded number of redirects, and only http: and https:. Every
 * failure is a FetchError whose message starts with the URL it concerns.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { decodeWindows1252 } from '../ingest/files.js';

export interface FetchLimits {
  /** Milliseconds to open the connection (TCP, and TLS for https). */
  connectTimeoutMs: number;
  /** Milliseconds from the request to the last byte of the answer. */
  totalTimeoutMs: number;
  /** The most bytes of a body read (decompressed); past it the read is aborted. */
  maxBytes: number;
  /** The most redirects followed for one request. */
  maxRedirects: number;
  /** At least this many milliseconds between two requests to one host. */
  perHostMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostMs: 1_000,
};

export const USER_AGENT = 'acta/0.1.0 (news event coder; acta watch)';

/** What a fetcher remembers of a URL to ask only for a changed answer. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { status: 'ok'; url: string; body: Buffer; contentType: string | null; validators: Validators }
  | { status: 'not-modified'; url: string };

/**
 * Why a URL could not be read. `permanent`: asking again will not help (a 404, a body over the
 * limit, a scheme acta does not fetch); otherwise it may (a timeout, a 503, a reset).
 */
export class FetchError extends Error {
  constructor(readonly url: string, readonly reason: string, readonly permanent: boolean, readonly httpStatus: number | null = null) {
    super(`${url}: ${reason}`);
  }
}

/** A request not made: its host asked for a pause (Retry-After) that has not ended. */
export class HostPaused extends FetchError {}

/** The HTTP statuses worth asking again later: the server is busy or failing, not refusing. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The longest pause a server's Retry-After imposes on later requests to it: an hour. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** Milliseconds a Retry-After header asks to wait: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function sleep(ms: number, stop?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || stop?.aborted) { resolve(); return; }
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); stop?.removeEventListener('abort', done); resolve(); }
    stop?.addEventListener('abort', done, { once: true });
  });
}

/** An http(s) URL parsed, or a FetchError saying why not. */
export function fetchableUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchError(raw, 'not a URL', true);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(raw, `only http and https are fetched, not ${u.protocol.replace(/:$/, '')}`, true);
  return u;
}

/** The body stream of a response, decompressed as its Content-Encoding says. */
function decoded(res: http.IncomingMessage, url: string): Readable {
  const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  switch (encoding) {
    case 'identity': case '': return res;
    case 'gzip': case 'x-gzip': return res.pipe(zlib.createGunzip());
    case 'deflate': return res.pipe(zlib.createInflate());
    case 'br': return res.pipe(zlib.createBrotliDecompress());
    default: throw new FetchError(url, `content encoding "${encoding}" not supported`, true);
  }
}

export interface GetOptions {
  validators?: Validators | null;
  /** The Accept header. */
  accept?: string;
}

/**
 * One fetcher for a whole `acta watch` run: it keeps when each host was last asked, so that
 * every request, redirects included, waits its turn.
 */
export class Fetcher {
  private readonly nextTurn = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(readonly limits: FetchLimits = DEFAULT_LIMITS, private readonly stop?: AbortSignal) {}

  /** GET a URL, following redirects. Throws a FetchError; answers 304 as not-modified. */
  async get(rawUrl: string, opts: GetOptions = {}): Promise<FetchResult> {
    let url = fetchableUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      await this.waitTurn(url.host, url.href === rawUrl ? rawUrl : `${rawUrl} (redirected to ${url.href})`);
      const answer = await this.once(url, opts, rawUrl);
      if (answer.kind === 'done') return answer.result;
      if (redirects >= this.limits.maxRedirects) throw new FetchError(rawUrl, `more than ${this.limits.maxRedirects} redirects`, true);
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        throw new FetchError(rawUrl, `redirect to a bad URL "${answer.location}"`, true);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchError(rawUrl, `redirect to ${next.protocol.replace(/:$/, '')}, which is not fetched`, true);
      url = next;
    }
  }

  /** A host that asked for a pause (Retry-After) is not asked again before it ends, MAX_RETRY_AFTER_MS at most. */
  private deferHost(host: string, ms: number): void {
    this.pausedUntil.set(host, Date.now() + Math.min(ms, MAX_RETRY_AFTER_MS));
  }

  /**
   * Wait until the host may be asked again, and book the turn after. A host in a pause it asked
   * for is not waited on (the pause may be long, and the other sources would wait with it): the
   * request fails at once, to be made at a later poll.
   */
  private async waitTurn(host: string, url: string): Promise<void> {
    const now = Date.now();
    const paused = this.pausedUntil.get(host) ?? 0;
    if (paused > now) throw new HostPaused(url, `the server asked for a pause (Retry-After) until ${new Date(paused).toISOString()}; not asked now`, false);
    const at = Math.max(now, this.nextTurn.get(host) ?? 0);
    this.nextTurn.set(host, at + this.limits.perHostMs);
    await sleep(at - now, this.stop);
    if (this.stop?.aborted) throw new FetchError(url, 'stopped', false);
  }

  /** One request, no redirect followed. */
  private once(url: URL, opts: GetOptions, asked: string): Promise<{ kind: 'done'; result: FetchResult } | { kind: 'redirect'; location: string }> {
    const { connectTimeoutMs, totalTimeoutMs, maxBytes } = this.limits;
    const name = url.href === asked ? asked : `${asked} (redirected to ${url.href})`;
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      'accept-encoding': 'gzip, deflate, br',
      accept: opts.accept ?? '*/*',
    };
    if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
    if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        this.stop?.removeEventListener('abort', onStop);
        f();
      };
      const fail = (reason: string, permanent: boolean, status: number | null = null) => {
        finish(() => reject(new FetchError(name, reason, permanent, status)));
        req.destroy();
      };
      const onStop = () => fail('stopped', false);
      // A fresh connection for each request (agent: false): no socket is kept open between polls.
      const req = client.request(url, { method: 'GET', headers, agent: false });
      timers.push(setTimeout(() => fail(`no connection within ${connectTimeoutMs} ms`, false), connectTimeoutMs));
      timers.push(setTimeout(() => fail(`no complete answer within ${totalTimeoutMs} ms`, false), totalTimeoutMs));
      this.stop?.addEventListener('abort', onStop, { once: true });
      req.on('socket', (socket) => {
        const connected = () => clearTimeout(timers[0]);
        if (!socket.connecting) connected();
        else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
      req.on('error', (e: NodeJS.ErrnoException) => fail(e.code ? `${e.code}: ${e.message}` : e.message, false));
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const header = (h: string): string | null => {
          const v = res.headers[h];
          return typeof v === 'string' && v.trim() ? v.trim() : null;
        };
        if (REDIRECTS.has(status)) {
          res.resume();
          const location = header('location');
          if (!location) { fail(`${status} redirect without a Location`, true, status); return; }
          finish(() => resolve({ kind: 'redirect', location }));
          req.destroy();
          return;
        }
        if (status === 304) {
          res.resume();
          finish(() => resolve({ kind: 'done', result: { status: 'not-modified', url: url.href } }));
          return;
        }
        if (status < 200 || status > 299) {
          res.resume();
          const later = retryAfterMs(header('retry-after'), Date.now());
          if (later !== null && (status === 429 || status === 503)) this.deferHost(url.host, later);
          fail(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, !TRANSIENT_STATUSES.has(status), status);
          return;
        }
        const declared = Number(header('content-length') ?? NaN);
        if (declared > maxBytes) {
          fail(`body of ${declared} bytes is over the ${maxBytes}-byte limit; not read`, true, status);
          return;
        }
        let body: Readable;
        try {
          body = decoded(res, name);
        } catch (e) {
          fail((e as Error).message.replace(`${name}: `, ''), true, status);
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) { fail(`body over the ${maxBytes}-byte limit; read aborted`, true, status); body.destroy(); return; }
          chunks.push(chunk);
        });
        body.on('error', (e) => fail(`cannot read the body: ${e.message}`, false, status));
        res.on('close', () => { if (!res.complete) fail('the connection closed before the whole body came', false, status); });
        body.on('end', () => finish(() => resolve({
          kind: 'done',
          result: {
            status: 'ok', url: url.href, body: Buffer.concat(chunks), contentType: header('content-type'),
            validators: { etag: header('etag'), lastModified: header('last-modified') },
          },
        })));
      });
      req.end();
    });
  }
}

/**
 * Bytes of an answer as text: the charset its Content-Type names, else the one an XML prolog
 * or an HTML meta tag declares in its first kilobytes, else UTF-8 (a byte order mark wins).
 */
export function decodeBody(body: Buffer, contentType: string | null): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1]
    ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
    ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // The WHATWG labels of windows-1252 (latin1, iso-8859-1, ascii…): Node 20's decoder reads its
  // 0x80–0x9F as C1 controls, where pages mean curly quotes and dashes.
  if (decoder.encoding === 'windows-1252') return decodeWindows1252(body);
  return decoder.decode(body);
}
