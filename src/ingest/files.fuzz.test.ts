/**
 * Fuzzing the way in from disk: bytes with byte order marks (UTF-8, and
 * UTF-16 of both orders), NULs, invalid UTF-8 (overlong forms, encoded
 * surrogates, truncated sequences), control characters, and text, HTML, JSONL
 * and JSON content in files with and without an extension. Every file gives at
 * least one answer, every answer names its file, nothing throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { answerProblems } from '../doc/invariants.js';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { fuzzParameters, withinTime } from '../util/fuzz.js';
import { anyBytes, inputBytes } from './arbitraries.js';
import { isProblem } from './common.js';
import { decodeInput, readInputs } from './files.js';

async function collect(paths: string[], stdin?: Buffer): Promise<(IngestedArticle | InputProblem)[]> {
  const out: (IngestedArticle | InputProblem)[] = [];
  for await (const x of readInputs(paths, { stdin })) out.push(x);
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('fuzz: decoding bytes gives text, its byte order mark removed and no lone surrogates, or a problem naming the input', () => {
  fc.assert(fc.property(anyBytes, (bytes) => {
    const text = withinTime(2000, 'decodeInput', () => decodeInput(bytes, 'fuzz.bin'));
    if (typeof text !== 'string') {
      assert.deepEqual(answerProblems(text, 'fuzz.bin'), []);
      return;
    }
    assert.notEqual(text.trim(), '', 'an empty input is a problem');
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      assert.equal(text, Buffer.from(bytes.subarray(3)).toString('utf8'), 'the byte order mark is not text');
    }
    assert.doesNotMatch(text, LONE_SURROGATE, 'no lone surrogates come out of a strict decoder');
  }), fuzzParameters(2000));
});

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.jsonl', '.ndjson', '.json', ''];

test('fuzz: files of odd bytes, each read to answers that name it, in name order', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.tuple(inputBytes, fc.constantFrom(...EXTENSIONS)), { minLength: 1, maxLength: 4 }),
    async (files) => {
      const dir = mkdtempSync(join(tmpdir(), 'acta-fuzz-'));
      try {
        const paths = files.map(([bytes, ext], i) => {
          const path = join(dir, `f${i}${ext}`);
          writeFileSync(path, bytes);
          return path;
        });
        const t0 = performance.now();
        const out = await collect([dir]);
        assert.ok(performance.now() - t0 < 10000 * files.length, 'reading took too long');
        let file = 0;
        for (const x of out) {
          const origin = isProblem(x) ? x.origin : x.meta.origin.replace(/(?::\d+|\[\d+\])$/, '');
          const at = paths.indexOf(origin);
          assert.ok(at >= file, `answer for ${origin} out of order or naming no input file`);
          file = at;
          assert.deepEqual(answerProblems(x, origin), []);
        }
        const named = new Set(out.map((x) => (isProblem(x) ? x.origin : x.meta.origin.replace(/(?::\d+|\[\d+\])$/, ''))));
        assert.equal(named.size, paths.length, 'every file gives at least one answer');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  ), fuzzParameters(80));
});

test('fuzz: standard input of odd bytes gives answers that name "-"', async () => {
  await fc.assert(fc.asyncProperty(inputBytes, async (bytes) => {
    const out = await collect(['-'], Buffer.from(bytes));
    assert.ok(out.length >= 1);
    for (const x of out) {
      const origin = isProblem(x) ? x.origin : x.meta.origin.replace(/(?::\d+|\[\d+\])$/, '');
      assert.equal(origin, '-');
      assert.deepEqual(answerProblems(x, '-'), []);
    }
  }), fuzzParameters(200));
});
