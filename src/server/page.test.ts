/** The web page in real Chromium, over a store of the sample articles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';

const skip = browserSkip();

test('the page opens from acta serve alone: its own script and style, under its CSP, with no console error', { skip }, async (t) => {
  const server = await pageServer(t);
  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, server.url);
  const answer = await page.goto(`${server.url}/`);
  assert.equal(answer?.status(), 200);
  assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'self';/);
  assert.equal(await page.title(), 'acta — events');
  await page.waitForSelector('#filters[data-view]', { state: 'attached' });
  await keepScreenshot(page, 'page');
  assert.deepEqual(problems, []);
});
