/** The words every digest format shares: figure names, changes, shares, the method note. */
import type { Digest, Figures } from './model.js';

export const FIGURE_NAMES: Record<keyof Figures, string> = {
  happenings: 'happenings', reports: 'reports', articles: 'articles', sources: 'distinct sources',
};

/** "+3 (+50%) on the previous period", "as many as the previous period", "new: none in the previous period". */
export function changeText(now: number, before: number): string {
  if (now === before) return 'as many as the previous period';
  if (before === 0) return 'none in the previous period';
  const diff = now - before;
  return `${diff > 0 ? '+' : ''}${diff} (${diff > 0 ? '+' : ''}${Math.round((diff / before) * 100)}%) on the previous period`;
}

/** "12%" of a whole; "—" when there is none. */
export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : '—';
}

export const METHOD_NOTE = 'Events were coded by acta from the stored articles: who did what to whom (PLOVER and CAMEO), '
  + 'when, where and according to whom, each field read from the words of the article. Reports of the same event across '
  + 'articles are counted as one happening, as they were merged when stored (the same type on days, at places and with sides '
  + 'that fit, told in shared words). Only what the articles say happened is '
  + 'counted: plans, threats, wishes and denials are left out. Key happenings are ranked by how many reported them, how '
  + 'severe they are on the Goldstein scale, and whether their sides met in the previous period. Machine coding errs: '
  + 'check a happening against its quoted words before citing it.';

/** "at least 12 killed, 30 injured, 40 arrested, as counted in 5 happenings", or null when none counts anyone. */
export function tollText(t: { killed: number; injured: number; arrested: number; displaced: number; counted: number }): string | null {
  if (!t.counted) return null;
  const parts = ([['killed', t.killed], ['injured', t.injured], ['arrested or detained', t.arrested], ['displaced', t.displaced]] as const)
    .filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  if (!parts.length) return `no one killed, injured, arrested or displaced, as counted in ${t.counted} happening${t.counted === 1 ? '' : 's'}`;
  return `at least ${parts.join(', ')}, as counted in ${t.counted} happening${t.counted === 1 ? '' : 's'} (the lowest figure each report gives)`;
}

/** What the digest covers and against what, under its title. */
export function selectionLine(d: Digest): string {
  return `${d.described}. Compared with ${d.previous.from} to ${d.previous.to}. Made by acta on ${d.generated.slice(0, 10)}.`;
}

/** What an empty selection's digest says instead of figures. */
export const EMPTY_NOTE = 'The store holds no event that happened in this period and matches this selection. Widen the period or the filters.';

/** The data quality figures, one sentence each. */
export function qualityLines(d: Digest): string[] {
  const q = d.quality;
  return [
    `${percent(q.undated, q.events)} of the ${q.events} reports give no day for what they tell.`,
    `${percent(q.unplaced, q.events)} name no place finer than a country.`,
    `${percent(q.singleSourced, d.figures.happenings)} of the happenings rest on a single article.`,
  ];
}
