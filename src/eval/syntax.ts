/**
 * The dependency parser on UD English EWT test (treebanks/ud-english-ewt): gold tokenisation,
 * POS as acta tags it in use (src/syntax/tagging.ts), attachment scores with punctuation
 * included. UAS: the right head; LAS: the right head and relation (full UD labels).
 * Also the parser's own speed on these sentences, one core, tokens per second.
 */
import { readFileSync } from 'node:fs';
import { readConllu } from '../syntax/conllu.js';
import { attachmentScores } from '../syntax/evaluate.js';
import { parserModel, parseSentence } from '../syntax/index.js';
import { actaTokens } from '../syntax/tagging.js';
import { capped, evalPath, skipped, type DatasetResult, type RunOptions } from './common.js';

export async function evaluateSyntax(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'syntax-ewt';
  const path = evalPath('treebanks/ud-english-ewt/en_ewt-ud-test.conllu', opts.env);
  if (!path) return skipped(dataset, 'treebanks/ud-english-ewt/en_ewt-ud-test.conllu not found under ACTA_SHARED/eval');
  const t0 = performance.now();
  const gold = capped(readConllu(readFileSync(path, 'utf8')), opts.limit).map((s) => ({ tokens: actaTokens(s), heads: s.heads, deprels: s.deprels }));
  const model = parserModel();
  const parseStart = performance.now();
  const r = attachmentScores(gold, (s) => parseSentence(s.tokens, model));
  const parseSeconds = (performance.now() - parseStart) / 1000;
  return {
    dataset, system: 'acta', status: 'ok', n: gold.length, seconds: (performance.now() - t0) / 1000,
    metrics: { uas: r.uas, las: r.las, tokens_per_s: Math.round(r.words / parseSeconds) },
    details: { words: r.words, unparsed: r.unparsed },
  };
}
