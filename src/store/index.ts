/** The embedded SQLite store. */
export { openStore, storeWriteFailure, type EventFilter, type QueueStep, type RecordedStep, type Store, type StoredArticle, type StoreOptions } from './store.js';
export { SCHEMA_VERSION, migrate, migrations, type Migration } from './migrations.js';
export {
  COUNT_BY, EVENT_SORTS, INTERVALS, placeKind, validKeyset,
  type ArticleLayers, type CountBy, type CountResult, type CountRow, type Dyad, type EventPage, type EventQuery, type EventSort,
  type ExploreQueries, type Interval, type Keyset, type PlacePoint, type PlaceSummary, type StoredEntity, type StoredSentence,
} from './explore.js';
