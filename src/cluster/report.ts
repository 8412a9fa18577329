/**
 * A report: one coded event as one article tells it, with what cross-article merging weighs
 * beside the event's fields — the words that tell it (its mentions' sentences) and who
 * published it. The store builds reports from stored articles, the evaluation from analysed
 * ones; merging sees nothing else, so both group alike.
 */
import type { CodedEvent } from '../doc/types.js';

export interface Report {
  event: CodedEvent;
  /** The sentences of the event's mentions, joined with a space ('' when not known). */
  evidence: string;
  /** The outlet that published the article (its `source`), null when unknown. */
  outlet: string | null;
  /** The article's publication day (YYYY-MM-DD), null when unknown. */
  published: string | null;
}

/** The text an article tells an event with: the sentences of its mentions, in text order, once each. */
export function evidenceOf(event: CodedEvent, articleText: string): string {
  const spans = new Map<number, { start: number; end: number }>();
  spans.set(event.sentence.index, event.sentence);
  for (const m of event.mentions ?? []) spans.set(m.sentence.index, m.sentence);
  return [...spans.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => articleText.slice(s.start, s.end)).join(' ');
}

/** A report of an event, from its article's text and metadata. */
export function reportOf(event: CodedEvent, article: { text: string; source?: string | null; published?: string | null }): Report {
  return { event, evidence: evidenceOf(event, article.text), outlet: article.source ?? null, published: article.published ?? null };
}

/** A report with no article at hand (its evidence unknown): what callers holding bare events pass. */
export const bareReport = (event: CodedEvent): Report => ({ event, evidence: '', outlet: null, published: null });
