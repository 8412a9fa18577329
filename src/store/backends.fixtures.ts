/**
 * The store's tests run against both backends (one suite, two backends): `backendTest` runs a
 * test once on a SQLite file and once on a fresh PostgreSQL database of the throwaway server
 * (postgres/test-server.ts), the latter skipped with its reason where PostgreSQL is not
 * installed (a failure under ACTA_REQUIRE_POSTGRES=1). Not shipped (package.json leaves out *.fixtures.*).
 */
import { test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnyStore } from './open.js';
import type { Store, StoreOptions } from './store.js';
import { freshPostgresDatabase, postgresMissing } from './postgres/test-server.js';

type After = { after: (fn: () => void) => void };

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Why it cannot run here, or false. */
  skip: string | false;
  /** A new, empty store's --db value (a file in a fresh folder, or a fresh database), removed when the test ends. */
  location(t: After): string;
}

const sqlite: TestBackend = {
  name: 'sqlite',
  skip: false,
  location(t) {
    const dir = mkdtempSync(join(tmpdir(), 'acta-store-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return join(dir, 'acta.db');
  },
};

const postgres: TestBackend = {
  name: 'postgres',
  skip: postgresMissing() ?? false,
  location: () => freshPostgresDatabase(),
};

export const testBackends = (): TestBackend[] => [sqlite, postgres];

/** A new, empty store on the backend, closed when the test ends; `path` is its --db value. */
export function openTestStore(t: After, backend: TestBackend, options: StoreOptions = {}): { store: Store; path: string } {
  const path = backend.location(t);
  const store = openAnyStore(path, options);
  t.after(() => store.close());
  return { store, path };
}

/** The test, once on each backend, its name saying which. */
export function backendTest(name: string, fn: (t: TestContext, backend: TestBackend) => void | Promise<void>): void {
  for (const backend of testBackends()) test(`${name} [${backend.name}]`, { skip: backend.skip }, (t) => fn(t, backend));
}
