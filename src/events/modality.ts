/**
 * Modality: an event told as intended ("will give", "offered to hand over"),
 * owed ("Sudan must return"), conditional ("will withdraw unless …") or
 * refused ("will not accept", "failed to reach") is not the event itself.
 * PLOVER codes what the statement does: an intent to cooperate is AGREE, an
 * intent to harm or a conditional one is THREATEN, an obligation laid on
 * someone is REQUEST, a refused cooperation is REJECT. Cue words live in
 * data/modality.tsv, the CAMEO codes in data/modality-codes.tsv.
 */
import type { Token } from '../doc/types.js';
import { loadTsv } from '../util/data.js';

export type ModalityKind = 'intent' | 'plan' | 'obligation' | 'condition' | 'preparation';

interface Tables { words: Map<string, ModalityKind>; lemmas: Map<string, ModalityKind>; codes: Map<string, { intent: string; condition: string; obligation: string; refusal: string }> }

let tables: Tables | null = null;
function load(): Tables {
  if (tables) return tables;
  const words = new Map<string, ModalityKind>();
  const lemmas = new Map<string, ModalityKind>();
  for (const r of loadTsv('modality.tsv')) (r.form === 'lemma' ? lemmas : words).set(r.cue, r.kind as ModalityKind);
  const codes = new Map(loadTsv('modality-codes.tsv').map((r) => [r.root, { intent: r.intent, condition: r.condition, obligation: r.obligation, refusal: r.refusal }]));
  tables = { words, lemmas, codes };
  return tables;
}

/** Words that end the search for a modal: a new clause begins there. */
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '“', '”', '"', '(', ')', 'that', 'which', 'who', 'because', 'after', 'before', 'while', 'when', 'and', 'but']);

/** The modality cue governing an event whose first pattern word is token `first`. */
export function modalityOf(tokens: Token[], first: number, sentenceStart: number, sentenceEnd: number, text: string, matched: number[] = [first]): { kind: ModalityKind; cue: Token } | null {
  const t = load();
  let found: { kind: ModalityKind; cue: Token } | null = null;
  // A cue between the pattern's own words: "announced that it will withdraw".
  for (let k = matched[0] + 1; k < matched[matched.length - 1]; k++) {
    if (matched.includes(k)) continue;
    const w = tokens[k].normal;
    const kind = t.words.get(w);
    if (kind && kind !== 'condition') { found = { kind, cue: tokens[k] }; break; }
  }
  for (let k = first - 1; !found && k >= Math.max(sentenceStart, first - 7); k--) {
    const tok = tokens[k];
    const w = text.slice(tok.start, tok.end).toLowerCase();
    if (CLAUSE_BREAK.has(w)) break;
    const word = t.words.get(w);
    // (an event after "unless" is the condition itself, not a conditional threat: its clause ends the search)
    if (word === 'condition') break;
    if (word) { found = { kind: word, cue: tok }; break; }
    // "offered to hand over", "is willing to withdraw", "has to leave": a governing verb before "to".
    if (k + 1 < first && tokens[k + 1].normal === 'to') {
      const lemma = t.lemmas.get(tok.lemma) ?? t.words.get(tok.normal);
      if (lemma) { found = { kind: lemma, cue: tok }; break; }
    }
  }
  if (found?.kind === 'intent' || found?.kind === 'plan') {
    // "will withdraw … unless the president agrees": a conditional promise is a threat.
    for (let k = first + 1; k < sentenceEnd; k++) {
      if (t.words.get(tokens[k].normal) === 'condition') return { kind: 'condition', cue: tokens[k] };
    }
  }
  return found;
}

/** Is the word a modal of obligation ("must", "should", "ought"), or the lemma a verb of one before "to" ("need", "have")? data/modality.tsv. */
export function obligationWord(normal: string): boolean {
  return load().words.get(normal) === 'obligation';
}
export function obligationVerb(lemma: string): boolean {
  return load().lemmas.get(lemma) === 'obligation';
}

/** PLOVER types that are cooperation; refusing them is REJECT, intending them is AGREE. */
export const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
/** Types that already are statements about the future or demands: modality leaves them alone. */
const VERBAL = new Set(['REQUEST', 'THREATEN', 'ACCUSE', 'REJECT']);

/**
 * The CAMEO code a modal or refused statement takes, or null when the event keeps its own:
 * intent + cooperation → 03x, intent + conflict → 13x, condition → 13x, obligation → 02x,
 * refusal of cooperation → 12x.
 */
export function modalCode(cameo: string, event: string, kind: ModalityKind | null, negated: boolean): string | null {
  if (VERBAL.has(event)) return null;
  const row = load().codes.get(cameo.slice(0, 2));
  if (!row) return null;
  if (negated && COOPERATIVE.has(event) && kind !== 'obligation') return row.refusal;
  if (negated) return null;
  // Getting ready to fight is MOBILIZE in PLOVER ("prepared to resume shelling"); ready to cooperate is intent.
  if (kind === 'preparation') return COOPERATIVE.has(event) ? row.intent : '150';
  if (kind === 'obligation') return row.obligation;
  if (kind === 'condition') return COOPERATIVE.has(event) ? '130' : row.condition;
  // ("-": a protest, sanction or restriction someone plans, decides or promises keeps its own type,
  // told as future; one declared with "will" — "said they would boycott" — warns: the threat)
  if (kind === 'plan') return row.intent === '-' ? null : row.intent;
  if (kind === 'intent') return row.intent === '-' ? row.condition : row.intent;
  return null;
}
