/** One shared wink-nlp instance (the model loads once, ~100 ms). */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: ReturnType<typeof winkNLP> | null = null;

export function nlp(): ReturnType<typeof winkNLP> {
  if (!instance) instance = winkNLP(model);
  return instance;
}
