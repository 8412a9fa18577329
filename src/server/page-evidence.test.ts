/**
 * The event table and the evidence view in real Chromium, over a store of the sample articles
 * and a second report of one of them: open an event from the table (by mouse, then by keyboard
 * alone) and see each field's words marked, in the colours of the legend, exactly the words the
 * API gives as its evidence; follow a link to the other report of the same happening.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureStore } from '../store/explore.fixtures.js';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer, SAMPLES, sampleStoreFile } from './browser.fixtures.js';
import { api, apiIds, evidenceWords, literalTexts, markedWords, rowIds, urlQuery, waitForRows } from './page-views.fixtures.js';

const skip = browserSkip();

/** The samples and, as another paper's article, the Iran wire story retold two days on: one happening, two reports. */
function samplesWithRetelling(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-retold-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(dir, f));
  const wire = JSON.parse(readFileSync(join(SAMPLES, '04_batch.jsonl'), 'utf8').split('\n')[0]);
  // One sentence more, so that it is another article (a store keeps one copy of the same text).
  const retold = { ...wire, id: 'retold-001', title: 'Iran: clashes in the capital', source: 'Another Paper', text: `${wire.text} Shops in the bazaar stayed shut.` };
  writeFileSync(join(dir, '05_retold.jsonl'), JSON.stringify(retold) + '\n');
  return dir;
}

