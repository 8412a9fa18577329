/**
 * The parse as CoNLL-U (universaldependencies.org/format.html), one block per sentence, for
 * `acta analyze --format conllu`. Forms are acta's tokens; MISC keeps each token's offsets into
 * the text as given (TokenRange=start:end) and SpaceAfter=No where no space follows, so every
 * line points back at its words. A sentence the parser left unparsed has "_" for HEAD and
 * DEPREL and a comment saying why.
 */
import type { Doc } from '../doc/types.js';

/** A field value CoNLL-U can hold: no tabs or line breaks, never empty. */
function field(s: string): string {
  const v = s.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
  return v === '' ? '_' : v;
}

export function toConllu(doc: Doc): string {
  const lines: string[] = [`# newdoc id = ${field(doc.meta.id)}`];
  const unparsed = new Map(doc.syntax.unparsed.map((u) => [u.sentence, u.reason]));
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    lines.push(`# sent_id = ${field(doc.meta.id)}-${s.index + 1}`);
    lines.push(`# text = ${field(doc.text.slice(s.start, s.end))}`);
    const why = unparsed.get(s.index);
    if (why) lines.push(`# acta_unparsed = ${field(why)}`);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      const d = doc.syntax.deps[i];
      const head = d ? String(d.head < 0 ? 0 : d.head - s.tokenStart + 1) : '_';
      const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1].start : doc.text.length;
      const misc = [`TokenRange=${t.start}:${t.end}`, ...(i + 1 < s.tokenEnd && next === t.end ? ['SpaceAfter=No'] : [])].join('|');
      lines.push([i - s.tokenStart + 1, field(doc.text.slice(t.start, t.end)), field(t.lemma), field(d?.upos ?? t.pos), '_', '_', head, d ? field(d.rel) : '_', '_', misc].join('\t'));
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
