/**
 * The BIO tag set the tagger predicts, and conversions between tag sequences
 * and entity spans. CoNLL-2003 files are written in IOB1 (an entity starts with
 * I- unless it directly follows another of the same type); the tagger works in
 * BIO (every entity starts with B-), which these helpers convert to and from.
 */

export type EntityKind = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type BioTag =
  | 'O'
  | 'B-PER' | 'I-PER'
  | 'B-ORG' | 'I-ORG'
  | 'B-LOC' | 'I-LOC'
  | 'B-MISC' | 'I-MISC';

/** Tags in model order: a tag's index is its column in the weight rows. */
export const TAGS: readonly BioTag[] = [
  'O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC',
];
export const TAG_COUNT = TAGS.length;

export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

/** An entity as a run of word indices, both ends inclusive. */
export interface WordSpan {
  first: number;
  last: number;
  type: EntityKind;
}

/** Whether tag `next` may follow tag `prev` in BIO: I-X only continues B-X or I-X. */
export function allowedAfter(prev: number, next: number): boolean {
  const t = TAGS[next];
  if (t[0] !== 'I') return true;
  if (prev < 0) return false;
  const p = TAGS[prev];
  return p !== 'O' && p.slice(2) === t.slice(2);
}

/**
 * IOB1 or BIO tags (any type names) to BIO: an I- that does not continue an
 * entity of its type becomes B-.
 */
export function toBio(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O' || t.length < 3) { out.push('O'); continue; }
    const type = t.slice(2);
    const prev = i > 0 ? out[i - 1] : 'O';
    if (t[0] === 'I' && (prev === 'O' || prev.slice(2) !== type)) out.push('B-' + type);
    else out.push(t[0] + '-' + type);
  }
  return out;
}

/** The type of each tag of TAGS ("B-PER" → "PER"), so that spans take no new strings. */
const TYPE_OF_TAG: ReadonlyMap<string, string> = new Map(TAGS.filter((t) => t !== 'O').map((t) => [t, t.slice(2)]));

/**
 * Entity spans from BIO tags, conlleval style: an I- after O or after another
 * type starts a new entity, so every non-O run is one span.
 */
export function spansFromTags(tags: readonly string[]): WordSpan[] {
  const spans: WordSpan[] = [];
  let open: WordSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O') { open = null; continue; }
    const type = (TYPE_OF_TAG.get(t) ?? t.slice(2)) as EntityKind;
    if (t[0] === 'B' || !open || open.type !== type) {
      open = { first: i, last: i, type };
      spans.push(open);
    } else {
      open.last = i;
    }
  }
  return spans;
}
