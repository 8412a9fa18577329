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

test('a wrapped line of capitalised names runs on when it ends in a word no headline ends in, or continues running text', () => {
  const wrapped = 'LIMA, May 3 - Officials met on Friday.\n    Chilean Finance Secretary Maria Lopez Ortega has asked the\nCentral Bank to delay the sale, officials said. Lopez, the\n'
    + 'Finance Secretary, told reporters at a press conference in Lima President\nAlan Garcia Perez agreed.';
  const seg = segment({ text: wrapped, body: [{ start: 0, end: wrapped.length }] });
  const sentences = seg.sentences.map((s) => wrapped.slice(s.start, s.end).replace(/\s+/g, ' '));
  assert.ok(sentences.includes('Chilean Finance Secretary Maria Lopez Ortega has asked the Central Bank to delay the sale, officials said.'), JSON.stringify(sentences));
  assert.ok(sentences.some((x) => x.endsWith('Lima President Alan Garcia Perez agreed.')), JSON.stringify(sentences));
});

const wordsOf = (t: string) => {
  const seg = segment({ text: t, body: [{ start: 0, end: t.length }] });
  return { seg, words: seg.tokens.map((k) => t.slice(k.start, k.end)) };
};

test('a word with letters beyond Latin-1 is one token, with its offsets', () => {
  const t = 'Mayor Stanisław Wójcik of Łódź met Nguyễn Văn An and the governor of Ağrı in Šibenik.';
  const { seg, words } = wordsOf(t);
  assert.deepEqual(words, ['Mayor', 'Stanisław', 'Wójcik', 'of', 'Łódź', 'met', 'Nguyễn', 'Văn', 'An', 'and', 'the', 'governor', 'of', 'Ağrı', 'in', 'Šibenik', '.']);
  for (const k of seg.tokens) assert.equal(t.slice(k.start, k.end).toLowerCase(), k.normal);
  const lodz = seg.tokens[words.indexOf('Łódź')];
  assert.equal(lodz.pos, 'PROPN');
  assert.equal(lodz.lemma, 'łódź');
  // (wink reads the "A" of "Ağrı" as an article; the whole word is a name.)
  assert.equal(seg.tokens[words.indexOf('Ağrı')].pos, 'PROPN');
  assert.equal(seg.tokens[words.indexOf('met')].lemma, 'meet');
});

test('joined words keep wink’s other cuts: possessives, hyphens, contractions', () => {
  const { words } = wordsOf("Şişli's Erdoğan-backed mayor can't come; Kopački's lake cannot wait.");
  assert.deepEqual(words, ['Şişli', "'s", 'Erdoğan', '-', 'backed', 'mayor', 'ca', "n't", 'come', ';', 'Kopački', "'s", 'lake', 'can', 'not', 'wait', '.']);
});

test('a lower-case word is joined too, and a word in another script is a noun or a name', () => {
  const { seg, words } = wordsOf('The şehir of Москва grew.');
  assert.deepEqual(words, ['The', 'şehir', 'of', 'Москва', 'grew', '.']);
  assert.equal(seg.tokens[1].pos, 'NOUN');
  assert.equal(seg.tokens[3].pos, 'PROPN');
});

test('joining words leaves sentence boundaries where they were', () => {
  const t = 'Police in Gdańsk detained Łukasz Nowak. Mr. Łukasz Nowak denied it.\n\nŁÓDŹ, Poland - Fire broke out in Zgierz.';
  const { seg } = wordsOf(t);
  assert.deepEqual(seg.sentences.map((s) => t.slice(s.start, s.end)), [
    'Police in Gdańsk detained Łukasz Nowak.',
    'Mr. Łukasz Nowak denied it.',
    'ŁÓDŹ, Poland - Fire broke out in Zgierz.',
  ]);
  for (const s of seg.sentences) {
    assert.equal(seg.tokens[s.tokenStart].start, s.start);
    assert.equal(seg.tokens[s.tokenEnd - 1].end, s.end);
  }
});

test('a strong participle after "have" is a verb with its lemma, even where the tagger read a noun', () => {
  const t = 'Government forces have retaken the town. The families have children.';
  const { tokens } = segment({ text: t, body: [{ start: 0, end: t.length }] });
  const tok = (w: string) => tokens.find((x) => t.slice(x.start, x.end) === w)!;
  assert.deepEqual([tok('retaken').pos, tok('retaken').lemma], ['VERB', 'retake']);
  assert.equal(tok('children').pos, 'NOUN');
});

test('a 300,000-character run without spaces is one token with exact offsets, read in well under a second', () => {
  const run = 'ab'.repeat(150_000);
  const t = `Officials said ${run} on Tuesday.`;
  const t0 = performance.now();
  const { seg, words } = wordsOf(t);
  assert.ok(performance.now() - t0 < 2000, 'segmenting a long run is not quadratic');
  assert.deepEqual(words, ['Officials', 'said', run, 'on', 'Tuesday', '.']);
  const long = seg.tokens[2];
  assert.equal(long.normal, run);
  assert.equal(long.start, 'Officials said '.length);
  assert.equal(seg.sentences.length, 1);
});

test('a line of words without punctuation is cut into sentences of at most 250 tokens, at a comma where there is one', () => {
  const words = Array.from({ length: 2000 }, (_, k) => (k % 97 === 96 ? 'rebels,' : ['the', 'army', 'moved', 'north', 'again'][k % 5]));
  const t = words.join(' ');
  const { seg } = wordsOf(t);
  assert.ok(seg.sentences.length >= 8);
  let next = 0;
  for (const s of seg.sentences) {
    assert.equal(s.tokenStart, next, 'the pieces cover every token once, in order');
    assert.ok(s.tokenEnd - s.tokenStart <= 250);
    assert.equal(s.start, seg.tokens[s.tokenStart].start);
    assert.equal(s.end, seg.tokens[s.tokenEnd - 1].end);
    next = s.tokenEnd;
  }
  assert.equal(next, seg.tokens.length);
  // Every cut but the last falls right after a comma.
  for (const s of seg.sentences.slice(0, -1)) assert.equal(t.slice(s.end - 1, s.end), ',');
});

test('lines end at LF, CRLF or a bare CR (an old Mac file) alike: the same paragraphs at the same places', () => {
  const lf = 'Shares of the company rose on Tuesday after the board said it\nwould sell its chemicals unit.\nBOARD APPROVES SALE\nThe sale needs approval.\n\nTalks resume next week.';
  const expected = ['Shares of the company rose on Tuesday after the board said it\nwould sell its chemicals unit.', 'BOARD APPROVES SALE', 'The sale needs approval.', 'Talks resume next week.'];
  for (const eol of ['\r', '\r\n']) {
    const t = lf.replace(/\n/g, eol);
    const paras = findParagraphs(t, [{ start: 0, end: t.length }]);
    assert.deepEqual(paras.map((p) => t.slice(p.start, p.end).replace(/\r\n?/g, '\n')), expected, JSON.stringify(eol));
  }
});
