/**
 * UAS and LAS of the shipped parser on UD English EWT dev and test, gold tokenisation, POS from
 * acta's own tagger (which reads wink-nlp's tags from segment() as one clue), and the tagger's own
 * accuracy: `npm run measure:parser` (node dist/syntax/measure.js). --gold-pos gives the parser
 * the treebank's UPOS and XPOS instead (for a model trained with --gold-pos); --model PATH measures another parser model file.
 */
import { readFileSync } from 'node:fs';
import { attachmentScores } from './evaluate.js';
import { deserializeParser, parseWith } from './model.js';
import { parserModel, parseSentence } from './index.js';
import { posModel } from './pos/index.js';
import { posAccuracy } from './pos/trainer.js';
import { goldTokens } from './tagging.js';
import { posCorpus, readEwtSentences, type EwtSplit } from './treebank.js';

function main(): void {
  const goldPos = process.argv.includes('--gold-pos');
  const at = process.argv.indexOf('--model');
  const model = at >= 0 ? deserializeParser(readFileSync(process.argv[at + 1])) : parserModel();
  for (const split of ['dev', 'test'] as EwtSplit[]) {
    const sentences = readEwtSentences(split);
    if (!goldPos) {
      const acc = posAccuracy(posModel(), posCorpus(sentences));
      console.log(`EWT ${split}: acta's POS tagger UPOS ${acc.upos.toFixed(4)} XPOS ${acc.xpos.toFixed(4)} both ${acc.joint.toFixed(4)}`);
    }
    const gold = sentences.map(({ tree, acta }) => ({ tokens: goldPos ? goldTokens(tree) : acta, heads: tree.heads, deprels: tree.deprels }));
    const started = performance.now();
    // the treebank's tags go to the parser as they are, not through acta's tagger
    const r = attachmentScores(gold, (s) => (goldPos ? parseWith(model, s.tokens) : parseSentence(s.tokens, model)));
    const secs = (performance.now() - started) / 1000;
    console.log(`EWT ${split} (${goldPos ? 'treebank UPOS' : 'acta POS'}): UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)} over ${r.words} words` +
      `${r.unparsed ? `, ${r.unparsed} sentences unparsed` : ''}; ${Math.round(r.words / secs)} tokens/s (tagging and parsing)`);
  }
}

main();
