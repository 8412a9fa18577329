/**
 * What every article and document must satisfy whatever the input: spans are
 * integer offsets inside the text, in order, and a span that carries its own
 * text carries exactly the characters it points at. The fuzz tests check every
 * generated input against these; each function returns the broken rules, one
 * line each, so that a failure says which span of which layer went wrong.
 */
import { isIsoDay } from '../ingest/dates.js';
import { isRealis, REALIS_VALUES } from '../events/realis.js';
import type { DatePrecision, Doc, IngestedArticle, InputProblem, Span } from './types.js';

/** A UTF-16 offset that falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Problems of one span: offsets that are not integers, out of the text, reversed, or inside a character. */
export function spanProblems(text: string, span: Span, label: string): string[] {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return [`${label}: offsets ${start}..${end} are not integers`];
  if (start < 0 || end > text.length) return [`${label}: ${start}..${end} outside the text (length ${text.length})`];
  if (start > end) return [`${label}: start ${start} after end ${end}`];
  const out: string[] = [];
  if (splitsSurrogatePair(text, start)) out.push(`${label}: start ${start} splits a surrogate pair`);
  if (splitsSurrogatePair(text, end)) out.push(`${label}: end ${end} splits a surrogate pair`);
  return out;
}

/**
 * A combining mark (an accent written after its letter) right after a span that ends on a
 * letter: the span cut the letter from its accent. (Marks on digits and punctuation, which
 * only garbage has, are left alone.)
 */
function leavesMarkBehind(text: string, span: Span): boolean {
  return span.end > span.start && span.end < text.length && /^\p{M}/u.test(text.slice(span.end, span.end + 1))
    && /\p{L}\p{M}*$/u.test(text.slice(Math.max(span.start, span.end - 8), span.end));
}

/** Problems of a span that stores its text: the span's problems, then whether the text is the text at its offsets. */
function textSpanProblems(text: string, span: Span & { text: string }, label: string): string[] {
  const out = spanProblems(text, span, label);
  if (out.length === 0 && leavesMarkBehind(text, span)) out.push(`${label}: ends at ${span.end}, before the combining mark that belongs to its last letter`);
  if (out.length === 0 && text.slice(span.start, span.end) !== span.text) {
    out.push(`${label}: says ${JSON.stringify(span.text)} but ${span.start}..${span.end} holds ${JSON.stringify(text.slice(span.start, span.end))}`);
  }
  return out;
}

/** Problems of a list of spans that must come in text order without overlapping. */
function orderedProblems(text: string, spans: readonly Span[], label: string): string[] {
  const out = spans.flatMap((s, i) => spanProblems(text, s, `${label}[${i}]`));
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) out.push(`${label}[${i}] starts at ${spans[i].start}, before ${label}[${i - 1}] ends (${spans[i - 1].end})`);
  }
  return out;
}

/**
 * The first stretch of text, other than white space, that no span covers:
 * ingest may drop a line, but must say so.
 */
function unaccountedText(text: string, spans: readonly Span[]): Span | null {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  let pos = 0;
  for (const s of [...sorted, { start: text.length, end: text.length }]) {
    if (s.start > pos) {
      const gap = text.slice(pos, s.start);
      const at = gap.search(/\S/);
      if (at >= 0) return { start: pos + at, end: s.start };
    }
    pos = Math.max(pos, s.end);
  }
  return null;
}

/**
 * An ingested article: body and dropped spans in order and apart from each
 * other and covering every character that is not white space, the title span
 * the first body span, a publication date that is a day.
 */
