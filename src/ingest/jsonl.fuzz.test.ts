/**
 * Fuzzing JSONL and JSON ingest: records whose fields have every type
 * (numbers, arrays, null, objects for "published", "title", "id"), impossible
 * dates (2024-02-30), lone surrogates escaped and raw, truncated lines, deeply
 * nested JSON, every line-end convention. Each line gives one article or one
 * problem naming the file and line; nothing throws or takes long, and the same
 * batch gives the same answer twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerProblems } from '../doc/invariants.js';
import { fuzzParameters, withinTime } from '../util/fuzz.js';
import { articleRecord, jsonDocument, jsonlBatch } from './arbitraries.js';
import { isProblem } from './common.js';
import { ingestJson, ingestJsonl, ingestRecord } from './jsonl.js';

/** Lines of a batch that hold something: each gives exactly one answer. */
function filledLines(batch: string): number {
  return batch.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length;
}

test('fuzz: a JSONL batch gives one answer per non-blank line, each sound or a problem naming the file and line', () => {
  fc.assert(fc.property(jsonlBatch, (batch) => {
    const out = withinTime(5000, 'ingestJsonl', () => ingestJsonl(batch, 'fuzz.jsonl'));
    assert.equal(out.length, filledLines(batch));
    for (const x of out) {
      assert.deepEqual(answerProblems(x, 'fuzz.jsonl'), []);
      if (isProblem(x)) assert.ok(x.line !== null, 'a JSONL problem names its line');
      else assert.match(x.meta.origin, /^fuzz\.jsonl:\d+$/);
    }
    assert.deepEqual(ingestJsonl(batch, 'fuzz.jsonl'), out, 'the same batch gives the same answers');
  }), fuzzParameters(300));
});

test('fuzz: a .json file gives a sound article or a problem naming it, per item of an array', () => {
  fc.assert(fc.property(jsonDocument, (json) => {
    const out = withinTime(5000, 'ingestJson', () => ingestJson(json, 'fuzz.json'));
    assert.ok(out.length >= 1, 'every file gives at least one answer');
    for (const x of out) assert.deepEqual(answerProblems(x, 'fuzz.json'), []);
    assert.deepEqual(ingestJson(json, 'fuzz.json'), out, 'the same file gives the same answers');
  }), fuzzParameters(300));
});

test('fuzz: a record with fields of the wrong type is a problem saying which field, never a throw', () => {
  fc.assert(fc.property(articleRecord, (record) => {
    const x = withinTime(5000, 'ingestRecord', () => ingestRecord(record, 'fuzz.jsonl:1', 'fuzz.jsonl', 1));
    assert.deepEqual(answerProblems(x, 'fuzz.jsonl'), []);
    if (!isProblem(x)) {
      const r = record as Record<string, unknown>;
      assert.ok(typeof r.text === 'string' || typeof r.html === 'string');
      if (r.published != null) assert.equal(x.meta.published, r.published, 'a record\'s published date is the article\'s');
      if (typeof r.id === 'string' && r.id.trim() !== '') assert.equal(x.meta.id, r.id.replace(/\s+/g, ' ').trim());
    }
  }), fuzzParameters(400));
});

test('fuzz: a line that holds a JSON value is never called malformed, whatever the line ends, byte order marks or blanks around it', () => {
  const wrapped = fc.tuple(fc.constantFrom('', '', '\uFEFF', ' ', '\t'), articleRecord, fc.constantFrom('', '', ' ', '\t', '\r'));
  fc.assert(fc.property(fc.array(wrapped, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'), (lines, eol) => {
    const batch = lines.map(([lead, record, trail]) => lead + (JSON.stringify(record) ?? 'null') + trail).join(eol);
    for (const x of ingestJsonl(batch, 'fuzz.jsonl')) {
      if (isProblem(x)) assert.doesNotMatch(x.message, /^malformed JSON/, `line ${x.line}`);
    }
  }), fuzzParameters(300));
});
