import test from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { nlp, readWink, renewWink } from './nlp.js';
import { freshCoreModel, winkModel } from './wink-model.js';

/** Tokens, tags, lemmas, spaces and sentence spans, as segment reads them from a wink document. */
function reading(engine: ReturnType<typeof winkNLP>, text: string): unknown {
  const its = engine.its;
  const d = engine.readDoc(text);
  const spans: unknown[] = [];
  d.sentences().each((s: { out: (f: unknown) => unknown }) => spans.push(s.out(its.span)));
  return [d.tokens().out(), d.tokens().out(its.pos), d.tokens().out(its.lemma as never), d.tokens().out(its.precedingSpaces), spans];
}

test("acta's wink pipeline (sentences and tags only) reads text exactly as wink's full default pipeline does", () => {
  const full = winkNLP(model);
  for (const text of [
    'The ministry did not deny the report. "We will never accept it," Prime Minister Ali Hassan told reporters in Baghdad on Monday.',
    "U.S. troops wouldn't leave Kabul before Jan. 5, officials said; the Taliban's spokesman disagreed!!! Great news :) #peace",
    'Shares of Acme Corp. rose 3.5 pct to $12.25 on the New York Stock Exchange at 10:30 a.m. EST.',
  ]) {
    assert.deepEqual(reading(nlp(), text), reading(full, text));
  }
});

test('a text is read the same whatever was read before it: words wink learns from one text are forgotten after', () => {
  const probe = "Officials want to retake control of the country's policy agenda.";
  const fresh = readWink(probe);
  assert.ok(fresh.values.includes("'s"), "a fresh reading cuts the possessive off");
  // Wire text with a stray entity leaves "country's" whole, and wink would learn it as a word.
  readWink("The problem was compounded by a renewed surge in the country's&#127;ate of inflation.");
  assert.deepEqual(readWink(probe), fresh);
});

test("acta's copy of wink's core model is the one wink's own loader makes, and making it leaves the package's model as it was", () => {
  const packageCore = () => (model as unknown as { core: () => unknown }).core();
  const before = packageCore();
  assert.deepStrictEqual(freshCoreModel(), before);
  // An instance on acta's copy learns words into it; the package's model must not learn them too.
  readWink('Zqxwv-Blorft met Qqzzy-Vrumph in Xanthoria.');
  assert.deepStrictEqual(packageCore(), before);
});

test("acta's wink model has the parts the package's own index gives, the same loaders", () => {
  const ours = winkModel();
  const theirs = model as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(theirs).sort());
  for (const part of ['sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER', 'featureFn']) assert.equal(ours[part], theirs[part], part);
  assert.deepEqual(ours.addons, theirs.addons);
});

test('a fresh wink instance (made after many learnt words) reads every text as the one before it did', () => {
  const texts = ["Officials want to retake control of the country's policy agenda.", 'Output rose 1.5 pct to 12,345 tonnes in Q3, vs 11,9 billion dlrs.'];
  const before = texts.map((t) => readWink(t));
  renewWink();
  assert.deepEqual(texts.map((t) => readWink(t)), before);
});
