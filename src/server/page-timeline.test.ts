/** The page's timeline in real Chromium, over a store of the sample articles: brushing and the keyboard set the period. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';
import { samplesWith } from './page-articles.fixtures.js';

const skip = browserSkip();

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

test('the timeline over the samples (one server and browser)', { skip }, async (t) => {
  const server = await pageServer(t);
  const browser = await launchBrowser(t);

  await t.test('bars by type with a legend; brushing sets from/to in the URL and the other views ask again; Clear period drops it', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#timeline[data-loaded] .timeline-bars rect');
    // One colour a type, the legend naming each type counted.
    const legend = await page.locator('#timeline .chart-legend-item .chart-legend-name').allTextContents();
    assert.ok(legend.includes('ASSAULT') && legend.includes('PROTEST'), legend.join(' '));
    const fills = await page.locator('#timeline .timeline-bars > g').evaluateAll((gs) => gs.map((g) => g.getAttribute('fill')));
    assert.equal(new Set(fills).size, fills.length);

    const overlay = await page.locator('#timeline .timeline-brush .overlay').boundingBox();
    assert.ok(overlay);
    const refetched = Promise.all(['/api/v1/places?', '/api/v1/network?'].map((route) =>
      page.waitForRequest((r) => r.url().includes(route) && r.url().includes('from=') && r.url().includes('to='))));
    const y = overlay.y + overlay.height / 2;
    await page.mouse.move(overlay.x + overlay.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(overlay.x + overlay.width * 0.75, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=.*to=/);
    const from = param(page.url(), 'from') as string;
    const to = param(page.url(), 'to') as string;
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(to, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(from <= to);
    const [places, network] = await refetched;
    assert.equal(param(places.url(), 'from'), from);
    assert.equal(param(network.url(), 'to'), to);
    // The brush is snapped to whole periods and stays drawn.
    assert.ok(await page.locator('#timeline .timeline-brush .selection').evaluate((r) => Number(r.getAttribute('width')) > 0));
    await keepScreenshot(page, 'timeline-brushed');

    await page.getByRole('button', { name: 'Clear period' }).click();
    await page.waitForURL((u) => !u.searchParams.has('from') && !u.searchParams.has('to'));
    assert.equal(await page.getByRole('button', { name: 'Clear period' }).isHidden(), true);
    // Back brings the period back (the state is in the URL).
    await page.goBack();
    await page.waitForURL(/from=/);
    assert.equal(param(page.url(), 'from'), from);
    assert.deepEqual(problems, []);
  });

  await t.test('by keyboard: Tab to the chart, arrows pick periods (Shift widens), Enter selects, Delete clears; the interval is a button', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#timeline[data-loaded] .timeline-bars rect');
    const counts = await (await page.request.get(`${server.url}/api/v1/counts?interval=day&by=event`)).json();
    const periods: string[] = counts.periods;

    await page.locator('#timeline .timeline-svg').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const readout = await page.locator('#timeline .timeline-readout').textContent();
    assert.ok(readout?.startsWith(`${periods[periods.length - 3]} to ${periods[periods.length - 1]}:`), readout ?? '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=/);
    assert.equal(param(page.url(), 'from'), periods[periods.length - 3]);
    assert.equal(param(page.url(), 'to'), periods[periods.length - 1]);
    await page.keyboard.press('Delete');
    await page.waitForURL((u) => !u.searchParams.has('from'));

    const monthly = page.waitForRequest((r) => r.url().includes('/api/v1/counts?') && param(r.url(), 'interval') === 'month');
    await page.locator('#timeline button[data-interval="month"]').focus();
    await page.keyboard.press('Enter');
    await monthly;
    await page.waitForURL(/interval=month/);
    assert.equal(await page.locator('#timeline button[data-interval="month"]').getAttribute('aria-pressed'), 'true');
    // A brushed month is a month filter.
    await page.waitForSelector('#timeline .timeline-bars rect');
    await page.locator('#timeline .timeline-svg').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=/);
    assert.match(param(page.url(), 'from') as string, /^\d{4}-\d{2}$/);
    assert.equal(param(page.url(), 'from'), param(page.url(), 'to'));
    await keepScreenshot(page, 'timeline-month');
    assert.deepEqual(problems, []);
  });
  });

test('the timeline over decades: days too many for the API, it counts per week instead and says so', { skip }, async (t) => {
  // An arrest in 1985 beside the samples of 2020–2024: some 14,000 days, more than /counts gives.
  const old = { id: 'paris-1985', published: '1985-03-04', title: 'Arrests in Paris', text: 'French police arrested dozens of protesters in Paris on 3 March 1985, officials said.' };
  const server = await pageServer(t, { db: await samplesWith(t, [old]) });
  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, server.url);
  await page.goto(`${server.url}/`);
  await page.waitForURL(/interval=week/);
  await page.waitForSelector('#timeline .timeline-bars rect');
  assert.equal(await page.locator('#timeline button[data-interval="week"]').getAttribute('aria-pressed'), 'true');
  assert.match(await page.locator('#status').textContent() ?? '', /counting per week instead/);
  // The one problem is the API's 400 for the days, which Chromium logs as it logs every failed load; the page answered it.
  assert.deepEqual(problems, ['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
