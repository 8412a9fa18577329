/**
 * segment: paragraphs, sentences, tokens and parts of speech (wink-nlp), all as
 * offsets into the text as given. wink-nlp runs paragraph by paragraph so a
 * headline is never joined to the next sentence.
 */
import type { Sentence, Span, Token } from '../doc/types.js';
import { readWink } from './nlp.js';
import { findParagraphs } from './paragraphs.js';
import { loadTsv } from '../util/data.js';
import { NO_WORD, WIDE_WORD, wordKind, wordPos } from './words.js';
import { cutLongSentence, longRuns, withStandIns } from './limits.js';
import { checkDeadline } from '../util/deadline.js';

const PERFECT_AUX = new Set(['have', 'has', 'had', 'having', "'ve", '’ve']);
const PARTICIPLE_PREFIXES = ['', 're', 'over', 'under', 'with', 'out', 'up', 'mis', 'fore'];
let participles: Map<string, string> | null = null;

/** The lemma of a strong past participle ("retaken" → "retake"), from data/participles.tsv; else null. */
export function participleLemma(word: string): string | null {
  if (!participles) participles = new Map(loadTsv('participles.tsv').map((r) => [r.participle, r.lemma]));
  for (const p of PARTICIPLE_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const base = participles.get(word.slice(p.length));
    if (base) return p + base;
  }
  return null;
}

export interface Segmentation {
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Token[];
}

export function segment(doc: { text: string; body: Span[] }): Segmentation {
  const { text } = doc;
  const paragraphs = findParagraphs(text, doc.body);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  paragraphs.forEach((para, pIndex) => {
    checkDeadline();
    const paraText = text.slice(para.start, para.end);
    // An over-long run of non-space characters reaches wink as one short stand-in word.
    const { wink: winkText, swaps } = withStandIns(paraText, longRuns(paraText));
    let swap = 0;
    let shift = 0;
    const { values, pos, lemma, sentences: winkSentences } = readWink(winkText);
    const first = tokens.length;
    // Token index (into `tokens`) of each wink token: pieces of one word share an index.
    const at = new Int32Array(values.length);
    let cursor = 0;
    // Word kind of the last token pushed, -1 until asked; whether it was joined from pieces.
    let lastKind = -1;
    let joined = false;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let found = winkText.indexOf(value, cursor);
      // wink-nlp keeps tokens lossless; should a form ever differ, fall back to the cursor.
      if (found < 0) found = cursor;
      cursor = found + value.length;
      // Offsets in wink's text move by what the stand-ins before them left out.
      while (swap < swaps.length && swaps[swap].wink.end <= found) {
        shift += swaps[swap].text.end - swaps[swap].text.start - (swaps[swap].wink.end - swaps[swap].wink.start);
        swap++;
      }
      const standIn = swap < swaps.length && swaps[swap].wink.start === found && swaps[swap].wink.end === cursor;
      const start = standIn ? para.start + swaps[swap].text.start : para.start + found + shift;
      const end = standIn ? para.start + swaps[swap].text.end : start + value.length;
      // A word wink cut at a letter beyond Latin-1 ("Erdo|ğ|an") is put back together.
      const prev = tokens.length > first ? tokens[tokens.length - 1] : null;
      if (prev && prev.end === start && end > start) {
        if (lastKind < 0) lastKind = wordKind(text, prev.start, prev.end);
        const kind = lastKind === NO_WORD ? NO_WORD : wordKind(text, start, end);
        if (kind !== NO_WORD && (kind === WIDE_WORD || lastKind === WIDE_WORD)) {
          if (!joined) prev.pos = wordPos(text, prev.start, prev.pos);
          prev.end = end;
          prev.normal = text.slice(prev.start, end).toLowerCase();
          prev.lemma = prev.normal;
          lastKind = WIDE_WORD;
          joined = true;
          at[i] = tokens.length - 1;
          continue;
        }
      }
      lastKind = -1;
      joined = false;
      let tag = pos[i];
      // A word all in a script wink lacks ("Москва") is one token already, but tagged X.
      if ((tag === 'X' || tag === 'SYM' || tag === 'PUNCT') && value.length > 0 && value.charCodeAt(0) > 0xff) {
        lastKind = wordKind(text, start, end);
        if (lastKind === WIDE_WORD) tag = wordPos(text, start, tag);
      }
      at[i] = tokens.length;
      const normal = standIn ? text.slice(start, end).toLowerCase() : value.toLowerCase();
      let lem = standIn ? normal : (lemma[i] ?? value).toLowerCase();
      // "have retaken a village": a strong participle after a perfect auxiliary is a verb, whatever
      // the tagger said.
      if (tag === 'NOUN' && tokens.length > first && PERFECT_AUX.has(tokens[tokens.length - 1].normal)) {
        const base = participleLemma(normal);
        if (base) { tag = 'VERB'; lem = base; }
      }
      tokens.push({ start, end, pos: tag, normal, lemma: lem });
    }
    // Token ranges of wink's sentences.
    const ranges: Array<[number, number]> = [];
    for (const [a, b] of winkSentences) {
      if (b < a) continue;
      const tokenStart = at[a];
      const tokenEnd = at[b] + 1;
      const last = ranges.length > 0 ? ranges[ranges.length - 1] : null;
      // (A sentence break wink put inside a word it cut is no break.)
      if (last && tokenStart < last[1]) {
        if (tokenEnd > last[1]) last[1] = tokenEnd;
        continue;
      }
      ranges.push([tokenStart, tokenEnd]);
    }
    for (const [from, to] of ranges) {
      for (const [tokenStart, tokenEnd] of cutLongSentence(tokens, from, to)) {
        sentences.push({
          index: sentences.length,
          paragraph: pIndex,
          start: tokens[tokenStart].start,
          end: tokens[tokenEnd - 1].end,
          tokenStart,
          tokenEnd,
        });
      }
    }
  });
  return { paragraphs, sentences, tokens };
}
