/**
 * From labelled tokens to attribution relations. The tagger marks source, cue
 * and content spans; a relation is built around each cue: the content spans and
 * the source span that belong to it. A span belongs to the cue of its own
 * sentence that governs it in the parse (or, failing that, the nearest one);
 * content in a sentence without a cue continues the quotation of the nearest
 * cue before it ("“…,” he said. “…”"), else the one just after it.
 */
import type { Span } from '../doc/types.js';
import { LABELS, type Role } from './features.js';

/** A run of tokens with one role: token indices into Doc.tokens, both ends inclusive. */
export interface RoleRun { role: Role; first: number; last: number; sentence: number }

/** Role runs from labels over a sequence of token indices. */
export function runsFromLabels(tokens: readonly number[], labels: readonly number[], sentenceOf: ArrayLike<number>): RoleRun[] {
  const runs: RoleRun[] = [];
  let open: RoleRun | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const tag = LABELS[labels[k]];
    if (tag === 'O') { open = null; continue; }
    const role = tag.slice(2) as Role;
    if (tag[0] === 'B' || !open || open.role !== role) {
      open = { role, first: tokens[k], last: tokens[k], sentence: sentenceOf[tokens[k]] };
      runs.push(open);
    } else {
      open.last = tokens[k];
    }
  }
  return runs;
}

export interface RunGroup { cue: RoleRun | null; sources: RoleRun[]; contents: RoleRun[] }

/** How far (in sentences) a content span without a cue of its own looks for one. */
const CONTINUATION_SENTENCES = 3;

/**
 * Group runs into relations. `governs(cue, run)` says whether the cue's head dominates the
 * run in the parse (false where unparsed). Sources and contents with no cue near them form a
 * relation of their own (with no cue) when they share a sentence, so the tagger's finding is not lost.
 */
export function groupRuns(runs: readonly RoleRun[], governs: (cue: RoleRun, run: RoleRun) => boolean, quoted: (run: RoleRun) => boolean = () => true): RunGroup[] {
  const cues = runs.filter((r) => r.role === 'CUE');
  const groups = new Map<RoleRun, RunGroup>(cues.map((c) => [c, { cue: c, sources: [], contents: [] }]));
  const orphans = new Map<number, RunGroup>();
  // Cues by sentence, in text order (a lookup per run, not a scan of every cue: linear in the article).
  const cuesIn = new Map<number, RoleRun[]>();
  for (const c of cues) {
    const list = cuesIn.get(c.sentence);
    if (list) list.push(c); else cuesIn.set(c.sentence, [c]);
  }
  const distance = (a: RoleRun, b: RoleRun) => (a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0);
  for (const r of runs) {
    if (r.role === 'CUE') continue;
    const same = cuesIn.get(r.sentence) ?? [];
    let cue: RoleRun | null = null;
    if (same.length) {
      // The cue that governs the span in the parse; else one still without a span of this role
      // (two speakers in a sentence are two relations); else the nearest.
      const governing = same.filter((c) => governs(c, r));
      const lacking = same.filter((c) => { const g = groups.get(c)!; return (r.role === 'SOURCE' ? g.sources : g.contents).length === 0; });
      const pool = governing.length ? governing : lacking.length ? lacking : same;
      cue = pool.reduce((best, c) => (distance(c, r) < distance(best, r) ? c : best));
    } else if (r.role === 'CONTENT') {
      // The last cue of the nearest sentence before (up to CONTINUATION_SENTENCES back), else the first of the next.
      for (let s = r.sentence - 1; !cue && s >= r.sentence - CONTINUATION_SENTENCES; s--) {
        const list = cuesIn.get(s);
        if (list) cue = list[list.length - 1];
      }
      // Only a quotation runs on to the speaker named after it ("“… . …,” he said."): a sentence the
      // author writes before "X said" is the author's ("… was arrested. A spokesman said …").
      if (quoted(r)) cue ??= cuesIn.get(r.sentence + 1)?.[0] ?? null;
    }
    let g = cue ? groups.get(cue)! : orphans.get(r.sentence);
    if (!g) orphans.set(r.sentence, (g = { cue: null, sources: [], contents: [] }));
    (r.role === 'SOURCE' ? g.sources : g.contents).push(r);
  }
  return [...groups.values(), ...orphans.values()];
}

/** Character span of a run. */
export function runSpan(tokens: readonly Span[], r: RoleRun): Span {
  return { start: tokens[r.first].start, end: tokens[r.last].end };
}
