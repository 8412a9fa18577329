/**
 * Inputs for the fuzz tests: article-shaped text, HTML pages, JSON records and
 * raw bytes, built from news words (taken from the knowledge files in data/, so
 * that every stage finds something to work on) mixed with the characters real
 * inputs carry by accident: byte order marks, NULs, CR and CRLF line ends, lone
 * surrogates, combining marks, right-to-left script, emoji, zero-width joiners,
 * huge lines, odd dates and fields of the wrong type.
 */
import fc from 'fast-check';
import { loadTsv, splitList } from '../util/data.js';

/** Words the pipeline reacts to: event verbs and nouns, roles, countries, cues, holidays, names. */
function newsWords(): string[] {
  const words = new Set<string>();
  const add = (s: string | undefined) => { for (const w of (s ?? '').split(/[\s|]+/)) if (w) words.add(w); };
  for (const r of loadTsv('event-patterns.tsv')) add(r.pattern?.split('|')[0]);
  for (const r of loadTsv('role-words.tsv')) add(r.words);
  for (const r of loadTsv('countries.tsv')) { add(r.name); add(r.demonyms); add(r.capital); }
  for (const r of loadTsv('attribution-cues.tsv')) add(r.cue);
  for (const r of loadTsv('times-holidays.tsv')) splitList(r.names).forEach(add);
  for (const r of loadTsv('person-names.tsv').slice(0, 200)) add(r.name.charAt(0).toUpperCase() + r.name.slice(1));
  return [...words].sort();
}

/** Words of time expressions and the small words between others, so that generated sentences carry dates. */
const TIME_AND_GLUE_WORDS = [
  'yesterday', 'today', 'tomorrow', 'tonight', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'last', 'next', 'this', 'week', 'weeks', 'month', 'months', 'year', 'years', 'ago', 'later', 'earlier', 'since', 'until',
  'morning', 'evening', 'night', 'noon', 'midnight', 'decade', '1990s', 'century', 'day', 'days', 'hours', 'early', 'late', 'mid',
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'by', 'and', 'but', 'not', 'no', 'who', 'that', 'after', 'before', 'during', 'against', 'with', 'from', 'to',
];

const VOCABULARY = newsWords();

/** Characters that trip up text handling: invisible, combining, bidirectional, astral, control. */
const ODD_CHARS = [
  '\uFEFF', '\u0000', '\u200B', '\u200D', '\u200E', '\u200F', '\u202E', '\u2066', '\u00AD', '\u0301', '\u0308\u0323',
  '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u001B', '\u00A0', '\u3000', '\uFFFD', '\uFFFF',
  '😀', '👩‍👩‍👧', '🇮🇶', '🏳️‍🌈', '𝔄𝔟𝔠', '\uD83D', '\uDE00', '\uDC00\uD800',
  'مرحبا', 'بغداد', 'שלום', 'Привет', '北京', 'Ἀθῆναι', 'ǅ', 'ß', 'İ', 'ﬁ',
  '&amp;', '&#0;', '&#xD800;', '<', '>', '"', "'", '\\', '`', '…', '—', '–', '“', '”', '‘', '’',
];

const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '...', '(', ')', '[', ']', '"', "'", '-', '--', '/', '%', '$', '#', '@', '*'];

/** One token of article text: mostly news words and small words, some numbers, odd characters and random strings. */
export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TIME_AND_GLUE_WORDS) },
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY).map((w) => w.charAt(0).toUpperCase() + w.slice(1)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom('ed', 's', 'ing', "'s")).map(([w, end]) => w + end) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);

/** `arb` in about `share` of the cases, else null. */
function sometimes<T>(arb: fc.Arbitrary<T>, share: number): fc.Arbitrary<T | null> {
  const weight = Math.round(share * 100);
  if (weight <= 0) return fc.constant(null);
  return fc.oneof({ weight: 100 - weight, arbitrary: fc.constant(null) }, { weight, arbitrary: arb });
}

/** White space between words, mostly a plain space. */
const gap = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t', '\u00A0', '\u2009', '\u3000', ' \u200B') },
);

