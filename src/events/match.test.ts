import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { matchTriggers } from './match.js';

/** The trigger matches of the first sentence of a text, as words. */
function matchesIn(text: string) {
  const doc = analyze({ text, published: '2022-06-01' });
  const s = doc.sentences[0];
  return matchTriggers(doc.text, doc.tokens, s.tokenStart, s.tokenEnd).map((m) => ({
    cameo: m.pattern.cameo,
    kind: m.pattern.kind,
    trigger: doc.text.slice(doc.tokens[m.trigger].start, doc.tokens[m.trigger].end),
    words: m.matched.map((k) => doc.text.slice(doc.tokens[k].start, doc.tokens[k].end)),
    matched: m.matched,
    at: m.trigger,
  }));
}

test('a verb pattern with later words matches across a short gap: "launched missiles at"', () => {
  const ms = matchesIn('Russian forces launched missiles at Kharkiv overnight.');
  const launch = ms.find((m) => m.trigger === 'launched');
  assert.ok(launch, JSON.stringify(ms));
  assert.equal(launch.kind, 'verb');
  assert.ok(launch.cameo!.startsWith('19'), launch.cameo!);
  assert.deepEqual(launch.words.slice(0, 2), ['launched', 'missiles']);
});

test('the longest pattern wins: "struck a deal" is an agreement, not an assault', () => {
  const ms = matchesIn('Israel and Hamas struck a deal in Cairo.');
  assert.equal(ms.length, 1);
  assert.equal(ms[0].trigger, 'struck');
  assert.equal(ms[0].cameo, '030');
  assert.deepEqual(ms[0].words, ['struck', 'deal']);
});

test('a noun trigger matches its preposition: "the attack on"', () => {
  const ms = matchesIn('The attack on the embassy lasted an hour.');
  const attack = ms.find((m) => m.trigger === 'attack');
  assert.ok(attack);
  assert.equal(attack.kind, 'noun');
  assert.ok(attack.words.includes('on'));
});

test('matches come in text order, matched token indices ascend and no token serves two matches', () => {
  const ms = matchesIn('Iraq condemned the attack on Erbil and summoned the Iranian ambassador.');
  assert.ok(ms.length >= 2, JSON.stringify(ms));
  for (let i = 1; i < ms.length; i++) assert.ok(ms[i - 1].at < ms[i].at);
  const used = new Set<number>();
  for (const m of ms) {
    assert.deepEqual([...m.matched].sort((a, b) => a - b), m.matched);
    assert.ok(m.matched.includes(m.at));
    for (const k of m.matched) { assert.ok(!used.has(k), `token ${k} used twice`); used.add(k); }
  }
});

test('patterns that only block a reading (no CAMEO code) are never returned', () => {
  for (const m of matchesIn('Gunmen opened fire on a bus and the police fired tear gas.')) assert.notEqual(m.cameo, null);
});

test('a pattern does not reach across a clause break', () => {
  // "strike" and "deal" are separated by a semicolon, so there is no agreement here.
  const ms = matchesIn('Rebels tried to strike; the deal collapsed later.');
  const strike = ms.find((m) => m.trigger === 'strike');
  assert.ok(strike);
  assert.deepEqual(strike.words, ['strike']);
  assert.notEqual(strike.cameo, '030');
});

test('a sentence with no event words has no matches', () => {
  assert.deepEqual(matchesIn('The weather in Baghdad was mild on Tuesday.'), []);
});
