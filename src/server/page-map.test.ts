/** The page's map in real Chromium, over the sample articles and one article placed only to its country. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';
import { samplesWith } from './page-articles.fixtures.js';

const skip = browserSkip();

/** Strikes told only as "across Chile": the place is the country, with no town. */
const CHILE = {
  id: 'chile-strike', published: '2023-06-02', title: 'Strikes across Chile',
  text: 'Thousands of workers went on strike across Chile on June 1, the national labour federation said. Chilean police arrested dozens of demonstrators in Chile, the federation said.',
};

/** A point on the map where a country's outline is the element a click reaches (scanned, since an outline's box is mostly sea). */
async function pointInCountry(page: Page, iso3: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((code) => {
    const box = (document.querySelector('#map .map-box') as HTMLElement).getBoundingClientRect();
    for (let y = box.top + 2; y < box.bottom - 2; y += 3) {
      for (let x = box.left + 2; x < box.right - 2; x += 3) {
        const hit = document.elementFromPoint(x, y);
        if (hit instanceof SVGPathElement && hit.dataset.country === code) return { x, y };
      }
    }
    return null;
  }, iso3);
}

test('the map over the samples and a country-only article (one server and browser)', { skip }, async (t) => {
  const server = await pageServer(t, { db: await samplesWith(t, [CHILE]) });
  const browser = await launchBrowser(t);
  const places = await (await fetch(`${server.url}/api/v1/places`)).json();
  const chile = places.countries.find((c: { country: string }) => c.country === 'CHL');
  assert.ok(chile, 'the Chile article has events placed only to the country');

  await t.test('an event known only to its country draws the country, shaded, and no point', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#map[data-outlines="drawn"][data-loaded] .map-box .leaflet-marker-icon');
    const shaded = page.locator('#map path.map-country-shaded');
    assert.deepEqual(await shaded.evaluateAll((ps) => ps.map((p) => [(p as SVGElement).dataset.country, (p as SVGElement).dataset.events])),
      [['CHL', String(chile.count)]]);
    // Its fill is the shade, not the land's colour.
    assert.notEqual(await shaded.getAttribute('fill'), await page.locator('#map path[data-country="BRA"]').getAttribute('fill'));
    // Every point the API gives is drawn in a point or a cluster; none of Chile's events is among them.
    const drawn = await page.locator('#map .map-point').count()
      + (await page.locator('#map .map-cluster-disc').allTextContents()).reduce((n, s) => n + Number(s), 0);
    assert.equal(drawn, places.points_total);
    await keepScreenshot(page, 'map');

    // Clicking the country filters by it: the URL says so, the other views ask again, and the map holds no point there.
    const at = await pointInCountry(page, 'CHL');
    assert.ok(at, 'Chile is on the map');
    const refetched = Promise.all(['/api/v1/counts?', '/api/v1/network?'].map((route) =>
      page.waitForRequest((r) => r.url().includes(route) && new URL(r.url()).searchParams.get('country') === 'CHL')));
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/country=CHL/);
    await refetched;
    await page.waitForFunction(() => document.querySelectorAll('#map .leaflet-marker-icon').length === 0);
    assert.equal(await page.locator('#map path.map-country-selected').getAttribute('data-country'), 'CHL');
    await keepScreenshot(page, 'map-country');
    assert.deepEqual(problems, []);
  });

  await t.test('clicking a point opens its evidence (open= in the URL); a cluster zooms in; Enter on a point does the same', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#map[data-outlines="drawn"][data-loaded] .map-box .leaflet-marker-icon');
    // Clusters open by zooming until a single point shows.
    for (let i = 0; i < 6 && (await page.locator('#map .map-point').count()) === 0; i++) {
      const drawn = await page.locator('#map').getAttribute('data-drawn');
      await page.locator('#map .map-cluster').first().click();
      await page.waitForFunction((before) => document.querySelector('#map')?.getAttribute('data-drawn') !== before, drawn);
    }
    const point = page.locator('#map .map-point').first();
    const id = await point.getAttribute('data-id');
    assert.ok(id && places.points.some((p: { id: string }) => p.id === id));
    await point.click();
    await page.waitForURL((u) => u.searchParams.get('open') === id);

    // The keyboard: a point is a tab stop and Enter opens it.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('open'));
    const other = page.locator('#map .map-point').last();
    const otherId = await other.getAttribute('data-id');
    await other.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('open') === otherId);
    assert.deepEqual(problems, []);
  });
});