export function articleProblems(a: IngestedArticle): string[] {
  const out: string[] = [];
  if (typeof a.text !== 'string' || a.text.trim() === '') return ['text is empty'];
  out.push(...orderedProblems(a.text, a.body, 'body'));
  out.push(...orderedProblems(a.text, a.dropped, 'dropped'));
  for (const d of a.dropped) {
    const hit = a.body.find((b) => b.start < d.end && d.start < b.end);
    if (hit) out.push(`dropped ${d.start}..${d.end} (${d.reason}) overlaps body ${hit.start}..${hit.end}`);
  }
  const lost = unaccountedText(a.text, [...a.body, ...a.dropped]);
  if (lost) out.push(`${lost.start}..${lost.end} (${JSON.stringify(a.text.slice(lost.start, lost.end).slice(0, 60))}) is neither body nor dropped`);
  if (a.titleSpan) {
    out.push(...spanProblems(a.text, a.titleSpan, 'titleSpan'));
    if (a.body[0]?.start !== a.titleSpan.start || a.body[0]?.end !== a.titleSpan.end) out.push('titleSpan is not the first body span');
  }
  const m = a.meta;
  if (typeof m.id !== 'string' || m.id === '') out.push(`meta.id ${JSON.stringify(m.id)} is not a non-empty string`);
  if (!/^[0-9a-f]{16}$/.test(m.hash)) out.push(`meta.hash ${JSON.stringify(m.hash)} is not 16 hex digits`);
  if (m.published !== null && !isIsoDay(m.published)) out.push(`meta.published ${JSON.stringify(m.published)} is not a YYYY-MM-DD day`);
  for (const f of ['title', 'author', 'source', 'url'] as const) {
    const v = m[f];
    if (v !== null && (typeof v !== 'string' || v.trim() === '')) out.push(`meta.${f} ${JSON.stringify(v)} is neither null nor text`);
  }
  return out;
}

/**
 * Any answer ingest gives for an input named `origin`: a problem that names
 * that input, says what is wrong and gives a real line number if any, or a
 * sound article.
 */
export function answerProblems(x: IngestedArticle | InputProblem, origin: string): string[] {
  if (!('text' in x)) {
    const out: string[] = [];
    if (x.origin !== origin) out.push(`problem names ${JSON.stringify(x.origin)}, not the input ${JSON.stringify(origin)}`);
    if (typeof x.message !== 'string' || x.message.trim() === '') out.push('problem has no message');
    if (x.line !== null && !(Number.isInteger(x.line) && x.line >= 1)) out.push(`problem line ${x.line} is not a line number`);
    return out;
  }
  return articleProblems(x);
}

/** An event's date written as its precision says: a real day, a month, a year; none when unknown. */
function dateFits(date: string | null, precision: DatePrecision): boolean {
  switch (precision) {
    case 'unknown': return date === null;
    case 'year': return date !== null && /^\d{4}$/.test(date);
    case 'month': return date !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(date);
    case 'day': return date !== null && isIsoDay(date);
    default: return false;
  }
}

/**
 * An event's mentions: at least one, the first being the event's own sentence and trigger (no
 * event is half-built), each a trigger of the text inside a sentence of the document.
 */
function mentionProblems(doc: Doc, e: Doc['events'][number], label: string): string[] {
  if (!Array.isArray(e.mentions) || e.mentions.length === 0) return [`${label}.mentions is empty: the event's own mention comes first`];
  const out: string[] = [];
  const [own] = e.mentions;
  if (own.sentence.index !== e.sentence.index || own.sentence.start !== e.sentence.start || own.sentence.end !== e.sentence.end
    || own.trigger.start !== e.trigger.start || own.trigger.end !== e.trigger.end || own.trigger.text !== e.trigger.text) {
    out.push(`${label}.mentions[0] (${own.trigger.start}..${own.trigger.end}) is not the event's own sentence and trigger (${e.trigger.start}..${e.trigger.end})`);
  }
  e.mentions.forEach((m, j) => {
    out.push(...textSpanProblems(doc.text, m.trigger, `${label}.mentions[${j}].trigger`));
    const s = doc.sentences[m.sentence.index];
    if (!s || s.start !== m.sentence.start || s.end !== m.sentence.end || m.trigger.start < s.start || m.trigger.end > s.end) {
      out.push(`${label}.mentions[${j}].sentence ${m.sentence.index} is not the sentence of the document that holds its trigger`);
    }
  });
  return out;
}

