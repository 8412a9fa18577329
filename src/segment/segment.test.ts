import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './index.js';
import { findParagraphs } from './paragraphs.js';

const text = 'Rebels Seize Border Town\n\nFighters took the town of Kerem on Monday. Officials said 12 people died.\n\nTalks resume next week.';

test('a headline line stays its own paragraph', () => {
  const paras = findParagraphs(text, [{ start: 0, end: text.length }]);
  assert.deepEqual(paras.map((p) => text.slice(p.start, p.end)), [
    'Rebels Seize Border Town',
    'Fighters took the town of Kerem on Monday. Officials said 12 people died.',
    'Talks resume next week.',
  ]);
});

test('sentences and tokens carry offsets into the text as given', () => {
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  assert.deepEqual(seg.sentences.map((s) => text.slice(s.start, s.end)), [
    'Rebels Seize Border Town',
    'Fighters took the town of Kerem on Monday.',
    'Officials said 12 people died.',
    'Talks resume next week.',
  ]);
  for (const t of seg.tokens) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.normal);
  const took = seg.tokens.find((t) => t.normal === 'took')!;
  assert.equal(took.lemma, 'take');
  assert.equal(took.pos, 'VERB');
  assert.equal(seg.sentences[1].paragraph, 1);
});

test('only the body spans are segmented', () => {
  const seg = segment({ text, body: [{ start: 26, end: 68 }] });
  assert.equal(seg.sentences.length, 1);
  assert.equal(text.slice(seg.sentences[0].start, seg.sentences[0].end), 'Fighters took the town of Kerem on Monday.');
});

test('hard-wrapped lines run on; a headline line still stands alone', () => {
  const wrapped = 'Shares of the company rose on Tuesday after the board said it\nwould sell its chemicals unit, a\nspokesman said.\n\nBOARD APPROVES SALE\nThe sale needs approval.';
  const seg = segment({ text: wrapped, body: [{ start: 0, end: wrapped.length }] });
  assert.deepEqual(seg.sentences.map((s) => wrapped.slice(s.start, s.end).replace(/\n/g, ' ')), [
    'Shares of the company rose on Tuesday after the board said it would sell its chemicals unit, a spokesman said.',
    'BOARD APPROVES SALE',
    'The sale needs approval.',
  ]);
});
