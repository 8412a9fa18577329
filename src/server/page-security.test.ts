/**
 * The page against hostile articles, in real Chromium: titles, bodies, sources and addresses
 * carrying <script>, <img onerror>, javascript: links, control characters and bidi overrides are
 * posted through the API and viewed in the table and the evidence panel — nothing runs, no
 * dialog opens, the text appears as written, and the invisible characters are shown, not obeyed.
 * Also: the page's CSP (no unsafe-inline, enforced), writes without the token (401), bodies over
 * the limit (413), and SQL metacharacters typed into the filters (normal results or a 400).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, keepScreenshot, launchBrowser, openPage, pageServer } from './browser.fixtures.js';
import { api, apiIds, evidenceWords, isStatusLine, literalTexts, markedWords, waitForRows } from './page-views.fixtures.js';

const skip = browserSkip();
const TOKEN = 'page-security-token';
const BODY_LIMIT = 256 * 1024;

/** Each payload, run, would set window.__pwned or open a dialog. */
const HOSTILE = [
  {
    id: 'hostile-1', published: '2024-03-06',
    title: '<script>window.__pwned="title"</script><img src=x onerror="window.__pwned=\'img\';alert(1)"> \u202Egnp.exe',
    source: 'Wire <img src=x onerror=alert("source")>',
    url: 'javascript:window.__pwned="url"',
    text: 'Protesters clashed with riot police in Tehran on Tuesday, the <a href="javascript:window.__pwned=\'link\'">Iranian <b>police</b></a> said. '
      + '<img src=x onerror="window.__pwned=\'body\';alert(2)"> Students from the <script>window.__pwned="body-script"</script> university marched '
      + 'against the government in Tehran on Monday.\u0007 Police arrested \u202Edrah\u202C Karim <i onmouseover=alert(3)>Hassan</i> in Isfahan '
      + 'on Wednesday, \u001b[31mstate media\u001b[0m reported.',
  },
  {
    id: 'hostile-2', published: '2024-03-07',
    title: 'Talks \u2066<svg onload=alert(4)>\u2069 end \u202Dfor now\u202C',
    text: '"Rebels" <iframe src="javascript:alert(5)"></iframe> attacked an army post near Kidal on Thursday, killing two soldiers, the Malian army said. '
      + 'The Malian government condemned the attack on <style>*{display:none}</style> the post.',
  },
];

