/**
 * A refusal or a request about the report itself is reporters' practice, not a political act:
 * "the spokesman declined to elaborate", "he refused to say whether talks had begun", "declined
 * to give details", "officials, who asked not to be identified, said …". PLOVER's REJECT is the
 * rejection of a proposal, a demand or a request, and REQUEST a request, demand or order put to
 * another actor; neither is the withholding of comment from a journalist. Read from the parse:
 * the refusing or asking verb's clause complement is a verb of telling or of being named
 * (data/disclosure-words.tsv `verb`), or gives a detail ("give details": `giving` + `detail`); for
 * a request, only when the one asking is to be left unnamed (a passive: "asked not to be named"),
 * since asking someone else to disclose something is a request ("asked the ministry to disclose
 * the figures").
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const isWord = (t: Pick<Token, 'lemma' | 'normal'>, kind: string) => {
  const words = wordSets('disclosure-words.tsv').get(kind);
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Does the verb at k tell the press something: a verb of telling, or one that gives a detail ("give details")? */
function tellsPress(tokens: readonly Token[], tree: DependencyTree, k: number): boolean {
  if (isWord(tokens[k], 'verb')) return true;
  return isWord(tokens[k], 'giving') && tree.childrenWith(k, 'obj').some((o) => isWord(tokens[o], 'detail'));
}

/**
 * Is the REJECT or REQUEST at trigger t (a verb) a withholding of comment: its clause complement
 * tells the press something ("declined to elaborate"; "asked not to be identified")?
 */
export function withheldComment(tokens: readonly Token[], tree: DependencyTree | null, t: number, event: string): boolean {
  if (!tree || !tree.parsed(t) || tokens[t].pos !== 'VERB') return false;
  if (event !== 'REJECT' && event !== 'REQUEST') return false;
  const complements = tree.childrenWith(t, 'xcomp');
  // (coordinated ones too: "declined to confirm or deny")
  const all = complements.flatMap((k) => [k, ...tree.childrenWith(k, 'conj')]);
  if (!all.length || !all.every((k) => tokens[k].pos === 'VERB' && tellsPress(tokens, tree, k))) return false;
  if (event === 'REJECT') return true;
  // A request is about the report only when the one asking is the one to be left unnamed.
  return all.every((k) => tree.childrenWith(k, 'aux:pass').length > 0);
}
