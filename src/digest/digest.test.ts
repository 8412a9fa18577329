import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDoc, fixtureEvent, fixtureStore, party, place, spanOf } from '../store/explore.fixtures.js';
import { ARTIFACTS } from '../server/browser.fixtures.js';
import { buildDigest, rankScore, tollOf } from './model.js';
import { tollText } from './text.js';
import { digestHtml } from './html.js';
import { digestMarkdown } from './markdown.js';
import { digestPdf } from './pdf.js';
import { happeningSentence } from './sentence.js';
import { previousPeriod } from './selection.js';

const MAY = { from: '2022-05-01', to: '2022-05-31', countries: [], admin1: [], actors: [], events: [] };

test('a digest counts happenings, reports, articles and sources, against the previous period of equal length', (t) => {
  const store = fixtureStore(t, 0);
  const d = buildDigest(store, MAY, { now: new Date('2022-06-01T00:00:00Z') });
  // The riot told in two articles is one happening; the hostile article's protest another.
  assert.deepEqual(d.figures, { happenings: 2, reports: 3, articles: 3, sources: 0 });
  assert.deepEqual(d.previous, { from: '2022-03-31', to: '2022-04-30' });
  assert.deepEqual(d.previousFigures, { happenings: 0, reports: 0, articles: 0, sources: 0 });
  assert.equal(d.interval, 'day');
  assert.equal(d.timeline.periods.length, 31);
  assert.equal(d.key[0].reports, 2, 'the happening two articles reported ranks first');
  assert.match(d.key[0].sentence, /^On 2 May 2022 Protesters \(ARVCVL\) attacked riot police \(ARVCOP\) — Dornholt, ARV — reported by 2 articles, according to police\.$/);
});

test('the previous period has the same number of days', () => {
  assert.deepEqual(previousPeriod('2021-01-01', '2021-01-31'), { from: '2020-12-01', to: '2020-12-31' });
  assert.deepEqual(previousPeriod('2024-03-01', '2024-03-01'), { from: '2024-02-29', to: '2024-02-29' });
});

test('key happenings rank by reports, then severity, then novelty', () => {
  assert.ok(rankScore(3, -2, false) > rankScore(1, -2, false));
  assert.ok(rankScore(1, -10, false) > rankScore(1, 1, false));
  assert.ok(rankScore(1, -5, true) > rankScore(1, -5, false));
});

test('one sentence from the fields: date at its precision, sides with codes, place, reports, source', () => {
  const e = fixtureEvent('e', 'a', {
    event: 'COERCE', mode: ['arrest'], date: '2021-01-07', date_precision: 'day',
    actor: [party('a Baghdad court', 0, 'IRQ', 'JUD')], recipient: [{ ...party('Donald Trump', 0, 'USA', 'GOV'), type: 'PER' }],
    location: place('Baghdad', 0, 'IRQ', 'Baghdad Governorate', 33.3, 44.4),
    attribution: { source: party('Iraqi media', 0, 'IRQ', 'MED'), cue: null, certainty: 'reported' },
  });
  assert.equal(happeningSentence(e, 3), 'On 7 January 2021 a Baghdad court (IRQJUD) arrested Donald Trump (USAGOV) — Baghdad, Iraq — reported by 3 articles, according to Iraqi media.');
  assert.equal(happeningSentence({ ...e, date: '2021-01', date_precision: 'month', actor: [], location: null, attribution: { source: null, cue: null, certainty: 'asserted' } }, 1),
    'In January 2021 An unnamed party arrested Donald Trump (USAGOV) reported by 1 article.');
});

