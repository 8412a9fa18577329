import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestedArticle, InputProblem, Span } from '../doc/types.js';
import { packageRoot } from '../util/data.js';
import { articleHash, isProblem } from './common.js';
import { readFixture } from './fixtures.js';
import { ingestText, parseDateline } from './text.js';

function article(x: IngestedArticle | InputProblem): IngestedArticle {
  assert.ok(!isProblem(x), `expected an article, got ${JSON.stringify(x)}`);
  return x;
}

const slice = (text: string, s: Span): string => text.slice(s.start, s.end);

test('a dated, bylined article: title, author and date found; dateline, bio and boilerplate dropped', () => {
  const text = readFixture('dispatch.txt');
  const a = article(ingestText(text, 'dispatch.txt'));
  assert.equal(a.text, text);
  assert.equal(a.meta.title, 'Farmers Block Roads Around the Capital of Arvalia');
  assert.equal(a.meta.author, 'Tomas Eberhardt');
  assert.equal(a.meta.published, '2022-05-03');
  assert.equal(a.meta.hash, articleHash(text));
  assert.equal(a.meta.id, a.meta.hash);
  assert.equal(a.meta.origin, 'dispatch.txt');
  assert.match(a.meta.hash, /^[0-9a-f]{16}$/);

  assert.ok(a.titleSpan);
  assert.equal(slice(text, a.titleSpan), a.meta.title);
  assert.deepEqual(a.body[0], a.titleSpan);
  assert.equal(a.body.length, 4);
  assert.ok(slice(text, a.body[1]).startsWith('Hundreds of tractors'));
  assert.ok(slice(text, a.body[3]).endsWith('peaceful demonstrators.'));

  assert.deepEqual(a.dropped.map((d) => d.reason), ['dateline', 'bio', 'boilerplate']);
  assert.equal(slice(text, a.dropped[0]), '03.05.2022 Author: Tomas Eberhardt');
  assert.ok(slice(text, a.dropped[1]).startsWith('Tomas Eberhardt, an expert'));
  assert.equal(slice(text, a.dropped[2]), 'Please select digest to download:');
});

test('Windows line endings keep every offset on the text as given', () => {
  const text = readFixture('dispatch.txt').replace(/\n/g, '\r\n');
  const a = article(ingestText(text, 'crlf.txt'));
  assert.equal(a.meta.title, 'Farmers Block Roads Around the Capital of Arvalia');
  for (const s of [...a.body, ...a.dropped]) {
    const part = slice(text, s);
    assert.equal(part, part.trim());
    assert.ok(!part.includes('\r\n\r\n'));
  }
  assert.deepEqual(a.dropped.map((d) => d.reason), ['dateline', 'bio', 'boilerplate']);
});

test('datelines in ISO and month-name forms, and bylines in either order', () => {
  assert.deepEqual(parseDateline('2022-05-03 Author: Ana Ruiz'), { published: '2022-05-03', author: 'Ana Ruiz' });
  assert.deepEqual(parseDateline('May 3, 2022'), { published: '2022-05-03', author: null });
  assert.deepEqual(parseDateline('3 May 2022 | By Ana Ruiz'), { published: '2022-05-03', author: 'Ana Ruiz' });
  assert.deepEqual(parseDateline('By Ana Ruiz, Sept. 14, 2021'), { published: '2021-09-14', author: 'Ana Ruiz' });
  assert.deepEqual(parseDateline('By Jean-Luc de la Tour'), { published: null, author: 'Jean-Luc de la Tour' });
  assert.equal(parseDateline('31.02.2022 Author: Ana Ruiz'), null, 'no such day');
  assert.equal(parseDateline('By Tuesday the convoy had crossed the border'), null);
  assert.equal(parseDateline('Ministers met in May 2022.'), null);

  const iso = article(ingestText('2022-05-03 Author: Ana Ruiz\nTalks resume in Osterby\n\nDelegates from both sides met again on Tuesday.\n', 'iso'));
  assert.equal(iso.meta.published, '2022-05-03');
  assert.equal(iso.meta.title, 'Talks resume in Osterby');
  const named = article(ingestText('March 9, 2020\n\nFloods close the valley road\n\nThe only road into the valley was shut after days of rain.\n', 'named'));
  assert.equal(named.meta.published, '2020-03-09');
  assert.equal(named.meta.author, null);
  assert.equal(named.meta.title, 'Floods close the valley road');
});

test('no dateline: a short first line standing alone is the title', () => {
  const text = readFixture('plain.txt');
  const a = article(ingestText(text, 'plain.txt'));
  assert.equal(a.meta.title, 'Dock strike spreads to second port');
  assert.equal(a.meta.author, null);
  assert.equal(a.meta.published, null);
  assert.deepEqual(a.dropped, []);
  assert.equal(a.body.length, 3);
});

test('a paragraph of prose is not taken for a title', () => {
  const text = 'The army said on Friday that two soldiers were hurt.\n\nA spokesman gave no further details.';
  const a = article(ingestText(text, 'prose'));
  assert.equal(a.meta.title, null);
  assert.equal(a.titleSpan, null);
  assert.equal(a.body.length, 2);
});