test('hostile articles on the page', { skip }, async (t) => {
  const server = await pageServer(t, { token: TOKEN, bodyLimit: BODY_LIMIT });
  const post = (body: string, headers: Record<string, string>) => fetch(`${server.url}/api/v1/articles`, { method: 'POST', body, headers });

  await t.test('writes without the token are 401, bodies over the limit 413, JSON or JSONL; nothing is stored', async () => {
    const before = server.store.countArticles();
    const json = { 'content-type': 'application/json' };
    assert.equal((await post(JSON.stringify(HOSTILE[0]), json)).status, 401);
    assert.equal((await post(JSON.stringify(HOSTILE[0]), { ...json, authorization: 'Bearer not-the-token' })).status, 401);
    const big = JSON.stringify({ text: 'Troops clashed with rebels. '.repeat(BODY_LIMIT / 20) });
    assert.equal((await post(big, { ...json, authorization: `Bearer ${TOKEN}` })).status, 413);
    assert.equal((await post(`${big}\n`, { 'content-type': 'application/jsonl', authorization: `Bearer ${TOKEN}` })).status, 413);
    assert.equal(server.store.countArticles(), before);
  });

  const r = await post(HOSTILE.map((a) => JSON.stringify(a)).join('\n'), { 'content-type': 'application/jsonl', authorization: `Bearer ${TOKEN}` });
  assert.equal(r.status, 200, await r.clone().text());
  const posted = (await r.json()).articles;
  assert.deepEqual(posted.map((a: any) => a.stored), [true, true]);
  const hostileEvents: string[] = posted.flatMap((a: any) => a.events.filter((e: any) => e.realis === 'actual').map((e: any) => e.id));
  assert.ok(hostileEvents.length >= 3, `the hostile articles are coded into events (${hostileEvents.length})`);

  const browser = await launchBrowser(t);
  const { page, problems } = await openPage(browser, server.url);
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const answer = await page.goto(`${server.url}/`);

  /** Whatever a payload would leave behind if it ran or became markup. */
  const traces = () => page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    scripts: [...document.scripts].filter((s) => !s.src || !new URL(s.src).pathname.startsWith('/assets/')).length,
    // Where article text is shown as text (the charts and the map draw their own SVG and images).
    injected: ['#filters', '#status', '#table', '#evidence'].map((area) => document.querySelectorAll(['img', 'iframe', 'svg', 'style', 'b', 'i'].map((tag) => `${area} ${tag}`).join(', ')).length).reduce((a, b) => a + b, 0),
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  const clean = { pwned: null, scripts: 0, injected: 0, handlers: 0, jsLinks: 0 };

  await t.test('the page\'s CSP allows no inline script or style, and Chromium enforces it', async () => {
    const csp = answer?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /style-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // A script element made by the page's own code still does not run when it is inline.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      s.remove();
    });
    assert.equal(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline ?? null), null);
    const refused = problems.filter((p) => /Content Security Policy/.test(p));
    assert.equal(refused.length, 1, problems.join('\n'));
    problems.splice(problems.indexOf(refused[0]), 1);
  });

  await t.test('the table lists the hostile events: their words as text, nothing run', async () => {
    const listed = (await api(server.url, '/events?reports=true&limit=100')).events;
    await waitForRows(page, listed.map((e: any) => e.id));
    for (const id of hostileEvents) assert.ok(listed.some((e: any) => e.id === id), id);
    const cells = await literalTexts(page, '#table tbody tr');
    listed.forEach((e: any, i: number) => {
      for (const p of [...e.actor, ...e.recipient]) assert.ok(cells[i].includes(p.text), `${cells[i]} has ${JSON.stringify(p.text)}`);
    });
    await keepScreenshot(page, 'security-table');
    assert.deepEqual(await traces(), clean);
  });

  await t.test('each hostile event\'s evidence: the article exactly as stored, the marks its words, the bidi and control characters shown as marks', async () => {
    for (const id of hostileEvents) {
      await page.click(`#table tr[data-event-id="${id}"]`);
      await page.waitForFunction((want) => new URL(location.href).searchParams.get('open') === want
        && !document.querySelector('#evidence')?.hasAttribute('aria-busy') && document.querySelector('#evidence .ev-article'), id);
      const ev = await api(server.url, `/events/${id}`);
      const article = await api(server.url, `/articles/${ev.article.hash}`);
      assert.deepEqual(await literalTexts(page, '#evidence .ev-article'), [article.text]);
      assert.deepEqual(await literalTexts(page, '#evidence-title'), [ev.article.title]);
      assert.deepEqual(await markedWords(page), evidenceWords(ev, article.text));
      // No bidi override or control character reaches the page's text: each is a visible mark.
      const shown = await page.$eval('#evidence', (e) => e.textContent ?? '');
      assert.doesNotMatch(shown, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
      if (ev.article.id === 'hostile-1') {
        assert.ok(shown.includes('<script>window.__pwned="title"</script>'));
        assert.ok(shown.includes('<img src=x onerror="window.__pwned=\'body\';alert(2)">'));
        assert.ok(shown.includes('javascript:window.__pwned="url"'), 'the address is shown as text');
        const marks = await page.$$eval('#evidence .ctl', (cs) => cs.map((c) => c.textContent));
        for (const code of ['U+202E', 'U+202C', 'U+0007', 'U+001B']) assert.ok(marks.includes(code), `${code} in ${marks}`);
        assert.ok(await page.$eval('#evidence-title', (h) => h.querySelector('bdi .ctl, bdi')?.tagName === 'BDI'), 'the title is isolated');
        await keepScreenshot(page, 'security-evidence');
      }
      assert.deepEqual(await traces(), clean, id);
      await page.keyboard.press('Escape');
      await page.waitForSelector('#evidence', { state: 'hidden' });
    }
  });

  await t.test('SQL metacharacters typed into each text filter give a list or a refusal, never a server error', async () => {
    const values = ["'", '"', ';', '--', '%', '_', '\\', "' OR '1'='1", "x'; DROP TABLE events; --", '100%_\\'];
    for (const name of ['actor', 'text']) {
      await page.goto(`${server.url}/`);
      for (const value of values) {
        await page.fill(`#filter-${name}`, value);
        await page.press(`#filter-${name}`, 'Enter');
        await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value.trim()]);
        const q = `${name}=${encodeURIComponent(value)}`;
        const apiAnswer = await fetch(`${server.url}/api/v1/events?reports=true&${q}`);
        assert.ok([200, 400].includes(apiAnswer.status), `${q}: ${apiAnswer.status}`);
        if (apiAnswer.status === 200) await waitForRows(page, await apiIds(server.url, q));
        else await page.waitForSelector(`#filter-${name}[aria-invalid="true"]`);
        assert.doesNotMatch(await page.textContent('#status') ?? '', /internal/);
      }
    }
    // Every other text filter of the API, straight: 200 or 400, never 500.
    for (const name of ['recipient', 'code', 'admin1', 'mode', 'context', 'source', 'article', 'event', 'certainty', 'from']) {
      for (const value of values) {
        const status = (await fetch(`${server.url}/api/v1/events?reports=true&${name}=${encodeURIComponent(value)}`)).status;
        assert.ok(status === 200 || status === 400, `${name}=${value}: ${status}`);
      }
    }
    assert.deepEqual(await traces(), clean);
  });

  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems.filter((p) => !isStatusLine(p, 400)), []);
});