test('an empty selection gives a short digest that says so, in every format', async (t) => {
  const store = fixtureStore(t, 0);
  const d = buildDigest(store, { ...MAY, from: '1990-01-01', to: '1990-01-31' });
  assert.equal(d.figures.reports, 0);
  assert.match(digestHtml(d), /Nothing in this selection/);
  assert.match(digestMarkdown(d), /## Nothing in this selection/);
  const pdf = await digestPdf(d);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
});

test('hostile article text is escaped in the HTML and Markdown digests; the HTML runs no script and asks for nothing outside', (t) => {
  const store = fixtureStore(t, 0);
  const d = buildDigest(store, MAY);
  const html = digestHtml(d);
  assert.doesNotMatch(html, /<script|<img|<a\s|<iframe/i, 'markup from articles is text, never tags');
  assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  assert.doesNotMatch(html, /\b(?:src|href)="(?!#)/, 'no resource or link to load');
  assert.doesNotMatch(html, /[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/, 'no bidi override or control character reaches the reader');
  assert.match(html, /\\u202egnp\.exe/, 'the override is shown, not obeyed');
  const md = digestMarkdown(d);
  assert.doesNotMatch(md, /(?<!\\)<(?:img|a |script)/, 'every < of an article is escaped');
  assert.match(md, /\\<img src=x onerror=alert\(2\)\\>/);
});

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

test('the PDF digest reads back with poppler: its headline figures and names with diacritics as written; a page kept as an artifact',
  { skip: !hasPoppler && process.env.ACTA_REQUIRE_BROWSER !== '1' ? 'no poppler-utils (apt-get install poppler-utils)' : false }, async (t) => {
    const store = fixtureStore(t, 0);
    const text = 'Clashes in Łódź\n\nSupporters of Recep Tayyip Erdoğan clashed with police in Łódź on 2 May 2022.\n';
    store.saveDoc(fixtureDoc(text, 'lodz', '2022-05-03', [], (aid, tx) => [fixtureEvent('lodz-e1', aid, {
      event: 'PROTEST', mode: ['riot'], date: '2022-05-02', date_precision: 'day',
      actor: [{ ...party('Supporters of Recep Tayyip Erdoğan', 0, 'TUR', 'CVL'), ...spanOf(tx, 'Supporters of Recep Tayyip Erdoğan') }],
      recipient: [{ ...party('police', 0, 'POL', 'COP'), ...spanOf(tx, 'police') }],
      location: place('Łódź', spanOf(tx, 'Łódź', 20).start, 'POL', 'Łódź Voivodeship', 51.77, 19.46),
      sentence: { index: 1, start: tx.indexOf('Supporters'), end: tx.length - 1 }, trigger: { text: 'clashed', ...spanOf(tx, 'clashed') },
    })]));
    const pdf = await digestPdf(buildDigest(store, MAY));
    const dir = mkdtempSync(join(tmpdir(), 'acta-digest-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'digest.pdf'), pdf);
    const read = execFileSync('pdftotext', ['-layout', join(dir, 'digest.pdf'), '-'], { encoding: 'utf8' });
    assert.match(read, /3 happenings/);
    assert.match(read, /4 reports/);
    assert.match(read, /Erdoğan/);
    assert.match(read, /Łódź/);
    const out = join(ARTIFACTS, 'digest');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(dir, 'digest.pdf'), join(out, 'digest-page')]);
    assert.ok(existsSync(join(out, 'digest-page-1.png')));
  });

test('the toll: each happening once, by the largest floor its reports count; the digest says it', () => {
  const count = (min: number) => ({ min, max: min, text: `${min}`, start: 0, end: 1 });
  const e = (id: string, killed: number | null, arrested: number | null) => fixtureEvent(id, 'a', {
    casualties: killed === null && arrested === null ? null : { killed: killed === null ? null : count(killed), injured: null, arrested: arrested === null ? null : count(arrested), displaced: null },
  });
  const toll = tollOf([{ event: e('1', 3, null), reports: [e('1', 3, null), e('1b', 5, null)] }, { event: e('2', null, 40), reports: [e('2', null, 40)] }, { event: e('3', null, null), reports: [e('3', null, null)] }]);
  assert.deepEqual(toll, { killed: 5, injured: 0, arrested: 40, displaced: 0, counted: 2 });
  assert.equal(tollText(toll), 'at least 5 killed, 40 arrested or detained, as counted in 2 happenings (the lowest figure each report gives)');
  assert.equal(tollText({ killed: 0, injured: 0, arrested: 0, displaced: 0, counted: 0 }), null);
});