/** A sentence: up to twenty-odd tokens, usually closed by a full stop. */
export const sentence: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(token, gap), { minLength: 1, maxLength: 24 }), fc.constantFrom('.', '.', '.', '!', '?', '', '."', '…', ':'))
  .map(([words, end]) => words.map(([w, g]) => w + g).join('').trimEnd() + end);

/** A paragraph line: a few sentences. */
export const proseLine: fc.Arbitrary<string> = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

/** A byline name: usually capitalised words, sometimes not a name at all. */
const authorName = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom('Jane', 'Doe', 'Ahmed', 'al-Rashid', 'von', 'Øyvind', 'Zoë', 'O’Neil', 'Mary-Kate', 'Ли', 'محمد'), { minLength: 1, maxLength: 7 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: token },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 90 }) },
);

/** Day, month and year fields that are sometimes not a calendar day at all (30 February, month 13, year 0). */
const dayMonthYear = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 28 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 29, 30, 31, 32, 99) }),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 13, 99) }),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1990, max: 2030 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 999, 1900, 2000, 2024, 2100, 9999) }),
);

const MONTH_NAMES = ['January', 'Feb', 'Feb.', 'March', 'Sept', 'Sept.', 'December', 'Smarch'];

/** A date as datelines write it, real day or not. */
export const writtenDate: fc.Arbitrary<string> = fc
  .tuple(dayMonthYear, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...MONTH_NAMES))
  .map(([[d, m, y], shape, name]) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    switch (shape) {
      case 0: return `${p2(d)}.${p2(m)}.${String(y).padStart(4, '0')}`;
      case 1: return `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
      case 2: return `${name} ${d}, ${y}`;
      case 3: return `${d} ${name} ${y}`;
      case 4: return `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}T${p2(d % 30)}:${p2(m * 5 % 70)}:00+03:00`;
      default: return `${d}.${m}.${y}`;
    }
  });

/** A dateline or byline in the shapes text ingest looks for, with odd dates and odd names. */
export const datelineLine: fc.Arbitrary<string> = fc
  .tuple(writtenDate, authorName, fc.integer({ min: 0, max: 4 }), fc.constantFrom(' ', ' | ', ', ', ' — ', ' - ', '·'))
  .map(([date, name, shape, sep]) => {
    switch (shape) {
      case 0: return `${date} Author: ${name}`;
      case 1: return `${date}${sep}By ${name}`;
      case 2: return `By ${name}${sep}${date}`;
      case 3: return `Author: ${name}`;
      default: return date;
    }
  });

/** Lines sites put around articles (see data/boilerplate.tsv), and author bios. */
const boilerplateLine = fc.constantFrom(
  'Please select digest to download:', 'Download the PDF', 'Share this article', 'Subscribe to our newsletter',
  'Read more:', 'Advertisement', 'Follow us on Twitter', 'All rights reserved.', '© 2024', 'Tags:',
);
const bioLine = fc
  .tuple(authorName, fc.constantFrom('is a journalist based in Beirut.', ', an expert on the Sahel.', 'wrote this exclusively for the site.', 'was a correspondent.'))
  .map(([n, rest]) => (rest.startsWith(',') ? n + rest : `${n} ${rest}`));
const aboutTheAuthor = sentence.map((s) => `About the author: ${s}`);

/** One very long line: a word repeated, with or without spaces (a scraper that lost its line breaks). */
export const hugeLine: fc.Arbitrary<string> = fc
  .tuple(token, fc.integer({ min: 1000, max: 40000 }), fc.constantFrom(' ', '', '. '))
  .map(([w, n, sep]) => Array(n).fill(w || 'x').join(sep));

/** Line ends of every convention, and blank lines with stray white space. */
const lineEnd = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\n \n', '\n\t\n', '\u2028', '\n\u00A0\n');

/**
 * A text article: maybe a dateline, maybe a title, prose, maybe bio and
 * boilerplate, in any line-end convention; a huge line in `hugeShare` of them.
 */
export function articleTextWith(hugeShare: number): fc.Arbitrary<string> {
  return fc.tuple(
    fc.constantFrom('', '', '', '\uFEFF', ' ', '\n\n', '\u200B'),
    sometimes(datelineLine, 0.5),
    sometimes(fc.array(token, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), 0.6),
    sometimes(datelineLine, 0.2),
    fc.array(fc.oneof(
      { weight: 10, arbitrary: proseLine },
      { weight: 1, arbitrary: boilerplateLine },
      { weight: 1, arbitrary: datelineLine },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00A0', '---', '* * *') },
    ), { minLength: 0, maxLength: 10 }),
    sometimes(fc.oneof(bioLine, aboutTheAuthor), 0.3),
    fc.array(boilerplateLine, { maxLength: 3 }),
    sometimes(hugeLine, hugeShare),
    lineEnd,
    fc.constantFrom('', '\n', '\r\n', '   ', '\u0000'),
  ).map(([lead, dateline, title, byline, body, bio, trailer, huge, eol, tail]) => {
    const lines = [dateline, title, byline, ...body, huge, bio, ...trailer].filter((l): l is string => l !== null);
    return lead + lines.join(eol) + tail;
  });
}

/** Text articles, one in 25 with a huge line. */
export const articleText = articleTextWith(0.04);

/** Any text at all: articles, random unicode (with lone surrogates), or a mixture of both. */
export const anyText: fc.Arbitrary<string> = anyTextWith(articleText);

/** Article text or any other text, for analysis: no huge lines, whose cost is the pipeline's linear-time business. */
export const analysableText: fc.Arbitrary<string> = anyTextWith(articleTextWith(0));

function anyTextWith(articles: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: articles },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.array(token, { maxLength: 80 }).map((t) => t.join('')) },
    { weight: 1, arbitrary: fc.array(fc.oneof(token, fc.constantFrom('\n', '\r', '\r\n', ' ')), { maxLength: 80 }).map((t) => t.join('')) },
  );
}

/** Text as it sits in HTML: escaped, or raw with stray markup characters and entities. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const htmlText = fc.oneof(
  { weight: 4, arbitrary: proseLine.map(escapeHtml) },
  { weight: 1, arbitrary: proseLine },
  { weight: 1, arbitrary: fc.constantFrom('&nbsp;', '&amp;', '&lt;p&gt;', '&#x1F600;', '&#55296;', '&bogus;', '&', '<', '<!-- a comment -->', '<![CDATA[x]]>', '<?php ?>', '</p>', '</div></div>', '<p', '<br/>', '<br>', '<hr>', '<img src=x onerror=1>') },
);

const BLOCK_TAGS = ['p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'td', 'tr', 'table', 'h1', 'h2', 'h3', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption', 'pre', 'dl', 'dd'];
const INLINE_TAGS = ['span', 'a', 'b', 'i', 'em', 'strong', 'small', 'time', 'x-custom', 'font', 'q'];
const SKIPPED_TAGS = ['script', 'style', 'noscript', 'template', 'svg', 'button', 'iframe', 'select', 'textarea', 'title'];
const ATTRIBUTES = ['', ' class="content"', ' class="byline author"', ' id="main"', ' itemprop="articleBody"', ' hidden', ' style="display:none"', ' dir="rtl"', ' lang="ar"', ' role="navigation"', ' class="share social comment"', ' data-x="<p>"'];

/**
 * An element tree, at most `maxDepth` deep: block, inline and skipped
 * elements, text, line breaks and broken markup.
 */
export function htmlTree(maxDepth: number): fc.Arbitrary<string> {
  const tree = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      htmlText,
      htmlText,
      fc.tuple(fc.constantFrom(...BLOCK_TAGS, ...INLINE_TAGS), fc.constantFrom(...ATTRIBUTES), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
        .map(([tag, attrs, kids, closed]) => `<${tag}${attrs}>${kids.join('')}${closed ? `</${tag}>` : ''}`),
      fc.tuple(fc.constantFrom(...SKIPPED_TAGS), proseLine).map(([tag, body]) => `<${tag}>${body}</${tag}>`),
    ),
  }));
  return tree.node;
}

/** A chain of `depth` nested elements around a paragraph (depth is kept bounded by the caller). */
export function nestedHtml(maxDepth: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxDepth }), fc.constantFrom('div', 'span', 'section', 'b', 'blockquote', 'li'), proseLine, fc.boolean())
    .map(([n, tag, p, closed]) => `<${tag}>`.repeat(n) + `<p>${escapeHtml(p)}</p>` + (closed ? `</${tag}>`.repeat(n) : ''));
}

/** Any JSON value, deep or shallow, with odd strings; for JSON-LD blocks and record fields. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  writtenDate,
  fc.constantFrom(null, 0, -1, 1e308, true, [], {}, [null], ['2024-01-05'], { name: 'Jane Doe' }, [{ name: 42 }], '\uD800', ''),
);

/** JSON-LD: objects with dates and authors of every type, @graph members, and broken JSON. */
const jsonLd = fc.oneof(
  { weight: 4, arbitrary: fc.record({ '@type': fc.constantFrom('NewsArticle', 'WebPage'), datePublished: jsonValue, author: jsonValue, headline: jsonValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.array(fc.record({ datePublished: jsonValue, author: jsonValue }, { requiredKeys: [] }), { maxLength: 3 }).map((g) => JSON.stringify({ '@graph': g })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('{', 'not json', '', '{"@graph":{"@graph":{"datePublished":"2024-02-30"}}}', '</script><p>escaped</p>') },
);

/** The head of a page: title, meta tags of every kind with good and bad dates, JSON-LD. */
const htmlHead = fc
  .tuple(
    sometimes(fc.oneof(proseLine, token), 0.7),
    fc.array(fc.tuple(
      fc.constantFrom('property="article:published_time"', 'name="date"', 'name="pubdate"', 'itemprop="datePublished"', 'name="author"', 'property="og:site_name"', 'property="og:url"', 'name="DC.date"'),
      fc.oneof(writtenDate, token, fc.constant('')),
    ), { maxLength: 4 }),
    fc.array(jsonLd, { maxLength: 2 }),
    sometimes(fc.oneof(token, fc.constantFrom('https://example.org/a', 'javascript:alert(1)', '')), 0.3),
  )
  .map(([title, metas, lds, canonical]) =>
    (title !== null ? `<title>${escapeHtml(title)}</title>` : '')
    + metas.map(([k, v]) => `<meta ${k} content="${v.replace(/"/g, '&quot;')}">`).join('')
    + lds.map((l) => `<script type="application/ld+json">${l}</script>`).join('')
    + (canonical !== null ? `<link rel="canonical" href="${canonical.replace(/"/g, '&quot;')}">` : ''));

