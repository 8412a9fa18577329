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
    const lineRe = /[^\n]*(\n|$)/g;
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
        // A short line without final punctuation stands alone (headline, list item).
        if (line.trim().length < 100 && !/[.!?:;,”"')\]]\s*$/.test(line)) flush();
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
