/** The embedded SQLite store. */
export { openStore, storeWriteFailure, type EventFilter, type Store, type StoredArticle } from './store.js';
export { SCHEMA_VERSION, migrate, migrations, type Migration } from './migrations.js';
