/**
 * Fuzzing text ingest: article-shaped text with odd characters, odd datelines,
 * every line-end convention and huge lines. Whatever the text, ingestText
 * returns an article whose spans index that very text in order, or a problem
 * naming the input; it never throws, never takes long, and gives the same
 * answer twice. Budget and seed: src/util/fuzz.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerProblems } from '../doc/invariants.js';
import { fuzzParameters, withinTime } from '../util/fuzz.js';
import { anyText, articleText, datelineLine, token, writtenDate } from './arbitraries.js';
import { isProblem } from './common.js';
import { isIsoDay, parseDate } from './dates.js';
import { ingestText, parseDateline } from './text.js';

test('fuzz: any text ingests to an article whose spans index it, or to a problem naming it', () => {
  fc.assert(fc.property(anyText, (text) => {
    const a = withinTime(2000, 'ingestText', () => ingestText(text, 'fuzz.txt'));
    assert.deepEqual(answerProblems(a, 'fuzz.txt'), []);
    if (!isProblem(a)) {
      assert.equal(a.text, text, 'the text is kept as given');
      assert.equal(a.meta.origin, 'fuzz.txt');
    } else {
      assert.equal(text.trim(), '', 'only an empty text is a problem');
    }
    assert.deepEqual(ingestText(text, 'fuzz.txt'), a, 'the same text gives the same article');
  }), fuzzParameters(1000));
});

/** A caller's field: text, blank, or odd characters only. */
const callerField = fc.option(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' ', '\n\t', '\uD800')), { nil: undefined });

test('fuzz: a caller\'s published date is taken when it is a day, refused when not; the caller\'s other fields win when not blank', () => {
  fc.assert(fc.property(anyText, writtenDate, callerField, callerField, callerField, (text, published, title, id, source) => {
    const a = ingestText(text, 'fuzz.txt', { published, title, id, source });
    assert.deepEqual(answerProblems(a, 'fuzz.txt'), []);
    if (isProblem(a)) {
      if (text.trim() !== '') assert.equal(isIsoDay(published), false);
      return;
    }
    assert.equal(a.meta.published, published);
    if (title !== undefined && title.trim() !== '') assert.equal(a.meta.title, title.replace(/\s+/g, ' ').trim());
    if (id !== undefined && id.trim() !== '') assert.equal(a.meta.id, id.replace(/\s+/g, ' ').trim());
    if (source !== undefined && source.trim() !== '') assert.equal(a.meta.source, source.replace(/\s+/g, ' ').trim());
  }), fuzzParameters(500));
});

test('fuzz: a dateline names a real day or is not read as a dateline', () => {
  fc.assert(fc.property(datelineLine, (line) => {
    const d = withinTime(500, 'parseDateline', () => parseDateline(line));
    if (d?.published != null) assert.ok(isIsoDay(d.published), `${d.published} is a day`);
    if (d?.author != null) assert.ok(d.author.trim() !== '' && d.author === d.author.trim());
  }), fuzzParameters(1000));
});

test('fuzz: parseDate gives a real calendar day or null', () => {
  fc.assert(fc.property(fc.oneof(writtenDate, fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
    const d = parseDate(s);
    assert.ok(d === null || isIsoDay(d), `${JSON.stringify(s)} -> ${d}`);
  }), fuzzParameters(1000));
});

test('fuzz: LF, CRLF and bare-CR line ends give the same title, author, date, body and dropped lines', () => {
  const norm = (a: ReturnType<typeof ingestText>, text: string) => (isProblem(a) ? a.message : {
    title: a.meta.title, author: a.meta.author, published: a.meta.published,
    body: a.body.map((s) => text.slice(s.start, s.end).replace(/\r\n?/g, '\n')),
    dropped: a.dropped.map((s) => [s.reason, text.slice(s.start, s.end).replace(/\r\n?/g, '\n')]),
  });
  fc.assert(fc.property(articleText.map((t) => t.replace(/\r\n?/g, '\n')), (lf) => {
    const expected = norm(ingestText(lf, 'fuzz.txt'), lf);
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      assert.deepEqual(norm(ingestText(text, 'fuzz.txt'), text), expected, JSON.stringify(eol));
    }
  }), fuzzParameters(500));
});
