/**
 * The filter bar in real Chromium over a store of the sample articles: each control shows the
 * URL's state and changes it; the table lists what the API lists for those filters; the back
 * button goes back through filters; a shared URL opens the same view; a filter the API refuses
 * is said in the status line and on its control.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';
import { api, apiIds, isStatusLine, urlQuery, waitForRows } from './page-views.fixtures.js';

const skip = browserSkip();

test('the filter bar', { skip }, async (t) => {
  const server = await pageServer(t);
  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, server.url);
  await page.goto(`${server.url}/`);
  await waitForRows(page, await apiIds(server.url));

  await t.test('its choices are the facets: countries the events involve, with names, and the PLOVER types', async () => {
    const facets = await api(server.url, '/facets');
    await page.waitForFunction((n) => document.querySelectorAll('#filter-country option').length === n + 1, facets.countries.length);
    const countries = await page.$$eval('#filter-country option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    assert.deepEqual(countries.slice(1).map(([v]) => v), facets.countries.map((c: any) => c.code));
    assert.ok(countries.some(([v, label]) => v === 'IRQ' && label?.startsWith('Iraq (IRQ)')), JSON.stringify(countries));
    const types = await page.$$eval('#filter-event option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(types.slice(1), facets.event_types.map((x: any) => x.event));
  });

  await t.test('choosing a country puts it in the URL and the table lists only events that involve it; back restores the filter before', async () => {
    await page.selectOption('#filter-country', 'IRQ');
    assert.equal(urlQuery(page).country, 'IRQ');
    const iraq = await apiIds(server.url, 'country=IRQ');
    assert.ok(iraq.length > 0);
    await waitForRows(page, iraq);
    // Each row names Iraq: an actor's or recipient's code, or the place's country.
    for (const text of await page.$$eval('#table tbody tr', (rs) => rs.map((r) => r.textContent ?? ''))) assert.match(text, /IRQ/);
    await keepScreenshot(page, 'filters');
    await page.selectOption('#filter-country', 'MLI');
    await waitForRows(page, await apiIds(server.url, 'country=MLI'));
    await page.goBack();
    await waitForRows(page, iraq);
    assert.equal(urlQuery(page).country, 'IRQ');
    assert.equal(await page.inputValue('#filter-country'), 'IRQ');
    await page.goBack();
    await waitForRows(page, await apiIds(server.url));
    assert.equal(await page.inputValue('#filter-country'), '');
    assert.deepEqual(urlQuery(page), {});
  });

  await t.test('text filters apply on Enter; the type, realis and certainty choices too; Reset clears them all', async () => {
    await page.fill('#filter-actor', 'Shoukry');
    await page.press('#filter-actor', 'Enter');
    await waitForRows(page, await apiIds(server.url, 'actor=Shoukry'));
    assert.equal(urlQuery(page).actor, 'Shoukry');
    await page.selectOption('#filter-realis', 'any');
    await page.selectOption('#filter-event', 'CONSULT');
    await page.selectOption('#filter-interval', 'month');
    assert.deepEqual(urlQuery(page), { actor: 'Shoukry', event: 'CONSULT', realis: 'any', interval: 'month' });
    const consult = await apiIds(server.url, 'actor=Shoukry&event=CONSULT&realis=any');
    assert.ok(consult.length > 0);
    await waitForRows(page, consult);
    await page.fill('#filter-text', 'Cairo');
    await page.fill('#filter-from', '2023');
    await page.click('.filter-apply');
    assert.deepEqual(urlQuery(page), { from: '2023', actor: 'Shoukry', event: 'CONSULT', realis: 'any', text: 'Cairo', interval: 'month' });
    await waitForRows(page, await apiIds(server.url, 'from=2023&actor=Shoukry&event=CONSULT&realis=any&text=Cairo'));
    await page.click('.filter-reset');
    assert.deepEqual(urlQuery(page), {});
    await waitForRows(page, await apiIds(server.url));
    for (const id of ['#filter-actor', '#filter-text', '#filter-from', '#filter-event', '#filter-realis']) assert.equal(await page.inputValue(id), '', id);
    assert.equal(await page.inputValue('#filter-interval'), 'day');
  });

  await t.test('a shared URL opens the same view: its filters in the controls, its events in the table, its evidence open', async () => {
    const query = 'from=2020&to=2021-06&country=IRQ&event=ASSAULT&realis=any';
    const ids = await apiIds(server.url, query);
    assert.ok(ids.length > 0);
    const other = await openPage(browser, server.url);
    await other.page.goto(`${server.url}/?${query}&interval=week&open=${ids[0]}`);
    await waitForRows(other.page, ids);
    const values = await other.page.$$eval('#filters input, #filters select', (cs) => Object.fromEntries(cs.map((c) => [(c as HTMLInputElement).name, (c as HTMLInputElement).value])));
    assert.deepEqual(values, { from: '2020', to: '2021-06', country: 'IRQ', actor: '', event: 'ASSAULT', realis: 'any', certainty: '', text: '', interval: 'week' });
    await other.page.waitForSelector('#evidence:not([hidden]) mark[data-field="trigger"]');
    assert.equal(await other.page.textContent('#evidence mark[data-field="trigger"]'), (await api(server.url, `/events/${ids[0]}`)).evidence.trigger.words);
    await keepScreenshot(other.page, 'shared-view');
    assert.deepEqual(other.problems, []);
    await other.page.close();
  });

  await t.test('a filter the API refuses is said in the status line and on its control; a good one clears it', async () => {
    await page.fill('#filter-from', '2023-02-30');
    await page.press('#filter-from', 'Enter');
    await page.waitForSelector('#filter-from[aria-invalid="true"]');
    assert.match(await page.textContent('#status') ?? '', /from: must be a year, month or day of the calendar/);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.match(await page.textContent('#filter-from-error') ?? '', /^from: /);
    assert.equal(await page.$$eval('[aria-invalid="true"]', (xs) => xs.length), 1);
    await keepScreenshot(page, 'filters-error');
    await page.fill('#filter-from', '2023-02-28');
    await page.press('#filter-from', 'Enter');
    await page.waitForSelector('#filter-from:not([aria-invalid])');
    assert.equal(await page.textContent('#status'), '');
    assert.equal(await page.isHidden('#filter-from-error'), true);
    await waitForRows(page, await apiIds(server.url, 'from=2023-02-28'));
    // The refused request's own console line is the only one, and expected.
    const unexpected = problems.filter((p) => !isStatusLine(p, 400));
    assert.deepEqual(unexpected, []);
    problems.length = 0;
  });

  await t.test('"Download digest" carries the filters, a month widened to whole days, and downloads the digest', async () => {
    await page.goto(`${server.url}/?country=IRQ&from=2021-01&to=2021-01&event=PROTEST`);
    await page.waitForSelector('#digest-download');
    await page.selectOption('#digest-format', 'md');
    const href = await page.getAttribute('#digest-download', 'href');
    assert.equal(href, '/api/v1/digest?from=2021-01-01&to=2021-01-31&country=IRQ&event=PROTEST&format=md');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#digest-download')]);
    assert.equal(download.suggestedFilename(), 'acta-digest-2021-01-01-2021-01-31.md');
    const body = await (await fetch(`${server.url}${href}`)).text();
    assert.match(body, /^# acta digest: 2021-01-01 to 2021-01-31/);
    assert.match(body, /Iraq; PROTEST/);
  });

  assert.deepEqual(problems, []);
  await t.test('words typed into a text filter before the choices have arrived stay when they arrive', async () => {
    const { page: early, problems: earlyProblems } = await openPage(browser, server.url);
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await early.route('**/api/v1/facets', async (route) => { await held; await route.continue(); });
    await early.goto(`${server.url}/`);
    await early.fill('#filter-actor', 'IRQ');
    release();
    await early.waitForFunction(() => document.querySelectorAll('#filter-country option').length > 1);
    assert.equal(await early.inputValue('#filter-actor'), 'IRQ');
    await early.press('#filter-actor', 'Enter');
    await early.waitForFunction(() => new URL(location.href).searchParams.get('actor') === 'IRQ');
    assert.deepEqual(earlyProblems, []);
    await early.context().close();
  });
});
