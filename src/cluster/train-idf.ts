/**
 * `npm run train:idf`: how common each word is in general English, for weighing the words two
 * reports share (words.ts). Counts in how many sentences of UD English EWT train (web text, not
 * news, so the counts know nothing of any story) each lower-case word occurs, and writes
 * data/word-sentences.tsv; the same treebank gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readConllu } from '../syntax/conllu.js';
import { ewtPath } from '../syntax/treebank.js';
import { dataPath } from '../util/data.js';
import { sentenceCounts, wordSentencesTsv } from './words.js';

const sentences = readConllu(readFileSync(ewtPath('train'), 'utf8')).map((s) => s.forms.map((f, i) => f + (s.spaceAfter[i] ? ' ' : '')).join(''));
writeFileSync(dataPath('word-sentences.tsv'), wordSentencesTsv(sentenceCounts(sentences), sentences.length));
console.log(`train:idf: ${sentences.length} EWT train sentences → data/word-sentences.tsv`);
