/**
 * Merging reports of one happening across articles, on `events/clusters/dev` (76 Reuters
 * articles whose records share a `happening` id when they report the same happening; read its
 * README "Scoring"). All articles are coded together, their events grouped as a store groups
 * them (src/cluster's clusterReports: the steps the store runs at ingest), and each article's
 * events matched to its records as the whole-article measure matches them. Each matched record
 * is an item: its gold cluster is its happening, its system cluster the group holding its event.
 * Unmatched records and events are left out (merging is judged where reports were found), and
 * how much was found is reported beside the scores, with two references computed on the same
 * items: no merging at all, and one happening per PLOVER type.
 */
import type { CodedEvent } from '../doc/types.js';
import { clusterReports, reportOf } from '../cluster/index.js';
import { articleEvents, matchEvents, readAnalystDir, type AnalystArticle, type GoldRecord } from './analyst.js';
import { capped, evalPath, newFailures, ratio, skipped, type DatasetResult, type RunOptions } from './common.js';
import { bcubed, groupingScores, pairwise, type GroupedItem } from './grouping-metrics.js';

type ClusterRecord = GoldRecord & { happening?: string };

/** The items of the scoring: each matched record, with its happening and the system group of its event. */
export function groupedItems(articles: readonly AnalystArticle[], eventsByArticle: ReadonlyMap<string, CodedEvent[]>, groupOf: (e: CodedEvent) => string): Array<GroupedItem & { type: string }> {
  const items: Array<GroupedItem & { type: string }> = [];
  for (const a of articles) {
    const events = eventsByArticle.get(a.id) ?? [];
    matchEvents(a, events).forEach((r, k) => {
      if (r < 0) return;
      const record = a.events[r] as ClusterRecord;
      items.push({ gold: record.happening ?? `${a.id}#${r}`, system: groupOf(events[k]), group: a.id, type: record.type });
    });
  }
  return items;
}

export async function evaluateHappenings(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'happenings-clusters';
  const dir = evalPath('events/clusters/dev', opts.env);
  if (!dir) return skipped(dataset, 'events/clusters/dev not found under ACTA_SHARED/eval');
  const t0 = performance.now();
  const articles = capped(readAnalystDir(dir), opts.limit);
  const failures = newFailures();
  const eventsByArticle = await articleEvents(articles, failures);
  // Reports in the order a store would take the articles in, each with its article's words.
  const reports = articles.flatMap((a) => (eventsByArticle.get(a.id) ?? []).map((e) => reportOf(e, a)));
  const groupOf = new Map<CodedEvent, string>();
  clusterReports(reports).forEach((g, k) => g.forEach((r) => groupOf.set(r.event, `h${k}`)));
  const items = groupedItems(articles, eventsByArticle, (e) => groupOf.get(e) ?? `${e.article_id}:${e.id}`);
  const s = groupingScores(items);

  // How much was found: records matched, gold happenings told twice or more with two matched reports, gold links with both ends matched.
  const records = articles.flatMap((a) => a.events as ClusterRecord[]);
  const reportsOf = new Map<string, number>();
  for (const r of records) if (r.happening) reportsOf.set(r.happening, (reportsOf.get(r.happening) ?? 0) + 1);
  const matchedOf = new Map<string, number>();
  for (const x of items) matchedOf.set(x.gold, (matchedOf.get(x.gold) ?? 0) + 1);
  const multi = [...reportsOf].filter(([, n]) => n >= 2);
  const allLinks = [...reportsOf.values()].reduce((t, n) => t + (n * (n - 1)) / 2, 0);

  // References on the same items: every item alone, and one happening per PLOVER type.
  const alone = items.map((x, i) => ({ ...x, system: `alone${i}` }));
  const byType = items.map((x) => ({ ...x, system: x.type }));
  return {
    dataset, system: 'acta', status: 'ok', n: articles.length, seconds: (performance.now() - t0) / 1000,
    metrics: {
      pairwise_precision: s.pairwise.precision, pairwise_recall: s.pairwise.recall, pairwise_f1: s.pairwise.f1,
      cross_article_f1: s.crossGroupPairwise.f1, same_article_merges: s.sameGroupMerges,
      bcubed_precision: s.bcubed.precision, bcubed_recall: s.bcubed.recall, bcubed_f1: s.bcubed.f1,
      muc_f1: s.muc.f1, ceafe_f1: s.ceafe.f1, conll_f1: s.conll,
      records_matched: ratio(items.length, records.length),
      links_matched: ratio(s.pairwise.goldLinks, allLinks),
    },
    details: {
      failures, items: items.length, records: records.length,
      happenings_told_twice: multi.length,
      happenings_told_twice_found_twice: multi.filter(([h]) => (matchedOf.get(h) ?? 0) >= 2).length,
      gold_links: allLinks, gold_links_matched: s.pairwise.goldLinks,
      cross_article: s.crossGroupPairwise,
      references: {
        no_merging: { pairwise: pairwise(alone), bcubed: bcubed(alone) },
        one_per_type: { pairwise: pairwise(byType), bcubed: bcubed(byType) },
      },
    },
  };
}
