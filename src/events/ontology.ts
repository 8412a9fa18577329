/**
 * The event ontology: CAMEO codes (name, Goldstein value, QuadClass), PLOVER 2.0
 * event types, modes and contexts, the CAMEO→PLOVER map, and the project's
 * verb/noun event pattern dictionary. All of it lives in `data/` as TSV; this
 * module reads each file once, on first use, and checks that the files agree
 * with each other (a pattern naming an unknown code is an error that names the
 * file line, so a bad dictionary edit fails loudly at start-up, not silently).
 */
import { readFileSync } from 'node:fs';
import { dataPath, loadTsv, splitList } from '../util/data.js';

export interface CameoInfo {
  code: string;
  name: string;
  goldstein: number;
  quad_class: number;
}

export interface PloverMapping {
  event: string;
  mode: string[];
  context: string[];
}

export interface PloverType {
  event: string;
  modes: string[];
  /** The CAMEO code used when only the PLOVER type is known. */
  defaultCameo: string;
  quad_class: number;
  description: string;
}

export interface PloverContext {
  name: string;
  description: string;
  /** Lower-case words or phrases that suggest the context in a paragraph. */
  cues: string[];
}

export type PatternKind = 'verb' | 'noun';

export interface EventPattern {
  kind: PatternKind;
  /** Lemma alternatives per position; position 0 is the trigger. */
  words: string[][];
  /** Lemma alternatives that must come before the trigger, in text order. */
  before: string[][];
  /** CAMEO code, or null for an exclusion (`-`: these words are not an event). */
  cameo: string | null;
  /**
   * PLOVER type the pattern itself asserts where PLOVER 2.0 differs from the code's
   * mapping (a resignation: CAMEO 080, PLOVER RETREAT); null = take it from the code.
   */
  event: string | null;
  /** PLOVER modes the pattern itself asserts (e.g. "drone"); empty = take them from the code. */
  mode: string[];
  note: string;
  /** Where the pattern was written: "event-patterns.tsv:123". */
  line: string;
}

/** The QuadClass a CAMEO code's two-digit root implies. */
export function quadClassOfRoot(code: string): number {
  const root = Number(code.slice(0, 2));
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  throw new Error(`not a CAMEO code: ${code}`);
}

/** Compute a value on first call, then return the same value. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) { value = make(); made = true; }
    return value as T;
  };
}

const cameoTable = once((): Map<string, CameoInfo> => {
  const table = new Map<string, CameoInfo>();
  for (const row of loadTsv('cameo.tsv')) {
    const goldstein = Number(row.goldstein);
    const quad = Number(row.quad_class);
    if (!/^\d{2,4}$/.test(row.code) || !Number.isFinite(goldstein) || !Number.isInteger(quad)) {
      throw new Error(`cameo.tsv: bad row for code "${row.code}"`);
    }
    table.set(row.code, { code: row.code, name: row.name, goldstein, quad_class: quad });
  }
  return table;
});

const ploverTypeTable = once((): PloverType[] =>
  loadTsv('plover.tsv').map((row) => ({
    event: row.event,
    modes: splitList(row.modes),
    defaultCameo: row.default_cameo,
    quad_class: Number(row.quad_class),
    description: row.description,
  })));

const ploverTable = once((): Map<string, PloverMapping> => {
  const table = new Map<string, PloverMapping>();
  for (const row of loadTsv('cameo-plover.tsv')) {
    table.set(row.cameo, { event: row.event, mode: splitList(row.mode), context: splitList(row.context) });
  }
  return table;
});

/** Name, Goldstein value and QuadClass of a CAMEO code, or null when the code is unknown. */
export function cameoInfo(code: string): CameoInfo | null {
  const info = cameoTable().get(code);
  return info ? { ...info } : null;
}

/** Every CAMEO code, in file order (roots before their children). */
export function cameoCodes(): string[] {
  return [...cameoTable().keys()];
}

/**
 * The PLOVER type, modes and contexts for a CAMEO code. A code missing from the
 * map falls back to its 3-digit, then 2-digit parent; null when none is known.
 */
