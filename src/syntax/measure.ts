/**
 * UAS and LAS of the shipped parser on UD English EWT dev and test, gold tokenisation, POS from
 * acta's tagger: `npm run measure:parser` (node dist/syntax/measure.js). --gold-pos uses the
 * treebank's UPOS instead; --model PATH measures another model file.
 */
import { readFileSync } from 'node:fs';
import { attachmentScores } from './evaluate.js';
import { deserializeParser } from './model.js';
import { parserModel, parseSentence } from './index.js';
import { readEwt, type EwtSplit } from './treebank.js';

function main(): void {
  const goldPos = process.argv.includes('--gold-pos');
  const at = process.argv.indexOf('--model');
  const model = at >= 0 ? deserializeParser(readFileSync(process.argv[at + 1])) : parserModel();
  for (const split of ['dev', 'test'] as EwtSplit[]) {
    const gold = readEwt(split, goldPos);
    const started = performance.now();
    const r = attachmentScores(gold, (s) => parseSentence(s.tokens, model));
    const secs = (performance.now() - started) / 1000;
    console.log(`EWT ${split} (${goldPos ? 'treebank UPOS' : 'acta POS'}): UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)} over ${r.words} words` +
      `${r.unparsed ? `, ${r.unparsed} sentences unparsed` : ''}; ${Math.round(r.words / secs)} tokens/s`);
  }
}

main();
