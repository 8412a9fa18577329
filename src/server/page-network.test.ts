/** The page's actor network in real Chromium, over a store of the sample articles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';

const skip = browserSkip();

interface CyNode { id: string; x: number; y: number }

test('the actor network over the samples (one server and browser)', { skip }, async (t) => {
  const server = await pageServer(t);
  const browser = await launchBrowser(t);
  const network = await (await fetch(`${server.url}/api/v1/network`)).json();

  await t.test('actors as nodes, dyads as edges coloured by tone; clicking a node sets the actor filter and the other views ask again', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#network[data-loaded] .network-graph canvas');
    // Cytoscape keeps its instance on its container; the test reads where it drew each node.
    const nodes: CyNode[] = await page.locator('#network .network-graph').evaluate((div) => {
      const cy = (div as unknown as { _cyreg: { cy: { nodes(): { id(): string; renderedPosition(): { x: number; y: number } }[] } } })._cyreg.cy;
      return cy.nodes().map((n) => ({ id: n.id(), ...n.renderedPosition() }));
    });
    assert.deepEqual(nodes.map((n) => n.id).sort(), network.nodes.map((n: { id: string }) => n.id).sort());
    // Conflict and cooperation dyads differ in colour.
    const colours: string[] = await page.locator('#network .network-graph').evaluate((div) =>
      (div as unknown as { _cyreg: { cy: { edges(): { data(k: string): string }[] } } })._cyreg.cy.edges().map((e) => e.data('colour')));
    assert.ok(new Set(colours).size > 1, colours.join(' '));
    await keepScreenshot(page, 'network');

    // The node with most events of those that act (the actor filter is about the acting side), clicked where it is drawn.
    const actors = new Set(network.edges.map((e: { source: string }) => e.source));
    const top = nodes.find((n) => n.id === network.nodes.find((m: { id: string }) => actors.has(m.id)).id) as CyNode;
    const box = await page.locator('#network .network-graph').boundingBox();
    assert.ok(box);
    const refetched = Promise.all(['/api/v1/counts?', '/api/v1/places?'].map((route) =>
      page.waitForRequest((r) => r.url().includes(route) && new URL(r.url()).searchParams.get('actor') === top.id)));
    await page.mouse.click(box.x + top.x, box.y + top.y);
    await page.waitForURL((u) => u.searchParams.get('actor') === top.id);
    await refetched;
    // The network itself narrows to that actor's dyads, the actor marked.
    await page.waitForFunction((id) => {
      const cy = (document.querySelector('#network .network-graph') as unknown as { _cyreg?: { cy: { nodes(s: string): { length: number } } } })._cyreg?.cy;
      return !!cy && cy.nodes(`[id = "${id}"].selected`).length === 1;
    }, top.id);
    assert.equal(await page.locator(`#network button[data-actor="${top.id}"]`).getAttribute('aria-pressed'), 'true');
    await keepScreenshot(page, 'network-actor');
    assert.deepEqual(problems, []);
  });

  await t.test('by keyboard: the actors are buttons; Enter filters by one, again drops the filter', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#network[data-loaded] button[data-actor]');
    // The actor of the strongest dyad: filtering by it keeps that dyad drawn, and its button pressed.
    const button = page.locator(`#network button[data-actor="${network.edges[0].source}"]`);
    const actor = await button.getAttribute('data-actor');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('actor') === actor);
    await page.waitForSelector(`#network button[data-actor="${actor}"][aria-pressed="true"]`);
    await page.locator(`#network button[data-actor="${actor}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.searchParams.has('actor'));
    assert.deepEqual(problems, []);
  });
});