test("the caller's fields win over what the text says", () => {
  const a = article(ingestText(readFixture('dispatch.txt'), 'x', {
    id: 'farm-7', published: '2022-05-04', title: 'Tractor protest', url: 'https://news.example/7', source: 'Example News',
  }));
  assert.equal(a.meta.id, 'farm-7');
  assert.equal(a.meta.published, '2022-05-04');
  assert.equal(a.meta.title, 'Tractor protest');
  assert.equal(a.meta.url, 'https://news.example/7');
  assert.equal(a.meta.source, 'Example News');
  assert.equal(a.meta.author, 'Tomas Eberhardt');
});

test('bios are found by shape, and an ordinary closing paragraph is kept', () => {
  const withBio = 'Grain prices rise again\n\nThe price of wheat rose for a third week.\n\nTraders expect more rises.\n\nLea Marsh is a freelance journalist covering commodity markets.\n\nShare this article\nSubscribe to our newsletter';
  const a = article(ingestText(withBio, 'bio'));
  assert.deepEqual(a.dropped.map((d) => [d.reason, slice(withBio, d)]), [
    ['bio', 'Lea Marsh is a freelance journalist covering commodity markets.'],
    ['boilerplate', 'Share this article'],
    ['boilerplate', 'Subscribe to our newsletter'],
  ]);
  const noBio = 'Grain prices rise again\n\nThe price of wheat rose for a third week.\n\nThe ministry said it would release reserves if prices kept climbing.';
  const b = article(ingestText(noBio, 'nobio'));
  assert.deepEqual(b.dropped, []);
  assert.equal(b.body.length, 3);
  const quote = 'Grain prices rise again\n\nThe price of wheat rose for a third week.\n\nPia Holm, an analyst at a farm bank, said prices would stay high.';
  assert.deepEqual(article(ingestText(quote, 'quote')).dropped, [], 'a quoted analyst is news, not a bio');
});

test('boilerplate inside the article is dropped too, prose around it kept', () => {
  const text = 'Mayor resigns\n\nThe mayor of Lindqvist resigned on Sunday.\nRead also: Council elections set for June\nShe gave no reason for her decision.';
  const a = article(ingestText(text, 'mid'));
  assert.deepEqual(a.dropped.map((d) => slice(text, d)), ['Read also: Council elections set for June']);
  assert.deepEqual(a.body.map((s) => slice(text, s)), [
    'Mayor resigns', 'The mayor of Lindqvist resigned on Sunday.', 'She gave no reason for her decision.',
  ]);
});

test('empty text and a bad published option are problems, not exceptions', () => {
  assert.deepEqual(ingestText('  \n\n ', 'blank.txt'), { origin: 'blank.txt', line: null, message: 'empty text' });
  const p = ingestText('Some words here.', 'x', { published: '2022-13-01' });
  assert.ok(isProblem(p));
  assert.match(p.message, /bad published date/);
});

// The seed article from ../shared (found through ACTA_SHARED), when it is there.
const shared = process.env.ACTA_SHARED ?? join(packageRoot, '..', 'shared');
const seed = join(shared, 'seed', '000_b9c30966dad3dc9a.txt');
test('the seed article reads as a dated, bylined piece', { skip: existsSync(seed) ? false : `no seed at ${seed} (set ACTA_SHARED)` }, () => {
  const text = readFileSync(seed, 'utf8');
  const a = article(ingestText(text, seed));
  assert.equal(a.meta.published, '2021-01-18');
  assert.ok(a.meta.author && a.meta.title);
  assert.deepEqual(a.dropped.map((d) => d.reason), ['dateline', 'bio', 'boilerplate']);
  assert.deepEqual(a.body[0], a.titleSpan);
});

test('a long bio wrapped over lines is a bio in a CRLF file as in an LF one: line ends do not count toward its length', () => {
  const bioLines = [
    'Lena Marsh is a journalist who has reported from Baghdad, Erbil and Basra for twelve years,',
    'covering the wars against the insurgency, the elections and the protests of the last decade,',
    'and before that worked as a researcher at a university press office in the north of England.',
    'She has written for several newspapers and magazines about the region and its politics,',
    'and is the author of a book on the country\'s oil industry and the people who work in it.',
    'Her reporting has been shortlisted for awards for foreign correspondents twice in a row.',
    'She now lives in Amman with her family and her dogs.',
  ];
  const lf = `Ferry service resumes\n\nThe island ferry sailed again on Friday after a week of storms.\n\n${bioLines.join('\n')}\n`;
  const bioLength = bioLines.join('\n').length;
  assert.ok(bioLength <= 600 && bioLength + bioLines.length - 1 > 600, `${bioLength}`);
  for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
    assert.deepEqual(article(ingestText(text, 'bio')).dropped.map((d) => d.reason), ['bio'], JSON.stringify(text.slice(-3)));
  }
});
