/**
 * The web page's tests in real Chromium (Debian's package at /usr/bin/chromium, driven by
 * playwright-core; never a downloaded browser): a server over a store of the shipped sample
 * articles on a free loopback port, a headless browser with no background networking, and a
 * page that records every console error, page error and failed request. Screenshots go to
 * artifacts/screenshots/ (or $ACTA_ARTIFACTS) as the tests' artifacts. Not shipped.
 *
 * Without Chromium the browser tests are skipped, unless ACTA_REQUIRE_BROWSER=1 (CI sets it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../cli/main.js';
import { openStore, type Store } from '../store/index.js';
import { buildServer, WEB_ROOT, type ServerOptions } from './app.js';

export const CHROMIUM = process.env.ACTA_CHROMIUM ?? '/usr/bin/chromium';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLES = join(REPO, 'samples');
export const ARTIFACTS = resolve(process.env.ACTA_ARTIFACTS ?? join(REPO, 'artifacts'));

type Hooks = { after: (fn: () => void | Promise<void>) => void };

/** Why the browser tests cannot run here (for `test(..., { skip })`), or false when they can. */
export function browserSkip(): string | false {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    if (process.env.ACTA_REQUIRE_BROWSER === '1') throw new Error(`the web page is not built (${WEB_ROOT}): run npm run build`);
    return 'the web page is not built (npm run build)';
  }
  if (existsSync(CHROMIUM)) return false;
  if (process.env.ACTA_REQUIRE_BROWSER === '1') throw new Error(`ACTA_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set ACTA_CHROMIUM)`;
}

/** A store file with the sample articles coded into it (`acta code samples`), removed after the test. */
export async function sampleStoreFile(t: Hooks, dir = SAMPLES): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), 'acta-page-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const db = join(tmp, 'acta.db');
  let err = '';
  const code = await main(['code', dir, '--db', db, '--format', 'jsonl'], { write: () => {} }, { write: (s) => { err += s; } });
  if (code !== 0) throw new Error(`acta code ${dir} exited ${code}: ${err}`);
  return db;
}

export interface PageServer { url: string; store: Store; lines: string[] }

/** `acta serve` in this process over a store (the samples' by default), on a free loopback port. */
export async function pageServer(t: Hooks, opts: Partial<ServerOptions> & { db?: string } = {}): Promise<PageServer> {
  const store = opts.store ?? openStore(opts.db ?? (await sampleStoreFile(t)));
  const lines: string[] = [];
  const app = await buildServer({ log: (l) => lines.push(l), ...opts, store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(async () => { await app.close(); store.close(); });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, store, lines };
}

/** Headless Chromium as the probe and CI run it: no sandbox (root), no GPU, no background networking. */
export async function launchBrowser(t: Hooks): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions'],
  });
  t.after(() => browser.close());
  return browser;
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught page errors, failed requests, and requests that left the server. */
  problems: string[];
}

/** A new page (1366×768, a laptop) that records every problem; requests anywhere but `origin` are refused and recorded. */
export async function openPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the page cancels itself (a filter changed before the answer came) is no failure;
    // one to anywhere else is refused below and recorded there.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`left the server: ${url}`);
    return route.abort();
  });
  return { page, problems };
}

/** Keep a screenshot of the page as a test artifact: artifacts/screenshots/NAME.png. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
