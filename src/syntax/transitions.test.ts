import test from 'node:test';
import assert from 'node:assert/strict';
import { readConllu, sentenceText } from './conllu.js';
import { parseWith, type ParserWeights } from './model.js';
import { ACTION_COUNT, isProjective, LEFT, oracleAction, ParseState, REDUCE, RIGHT, SHIFT, transitionCost } from './transitions.js';
import { oracleSequence } from './trainer.js';

/** Hand-written projective trees: heads (1-based, 0 = root) of each word. */
const TREES: Array<{ words: string; heads: number[] }> = [
  { words: 'Police arrested three men', heads: [2, 0, 4, 2] },
  { words: 'The minister said the talks had failed .', heads: [2, 3, 0, 5, 7, 7, 3, 3] },
  { words: 'Rain', heads: [0] },
  { words: 'He went home and she stayed', heads: [2, 0, 2, 6, 6, 2] },
  { words: 'a b c d e', heads: [5, 1, 2, 3, 0] },
  { words: 'a b c d e', heads: [0, 1, 2, 3, 4] },
  { words: 'In Kabul , officials who spoke on condition of anonymity said the attack killed four .', heads: [2, 11, 11, 11, 6, 4, 8, 6, 10, 8, 0, 13, 14, 11, 14, 11] },
];

function runOracle(heads: number[]): Int32Array {
  const n = heads.length;
  const gold = [0, ...heads];
  const state = new ParseState(n);
  let steps = 0;
  while (!state.done) {
    const a = oracleAction(state, gold);
    assert.ok(state.isValid(a), `oracle chose an invalid transition ${a}`);
    state.apply(a, 0);
    steps++;
  }
  assert.ok(steps <= 2 * n, 'at most 2n transitions');
  return state.heads;
}

test('the static oracle rebuilds every projective gold tree of the hand-written set', () => {
  for (const { words, heads } of TREES) {
    assert.equal(words.split(' ').length, heads.length, words);
    assert.ok(isProjective([0, ...heads], heads.length), words);
    assert.deepEqual([...runOracle(heads)].slice(1), heads, words);
  }
});

test('the static oracle\'s transition always costs nothing, and any path of zero-cost transitions builds the gold tree', () => {
  for (const { words, heads } of TREES) {
    const gold = [0, ...heads];
    for (let pick = 0; pick < 4; pick++) {
      const state = new ParseState(heads.length);
      while (!state.done) {
        assert.equal(transitionCost(state, gold, oracleAction(state, gold)), 0, words);
        const free = [...Array(ACTION_COUNT).keys()].filter((a) => state.isValid(a) && transitionCost(state, gold, a) === 0);
        assert.ok(free.length > 0, words);
        state.apply(free[(pick + state.next) % free.length], 0);
      }
      assert.deepEqual([...state.heads].slice(1), heads, `${words} (path ${pick})`);
    }
  }
});

test('after a wrong transition the dynamic oracle counts the gold arcs lost', () => {
  // Police(1) arrested(2) men(3): shifting "Police" then attaching "arrested" under it loses two arcs
  const gold = [0, 2, 0, 2];
  const state = new ParseState(3);
  state.apply(SHIFT, 0);
  assert.equal(transitionCost(state, gold, RIGHT), 2, 'arrested←Police loses Police→arrested and root→arrested');
  assert.equal(transitionCost(state, gold, LEFT), 0);
});

test('a crossing tree is not projective, and the oracle sequence for it is refused', () => {
  // 1→3 and 2→4 cross
  const heads = [0, 4, 1, 1];
  assert.equal(isProjective([0, ...heads], 4), false);
  assert.equal(oracleSequence(4, heads, [0, 0, 0, 0]), null);
});

test('the root takes one dependent, and the top of the stack cannot be reduced before it has a head', () => {
  const s = new ParseState(3);
  assert.equal(s.isValid(REDUCE), false);
  assert.equal(s.isValid(LEFT), false, 'the root never depends on a word');
  s.apply(RIGHT, 0);
  s.apply(REDUCE, -1);
  assert.equal(s.isValid(RIGHT), false, 'a second root word is refused');
  assert.equal(s.isValid(SHIFT), true);
});

/** A parser that scores with random weights: whatever it says, the output must be one tree. */
function randomWeights(seed: number): ParserWeights {
  let a = seed;
  const rnd = () => { a = (Math.imul(a, 1103515245) + 12345) | 0; return ((a >>> 8) % 2001) - 1000; };
  const labels = ['dep', 'nsubj', 'obj', 'punct', 'root'];
  return {
    labels, actionMask: 255, labelMask: 127,
    action: Int16Array.from({ length: 256 * 4 }, rnd),
    label: Int16Array.from({ length: 128 * labels.length }, rnd),
  };
}

function assertTree(out: Array<{ head: number; deprel: string }>): void {
  const n = out.length;
  const roots = out.filter((w) => w.head === 0);
  assert.equal(roots.length, 1, 'exactly one root');
  assert.equal(roots[0].deprel, 'root');
  for (const w of out) {
    assert.ok(Number.isInteger(w.head) && w.head >= 0 && w.head <= n, 'head in range');
    assert.ok(w.head === 0 || w.deprel !== 'root', 'only the root word is labelled root');
  }
  out.forEach((_, i) => {
    let at = i + 1;
    for (let steps = 0; at !== 0; steps++) { assert.ok(steps <= n, 'no cycle'); at = out[at - 1].head; }
  });
}

test('whatever the weights, the parser outputs one well-formed tree: one root, heads in range, no cycles', () => {
  const tags = ['NOUN', 'VERB', 'DET', 'PUNCT', 'ADP', 'PROPN'];
  for (let seed = 1; seed <= 40; seed++) {
    const w = randomWeights(seed);
    const n = 1 + (seed * 7) % 37;
    const tokens = Array.from({ length: n }, (_, i) => ({ form: `w${(i * seed) % 11}`, pos: tags[(i + seed) % tags.length] }));
    assertTree(parseWith(w, tokens));
  }
});

test('CoNLL-U reading keeps syntactic words, skips multiword-token lines and empty nodes, and rebuilds the text', () => {
  const conllu = [
    '# text = I don\'t know.',
    '1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
    '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
    '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
    '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
    '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
    '4.1\tx\tx\tX\tX\t_\t_\t_\t4:dep\t_',
    '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
    '',
  ].join('\n');
  const [s] = readConllu(conllu);
  assert.deepEqual(s.forms, ['I', 'do', 'n\'t', 'know', '.']);
  assert.deepEqual(s.heads, [4, 4, 4, 0, 4]);
  const { text, starts } = sentenceText(s);
  assert.equal(text, 'I don\'t know.');
  assert.deepEqual(starts, [0, 2, 4, 8, 12]);
});
