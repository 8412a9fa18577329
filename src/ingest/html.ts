/**
 * HTML pages: @mozilla/readability finds the article, linkedom gives it a DOM.
 * The text we hand on is built from the article's block elements, one
 * paragraph per block, blank lines between, the title first; meta tags give
 * the publication date, byline and canonical URL.
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { DroppedSpan, IngestedArticle, InputProblem, Span } from '../doc/types.js';
import { finishArticle, nonEmpty, problem, type IngestOptions } from './common.js';
import { isIsoDay, parseDate } from './dates.js';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { layoutUnits, type Unit } from './layout.js';
import { parseDateline } from './text.js';

/**
 * Some prose must be left for a page to count as an article: at least one
 * paragraph of this many words. Readability falls back to whatever text a
 * page has (a menu, a footer), which is not an article.
 */
const MIN_PROSE_WORDS = 6;

/** Byline or dateline paragraphs sit among the first few blocks of an article. */
const BYLINE_LOOKAHEAD = 3;

/**
 * linkedom and Readability, loaded at the first page: together about 0.15 s of a start (linkedom
 * is some 150 modules), which a run over text or a query command should not pay.
 */
let domLibraries: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | null = null;
function dom(): NonNullable<typeof domLibraries> {
  if (!domLibraries) {
    const require = createRequire(import.meta.url);
    domLibraries = { parseHTML: (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML, Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability };
  }
  return domLibraries;
}

/** Parse HTML into a document; fragments are wrapped so that there is always a body. */
function parseDocument(html: string): Document {
  const full = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return dom().parseHTML(full).document as unknown as Document;
}

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = nonEmpty(el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('value'));
    if (v) return v;
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, @graph members included. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem, not the article's: skip it.
    }
  }
  return out;
}

function jsonLdString(objects: Record<string, unknown>[], key: string): string | null {
  for (const o of objects) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
    if (v && typeof v === 'object') {
      const first = Array.isArray(v) ? v[0] : v;
      const name = first && typeof first === 'object' ? (first as Record<string, unknown>).name : null;
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return null;
}

/** The publication day from meta tags, JSON-LD or a <time> element; null when none parses. */
export function htmlPublished(doc: Document): string | null {
  const candidates = [
    metaContent(doc, [
      'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
      'meta[property="og:article:published_time"]', 'meta[property="og:published_time"]',
      'meta[itemprop="datePublished"]', 'meta[name="datePublished"]',
      'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]',
      'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[name="dc.date"]', 'meta[name="DC.date"]',
    ]),
    jsonLdString(jsonLdObjects(doc), 'datePublished'),
    metaContent(doc, ['time[itemprop="datePublished"]', 'time[pubdate]', 'time[datetime]']),
  ];
  for (const c of candidates) {
    const d = c ? parseDate(c) : null;
    if (d) return d;
  }
  return null;
}

function htmlAuthor(doc: Document, byline: string | null | undefined): string | null {
  const raw = nonEmpty(byline)
    ?? metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]'])
    ?? jsonLdString(jsonLdObjects(doc), 'author');
  if (!raw || /^https?:/i.test(raw)) return null;
  return nonEmpty(raw.replace(/^(?:by|author:)\s+/i, ''));
}

function htmlUrl(doc: Document): string | null {
  const canonical = nonEmpty(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  return canonical ?? metaContent(doc, ['meta[property="og:url"]']);
}

/** Elements that end a paragraph: their text becomes one or more paragraphs of its own. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'caption',
]);

/** Content that is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'iframe']);

/**
 * The document less the elements in SKIP: a template's content is never shown, yet Readability
 * scores a paragraph inside a template, a form control or a drawing like any other, and may make
 * it the article. JSON-LD stays: Readability reads the headline, author and site from it.
 */
function withoutSkipped(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll([...SKIP].join(',')))) {
    if (el.tagName.toLowerCase() === 'script' && el.getAttribute('type') === 'application/ld+json') continue;
    el.remove();
  }
  return doc;
}

/** A line break inside a paragraph survives white-space folding as this mark. */
const BREAK = '\u2028';

