import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { isProblem } from './common.js';
import { readFixture } from './fixtures.js';
import { ingestHtml } from './html.js';

function article(x: IngestedArticle | InputProblem): IngestedArticle {
  assert.ok(!isProblem(x), `expected an article, got ${JSON.stringify(x)}`);
  return x;
}

test('a news page: title, byline, date, site and canonical URL from the page', () => {
  const a = article(ingestHtml(readFixture('harbour.html'), 'harbour.html'));
  assert.equal(a.meta.title, 'Port workers in Velmora strike over unpaid wages');
  assert.equal(a.meta.author, 'Mira Castell');
  assert.equal(a.meta.published, '2023-04-12');
  assert.equal(a.meta.source, 'The Coastline Courier');
  assert.equal(a.meta.url, 'https://courier.example/2023/04/velmora-port-strike');
  assert.equal(a.meta.origin, 'harbour.html');
});

test('the text is the title then one paragraph per block, blank lines between; menus and footers left out', () => {
  const a = article(ingestHtml(readFixture('harbour.html'), 'harbour.html'));
  const paragraphs = a.text.split('\n\n');
  assert.equal(paragraphs[0], 'Port workers in Velmora strike over unpaid wages');
  assert.ok(paragraphs.some((p) => p.startsWith('Dock workers at the port of Velmora walked off the job')));
  assert.ok(!a.text.includes('Home'));
  assert.ok(!a.text.includes('All rights reserved'));
  assert.deepEqual(a.titleSpan, { start: 0, end: paragraphs[0].length });
  assert.deepEqual(a.body[0], a.titleSpan);
  const dropped = a.dropped.map((d) => [d.reason, a.text.slice(d.start, d.end)]);
  assert.deepEqual(dropped, [['byline', 'By Mira Castell'], ['boilerplate', 'Share this article']]);
  // Four prose paragraphs follow the title.
  assert.equal(a.body.length, 5);
  for (const s of a.body) assert.equal(a.text.slice(s.start, s.end), a.text.slice(s.start, s.end).trim());
});

const story = '<p>The river burst its banks overnight and flooded the lower town, the fire service said.</p>'
  + '<p>About forty families spent the night in the school gym while crews pumped water from their homes.</p>';

test('the publication date from JSON-LD or a <time> element when there is no meta tag', () => {
  const jsonLd = `<html><head><title>Flood in the lower town</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2019-11-02T06:00:00Z","author":{"@type":"Person","name":"Oskar Lind"}}]}</script>
    </head><body><article>${story}</article></body></html>`;
  const a = article(ingestHtml(jsonLd, 'ld.html'));
  assert.equal(a.meta.published, '2019-11-02');
  assert.equal(a.meta.author, 'Oskar Lind');

  const time = `<html><head><title>Flood in the lower town</title></head><body><article>
    <time datetime="2019-11-03">3 November</time>${story}</article></body></html>`;
  assert.equal(article(ingestHtml(time, 'time.html')).meta.published, '2019-11-03');

  const none = `<html><head><title>Flood in the lower town</title></head><body><article>${story}</article></body></html>`;
  assert.equal(article(ingestHtml(none, 'none.html')).meta.published, null);
});

test('a fragment without <html> still reads, and line breaks stay inside their paragraph', () => {
  const a = article(ingestHtml('<div><p>The council met on Monday<br>and voted to close the bridge for repairs over the summer.</p></div>', 'frag'));
  assert.equal(a.text, 'The council met on Monday\nand voted to close the bridge for repairs over the summer.');
  assert.equal(a.titleSpan, null);
});

test('pages with no article are problems', () => {
  assert.deepEqual(ingestHtml('<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>', 'nav.html'),
    { origin: 'nav.html', line: null, message: 'no article text found' });
  assert.deepEqual(ingestHtml('<html><body></body></html>', 'empty.html'),
    { origin: 'empty.html', line: null, message: 'no article text found' });
  assert.deepEqual(ingestHtml('', 'blank.html'), { origin: 'blank.html', line: null, message: 'empty HTML' });
});

test('text that only a template, an SVG drawing or a button holds is no article, even when nothing else is on the page', () => {
  const page = '<body><template><p>Soldiers attacked the village near the border on Monday morning.</p></template>'
    + '<svg><text>Casualty figures by province for the past twelve months</text></svg>'
    + '<button>Subscribe now to read the whole story today</button></body>';
  assert.deepEqual(ingestHtml(page, 'hidden.html'), { origin: 'hidden.html', line: null, message: 'no article text found' });
});