test('the table and the evidence view', { skip }, async (t) => {
  const server = await pageServer(t, { db: await sampleStoreFile(t, samplesWithRetelling(t)) });
  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, server.url);
  await page.goto(`${server.url}/`);
  await waitForRows(page, await apiIds(server.url));

  await t.test('a row shows the event as the API lists it: date, type, actor, recipient, place, source and certainty', async () => {
    const [first] = (await api(server.url, '/events?reports=true&limit=1')).events;
    const cells = await page.$$eval(`#table tr[data-event-id="${first.id}"] td`, (tds) => tds.map((td) => td.textContent));
    assert.equal(cells[0], first.date ?? '?');
    assert.ok(cells[1]?.startsWith(first.event), cells[1] ?? '');
    for (const p of first.actor) assert.ok(cells[2]?.includes(`${p.text} [${p.code}]`), cells[2] ?? '');
    for (const p of first.recipient) assert.ok(cells[3]?.includes(p.text), cells[3] ?? '');
    if (first.location) assert.ok(cells[4]?.includes(first.location.name), cells[4] ?? '');
    assert.ok(cells[5]?.includes(first.attribution.certainty), cells[5] ?? '');
  });

  await t.test('a click on a row opens its evidence: every field\'s words marked in its own colour, as the API gives them', async () => {
    // An event with a source and a cue, so that every kind of mark is there to check.
    const listed = (await api(server.url, '/events?reports=true&limit=100')).events;
    const chosen = listed.find((e: any) => e.attribution.source && e.actor.length && e.location && e.date_text);
    assert.ok(chosen, 'the samples have an event with a source, an actor, a place and a date');
    await page.click(`#table tr[data-event-id="${chosen.id}"]`);
    await page.waitForSelector('#evidence:not([hidden]) .ev-article mark');
    assert.equal(urlQuery(page).open, chosen.id);
    const answer = await api(server.url, `/events/${chosen.id}`);
    const article = await api(server.url, `/articles/${answer.article.hash}`);
    assert.deepEqual(await markedWords(page), evidenceWords(answer, article.text));
    // The whole article is there, as it is stored.
    assert.deepEqual(await literalTexts(page, '#evidence .ev-article'), [article.text]);
    assert.equal(await page.textContent('#evidence-title'), answer.article.title);
    // Distinct colours: one background per field, the legend's the same as the marks'.
    const colours = await page.$$eval('#evidence .ev-article mark[data-field]', (ms) => {
      const by: Record<string, string> = {};
      for (const m of ms) by[(m as HTMLElement).dataset.field as string] = getComputedStyle(m).backgroundColor;
      return by;
    });
    assert.ok(['trigger', 'actor', 'place', 'source', 'cue', 'time'].every((f) => f in colours), JSON.stringify(colours));
    assert.equal(new Set(Object.values(colours)).size, Object.keys(colours).length, JSON.stringify(colours));
    const legend = await page.$$eval('#evidence .ev-legend mark', (ms) => ms.map((m) => [m.className, getComputedStyle(m).backgroundColor]));
    for (const [cls, colour] of legend) assert.equal(colour, colours[cls.replace('mark-', '')], cls);
    // Each field says which words decided it and what it became: actor words → its code.
    const fields = await page.$$eval('#evidence .ev-fields tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    for (const p of answer.evidence.actor) {
      assert.ok(fields.some(([name, words, , value]) => name.trim() === 'actor' && words === p.words && value.startsWith(p.code ?? 'no code')), JSON.stringify(fields));
    }
    assert.ok(fields.some(([name, words, , value]) => name.trim() === 'source' && words === answer.evidence.source.words && value.includes(answer.evidence.source.code ?? '')));
    assert.ok(fields.some(([name, , , value]) => name.trim() === 'cue' && value.includes(answer.evidence.certainty)));
    assert.ok(fields.some(([name, , , value]) => name.trim() === 'realis' && value.startsWith(answer.event.realis)));
    // The trigger is scrolled into the article's view.
    const inView = await page.$eval('#evidence .ev-article', (box) => {
      const mark = box.querySelector('mark[data-field="trigger"]') as HTMLElement;
      const [b, m] = [box.getBoundingClientRect(), mark.getBoundingClientRect()];
      return m.top >= b.top && m.bottom <= b.bottom;
    });
    assert.ok(inView);
    assert.match(await page.getAttribute(`#table tr[data-event-id="${chosen.id}"]`, 'class') ?? '', /is-open/);
    await keepScreenshot(page, 'evidence');
    await page.click('#evidence .ev-close');
    await page.waitForSelector('#evidence', { state: 'hidden' });
    assert.equal(urlQuery(page).open, undefined);
  });

  await t.test('a field inside another ("Baghdad", the place, in "a Baghdad court", the actor) is a mark inside the other\'s: both words whole', async () => {
    const listed = (await api(server.url, '/events?reports=true&limit=100&realis=any')).events;
    const inside = (a: any, b: any) => a && b && b.start <= a.start && a.end <= b.end && (a.start !== b.start || a.end !== b.end);
    let nested: any = null;
    for (const e of listed) {
      if (e.location && [...e.actor, ...e.recipient].some((p: any) => inside(e.location, p))) { nested = e; break; }
    }
    assert.ok(nested, 'the samples have a place named inside a side\'s words');
    await page.goto(`${server.url}/?realis=any&open=${nested.id}`);
    await page.waitForSelector('#evidence:not([hidden]) .ev-article mark[data-field="place"]');
    const answer = await api(server.url, `/events/${nested.id}`);
    const article = await api(server.url, `/articles/${answer.article.hash}`);
    assert.deepEqual(await markedWords(page), evidenceWords(answer, article.text));
    const outer = await page.$eval('#evidence .ev-article mark[data-field="place"]', (m) => m.parentElement?.closest('mark')?.dataset.field ?? null);
    assert.ok(outer === 'actor' || outer === 'recipient', String(outer));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#evidence', { state: 'hidden' });
  });

  await t.test('the other report of the same happening is a link that opens it', async () => {
    const clash = (await api(server.url, '/events?reports=true&article=wire-001&limit=100')).events.find((e: any) => e.trigger.text === 'clashed');
    const answer = await api(server.url, `/events/${clash.id}`);
    assert.equal(answer.reports.length, 1, 'the retold story is another report of the clash');
    const other = answer.reports[0];
    assert.equal(other.article_id, 'retold-001');
    await page.goto(`${server.url}/?open=${clash.id}`);
    await page.waitForSelector('#evidence .ev-reports a');
    assert.equal(await page.getAttribute('#evidence .ev-reports a', 'href'), `?open=${other.id}`);
    await page.click('#evidence .ev-reports a');
    await page.waitForFunction((t) => document.querySelector('#evidence-title')?.textContent === t, 'Iran: clashes in the capital');
    assert.equal(urlQuery(page).open, other.id);
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('#evidence-title')?.textContent === t, 'Protests spread across Iran');
  });

  await t.test('with the keyboard alone: Tab reaches the table, arrows move, Enter opens the evidence, Esc closes it and focus comes back', async () => {
    await page.goto(`${server.url}/`);
    const ids = await apiIds(server.url);
    await waitForRows(page, ids);
    let focused: string | null = null;
    for (let i = 0; i < 300 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset.eventId ?? null);
    }
    assert.equal(focused, ids[0], 'Tab reaches the first row');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.eventId), ids[1]);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence:not([hidden]) .ev-article');
    assert.equal(urlQuery(page).open, ids[1]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'evidence-title');
    // The close button is reachable by Tab from inside the panel too.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#evidence', { state: 'hidden' });
    assert.equal(urlQuery(page).open, undefined);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.eventId), ids[1], 'focus is back on the row');
    // Space opens too; the row stays the table's one tab stop.
    await page.keyboard.press(' ');
    await page.waitForSelector('#evidence:not([hidden]) .ev-article');
    assert.equal(urlQuery(page).open, ids[1]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#evidence', { state: 'hidden' });
    assert.deepEqual(await rowIds(page), ids);
    assert.equal(await page.$$eval('#table tbody tr[tabindex="0"]', (rs) => rs.length), 1);
  });

  await t.test('"More events" is there only when the API has a next page, and continues the list from its cursor', async () => {
    // The samples are one page.
    assert.equal(await page.isHidden('#table .table-more'), true);
    const big = await pageServer(t, { store: fixtureStore(t, 150) });
    const watched = await openPage(browser, big.url);
    const bigPage = watched.page;
    await bigPage.goto(`${big.url}/?realis=any`);
    const first = await api(big.url, '/events?reports=true&limit=100&realis=any&fields=id');
    const second = await api(big.url, `/events?reports=true&limit=100&realis=any&fields=id&cursor=${first.next_cursor}`);
    await waitForRows(bigPage, first.events.map((e: any) => e.id));
    assert.match(await bigPage.textContent('#table .table-count') ?? '', /^100 events, more below/);
    await bigPage.click('#table .table-more');
    await waitForRows(bigPage, [...first.events, ...second.events].map((e: any) => e.id));
    assert.equal(await bigPage.isHidden('#table .table-more'), second.next_cursor === null);
    await keepScreenshot(bigPage, 'table');
    assert.deepEqual(watched.problems, []);
  });

  assert.deepEqual(problems, []);
});