/** The paragraphs of an element: text of inline content, split at block boundaries. */
export function blockParagraphs(root: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const p = buf.replace(/[^\S\u2028]+/g, ' ').replace(/ ?\u2028 ?/g, BREAK).replace(/^\u2028+|\u2028+$/g, '').trim();
    if (p) out.push(p.replace(/\u2028+/g, '\n'));
    buf = '';
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buf += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'br') buf += BREAK;
        else if (BLOCK.has(tag)) { flush(); walk(child); flush(); }
        else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** Ingest an HTML page. Returns a problem, never throws, for unusable input. */
export function ingestHtml(html: string, origin: string, opts: IngestOptions = {}): IngestedArticle | InputProblem {
  if (typeof html !== 'string' || html.trim() === '') return problem(origin, null, 'empty HTML');
  if (opts.published != null && !isIsoDay(opts.published)) {
    return problem(origin, null, `bad published date "${opts.published}" (want YYYY-MM-DD)`);
  }
  // Readability's time grows far faster than the nesting: a page nested too deep is refused
  // before any DOM is built (see html-depth.ts).
  if (htmlNestingDepth(html) > MAX_HTML_DEPTH) {
    return problem(origin, null, `HTML nested more than ${MAX_HTML_DEPTH} elements deep; not read`);
  }
  let doc: Document;
  let parsed: ReturnType<ReadabilityClass['parse']>;
  try {
    doc = parseDocument(html);
    // Readability rewrites the DOM it reads, so metadata is read from a second copy.
    parsed = new (dom().Readability)(withoutSkipped(parseDocument(html))).parse();
  } catch (err) {
    return problem(origin, null, `cannot parse HTML: ${(err as Error).message}`);
  }
  let paragraphs: string[] = [];
  if (parsed?.content) {
    const contentDoc = parseDocument(parsed.content);
    paragraphs = blockParagraphs(contentDoc.body ?? contentDoc.documentElement);
  }
  // No fallback to Readability's textContent: it holds the text of templates, drawings and
  // buttons that blockParagraphs leaves out, run together without breaks.
  if (paragraphs.length === 0) return problem(origin, null, 'no article text found');

  const title = nonEmpty(opts.title) ?? nonEmpty(parsed?.title) ?? nonEmpty(doc.querySelector('h1')?.textContent);
  // The title leads the text, as in a text file, unless the article already starts with it.
  const lead = title && paragraphs[0].replace(/\s+/g, ' ').toLowerCase() !== title.toLowerCase() ? [title] : [];
  const all = [...lead, ...paragraphs];
  const text = all.join('\n\n');

  const units: Unit[] = [];
  let pos = 0;
  all.forEach((p, block) => {
    units.push({ start: pos, end: pos + p.length, block });
    pos += p.length + 2;
  });
  const titleSpan: Span | null = title ? { start: units[0].start, end: units[0].end } : null;
  let author = htmlAuthor(doc, parsed?.byline);
  let published: string | null = null;
  const rest = titleSpan ? units.slice(1) : units;
  const dropped: DroppedSpan[] = [];
  // Readability often keeps the byline paragraph ("By Jane Doe", "Jane Doe | 12 April 2023").
  for (let i = 0; i < Math.min(BYLINE_LOOKAHEAD, rest.length - 1); i++) {
    const line = parseDateline(text.slice(rest[i].start, rest[i].end));
    if (!line) continue;
    author ??= line.author;
    published ??= line.published;
    dropped.push({ start: rest[i].start, end: rest[i].end, reason: line.published ? 'dateline' : 'byline' });
    rest.splice(i, 1);
    break;
  }
  const layout = layoutUnits(text, rest, author);
  const prose = layout.body.some((b) => text.slice(b.start, b.end).split(/\s+/).length >= MIN_PROSE_WORDS);
  if (!prose) return problem(origin, null, 'no article text found');
  return finishArticle(text, origin, opts, {
    title,
    author,
    published: htmlPublished(doc) ?? (parsed?.publishedTime ? parseDate(parsed.publishedTime) : null) ?? published,
    source: nonEmpty(parsed?.siteName) ?? metaContent(doc, ['meta[property="og:site_name"]']),
    url: htmlUrl(doc),
  }, titleSpan ? [titleSpan, ...layout.body] : layout.body, [...dropped, ...layout.dropped], titleSpan);
}
