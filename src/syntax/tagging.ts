/**
 * Tag treebank sentences with acta's own tagger (wink-nlp, through segment()) so the parser
 * learns from the tags it will see in use. The sentence text is rebuilt from the words and each
 * gold word takes the POS and lemma of the acta token that covers its first character (or, if
 * none does, the nearest one before it).
 */
import { segment } from '../segment/index.js';
import { sentenceText, type TreebankSentence } from './conllu.js';
import type { ParserToken } from './features.js';

export function actaTokens(s: TreebankSentence): ParserToken[] {
  const { text, starts } = sentenceText(s);
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  const toks = seg.tokens;
  const out: ParserToken[] = [];
  let j = 0;
  s.forms.forEach((form, i) => {
    const at = starts[i];
    while (j + 1 < toks.length && toks[j + 1].start <= at) j++;
    const t = toks[j];
    out.push(t ? { form, pos: t.pos, lemma: t.lemma } : { form, pos: 'X' });
  });
  return out;
}

/** The treebank's own tags (UPOS and lemmas), for comparison. */
export function goldTokens(s: TreebankSentence): ParserToken[] {
  return s.forms.map((form, i) => ({ form, pos: s.upos[i], lemma: s.lemmas[i] }));
}
