import type { Span } from '../doc/types.js';

/**
 * Paragraphs inside the body spans: runs of text separated by blank lines.
 * A single line break also ends a paragraph when the line is short (a headline
 * or a list item), because wink-nlp would otherwise join a headline to the
 * next sentence.
 */
export function findParagraphs(text: string, body: Span[]): Span[] {
  const out: Span[] = [];
  for (const region of body) {
    // A line ends at LF, CRLF or a bare CR, as ingest reads lines (ingest/common.ts textLines).
    const lineRe = /[^\r\n]*(\r\n|\n|\r|$)/g;
    lineRe.lastIndex = region.start;
    let paraStart = -1;
    let paraEnd = -1;
    const flush = () => {
      if (paraStart >= 0) out.push(trimSpan(text, { start: paraStart, end: paraEnd }));
      paraStart = -1;
    };
    while (lineRe.lastIndex < region.end) {
      const m = lineRe.exec(text);
      if (!m) break;
      const lineStart = m.index;
      const lineEnd = Math.min(region.end, m.index + m[0].length - m[1].length);
      const line = text.slice(lineStart, lineEnd);
      if (line.trim() === '') {
        flush();
      } else {
        if (paraStart < 0) paraStart = lineStart;
        paraEnd = lineEnd;
        // A short line without final punctuation stands alone (headline, list item) —
        // unless the text is hard-wrapped and the sentence runs on into the next line.
        if (line.trim().length < 100 && !/[.!?:;,”"')\]]\s*$/.test(line) && standsAlone(line, text, m.index + m[0].length, region.end, paraStart < lineStart)) flush();
        // A line that ends a sentence before a line that starts one is a boundary the
        // sentence splitter should not second-guess (one sentence per line, lists, results).
        else if (/[.!?]["”’')]?\s*$/.test(line) && /^\s*["“‘(]?[\p{Lu}\d]/u.test(text.slice(m.index + m[0].length, Math.min(region.end, m.index + m[0].length + 8)))) flush();
      }
      if (m[0].length === 0) lineRe.lastIndex++;
    }
    flush();
  }
  return out.filter((p) => p.end > p.start);
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Words that never end a headline: a line ending in one runs on ("… has asked the" / "White House to …"). */
const RUNS_ON = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'and', 'or', 'but', 'that', 'as', 'into',
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'its', 'his', 'her', 'their', 'our', 'this', 'these', 'those']);

/**
 * A line without final punctuation is a headline when it is title-like or short and the next line
 * starts anew — not when it ends in a word that runs on, and not when it continues a paragraph's
 * running text (`continues`: lines before it are in the paragraph) with more words than a list item.
 */
function standsAlone(line: string, text: string, next: number, end: number, continues = false): boolean {
  const following = text.slice(next, Math.min(end, next + 40)).trimStart();
  if (following === '' || /^[\p{Ll}(,;]/u.test(following)) return following === '';
  const words = line.trim().split(/\s+/);
  if (RUNS_ON.has(words[words.length - 1]) || (continues && words.length > 6)) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\d"“‘']/u.test(w)).length;
  return words.length <= 6 || capitalised / words.length >= 0.6;
}