/** A page: head and body, a bare fragment, deep nesting (at most 50 levels), or markup soup. */
export const htmlPage: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(htmlHead, fc.array(htmlTree(6), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\uFEFF', '<!DOCTYPE html>', '<?xml version="1.0"?>')).map(([head, body, lead]) => `${lead}<html><head>${head}</head><body>${body.join('\n')}</body></html>`) },
  { weight: 2, arbitrary: fc.array(htmlTree(5), { minLength: 1, maxLength: 5 }).map((b) => b.join('')) },
  { weight: 1, arbitrary: nestedHtml(50) },
  { weight: 1, arbitrary: fc.array(fc.oneof(htmlText, token, fc.constantFrom('<', '>', '</', '/>', '<p>', '<div', '"', '=')), { maxLength: 60 }).map((t) => t.join('')) },
);

/** A field value of the wrong type, or an odd one of the right type. */
const oddField: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, 42, -1.5, true, false, [], ['a'], {}, { a: 1 }, '', ' ', '\uD800', '\u0000'),
  token,
);

/** Mostly a value of the field's type, sometimes one of another type. */
function mostly(arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: oddField });
}

/** A publication date field: good days, impossible days, other shapes, other types. */
const publishedField: fc.Arbitrary<unknown> = fc.oneof(
  writtenDate,
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-02-30', '2024-13-01', '0000-01-01', '2024-1-5', '2024-01-05T10:00:00Z', '20240105', ' 2024-01-05', '2024-01-05\n'),
  oddField,
);

