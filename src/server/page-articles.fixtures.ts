/** Stores for the page's tests: the sample articles and a few of a test's own. Not shipped. */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLES, sampleStoreFile } from './browser.fixtures.js';

export interface ArticleRecord { id: string; published: string; title: string; text: string }

/** A store file of the samples and these articles (`acta code` over them all), removed after the test. */
export async function samplesWith(t: { after: (fn: () => void) => void }, records: ArticleRecord[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-page-articles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(dir, f));
  writeFileSync(join(dir, 'own.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return sampleStoreFile(t, dir);
}
