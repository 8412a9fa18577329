/**
 * PETRARCH verb patterns as acta EventPatterns, where the shapes agree: a verb
 * (with its particles) and plain words or one-word synonym sets before and after
 * it, coded with a CAMEO code acta knows. Patterns that bind roles (`$`, `+`,
 * `%`, `^`), use multi-word synonyms, pair two codes (`[032:033]`) or carry a
 * code outside CAMEO are reported, not converted.
 */
import { cameoInfo, type EventPattern } from '../ontology.js';
import type { EventCode, PatternElement, VerbDictionary } from './dictionaries.js';

export interface VerbPatternReport {
  patterns: EventPattern[];
  /** What could not be converted, with the dictionary line. */
  skipped: { where: string; text: string; reason: string }[];
  counts: { converted: number; skipped: number; byReason: Record<string, number> };
}

function alternativesOf(el: PatternElement, synsets: VerbDictionary['synsets']): string[] | string {
  if (el.kind === 'word') return [el.word.toLowerCase()];
  if (el.kind === 'synset') {
    const members = synsets.get(el.name);
    if (!members) return `unknown synonym set &${el.name}`;
    const out: string[] = [];
    for (const m of members) {
      if (m.length !== 1) return `synonym set &${el.name} has multi-word members`;
      const a = alternativesOf(m[0], synsets);
      if (typeof a === 'string') return a;
      out.push(...a);
    }
    return out;
  }
  return `binds a role ("${{ source: '$', target: '+', skip: '^', compound: '%' }[el.kind]}")`;
}

function codeProblem(code: EventCode): string | null {
  if (code.code === null) return 'no event code ([---])';
  if (code.back !== null) return 'paired codes (X:Y)';
  if (!cameoInfo(code.code)) return `code ${code.code} is not a CAMEO code acta knows`;
  return null;
}

/** Convert what can be converted; the report says why the rest was left. */
export function petrarchVerbPatterns(dicts: { verbs: VerbDictionary }): VerbPatternReport {
  const patterns: EventPattern[] = [];
  const skipped: VerbPatternReport['skipped'] = [];
  const { synsets } = dicts.verbs;
  const skip = (where: string, text: string, reason: string) => skipped.push({ where, text, reason });
  const seenVerb = new Set<string>();
  for (const forms of dicts.verbs.forms.values()) {
    for (const f of forms) {
      const key = `${f.where}|${f.before.join(' ')}|${f.lemma}|${f.after.join(' ')}`;
      if (seenVerb.has(key)) continue;
      seenVerb.add(key);
      const text = [...f.before, f.lemma, ...f.after].join(' ');
      const problem = codeProblem(f.code);
      if (problem) { skip(f.where, text, problem); continue; }
      patterns.push({
        kind: 'verb', words: [[f.lemma.toLowerCase()], ...f.after.map((w) => [w.toLowerCase()])],
        before: f.before.map((w) => [w.toLowerCase()]), cameo: f.code.code, event: null, mode: [],
        note: `PETRARCH verb ${f.block.name}`, line: f.where,
      });
    }
  }
  for (const block of dicts.verbs.blocks) {
    const lemmas = new Set<string>();
    for (const forms of dicts.verbs.forms.values()) for (const f of forms) if (f.block === block && f.before.length + f.after.length === 0) lemmas.add(f.lemma.toLowerCase());
    for (const p of block.patterns) {
      const problem = codeProblem(p.code);
      if (problem) { skip(p.where, p.text, problem); continue; }
      if (lemmas.size === 0) { skip(p.where, p.text, 'block has no one-word verb'); continue; }
      const before: string[][] = [];
      const after: string[][] = [];
      let why: string | null = null;
      for (const el of p.upper) { const a = alternativesOf(el, synsets); if (typeof a === 'string') { why = a; break; } before.push(a); }
      if (!why) for (const el of p.lower) { const a = alternativesOf(el, synsets); if (typeof a === 'string') { why = a; break; } after.push(a); }
      if (why) { skip(p.where, p.text, why); continue; }
      patterns.push({
        kind: 'verb', words: [[...lemmas], ...after], before, cameo: p.code.code, event: null, mode: [],
        note: `PETRARCH pattern "${p.text}"`, line: p.where,
      });
    }
  }
  const byReason: Record<string, number> = {};
  for (const s of skipped) {
    const r = s.reason.replace(/&\S+/, '&SET').replace(/code \S+ is/, 'code X is');
    byReason[r] = (byReason[r] ?? 0) + 1;
  }
  return { patterns, skipped, counts: { converted: patterns.length, skipped: skipped.length, byReason } };
}
