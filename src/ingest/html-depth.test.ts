import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { ingestHtml } from './html.js';
import { ingestJsonl } from './jsonl.js';
import { formatProblem, isProblem } from './common.js';

const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>Police arrested two protesters outside the ministry on Monday, a spokesman said.</p>${'</div>'.repeat(depth)}</body></html>`;

test('the depth of a page counts open elements; void, self-closed and raw-text elements hold nothing', () => {
  assert.equal(htmlNestingDepth('<html><body><div><p>a<br>b<img src="x.png"></p></div></body></html>'), 4);
  assert.equal(htmlNestingDepth('<div><script>if (a < b) { document.write("<div><div><div>"); }</script><!-- <div><div> --></div>'), 1);
  assert.equal(htmlNestingDepth('<svg><path d="M0"/><path d="M1"/></svg>'), 1);
  assert.equal(htmlNestingDepth('<div title="a > b"><span>x</span></div>'), 2);
});

test('paragraphs, list items and cells left unclosed do not pile up', () => {
  const page = `<body><ul>${'<li>item'.repeat(500)}</ul>${'<p>para'.repeat(500)}<table>${'<tr><td>a<td>b'.repeat(500)}</table></body>`;
  assert.ok(htmlNestingDepth(page) <= 4);
  // A stray closing tag closes nothing.
  assert.equal(htmlNestingDepth('<div></span></b><p>x</p></div>'), 2);
});

test('a page nested 5,000 deep is refused in well under a second, naming the file', () => {
  const t0 = performance.now();
  const r = ingestHtml(nested(5000), 'pages/deep.html');
  assert.ok(performance.now() - t0 < 1000);
  assert.ok(isProblem(r));
  assert.match(formatProblem(r), /^pages\/deep\.html: HTML nested more than 200 elements deep/);
});

test('in a JSONL batch the line is named and the next line still reads', () => {
  const batch = [JSON.stringify({ html: nested(3000) }), JSON.stringify({ html: nested(20) })].join('\n');
  const [bad, good] = ingestJsonl(batch, 'batch.jsonl');
  assert.ok(isProblem(bad));
  assert.match(formatProblem(bad), /^batch\.jsonl:1: HTML nested more than/);
  assert.ok(!isProblem(good));
});

test('a page just within the bound is read', () => {
  const r = ingestHtml(nested(MAX_HTML_DEPTH - 3), 'ok.html');
  assert.ok(!isProblem(r));
});
