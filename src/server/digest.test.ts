/** `GET /api/v1/digest`: acta digest's file for the page's "Download digest"; and the HTML digest in Chromium. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, testServer } from './server.fixtures.js';
import { browserSkip, keepScreenshot, launchBrowser, openPage } from './browser.fixtures.js';

test('GET /digest answers the digest as a file to save, in each format, for the period and filters given', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const html = await app.inject({ url: '/api/v1/digest?from=2022-05-01&to=2022-05-31&country=IRN,IRQ' });
  assert.equal(html.statusCode, 200);
  assert.match(html.headers['content-type'] as string, /^text\/html/);
  assert.equal(html.headers['content-disposition'], 'attachment; filename="acta-digest-2022-05-01-2022-05-31.html"');
  assert.match(html.body, /<b>1<\/b>happenings/, 'only the Tehran protest is in Iran or Iraq');
  const md = await app.inject({ url: '/api/v1/digest?from=2022-05-01&to=2022-05-31&format=md&event=PROTEST' });
  assert.match(md.body, /\| happenings \| 1 \|/);
  const pdf = await app.inject({ url: '/api/v1/digest?from=2022-05-01&to=2022-05-31&format=pdf' });
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('GET /digest without a period covers the 30 days up to the newest event; bad values are 400s naming them', async (t) => {
  const { app } = await testServer(t, { extra: 0 });
  const r = await app.inject({ url: '/api/v1/digest?format=md' });
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-disposition'] as string, /acta-digest-2022-05-05-2022-06-03\.md/);
  for (const [q, parameter] of [['from=2022-02-30', 'from'], ['country=XXX', 'country'], ['event=PARTY', 'event'], ['format=docx', 'format'],
    ['from=2022-06-01&to=2022-05-01', 'from'], ['text=%00', 'text']]) {
    const bad = await getJson(app, `/api/v1/digest?${q}`);
    assert.equal(bad.status, 400, q);
    assert.equal(bad.body.parameter, parameter, q);
  }
});

test('the HTML digest opened in Chromium makes no request and logs no error', { skip: browserSkip() }, async (t) => {
  const { app } = await testServer(t, { extra: 3 });
  const html = (await app.inject({ url: '/api/v1/digest?from=2022-05-01&to=2022-05-31' })).body;
  const dir = mkdtempSync(join(tmpdir(), 'acta-digest-page-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'digest.html');
  writeFileSync(file, html);
  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, `file://${file}`);
  const requests: string[] = [];
  page.on('request', (r) => { if (r.url() !== `file://${file}`) requests.push(r.url()); });
  await page.goto(`file://${file}`);
  assert.equal(await page.locator('svg').count(), 2, 'the timeline and the map');
  assert.match(await page.locator('h1').innerText(), /acta digest: 2022-05-01 to 2022-05-31/);
  await keepScreenshot(page, 'digest-html');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});
