/**
 * One shared wink-nlp instance (the model loads once, ~100 ms). Only the annotations acta reads
 * run: sentence boundaries and parts of speech (lemmas come with them). wink's own named
 * entities, negation, sentiment and custom entities are not read, and leaving them out changes
 * no token, sentence, tag or lemma (its POS tagger reads the tokens, not those annotations).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp annotations acta uses. */
export const WINK_PIPE = ['sbd', 'pos'];

let instance: ReturnType<typeof winkNLP> | null = null;

export function nlp(): ReturnType<typeof winkNLP> {
  if (!instance) instance = winkNLP(model, WINK_PIPE);
  return instance;
}
