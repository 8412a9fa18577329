import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { DependencyTree, treeOf } from '../syntax/tree.js';
import type { Token } from '../doc/types.js';
import { namesNoun, placeAttachment } from './attachment.js';

/** How the parse hangs the place `place` on the event at the first token `trigger`. */
function attachmentOf(text: string, trigger: string, place: string) {
  const doc = analyze({ text, published: '2024-05-02' });
  const word = (w: string) => {
    const at = text.indexOf(w);
    const k = doc.tokens.findIndex((t) => t.start === at);
    assert.ok(k >= 0, `no token at "${w}"`);
    return k;
  };
  const first = word(place);
  let last = first;
  while (last + 1 < doc.tokens.length && doc.tokens[last + 1].end <= text.indexOf(place) + place.length) last++;
  return placeAttachment(treeOf(doc.syntax), doc.tokens, word(trigger), first, last);
}

test("a place hung on the event's verb or noun is the event's", () => {
  assert.equal(attachmentOf('Soldiers clashed with rebels in Kidal on Sunday.', 'clashed', 'Kidal'), 'own');
  assert.equal(attachmentOf('The drone strike near Baghdad killed two men.', 'strike', 'Baghdad'), 'own');
  assert.equal(attachmentOf('Gunmen launched an attack in Gao on Friday.', 'attack', 'Gao'), 'own');
});

test("a place that locates the event's own participant or target is the event's", () => {
  assert.equal(attachmentOf('Rebels attacked a police station in Kano.', 'attacked', 'Kano'), 'own');
  assert.equal(attachmentOf('Clashes erupted between soldiers and protesters in Nasiriyah.', 'Clashes', 'Nasiriyah'), 'own');
});

test("a person's origin, a described thing's place and the reporter's place are not the event's", () => {
  assert.equal(attachmentOf('A man from Leicester was arrested on Monday.', 'arrested', 'Leicester'), 'other');
  assert.equal(attachmentOf('The minister condemned the sale of weapons to Iran.', 'condemned', 'Iran'), 'other');
  assert.equal(attachmentOf('In London, the insurer said the tanker was hit on Saturday.', 'hit', 'London'), 'other');
});

test("a town named as the seat of the event's participant is where the event was", () => {
  assert.equal(attachmentOf('A Baghdad court issued an arrest warrant on Monday.', 'issued', 'Baghdad'), 'own');
  assert.equal(attachmentOf('Supporters launched a legal challenge in London\'s High Court on Thursday.', 'launched', 'London'), 'own');
});

test('a clause opened by "where" happens at the place just before it', () => {
  assert.equal(attachmentOf('The ministers met again for talks in Paris, where they agreed to cut rates.', 'agreed', 'Paris'), 'own');
});

test('where the sentence is unparsed the parse says nothing', () => {
  const tokens: Token[] = [
    { start: 0, end: 5, pos: 'VERB', normal: 'clash', lemma: 'clash' },
    { start: 6, end: 10, pos: 'PROPN', normal: 'gao', lemma: 'gao' },
  ];
  const tree = new DependencyTree({ deps: [null, null], unparsed: [{ sentence: 0, reason: 'test' }] });
  assert.equal(placeAttachment(tree, tokens, 0, 1, 1), 'unknown');
});

test('a place that modifies a noun names that thing\'s seat; one that heads its phrase does not', () => {
  const text = 'A Baghdad court met in Basra.';
  const doc = analyze({ text, published: '2024-05-02' });
  const at = (w: string) => doc.tokens.findIndex((t) => t.start === text.indexOf(w));
  const tree = treeOf(doc.syntax);
  assert.equal(namesNoun(tree, doc.tokens, at('Baghdad'), at('Baghdad')), true);
  assert.equal(namesNoun(tree, doc.tokens, at('Basra'), at('Basra')), false);
});

test("the act the actor commits to happens at its own place; the act it asks of another does not", () => {
  assert.equal(attachmentOf('On March 12, the government agreed to hold talks in Algiers with the rebels.', 'agreed', 'Algiers'), 'own');
  assert.equal(attachmentOf('The president urged Germany to send more troops to Lithuania.', 'urged', 'Lithuania'), 'other');
});

test('a happening named as the time of a clause took place where the clause did', () => {
  // "Protesters clashed in Tehran on Tuesday, the second day of demonstrations", as the parse
  // should read it (the shipped parser hangs the apposition elsewhere in this sentence).
  const words: Array<[string, string, number, string]> = [
    ['protesters', 'NOUN', 1, 'nsubj'], ['clashed', 'VERB', -1, 'root'], ['in', 'ADP', 3, 'case'], ['tehran', 'PROPN', 1, 'obl'],
    ['on', 'ADP', 5, 'case'], ['tuesday', 'PROPN', 1, 'obl'], [',', 'PUNCT', 9, 'punct'], ['the', 'DET', 9, 'det'],
    ['second', 'ADJ', 9, 'amod'], ['day', 'NOUN', 1, 'obl'], ['of', 'ADP', 11, 'case'], ['demonstrations', 'NOUN', 9, 'nmod'],
  ];
  let at = 0;
  const tokens: Token[] = words.map(([w, pos]) => { const t = { start: at, end: at + w.length, pos, normal: w, lemma: w }; at += w.length + 1; return t; });
  const tree = new DependencyTree({ deps: words.map(([, upos, head, rel]) => ({ head, rel, upos })), unparsed: [] });
  assert.equal(placeAttachment(tree, tokens, 11, 3, 3), 'own');
  // Without the apposition the demonstrations are not placed by the clause.
  const apart = new DependencyTree({ deps: words.map(([, upos, head, rel], i) => (i === 9 ? { head: 5, rel: 'nsubj', upos } : { head, rel, upos })), unparsed: [] });
  assert.notEqual(placeAttachment(apart, tokens, 11, 3, 3), 'own');
});