/**
 * A JSONL/JSON record: "text" or "html" (or neither, or of the wrong type),
 * and the optional fields with values of every type.
 */
export const articleRecord: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    id: mostly(fc.oneof(fc.string({ maxLength: 12 }), fc.integer())),
    text: mostly(anyText),
    html: mostly(htmlPage),
    published: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2024-02-29', '2021-01-18', '1999-12-31') }, { weight: 1, arbitrary: publishedField }),
    title: mostly(fc.oneof(token, proseLine)),
    url: mostly(fc.constantFrom('https://example.org/a', 'http://x', 'not a url', '')),
    source: mostly(token),
    extra: jsonValue,
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: jsonValue },
);

/** A JSON string with lone surrogates left raw rather than escaped (JSON.stringify escapes them). */
function withRawSurrogates(json: string): string {
  return json.replace(/\\ud[89a-f][0-9a-f]{2}/gi, (m) => String.fromCharCode(parseInt(m.slice(2), 16)));
}

/** One line of a JSONL batch: a record, a broken record, or junk. */
export const jsonlLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: articleRecord.map((r) => JSON.stringify(r) ?? 'undefined') },
  { weight: 1, arbitrary: articleRecord.map((r) => withRawSurrogates(JSON.stringify(r) ?? '')) },
  { weight: 1, arbitrary: fc.tuple(articleRecord, fc.nat()).map(([r, n]) => { const s = JSON.stringify(r) ?? ''; return s.slice(0, n % (s.length + 1)); }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20000 }).map((n) => '{"text":'.repeat(1) + '['.repeat(n) + ']'.repeat(n) + '}') },
  { weight: 1, arbitrary: fc.oneof(token, fc.constantFrom('', ' ', '\t', '{}', '[]', 'null', '"text"', '{"text":"a"}{"text":"b"}', '\uFEFF{"text":"x y z"}')) },
);

