/** What an export needs to know of the articles behind its events, read once per article. */
import type { ArticleMeta } from '../doc/types.js';
import type { Store } from '../store/index.js';

export interface ExportArticle { meta: ArticleMeta; text: string; ingestedAt: string | null }

/** Looks an article up by the id or hash an event carries; null when the store lacks it. */
export type ArticleLookup = (articleId: string) => ExportArticle | null;

/** A lookup over a store that remembers the articles it has read (an export meets each many times). */
export function storeArticles(store: Store): ArticleLookup {
  const seen = new Map<string, ExportArticle | null>();
  return (id) => {
    if (!seen.has(id)) {
      // An event names its article by the article's id (the caller's, or else its hash).
      const hash = store.explore.findArticles(id)[0];
      const a = hash ? store.getArticle(hash) : null;
      seen.set(id, a ? { meta: a.meta, text: a.text, ingestedAt: a.ingestedAt } : null);
    }
    return seen.get(id) ?? null;
  };
}

/** The name a report's source goes by: the article's source, else the host of its URL, else null. */
export function sourceName(meta: ArticleMeta): string | null {
  if (meta.source) return meta.source;
  if (meta.url) {
    try { return new URL(meta.url).hostname.replace(/^www\./, ''); } catch { /* not a URL */ }
  }
  return null;
}

/** The distinct source names of a happening's reports, in the order first met (unnamed sources left out). */
export function reportSources(reports: readonly { article_id: string }[], articles: ArticleLookup): string[] {
  return [...new Set(reports.map((r) => articles(r.article_id)).map((a) => (a ? sourceName(a.meta) : null)).filter((s): s is string => !!s))];
}

/** When the first of a happening's reports was stored (ISO), or null when none says. */
export function firstStored(reports: readonly { article_id: string }[], articles: ArticleLookup): string | null {
  return reports.map((r) => articles(r.article_id)?.ingestedAt ?? null).filter((x): x is string => !!x).sort()[0] ?? null;
}
