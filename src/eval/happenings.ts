/**
 * Merging reports of one happening across articles, on `events/clusters/dev` (76 Reuters
 * articles whose records share a `happening` id when they report the same happening; read its
 * README "Scoring"). All articles are coded and stored in one store, in order, and each
 * event's stored happening read back (what a user of `acta ingest` gets); src/cluster's
 * clusterReports over the same reports in memory is reported beside it. Each article's
 * events matched to its records as the whole-article measure matches them. Each matched record
 * is an item: its gold cluster is its happening, its system cluster the group holding its event.
 * Unmatched records and events are left out (merging is judged where reports were found), and
 * how much was found is reported beside the scores, with two references computed on the same
 * items: no merging at all, and one happening per PLOVER type.
 */
import type { CodedEvent, Doc } from '../doc/types.js';
import { clusterReports, reportOf, type Report } from '../cluster/index.js';
import { openStore } from '../store/index.js';
import { matchEvents, readAnalystDir, type AnalystArticle, type GoldRecord } from './analyst.js';
import { analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, ratio, skipped, type DatasetResult, type RunOptions } from './common.js';
import { bcubed, groupingScores, pairwise, type GroupedItem } from './grouping-metrics.js';

/** Shuffled orders the grouping is also run in, to see how much it depends on arrival order. */
const ORDERS = 10;

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

/** A deterministic shuffle (mulberry32 from `seed`), so every run weighs the same orders. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Each report's group (`g0`, `g1`, …) when the reports arrive in the order given. */
export function groupsInOrder(reports: readonly Report[]): Map<Report, string> {
  const group = new Map<Report, string>();
  clusterReports(reports).forEach((g, k) => g.forEach((r) => group.set(r, `g${k}`)));
  return group;
}

/**
 * How much the grouping depends on the order reports arrive in (a store fed by two processes):
 * the reports grouped in `orders` shuffled orders; for each, how many of the given order's links
 * it keeps (pairwise F1 of the two partitions, over all reports) and `score`, the pairwise F1 of
 * that grouping against the gold. All 1 and one score when the order changes nothing.
 */
export function orderStability(reports: readonly Report[], orders: number, score: (group: Map<Report, string>) => number | null) {
  const base = groupsInOrder(reports);
  const agreement: number[] = [];
  const scores: number[] = [];
  for (let k = 1; k <= orders; k++) {
    const other = groupsInOrder(shuffled(reports, k));
    agreement.push(pairwise(reports.map((r) => ({ gold: base.get(r)!, system: other.get(r)! }))).f1 ?? 1);
    scores.push(score(other) ?? 0);
  }
  const range = (xs: number[]) => ({ min: Math.min(...xs), mean: xs.reduce((t, x) => t + x, 0) / xs.length, max: Math.max(...xs) });
  return { orders, partition_agreement: range(agreement), pairwise_f1: range(scores) };
}

export async function evaluateHappenings(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'happenings-clusters';
  const dir = evalPath('events/clusters/dev', opts.env);
  if (!dir) return skipped(dataset, 'events/clusters/dev not found under ACTA_SHARED/eval');
  const t0 = performance.now();
  const articles = capped(readAnalystDir(dir), opts.limit);
  const failures = newFailures();
  const analyze = await loadAnalyzer();
  const docs = new Map<string, Doc>();
  for (const a of articles) {
    const doc = await analyzeSafely(analyze, { text: a.text, id: a.id, published: a.published }, failures);
    if (doc) docs.set(a.id, doc);
  }
  // (Each article's events carry its id, as a store keeps them.)
  const eventsByArticle = new Map([...docs].map(([id, d]) => [id, d.events.map((e) => ({ ...e, article_id: id }))]));

  // What a user gets: every article ingested into one store, in order, and each event's stored happening read back.
  const store = openStore(':memory:');
  const t1 = performance.now();
  const storedGroup = new Map<CodedEvent, string>();
  try {
    for (const a of articles) {
      const doc = docs.get(a.id);
      if (doc) store.saveDoc(doc);
    }
    // Read back once all are stored: a later article may have merged two happenings.
    for (const a of articles) {
      const doc = docs.get(a.id);
      for (const e of doc ? eventsByArticle.get(a.id) ?? [] : []) storedGroup.set(e, store.happenings.ofReport(doc!.meta.hash, e.id) ?? `${a.id}:${e.id}`);
    }
  } finally {
    store.close();
  }
  const storeSeconds = (performance.now() - t1) / 1000;

  // The same reports grouped in memory (src/cluster's clusterReports), as a check that both group alike.
  const reports = articles.flatMap((a) => (eventsByArticle.get(a.id) ?? []).map((e) => reportOf(e, a)));
  const t2 = performance.now();
  const groupOfReport = groupsInOrder(reports);
  const clusterSeconds = (performance.now() - t2) / 1000;
  const itemsFor = (group: Map<Report, string>) => {
    const groupOf = new Map<CodedEvent, string>([...group].map(([r, g]) => [r.event, g]));
    return groupedItems(articles, eventsByArticle, (e) => groupOf.get(e) ?? `${e.article_id}:${e.id}`);
  };
  const items = groupedItems(articles, eventsByArticle, (e) => storedGroup.get(e) ?? `${e.article_id}:${e.id}`);
  const s = groupingScores(items);
  const inMemory = groupingScores(itemsFor(groupOfReport));

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
      reports: reports.length, store_seconds: storeSeconds, cluster_seconds: clusterSeconds,
      // clusterReports over the same reports in the same order: the store's grouping, made in memory.
      in_memory: { pairwise: inMemory.pairwise, bcubed: inMemory.bcubed },
      // The same reports in shuffled orders (a store fed by two processes): how far their grouping moves.
      order_stability: orderStability(reports, ORDERS, (group) => pairwise(itemsFor(group)).f1),
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
