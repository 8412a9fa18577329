/**
 * A feed's body as the items `acta watch` follows: RSS 0.9x/2.0, Atom 1.0, RSS 1.0 (RDF) and
 * JSON Feed 1.x, read by feedsmith. Each item gives the page to fetch (its link, resolved
 * against the feed's own URL) and what the feed says of it — title, author, day — which fills
 * in what the page itself does not say.
 */
import { parseFeed } from 'feedsmith';
import { nonEmpty } from '../ingest/common.js';
import { parseDate, ymd } from '../ingest/dates.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** The article page: an absolute http(s) URL. */
  url: string;
  title: string | null;
  author: string | null;
  /** The day the feed gives, YYYY-MM-DD, or null. */
  published: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  items: FeedItem[];
  /** Items with no link to an http(s) page: nothing to fetch. */
  withoutLink: number;
}

/** A body that is no feed acta reads, or a broken one; the message says which. */
export class FeedError extends Error {}

/** Feeds write days many ways: ISO 8601, RFC 822 ("Tue, 14 Mar 2023 10:00:00 GMT"), bare days. */
export function feedDay(raw: unknown): string | null {
  const s = typeof raw === 'string' ? raw.trim() : null;
  if (!s) return null;
  const iso = parseDate(s) ?? parseDate(s.replace(/^(\d{4}-\d{2}-\d{2})[T ].*$/, '$1'));
  if (iso) return iso;
  // RFC 822 / 2822: the day as written, in the writer's zone (as parseDate keeps a timestamp's).
  const m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})\b/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) > 69 ? 100 : 0) : Number(m[3]);
  return month > 0 ? ymd(year, month, Number(m[1])) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An http(s) URL for a link as a feed writes it (possibly relative), else null. */
function pageUrl(link: unknown, base: string): string | null {
  if (typeof link !== 'string' || !link.trim()) return null;
  try {
    const u = new URL(link.trim(), base);
    // A fragment names a place in the page, not another page: one fetch, one URL remembered.
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Atom and feedsmith give text constructs as `{ value }`; RSS as plain strings. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return nonEmpty(v);
  if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string') return nonEmpty((v as { value: string }).value);
  return null;
}

/**
 * A person as feeds name one: RSS's `<author>` is an e-mail address with the name in
 * brackets ("desk@example.org (Jane Doe)"); an address alone names nobody.
 */
export function personName(raw: unknown): string | null {
  const s = typeof raw === 'string' ? nonEmpty(raw) : raw && typeof raw === 'object' ? text((raw as { name?: unknown }).name) : null;
  if (!s) return null;
  const bracketed = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (bracketed) return nonEmpty(bracketed[1]);
  return /^\S+@\S+$/.test(s) ? null : s;
}

function first<T>(list: unknown): T | undefined {
  return Array.isArray(list) ? (list[0] as T) : undefined;
}

type Raw = Record<string, unknown>;

/** Atom's page link: rel="alternate" (the default), HTML preferred over other types. */
function atomLink(entry: Raw, base: string): string | null {
  const links = (Array.isArray(entry.links) ? entry.links : []) as Raw[];
  const alternates = links.filter((l) => l.rel === undefined || l.rel === 'alternate');
  const html = alternates.find((l) => typeof l.type !== 'string' || /html/i.test(l.type as string)) ?? alternates[0];
  return pageUrl(html?.href, base);
}

function itemOf(format: FeedFormat, item: Raw, base: string): FeedItem | null {
  const dc = (item.dc ?? {}) as Raw;
  let url: string | null;
  let author: string | null;
  let published: string | null;
  switch (format) {
    case 'rss': {
      const guid = item.guid as Raw | undefined;
      // A guid is the page only when the feed does not say it is not a permalink.
      url = pageUrl(item.link, base) ?? (guid && guid.isPermaLink !== false ? pageUrl(guid.value, base) : null);
      author = personName(first(dc.creators)) ?? personName(first(item.authors));
      published = feedDay(item.pubDate) ?? feedDay(first(dc.dates));
      break;
    }
    case 'rdf':
      url = pageUrl(item.link, base) ?? pageUrl((item.rdf as Raw | undefined)?.about, base);
      author = personName(first(dc.creators));
      published = feedDay(first(dc.dates));
      break;
    case 'atom':
      url = atomLink(item, base);
      author = personName(first(item.authors)) ?? personName(first(dc.creators));
      published = feedDay(item.published) ?? feedDay(item.updated);
      break;
    case 'json':
      url = pageUrl(item.url, base) ?? pageUrl(item.external_url, base);
      author = personName(first(item.authors)) ?? personName(item.author);
      published = feedDay(item.date_published) ?? feedDay(item.date_modified);
      break;
  }
  if (!url) return null;
  return { url, title: text(item.title), author, published };
}

/**
 * The items of a feed body fetched from `feedUrl` (relative links resolve against it), in the
 * feed's order, each page once. Throws a FeedError saying what is wrong with the body.
 */
export function parseFeedBody(body: string, feedUrl: string): ParsedFeed {
  let parsed: { format: FeedFormat; feed: Raw };
  try {
    parsed = parseFeed(body) as unknown as { format: FeedFormat; feed: Raw };
  } catch (e) {
    const what = (e as Error).name === 'DetectError' ? 'not a feed (RSS, Atom, RDF or JSON Feed)' : 'malformed feed';
    throw new FeedError(`${what}: ${(e as Error).message}`);
  }
  const { format, feed } = parsed;
  const raw = ((format === 'atom' ? feed.entries : feed.items) ?? []) as Raw[];
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let withoutLink = 0;
  for (const r of raw) {
    const item = itemOf(format, r, feedUrl);
    if (!item) { withoutLink++; continue; }
    if (seen.has(item.url)) continue;
    seen.add(item.url);
    items.push(item);
  }
  return { format, title: text(feed.title), items, withoutLink };
}
