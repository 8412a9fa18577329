/** Test helpers: where the ingest fixtures live (small articles written for these tests). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/data.js';

export function fixturePath(name: string): string {
  return join(packageRoot, 'src', 'ingest', 'fixtures', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}