/** Every layer of an analysed document, against its text and against the layers it points into. */
export function docProblems(doc: Doc): string[] {
  const { text } = doc;
  const out = articleProblems(doc);
  out.push(...orderedProblems(text, doc.paragraphs, 'paragraphs'));
  out.push(...orderedProblems(text, doc.sentences, 'sentences'));
  out.push(...orderedProblems(text, doc.tokens, 'tokens'));
  doc.sentences.forEach((s, i) => {
    if (s.index !== i) out.push(`sentences[${i}] has index ${s.index}`);
    if (!(s.tokenStart >= 0 && s.tokenStart <= s.tokenEnd && s.tokenEnd <= doc.tokens.length)) {
      out.push(`sentences[${i}] tokens ${s.tokenStart}..${s.tokenEnd} outside 0..${doc.tokens.length}`);
      return;
    }
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tok = doc.tokens[t];
      if (tok.start < s.start || tok.end > s.end) out.push(`tokens[${t}] ${tok.start}..${tok.end} outside its sentence ${i} (${s.start}..${s.end})`);
    }
  });
  const sentenceOk = (n: number) => Number.isInteger(n) && n >= 0 && n < doc.sentences.length;
  doc.entities.forEach((e, i) => {
    out.push(...textSpanProblems(text, e, `entities[${i}]`));
    if (!sentenceOk(e.sentence)) out.push(`entities[${i}] in sentence ${e.sentence}, not one of ${doc.sentences.length}`);
  });
  doc.times.forEach((t, i) => {
    out.push(...textSpanProblems(text, t, `times[${i}]`));
    if (typeof t.value !== 'string' || t.value === '' || /NaN|undefined|null|Infinity|Invalid/.test(t.value)) out.push(`times[${i}] value ${JSON.stringify(t.value)} is not a TIMEX3 value`);
    if (!sentenceOk(t.sentence)) out.push(`times[${i}] in sentence ${t.sentence}, not one of ${doc.sentences.length}`);
  });
  doc.places.forEach((p, i) => {
    out.push(...textSpanProblems(text, p, `places[${i}]`));
    if (!sentenceOk(p.sentence)) out.push(`places[${i}] in sentence ${p.sentence}, not one of ${doc.sentences.length}`);
  });
  doc.events.forEach((e, i) => {
    const label = `events[${i}]`;
    out.push(...textSpanProblems(text, e.trigger, `${label}.trigger`));
    const s = doc.sentences[e.sentence.index];
    if (!s || s.start !== e.sentence.start || s.end !== e.sentence.end) {
      out.push(`${label}.sentence ${e.sentence.index} (${e.sentence.start}..${e.sentence.end}) is not that sentence of the document`);
    }
    e.actor.forEach((a, j) => out.push(...textSpanProblems(text, a, `${label}.actor[${j}]`)));
    e.recipient.forEach((r, j) => out.push(...textSpanProblems(text, r, `${label}.recipient[${j}]`)));
    if (e.location) out.push(...textSpanProblems(text, e.location, `${label}.location`));
    if (e.attribution.source) out.push(...textSpanProblems(text, e.attribution.source, `${label}.attribution.source`));
    if (e.attribution.cue) out.push(...textSpanProblems(text, e.attribution.cue, `${label}.attribution.cue`));
    if (!dateFits(e.date, e.date_precision)) out.push(`${label}.date ${JSON.stringify(e.date)} is not a ${e.date_precision} date`);
    if (!isRealis(e.realis)) out.push(`${label}.realis ${JSON.stringify(e.realis)} is not one of ${REALIS_VALUES.join(', ')}`);
    else if (e.negated !== (e.realis === 'negated')) out.push(`${label}.negated ${e.negated} disagrees with realis ${e.realis}`);
    out.push(...mentionProblems(doc, e, label));
  });
  return out;
}
