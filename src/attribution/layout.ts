/**
 * Two conventions of print that attribute words without a verb, read from the layout of a line:
 * - a transcript's speaker label: `WALLACE: Let's start with…` (the name in capitals, a colon,
 *   the words spoken to the end of the line; an opening quotation mark may come first);
 * - a quotation's byline: `“He represents our greatest shame.” ― Sonya Herridge` (a line that
 *   opens with a quotation mark, the quotation closed, a dash, then only the name).
 * PolNeAR's training articles hardly show either (a handful of transcripts, no byline), so the
 * tagger cannot learn them; each line so written is one relation, and the tagger's labels on
 * that line give way to it.
 */
import type { Token } from '../doc/types.js';
import type { RoleRun, RunGroup } from './relations.js';

/** Lines of a sequence of tokens: runs between line breaks, line-break tokens left out. */
export function lines(tokens: readonly Token[], sequence: readonly number[]): number[][] {
  const out: number[][] = [];
  let line: number[] = [];
  for (const i of sequence) {
    if (tokens[i].pos === 'SPACE' || tokens[i].normal.includes('\n')) {
      if (line.length) out.push(line);
      line = [];
    } else {
      line.push(i);
    }
  }
  if (line.length) out.push(line);
  return out;
}

const OPENING_MARKS = new Set(['“', '"', '”', '‘', '«', "''", '``']);
const CLOSING_MARKS = new Set(['”', '"', '’', '»', "''"]);
const BYLINE_DASHES = new Set(['―', '—', '–']);
/** At most this many words in a speaker's label or a byline's name. */
const MAX_LABEL_WORDS = 4;
const MAX_BYLINE_WORDS = 6;

const ALL_CAPITALS = /^\p{Lu}[\p{Lu}.'’-]+$/u;
const CAPITALISED = /^\p{Lu}/u;

export interface LayoutInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly { tokenStart: number; tokenEnd: number }[];
}

/**
 * The relations of transcript and byline lines, and the tokens they cover (the tagger's labels
 * there are dropped). A speaker label counts only where it names someone the article names
 * (its last word written elsewhere in ordinary capitals: "Wallace") or in a transcript, where a
 * label opens two lines or more (speakers take turns): "VIDEO:" and "UPDATE:" head a line once
 * and name nobody.
 */
export function layoutRelations(doc: LayoutInput, sequences: readonly (readonly number[])[]): { groups: RunGroup[]; covered: Uint8Array } {
  const { text, tokens } = doc;
  const form = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const sentenceOf = new Int32Array(tokens.length);
  doc.sentences.forEach((s, k) => { for (let i = s.tokenStart; i < s.tokenEnd; i++) sentenceOf[i] = k; });
  const allLines = sequences.flatMap((seq) => lines(tokens, seq));
  const labels = allLines.map((l) => speakerLabel(l, form));
  const labelCount = new Map<string, number>();
  for (const l of labels) if (l) labelCount.set(l.name, (labelCount.get(l.name) ?? 0) + 1);
  const transcript = [...labelCount.values()].some((n) => n >= 2);
  // Words the article writes as names: capitalised, not all capitals (read only where a label is).
  let names: Set<string> | null = null;
  const namesWritten = (): Set<string> => {
    if (!names) {
      names = new Set<string>();
      tokens.forEach((t, i) => { const f = form(i); if (CAPITALISED.test(f) && !ALL_CAPITALS.test(f)) names!.add(t.normal); });
    }
    return names;
  };
  const covered = new Uint8Array(tokens.length);
  const groups: RunGroup[] = [];
  const run = (role: RoleRun['role'], first: number, last: number): RoleRun => ({ role, first, last, sentence: sentenceOf[first] });
  allLines.forEach((line, k) => {
    const label = labels[k];
    let group: RunGroup | null = null;
    if (label && (transcript || namesWritten().has(tokens[line[label.colon - 1]].normal))) {
      group = {
        cue: run('CUE', line[label.colon], line[label.colon]),
        sources: [run('SOURCE', line[label.first], line[label.colon - 1])],
        contents: [run('CONTENT', line[label.colon + 1], line[line.length - 1])],
      };
    } else {
      const by = byline(line, form);
      if (by) {
        group = {
          cue: run('CUE', line[by.dash], line[by.dash]),
          sources: [run('SOURCE', line[by.dash + 1], line[by.nameEnd])],
          contents: [run('CONTENT', line[0], line[by.dash - 1])],
        };
      }
    }
    if (!group) return;
    groups.push(group);
    for (const i of line) covered[i] = 1;
  });
  return { groups, covered };
}

/** A line's speaker label: the positions (in the line) of its first word and its colon, and the name. */
export function speakerLabel(line: readonly number[], form: (i: number) => string): { first: number; colon: number; name: string } | null {
  let k = 0;
  if (k < line.length && OPENING_MARKS.has(form(line[k]))) k++;
  const first = k;
  while (k < line.length && k - first < MAX_LABEL_WORDS && ALL_CAPITALS.test(form(line[k]))) k++;
  // (words spoken after the colon: a label alone on its line heads a block, not a turn)
  if (k === first || k + 1 >= line.length || form(line[k]) !== ':') return null;
  return { first, colon: k, name: line.slice(first, k).map(form).join(' ') };
}

/** A line that is a quotation signed after a dash: the dash's position and the name's last word's. */
export function byline(line: readonly number[], form: (i: number) => string): { dash: number; nameEnd: number } | null {
  if (line.length < 4 || !OPENING_MARKS.has(form(line[0]))) return null;
  let end = line.length - 1;
  if (form(line[end]) === '.') end--;
  let k = end;
  while (k > 0 && end - k < MAX_BYLINE_WORDS && (CAPITALISED.test(form(line[k])) || (form(line[k]) === '.' && k < end))) k--;
  // k: the dash, right after the closing mark; at least one capitalised word after it
  if (k === end || k < 2 || !BYLINE_DASHES.has(form(line[k])) || !CLOSING_MARKS.has(form(line[k - 1]))) return null;
  if (!CAPITALISED.test(form(line[k + 1]))) return null;
  return { dash: k, nameEnd: end };
}
