/**
 * Fuzzing the whole pipeline: analyze() on generated text (news words among
 * emoji, right-to-left script, combining marks, lone surrogates, random
 * punctuation, odd datelines and line ends). It answers an input it cannot use
 * with an Error naming the input, and otherwise a document whose every layer
 * points into the text: offsets in range and in order, each span's stored text
 * the text at its offsets. A smaller budget than the ingest fuzzers: a case
 * runs every stage. Budget and seed: src/util/fuzz.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { docProblems } from './doc/invariants.js';
import type { Doc } from './doc/types.js';
import { analysableText, articleTextWith, htmlPage } from './ingest/arbitraries.js';
import { analyze } from './pipeline.js';
import { fuzzParameters, withinTime } from './util/fuzz.js';

/** analyze(), or the Error it throws; anything else thrown fails the case. */
function analyzeOrError(input: { text: string; published?: string } | { html: string }): Doc | Error {
  try {
    return analyze(input, 'fuzz');
  } catch (err) {
    assert.ok(err instanceof Error, `threw ${String(err)}, not an Error`);
    assert.match(err.message, /^fuzz: \S/, 'the error names the input and says what is wrong');
    return err;
  }
}

test('fuzz: analyze gives a document whose every span points into the text, or an Error naming the input', () => {
  fc.assert(fc.property(analysableText, (text) => {
    const doc = withinTime(20000, 'analyze', () => analyzeOrError({ text }));
    if (doc instanceof Error) {
      assert.equal(text.trim(), '', `only an empty text is refused, not: ${doc.message}`);
      return;
    }
    assert.equal(doc.text, text);
    assert.deepEqual(docProblems(doc), []);
  }), fuzzParameters(200));
});

/** Publication days from the first to the last that YYYY-MM-DD can write, leap days and year ends among them. */
const publishedDay = fc.oneof(
  fc.constantFrom('0001-01-01', '0001-12-31', '0999-12-31', '1970-01-01', '1999-12-31', '2000-02-29', '2024-02-29', '2023-12-31', '9999-01-01', '9999-12-31'),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

test('fuzz: analyze with any publication day gives event dates that are real days, months or years', () => {
  fc.assert(fc.property(analysableText, publishedDay, (text, published) => {
    const doc = withinTime(20000, 'analyze', () => analyzeOrError({ text, published }));
    if (!(doc instanceof Error)) assert.deepEqual(docProblems(doc), []);
  }), fuzzParameters(100));
});

test('fuzz: analyze of a page gives a sound document, or an Error naming the input', () => {
  fc.assert(fc.property(htmlPage, (html) => {
    const doc = withinTime(20000, 'analyze', () => analyzeOrError({ html }));
    if (!(doc instanceof Error)) assert.deepEqual(docProblems(doc), []);
  }), fuzzParameters(50));
});

test('fuzz: analyze is deterministic', () => {
  fc.assert(fc.property(analysableText, (text) => {
    const once = analyzeOrError({ text });
    const twice = analyzeOrError({ text });
    assert.deepEqual(twice, once);
  }), fuzzParameters(20));
});

test('fuzz: an old Mac file (bare CR line ends) is read like the same file with LF: same title, body and paragraphs', () => {
  // LF to CR keeps every offset, so the layers can be compared as they are. Sentences are left
  // out: wink-nlp itself splits a few odd ones differently at a CR.
  const lfText = articleTextWith(0).map((t) => t.replace(/\r\n?/g, '\n'));
  fc.assert(fc.property(lfText, (lf) => {
    const a = analyzeOrError({ text: lf });
    const b = analyzeOrError({ text: lf.replace(/\n/g, '\r') });
    if (a instanceof Error || b instanceof Error) {
      assert.equal(a instanceof Error, b instanceof Error);
      return;
    }
    const { title, author, published } = a.meta;
    assert.deepEqual({ title, author, published }, { title: b.meta.title, author: b.meta.author, published: b.meta.published });
    assert.deepEqual([b.body, b.dropped, b.paragraphs], [a.body, a.dropped, a.paragraphs]);
  }), fuzzParameters(60));
});
