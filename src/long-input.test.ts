/**
 * Long and odd inputs finish in time that grows with their length and no faster. Each bound
 * is several times what the input takes now, and far below what it took when some stage
 * was quadratic (minutes to hours): these prove "not quadratic, not hanging", not a speed.
 * The texts are written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './index.js';

const WORDS = ['the', 'army', 'said', 'rebels', 'attacked', 'a', 'village', 'near', 'border', 'on', 'Tuesday', 'officials', 'told',
  'reporters', 'police', 'arrested', 'protesters', 'in', 'capital', 'minister', 'Ana', 'Ruiz', 'government', 'of', 'Chad',
  'talks', 'with', 'leaders', 'and', 'troops', 'United', 'Nations', 'called', 'for', 'ceasefire', 'Lagos', 'spokesman'];

/** A line of words with no punctuation at all, `chars` long. */
function unpunctuatedLine(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < chars; k++) {
    const w = WORDS[(k * 7 + (k >> 3)) % WORDS.length];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

const SENTENCES = [
  'Police in Lagos arrested dozens of protesters outside the ministry on Tuesday, a spokesman said.',
  'The United Nations called on both sides to agree to a ceasefire after weeks of fighting near the border.',
  'Rebels attacked an army post in northern Chad on Monday, killing three soldiers, officials told reporters.',
  'Foreign Minister Ana Ruiz met her counterpart in Geneva to discuss sanctions against the government.',
];

/** Ordinary sentences, a paragraph of four, repeated to `chars`. */
function ordinaryText(chars: number): string {
  const para = SENTENCES.join(' ');
  return Array.from({ length: Math.ceil(chars / (para.length + 2)) }, () => para).join('\n\n');
}

const seconds = (f: () => void) => { const t0 = performance.now(); f(); return (performance.now() - t0) / 1000; };

test('half a megabyte on one line without punctuation is analysed in bounded time, cut into sentences of at most 250 tokens', () => {
  let sentences: { tokenStart: number; tokenEnd: number }[] = [];
  const s = seconds(() => { sentences = analyze(unpunctuatedLine(500_000), 'line.txt', { timeBudgetMs: 0 }).sentences; });
  // About 17 s on a quiet 2-core machine, 55-61 s with the whole suite and other work beside it;
  // when a stage was quadratic here it took hours.
  assert.ok(s < 180, `took ${s} s`);
  assert.ok(sentences.every((x) => x.tokenEnd - x.tokenStart <= 250));
});

test('a 300,000-character word is one token and the article takes well under ten seconds', () => {
  const text = `Officials said ${'xy'.repeat(150_000)} was the password. Police arrested two men in Lagos on Monday.`;
  let doc: ReturnType<typeof analyze> | null = null;
  const s = seconds(() => { doc = analyze(text, 'token.txt', { timeBudgetMs: 0 }); });
  assert.ok(s < 10, `took ${s} s`);
  assert.ok(doc!.tokens.some((t) => t.end - t.start === 300_000));
  assert.ok(doc!.events.some((e) => e.event === 'COERCE'));
});

test('half a megabyte of ordinary sentences is analysed in bounded time', () => {
  let events = 0;
  const s = seconds(() => { events = analyze(ordinaryText(500_000), 'long.txt', { timeBudgetMs: 0 }).events.length; });
  assert.ok(s < 25, `took ${s} s`);
  assert.ok(events > 1000);
});
