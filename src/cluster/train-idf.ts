/**
 * `npm run train:idf [-- --out FILE]`: how common each word is in general English, for weighing
 * the words two reports share (words.ts). Counts in how many sentences of UD English EWT train
 * (web text, not news, so the counts know nothing of any story) each word stem occurs, and
 * writes data/word-sentences.tsv; the same treebank gives the same bytes (CI compares them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConllu } from '../syntax/conllu.js';
import { ewtPath } from '../syntax/treebank.js';
import { dataPath } from '../util/data.js';
import { sentenceCounts, wordSentencesTsv } from './words.js';

const at = process.argv.indexOf('--out');
const out = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : dataPath('word-sentences.tsv'));
const sentences = readConllu(readFileSync(ewtPath('train'), 'utf8')).map((s) => s.forms.map((f, i) => f + (s.spaceAfter[i] ? ' ' : '')).join(''));
writeFileSync(out, wordSentencesTsv(sentenceCounts(sentences), sentences.length));
console.log(`train:idf: ${sentences.length} EWT train sentences → ${out}`);
