/** Attachment scores: UAS (right head) and LAS (right head and relation), punctuation included. */
import type { ParsedWord } from './model.js';
import type { TrainingSentence } from './trainer.js';

export interface AttachmentScores { words: number; uas: number; las: number; unparsed: number }

export function attachmentScores(gold: readonly TrainingSentence[], parse: (s: TrainingSentence) => ParsedWord[] | null): AttachmentScores {
  let words = 0, heads = 0, labelled = 0, unparsed = 0;
  for (const s of gold) {
    const out = parse(s);
    if (!out) unparsed++;
    s.heads.forEach((h, i) => {
      words++;
      if (out && out[i].head === h) { heads++; if (out[i].deprel === s.deprels[i]) labelled++; }
    });
  }
  return { words, uas: heads / words, las: labelled / words, unparsed };
}
