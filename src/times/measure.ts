/**
 * Measures the times stage on a folder of TimeML files (default: the
 * TBAQ-cleaned TimeBank and AQUAINT next to the project):
 *   node dist/times/measure.js [DIR …]
 * Prints strict F1 (same span), relaxed F1 (overlapping span), and value
 * accuracy / F1 (value right among relaxed matches), for acta's findTimes
 * and for chrono-node alone. Sentences are simply the non-empty lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chrono from 'chrono-node';
import type { Sentence } from '../doc/types.js';
import { packageRoot } from '../util/data.js';
import { findTimes } from './index.js';
import { parseTimeml, type GoldTimex } from './timeml.js';

interface Found { start: number; end: number; text: string; type: string; value: string }

export function lineSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end, index: out.length, paragraph: out.length, tokenStart: 0, tokenEnd: 0 });
  }
  return out;
}

function chronoAlone(text: string, sentences: Sentence[], dct: string | null): Found[] {
  const ref = dct ? new Date(dct + 'T12:00:00Z') : new Date(Date.UTC(2000, 0, 1, 12));
  const out: Found[] = [];
  for (const s of sentences) {
    for (const r of chrono.parse(text.slice(s.start, s.end), { instant: ref, timezone: 0 })) {
      const k = (c: chrono.Component) => r.start.isCertain(c);
      const p2 = (n: number | null) => String(n ?? 0).padStart(2, '0');
      const y = r.start.get('year'), mo = r.start.get('month'), d = r.start.get('day');
      let value = k('day') || k('weekday') || r.tags().has('result/relativeDate') ? `${y}-${p2(mo)}-${p2(d)}`
        : k('month') ? `${y}-${p2(mo)}` : k('year') ? String(y) : `${y}-${p2(mo)}-${p2(d)}`;
      let type = 'DATE';
      if (k('hour')) { value += `T${p2(r.start.get('hour'))}:${p2(r.start.get('minute'))}`; type = 'TIME'; }
      out.push({ start: s.start + r.index, end: s.start + r.index + r.text.length, text: r.text, type, value });
    }
  }
  return out;
}

export interface Scores {
  gold: number; found: number; strict: number; relaxed: number; valueRight: number; typeRight: number;
}

export function score(gold: GoldTimex[], found: Found[], s: Scores, misses?: string[], tag = ''): void {
  const at = misses && tag ? misses.length : -1;
  s.gold += gold.length;
  s.found += found.length;
  const used = new Set<number>();
  for (const g of gold) {
    let exact = -1, over = -1;
    found.forEach((f, i) => {
      if (used.has(i)) return;
      if (f.start === g.start && f.end === g.end) exact = i;
      else if (over < 0 && f.start < g.end && g.start < f.end) over = i;
    });
    const i = exact >= 0 ? exact : over;
    if (i < 0) { misses?.push(`MISS\t${g.type}\t${g.value}\t${g.text}`); continue; }
    used.add(i);
    s.relaxed++;
    if (exact >= 0) s.strict++;
    else misses?.push(`SPAN\t${g.text}\t|${found[i].text}|`);
    if (found[i].value === g.value) s.valueRight++;
    else misses?.push(`VALUE\t${g.type}\t${g.value}\t${found[i].value}\t${g.text}`);
    if (found[i].type === g.type) s.typeRight++;
  }
  found.forEach((f, i) => { if (!used.has(i)) misses?.push(`EXTRA\t${f.type}\t${f.value}\t${f.text}`); });
  if (misses && at >= 0) for (let k = at; k < misses.length; k++) misses[k] += `\t${tag}`;
}

const f1 = (tp: number, found: number, gold: number) => {
  const p = found ? tp / found : 0, r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function report(name: string, s: Scores): string {
  const st = f1(s.strict, s.found, s.gold);
  const rl = f1(s.relaxed, s.found, s.gold);
  const vf = f1(s.valueRight, s.found, s.gold);
  const pct = (x: number) => (100 * x).toFixed(1);
  return `${name.padEnd(8)} gold ${s.gold} found ${s.found} | strict P ${pct(st.p)} R ${pct(st.r)} F1 ${pct(st.f)}` +
    ` | relaxed P ${pct(rl.p)} R ${pct(rl.r)} F1 ${pct(rl.f)}` +
    ` | value acc ${pct(s.relaxed ? s.valueRight / s.relaxed : 0)} F1 ${pct(vf.f)} | type acc ${pct(s.relaxed ? s.typeRight / s.relaxed : 0)}`;
}

function tmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tmlFiles(p) : n.endsWith('.tml') ? [p] : [];
  });
}

function main(argv: string[]): void {
  const verbose = argv.includes('-v');
  const dirs = argv.filter((a) => a !== '-v');
  const roots = dirs.length ? dirs : [resolve(packageRoot, '..', 'shared', 'eval', 'time', 'TBAQ-cleaned')];
  const acta: Scores = { gold: 0, found: 0, strict: 0, relaxed: 0, valueRight: 0, typeRight: 0 };
  const base: Scores = { ...acta };
  const misses: string[] = [];
  let files = 0;
  for (const root of roots) {
    for (const file of tmlFiles(root)) {
      const doc = parseTimeml(readFileSync(file, 'utf8'));
      const sentences = lineSentences(doc.text);
      const found = findTimes({ text: doc.text, sentences, meta: { published: doc.dct } });
      score(doc.timexes, found, acta, verbose ? misses : undefined, `${file.split('/').pop()}@${doc.dct}`);
      score(doc.timexes, chronoAlone(doc.text, sentences, doc.dct), base);
      files++;
    }
  }
  if (verbose) console.log(misses.join('\n'));
  console.log(`${files} files`);
  console.log(report('acta', acta));
  console.log(report('chrono', base));
}

if (process.argv[1] && /measure\.js$/.test(process.argv[1])) main(process.argv.slice(2));
