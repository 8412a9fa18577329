/**
 * Loading the knowledge files in `data/`. Every file there is plain text the
 * project writes itself: lines starting with `#` are header comments (what the
 * file holds, where its facts come from), the first other line names the
 * columns, then one record a line, fields separated by tabs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (holds package.json, data/, dist/). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a file under the package's data/ folder. */
export function dataPath(name: string): string {
  return join(packageRoot, 'data', name);
}

export type TsvRow = Record<string, string>;

/** Parse TSV text with `#` comments and a header line into rows keyed by column name. */
export function parseTsv(text: string, origin = 'tsv'): TsvRow[] {
  const rows: TsvRow[] = [];
  let header: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (!header) {
      header = fields.map((f) => f.trim());
      continue;
    }
    if (fields.length > header.length) {
      throw new Error(`${origin}:${i + 1}: ${fields.length} fields, header has ${header.length}`);
    }
    const row: TsvRow = {};
    header.forEach((h, j) => { row[h] = (fields[j] ?? '').trim(); });
    rows.push(row);
  }
  return rows;
}

/** Read and parse a TSV file from data/. */
export function loadTsv(name: string): TsvRow[] {
  const path = dataPath(name);
  return parseTsv(readFileSync(path, 'utf8'), path);
}

/** Split a multi-valued field ("a|b|c") into trimmed non-empty parts. */
export function splitList(field: string | undefined): string[] {
  if (!field) return [];
  return field.split('|').map((s) => s.trim()).filter(Boolean);
}

const wordSetCache = new Map<string, Map<string, Set<string>>>();

/**
 * A data file of `word<TAB>kind` rows as one set of words per kind, read once:
 * `wordSets('place-cue-words.tsv').get('locative')`.
 */
export function wordSets(name: string): Map<string, Set<string>> {
  let sets = wordSetCache.get(name);
  if (!sets) {
    sets = new Map();
    for (const r of loadTsv(name)) {
      const set = sets.get(r.kind) ?? new Set<string>();
      set.add(r.word);
      sets.set(r.kind, set);
    }
    wordSetCache.set(name, sets);
  }
  return sets;
}
