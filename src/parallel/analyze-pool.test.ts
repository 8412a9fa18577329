import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { analyzeIngested } from '../pipeline.js';
import { ingestText } from '../ingest/text.js';
import { openStore } from '../store/index.js';
import { liveRegistry } from '../actors/live-registry.js';
import { analyzeInOrder, AnalyzePool, type Analysed } from './analyze-pool.js';

const article = (text: string, name: string) => {
  const a = ingestText(text, name, { published: '2023-05-01' });
  assert.ok(!('message' in a));
  return a as IngestedArticle;
};

async function* inputs(items: Array<IngestedArticle | InputProblem>) {
  for (const x of items) yield x;
}

const texts = [
  'Iraqi militia commander Karim al-Dulaimi said his fighters would leave Tikrit.',
  'Kenyan police chief Amos Wekesa said on Monday that officers had arrested six men.',
  'Dulaimi attacked a police post near Samarra on Tuesday.',
  'Wekesa said the six men were charged in Nairobi on Wednesday.',
  'Protesters marched on the parliament in Nairobi, and police fired tear gas.',
];

test('two threads give the docs of one, in input order, with a problem reading an input passed through in its place', async () => {
  const items = texts.map((t, i) => article(t, `${i}.txt`));
  const problem: InputProblem = { origin: 'bad.jsonl:3', message: 'not JSON' } as InputProblem;
  const out: Analysed[] = [];
  for await (const r of analyzeInOrder(inputs([items[0], items[1], problem, ...items.slice(2)]), () => new AnalyzePool({ jobs: 2 }), { jobs: 2, window: 4, inThread: (a) => analyzeIngested(a) })) {
    if (r.kind !== 'skipped') out.push(r);
  }
  assert.deepEqual(out.map((r) => r.kind), ['doc', 'doc', 'problem', 'doc', 'doc', 'doc']);
  const docs = out.filter((r) => r.kind === 'doc').map((r) => (r as { doc: unknown }).doc);
  assert.deepEqual(docs, items.map((a) => analyzeIngested(a)));
});

test('an article taught by the one before it, analysed at the same time, is analysed again and gets what one thread gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-pool-'));
  const one = openStore(join(dir, 'one.db'));
  const two = openStore(join(dir, 'two.db'));
  try {
    // One thread: each article analysed after the one before it is stored.
    const registry = liveRegistry(one);
    const expected = texts.map((t, i) => {
      const doc = analyzeIngested(article(t, `${i}.txt`), { registry });
      one.saveDoc(doc);
      registry.saved();
      return doc;
    });
    assert.equal(expected[2].entities.find((e) => e.text === 'Dulaimi')?.code, 'IRQREB', 'the registry teaches the third article');
    // Two threads, all five under way at once: the third is analysed before the first is stored.
    let pool: AnalyzePool | null = null;
    const got = [];
    for await (const r of analyzeInOrder(inputs(texts.map((t, i) => article(t, `${i}.txt`))), () => (pool = new AnalyzePool({ jobs: 2, store: two })), {
      jobs: 2, window: 5, inThread: () => assert.fail('a batch of five is not analysed in this thread'),
    })) {
      assert.equal(r.kind, 'doc');
      const doc = (r as { doc: (typeof expected)[0] }).doc;
      two.saveDoc(doc);
      (pool as AnalyzePool | null)?.saved();
      got.push(doc);
    }
    assert.deepEqual(got, expected);
    assert.ok(pool!.reanalysed >= 1, 'the third article was analysed again once the first was stored');
  } finally {
    one.close();
    two.close();
  }
});

test('an article that fails in a worker is given back in its place with the error one thread would give (its name, its stage)', async () => {
  const items = texts.slice(0, 3).map((t, i) => article(t, `${i}.txt`));
  const kinds: string[] = [];
  let message = '';
  // A budget no article can meet: every analysis times out, named after its article.
  for await (const r of analyzeInOrder(inputs(items), () => new AnalyzePool({ jobs: 2, timeBudgetMs: 1e-9 }), { jobs: 2, window: 2, inThread: (a) => analyzeIngested(a) })) {
    kinds.push(r.kind);
    if (r.kind === 'failed') message = (r.error as Error).message;
  }
  assert.deepEqual(kinds, ['failed', 'failed', 'failed']);
  assert.match(message, /^2\.txt: took longer than .* not analysed$/);
});

test('a batch of one article is analysed in this thread: no worker is started for it', async () => {
  let started = 0;
  const out = [];
  for await (const r of analyzeInOrder(inputs([article(texts[0], 'only.txt')]), () => { started++; return new AnalyzePool({ jobs: 2 }); }, { jobs: 2, window: 4, inThread: (a) => analyzeIngested(a) })) out.push(r.kind);
  assert.deepEqual(out, ['doc']);
  assert.equal(started, 0);
});

test('a consumer that stops early stops the workers too', async () => {
  let pool: AnalyzePool | null = null;
  for await (const r of analyzeInOrder(inputs(texts.map((t, i) => article(t, `${i}.txt`))), () => (pool = new AnalyzePool({ jobs: 2 })), { jobs: 2, window: 4, inThread: (a) => analyzeIngested(a) })) {
    assert.equal(r.kind, 'doc');
    break;
  }
  assert.equal((pool as unknown as { running: unknown[] }).running.length, 0);
});

test('an analysis that runs out of its thread\'s memory fails that article with a clear message, and the run goes on', async () => {
  const items = texts.slice(0, 3).map((t, i) => article(t, `${i}.txt`));
  const outcomes: string[] = [];
  // 24 MB holds no analysis (the models alone are more): each worker dies, a new one takes the next article.
  for await (const r of analyzeInOrder(inputs(items), () => new AnalyzePool({ jobs: 2, heapMb: 24 }), { jobs: 2, window: 2, inThread: (a) => analyzeIngested(a) })) {
    outcomes.push(r.kind === 'failed' ? (r.error as Error).message : r.kind);
  }
  assert.equal(outcomes.length, 3);
  for (const o of outcomes) assert.match(o, /^ran out of memory \(an analysing thread may use 24 MB\)$/);
});