/** A JSONL batch in any line-end convention. */
export const jsonlBatch: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '\uFEFF'), fc.array(jsonlLine, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\n\n', '\r'), fc.constantFrom('', '\n', '\r\n'))
  .map(([bom, lines, eol, tail]) => bom + lines.join(eol) + tail);

/** A .json file: one record, an array of records, or anything else JSON can say (deep nesting included). */
export const jsonDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(articleRecord, { maxLength: 5 }).map((a) => JSON.stringify(a)) },
  { weight: 2, arbitrary: articleRecord.map((r) => JSON.stringify(r) ?? 'null') },
  { weight: 1, arbitrary: fc.array(articleRecord, { maxLength: 3 }).map((a) => withRawSurrogates(JSON.stringify(a))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)) },
  { weight: 1, arbitrary: jsonlBatch },
);

/** UTF-8 bytes of a text, then damaged: BOMs, NULs, invalid sequences, UTF-16, truncation. */
export const inputBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof(anyText, htmlPage, jsonlBatch, jsonDocument),
    fc.integer({ min: 0, max: 9 }),
    fc.nat(),
    fc.constantFrom([0x00], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf5], [0x80], [0xe2, 0x82], [0xff, 0xfe], [0xef, 0xbb, 0xbf], [0x1b], [0x07, 0x08]),
  )
  .map(([text, damage, at, bad]) => {
    const utf8 = Buffer.from(text, 'utf8');
    const cut = utf8.length === 0 ? 0 : at % utf8.length;
    const badBytes = Buffer.from(bad);
    switch (damage) {
      case 0: return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
      case 1: return Buffer.concat([utf8.subarray(0, cut), badBytes, utf8.subarray(cut)]);
      case 2: return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 3: { const le = Buffer.from(text, 'utf16le'); return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]); }
      case 4: return utf8.subarray(0, cut);
      case 5: return Buffer.concat([Buffer.from([0xff, 0xfe]), utf8]);
      default: return utf8;
    }
  });

/** Raw bytes of any kind, for the decoder alone. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(inputBytes, fc.uint8Array({ maxLength: 400 }));
