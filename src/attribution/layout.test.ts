import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { AttributionRelation, Doc } from '../doc/types.js';
import { byline, speakerLabel } from './layout.js';

const words = (s: string) => s.split(' ');
const at = (w: string[]) => (i: number) => w[i];
const indices = (w: string[]) => w.map((_, i) => i);
const relationWithSource = (doc: Doc, source: string): AttributionRelation => {
  const r = doc.attributions.find((a) => a.source?.text === source);
  assert.ok(r, `no relation with source "${source}" in ${JSON.stringify(doc.attributions.map((a) => [a.source?.text, a.cue?.text]))}`);
  return r;
};

test('a transcript: each speaker label is the source of the words after its colon', () => {
  const text = [
    'Partial transcript as follows:',
    '',
    '"WALLACE: Will the governor be at the debate tomorrow night?',
    '',
    '"PENCE: She will not be attending the debate, and we are glad of it.',
    '',
    '"WALLACE: Then why invite her in the first place?',
    '',
    'Chris Wallace moderated the interview for Fox News.',
  ].join('\n');
  const doc = analyze(text);
  const pence = relationWithSource(doc, 'PENCE');
  assert.equal(pence.cue?.text, ':');
  assert.match(pence.content.map((c) => c.text).join(' '), /^She will not be attending the debate/);
  assert.equal(doc.attributions.filter((a) => a.source?.text === 'WALLACE').length, 2);
});

test('a label in capitals that names nobody the article names, once, is no speaker: "VIDEO:"', () => {
  const w = words('VIDEO : The senator speaks to the crowd .');
  assert.deepEqual(speakerLabel(indices(w), at(w)), { first: 0, colon: 1, name: 'VIDEO' });
  const doc = analyze('VIDEO: The senator speaks to the crowd in Ohio.\n\nShe left at noon.');
  assert.equal(doc.attributions.some((a) => a.source?.text === 'VIDEO'), false);
});

test('a speaker label needs capitals, a colon and words after it', () => {
  const label = (s: string) => { const w = words(s); return speakerLabel(indices(w), at(w)); };
  assert.deepEqual(label('“ JAKE TAPPER : Take a listen .'), { first: 1, colon: 3, name: 'JAKE TAPPER' });
  assert.equal(label('Wallace : Take a listen .'), null, 'title case: a headline, left to the tagger');
  assert.equal(label('WALLACE :'), null, 'nothing spoken');
  assert.equal(label('THE GOVERNOR OF THE STATE SAID : yes'), null, 'too long for a name');
});

test('a quotation signed after a dash: the name is the source, the dash the cue, the quotation the content', () => {
  const text = [
    'Readers told us what they thought of the debate.',
    '',
    '“He represents our greatest shame. He cannot lead.” ― Sonya Herridge',
    '“The most unqualified man ever to run for president.” ― Francisco A. Herrero.',
  ].join('\n');
  const doc = analyze(text);
  const sonya = relationWithSource(doc, 'Sonya Herridge');
  assert.equal(sonya.cue?.text, '―');
  assert.equal(sonya.content.map((c) => c.text).join(' '), '“He represents our greatest shame. He cannot lead.”');
  const francisco = relationWithSource(doc, 'Francisco A. Herrero');
  assert.match(francisco.content[0].text, /^“The most unqualified man/);
});

test('a dash inside a sentence is no byline', () => {
  const b = (s: string) => { const w = words(s); return byline(indices(w), at(w)); };
  assert.deepEqual(b('“ We won . ” ― Ann Lee'), { dash: 5, nameEnd: 7 });
  assert.equal(b('The vote ― Trump said ― was rigged'), null, 'no quotation');
  assert.equal(b('“ We won , ” he said ― Ann Lee'), null, 'the dash does not follow the closing mark');
  assert.equal(b('“ We won . ” ― and then the crowd left'), null, 'no name after the dash');
});