export function ploverFor(cameo: string): PloverMapping | null {
  const table = ploverTable();
  for (const code of [cameo, cameo.slice(0, 3), cameo.slice(0, 2)]) {
    if (code.length < 2) break;
    const hit = table.get(code);
    if (hit) return { event: hit.event, mode: [...hit.mode], context: [...hit.context] };
  }
  return null;
}

/** The sixteen PLOVER 2.0 event types with their modes. */
export function ploverTypes(): PloverType[] {
  return ploverTypeTable().map((t) => ({ ...t, modes: [...t.modes] }));
}

/** PLOVER contexts with the cue words that suggest each. */
export const ploverContexts = once((): PloverContext[] =>
  loadTsv('plover-contexts.tsv').map((row) => ({
    name: row.name,
    description: row.description,
    cues: splitList(row.cues).map((c) => c.toLowerCase()),
  })));

/** Split a pattern's alternatives ("missile|rocket") into lower-case lemmas. */
function alternatives(part: string): string[] {
  return part.split('|').map((w) => w.trim().toLowerCase()).filter(Boolean);
}

/**
 * Parse one pattern ("<air strike on|against") into words before the trigger and
 * the trigger with the words after it. Throws with `where` on malformed input.
 */
export function parsePattern(pattern: string, where: string): { words: string[][]; before: string[][] } {
  const before: string[][] = [];
  const words: string[][] = [];
  for (const part of pattern.trim().split(/\s+/)) {
    if (part.startsWith('<')) {
      if (words.length > 0) throw new Error(`${where}: "<" word after the trigger in "${pattern}"`);
      before.push(alternatives(part.slice(1)));
    } else {
      words.push(alternatives(part));
    }
  }
  if (words.length === 0) throw new Error(`${where}: pattern "${pattern}" has no trigger`);
  if ([...before, ...words].some((alts) => alts.length === 0)) {
    throw new Error(`${where}: empty alternative in "${pattern}"`);
  }
  return { words, before };
}

/** Read and check the pattern dictionary text; `origin` names the file in errors. */
export function parseEventPatterns(text: string, origin: string): EventPattern[] {
  const patterns: EventPattern[] = [];
  const modesOf = new Map(ploverTypeTable().map((t) => [t.event, new Set(t.modes)]));
  let header: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const fields = raw.split('\t').map((f) => f.trim());
    if (!header) { header = fields; continue; }
    const where = `${origin}:${i + 1}`;
    const row: Record<string, string> = {};
    header.forEach((h, j) => { row[h] = fields[j] ?? ''; });
    if (fields.length > header.length) throw new Error(`${where}: ${fields.length} fields, header has ${header.length}`);
    if (row.kind !== 'verb' && row.kind !== 'noun') throw new Error(`${where}: kind must be verb or noun, not "${row.kind}"`);
    const { words, before } = parsePattern(row.pattern ?? '', where);
    const code = row.cameo;
    if (code !== '-' && !cameoTable().has(code)) throw new Error(`${where}: unknown CAMEO code "${code}"`);
    const ownEvent = row.event ? row.event : null;
    if (ownEvent !== null && (code === '-' || !modesOf.has(ownEvent))) {
      throw new Error(`${where}: event "${ownEvent}" is not a PLOVER type or is set on an exclusion`);
    }
    const mode = splitList(row.mode);
    if (mode.length > 0) {
      const event = ownEvent ?? (code === '-' ? null : ploverFor(code)?.event ?? null);
      const allowed = event ? modesOf.get(event) : undefined;
      for (const m of mode) {
        if (!allowed?.has(m)) throw new Error(`${where}: mode "${m}" is not a mode of ${event ?? 'an exclusion'}`);
      }
    }
    patterns.push({
      kind: row.kind, words, before, cameo: code === '-' ? null : code, event: ownEvent, mode,
      note: row.note ?? '', line: where,
    });
  }
  return patterns;
}

const patternTable = once((): EventPattern[] => {
  const path = dataPath('event-patterns.tsv');
  return parseEventPatterns(readFileSync(path, 'utf8'), 'event-patterns.tsv');
});

/** The verb and noun event patterns, checked against the CAMEO and PLOVER tables. */
export function eventPatterns(): EventPattern[] {
  return patternTable();
}
