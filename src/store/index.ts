/** The store: an embedded SQLite file, or a PostgreSQL database (`openAnyStore` takes either --db value). */
export { openStore, storeWriteFailure, type EventFilter, type Store, type StoredArticle, type QueueStep, type RecordedStep, type StoreOptions } from './store.js';
export { openAnyStore, isPostgresUrl } from './open.js';
export { SCHEMA_VERSION, migrate, migrations, type Migration } from './migrations.js';
export {
  COUNT_BY, EVENT_SORTS, INTERVALS, placeKind, validKeyset,
  type ArticleLayers, type CountBy, type CountResult, type CountRow, type Dyad, type EventPage, type EventQuery, type EventSort,
  type ExploreQueries, type Interval, type Keyset, type PlacePoint, type PlaceSummary, type StoredEntity, type StoredSentence,
} from './explore.js';
