/** Open a store by its --db value: a `postgres://` or `postgresql://` URL is PostgreSQL, anything else a SQLite file. */
import { isPostgresUrl, openPostgresStore } from './postgres/store.js';
import { openStore, type Store, type StoreOptions } from './store.js';

export { isPostgresUrl };

export function openAnyStore(pathOrUrl: string, options: StoreOptions = {}): Store {
  return isPostgresUrl(pathOrUrl) ? openPostgresStore(pathOrUrl, options) : openStore(pathOrUrl, options);
}
