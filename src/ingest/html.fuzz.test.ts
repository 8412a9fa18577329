/**
 * Fuzzing HTML ingest: pages with heads full of good and bad dates, JSON-LD of
 * every shape (deeply nested arrays, @graph, wrong types), unclosed and stray
 * tags, skipped elements, entities, nesting up to 50 levels (deeper nesting is
 * the depth cap's business, tested in html.test.ts) and markup soup. Whatever
 * the page, ingestHtml returns a sound article or a problem naming the input;
 * it never throws, never takes long, and gives the same answer twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerProblems } from '../doc/invariants.js';
import { fuzzParameters, withinTime } from '../util/fuzz.js';
import { htmlPage } from './arbitraries.js';
import { isProblem } from './common.js';
import { ingestHtml } from './html.js';

test('fuzz: any page ingests to a sound article or to a problem naming it', () => {
  fc.assert(fc.property(htmlPage, (html) => {
    const a = withinTime(5000, 'ingestHtml', () => ingestHtml(html, 'fuzz.html'));
    assert.deepEqual(answerProblems(a, 'fuzz.html'), []);
    if (!isProblem(a)) assert.equal(a.meta.origin, 'fuzz.html');
    assert.deepEqual(ingestHtml(html, 'fuzz.html'), a, 'the same page gives the same article');
  }), fuzzParameters(300));
});

/** Elements whose content a reader never sees as article text. */
const HIDDEN_TAGS = ['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'iframe'];

test('fuzz: text inside a script, style, template, drawing, button or form control never reaches the article', () => {
  fc.assert(fc.property(htmlPage, fc.constantFrom(...HIDDEN_TAGS), fc.boolean(), (page, tag, wrapInP) => {
    const hidden = `<${tag}>${wrapInP ? '<p>' : ''}Zqxhidden soldiers attacked the village near the border on Monday morning.${wrapInP ? '</p>' : ''}</${tag}>`;
    const at = page.includes('<body>') ? page.indexOf('<body>') + 6 : 0;
    const a = ingestHtml(page.slice(0, at) + hidden + page.slice(at), 'fuzz.html');
    if (!isProblem(a)) assert.ok(!a.text.includes('Zqxhidden'), `<${tag}> text in the article: ${JSON.stringify(a.text.slice(0, 200))}`);
  }), fuzzParameters(300));
});
