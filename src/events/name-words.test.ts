import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { defaultLexicon } from '../entities/default-lexicon.js';
import { inKnownName } from './name-words.js';

test('a capitalised trigger word inside a run the actor lexicon knows is part of the name', () => {
  const text = 'Amnesty International UK also questioned the decisions.';
  const doc = analyze({ text, published: '2021-03-01' });
  const s = doc.sentences[0];
  const amnesty = doc.tokens.findIndex((t) => t.normal === 'amnesty');
  assert.ok(inKnownName(text, doc.tokens, amnesty, s.tokenStart, s.tokenEnd, defaultLexicon()));
  assert.ok(!doc.events.some((e) => e.trigger.text === 'Amnesty'), JSON.stringify(doc.events.map((e) => e.trigger.text)));
});

test('the word in lower case, or a capitalised word that opens no known name, is the word', () => {
  const text = 'The president granted an amnesty to political prisoners. Attack helicopters flew over Kabul.';
  const doc = analyze({ text, published: '2021-03-01' });
  const lex = defaultLexicon();
  const at = (w: string) => doc.tokens.findIndex((t) => t.normal === w);
  const [first, second] = doc.sentences;
  assert.ok(!inKnownName(text, doc.tokens, at('amnesty'), first.tokenStart, first.tokenEnd, lex));
  assert.ok(!inKnownName(text, doc.tokens, at('attack'), second.tokenStart, second.tokenEnd, lex));
});
