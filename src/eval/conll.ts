/**
 * Named-entity evaluation on CoNLL-format files (CoNLL-2003 eng.testa,
 * wikigold): entity-level exact-match precision, recall and F1 per type and
 * overall, the way conlleval counts them. IOB1 and IOB2 tags are both read.
 *
 * Each document's text is rebuilt from its tokens: tokens joined by one space,
 * one sentence a line. acta's entity spans are mapped onto the tokens they
 * cover and compared as token chunks (start token, end token, type).
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../doc/types.js';
import { analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, prf, skipped, type DatasetResult, type Prf, type RunOptions } from './common.js';

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export interface ConllDoc {
  /** Tokens of each sentence, and their gold tags. */
  sentences: Array<{ tokens: string[]; tags: string[] }>;
}

/**
 * Documents of a CoNLL file. `-DOCSTART-` lines separate documents; blank
 * lines separate sentences; the word is the first column and the NER tag the
 * last. Files with no -DOCSTART- form one document.
 */
export function readConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sent: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sent.tokens.length) doc.sentences.push(sent);
    sent = { tokens: [], tags: [] };
  };
  const endDoc = () => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') { endSentence(); continue; }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') { endDoc(); continue; }
    sent.tokens.push(cols[0]);
    sent.tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  endDoc();
  return docs;
}

/** A chunk: tokens [start, end] inclusive, counted over the whole document. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

function splitTag(tag: string): [string, string] {
  if (tag === 'O' || tag === '') return ['O', ''];
  const m = /^([BIES])-(.+)$/.exec(tag);
  return m ? [m[1], m[2]] : ['I', tag];
}

/** conlleval's endOfChunk: does a chunk end between the previous tag and this one? */
function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'E' || prevTag === 'S') return true;
  if (prevTag === 'B' && (tag === 'B' || tag === 'S' || tag === 'O')) return true;
  if (prevTag === 'I' && (tag === 'B' || tag === 'S' || tag === 'O')) return true;
  if (prevTag !== 'O' && prevType !== type) return true;
  return false;
}

/** conlleval's startOfChunk: does a chunk start at this tag? */
function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (tag === 'B' || tag === 'S') return true;
  if ((prevTag === 'E' || prevTag === 'S' || prevTag === 'O') && (tag === 'E' || tag === 'I')) return true;
  if (tag !== 'O' && prevType !== type) return true;
  return false;
}

/** Chunks of a tag sequence (IOB1, IOB2, IOBES), as conlleval finds them. */
export function chunksFromTags(tags: string[], offset = 0): Chunk[] {
  const out: Chunk[] = [];
  let prevTag = 'O';
  let prevType = '';
  let open: Chunk | null = null;
  tags.forEach((t, i) => {
    const [tag, type] = splitTag(t);
    if (open && endOfChunk(prevTag, tag, prevType, type)) {
      open.end = offset + i - 1;
      out.push(open);
      open = null;
    }
    if (startOfChunk(prevTag, tag, prevType, type)) open = { start: offset + i, end: offset + i, type };
    prevTag = tag;
    prevType = type;
  });
  if (open) {
    (open as Chunk).end = offset + tags.length - 1;
    out.push(open);
  }
  return out;
}

/** A document's text rebuilt from tokens, with each token's character span. */
export interface RebuiltText {
  text: string;
  tokenSpans: Array<{ start: number; end: number }>;
}

/** Tokens joined by single spaces, sentences by a line break. */
export function rebuildText(doc: ConllDoc): RebuiltText {
  const parts: string[] = [];
  const tokenSpans: Array<{ start: number; end: number }> = [];
  let pos = 0;
  doc.sentences.forEach((s, si) => {
    if (si > 0) { parts.push('\n'); pos += 1; }
    s.tokens.forEach((tok, ti) => {
      if (ti > 0) { parts.push(' '); pos += 1; }
      tokenSpans.push({ start: pos, end: pos + tok.length });
      parts.push(tok);
      pos += tok.length;
    });
  });
  return { text: parts.join(''), tokenSpans };
}

export function goldChunks(doc: ConllDoc): Chunk[] {
  const out: Chunk[] = [];
  let offset = 0;
  for (const s of doc.sentences) {
    out.push(...chunksFromTags(s.tags, offset));
    offset += s.tokens.length;
  }
  return out;
}

/**
 * Character spans mapped onto the tokens they touch: the first token ending
 * after the span's start to the last token starting before its end. Spans
 * touching no token are dropped; duplicates are kept once.
 */
export function spansToChunks(
  spans: Array<{ start: number; end: number; type: string }>,
  tokenSpans: Array<{ start: number; end: number }>,
): Chunk[] {
  const out: Chunk[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    let first = -1;
    let last = -1;
    for (let i = 0; i < tokenSpans.length; i++) {
      const t = tokenSpans[i];
      if (t.end > s.start && t.start < s.end) {
        if (first < 0) first = i;
        last = i;
      } else if (t.start >= s.end) break;
    }
    if (first < 0) continue;
    const key = `${first}:${last}:${s.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: first, end: last, type: s.type });
  }
  return out;
}

/** Running counts per type for conlleval-style scoring. */
export type ChunkCounts = Record<string, { tp: number; nPred: number; nGold: number }>;

export function countChunks(gold: Chunk[], pred: Chunk[], into: ChunkCounts = {}): ChunkCounts {
  const bump = (type: string) => (into[type] ??= { tp: 0, nPred: 0, nGold: 0 });
  const goldKeys = new Set(gold.map((c) => `${c.start}:${c.end}:${c.type}`));
  for (const c of gold) bump(c.type).nGold++;
  for (const c of pred) {
    const b = bump(c.type);
    b.nPred++;
    if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) b.tp++;
  }
  return into;
}

export interface NerScores {
  overall: Prf;
  perType: Record<string, Prf>;
}

export function scoreChunkCounts(counts: ChunkCounts): NerScores {
  let tp = 0, nPred = 0, nGold = 0;
  const perType: Record<string, Prf> = {};
  for (const [type, c] of Object.entries(counts)) {
    tp += c.tp; nPred += c.nPred; nGold += c.nGold;
    perType[type] = prf(c.tp, c.nPred, c.nGold);
  }
  return { overall: prf(tp, nPred, nGold), perType };
}

/** acta's named mentions (not nominal ones like "the court") as typed character spans. */
export function predictedEntitySpans(doc: Doc): Array<{ start: number; end: number; type: string }> {
  return (doc.entities ?? [])
    .filter((e) => !e.nominal)
    .map((e) => ({ start: e.start, end: e.end, type: e.type }));
}

/**
 * Documents bigger than this many tokens are cut into pieces (at sentence
 * boundaries) so no single analyze() call is huge; wikigold has no DOCSTART
 * inside long runs in some copies.
 */
const MAX_DOC_TOKENS = 2500;

export function splitLongDocs(docs: ConllDoc[]): ConllDoc[] {
  const out: ConllDoc[] = [];
  for (const d of docs) {
    let cur: ConllDoc = { sentences: [] };
    let n = 0;
    for (const s of d.sentences) {
      if (n > 0 && n + s.tokens.length > MAX_DOC_TOKENS) { out.push(cur); cur = { sentences: [] }; n = 0; }
      cur.sentences.push(s);
      n += s.tokens.length;
    }
    if (cur.sentences.length) out.push(cur);
  }
  return out;
}

export async function evaluateConllFile(dataset: string, rel: string, opts: RunOptions): Promise<DatasetResult> {
  const path = evalPath(rel, opts.env);
  if (!path) return skipped(dataset, `gold file ${rel} not found under ACTA_SHARED/eval`);
  const t0 = performance.now();
  const analyze = await loadAnalyzer();
  const docs = capped(splitLongDocs(readConll(readFileSync(path, 'utf8'))), opts.limit);
  const counts: ChunkCounts = {};
  let tokens = 0;
  const failures = newFailures();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const rebuilt = rebuildText(d);
    tokens += rebuilt.tokenSpans.length;
    const out = await analyzeSafely(analyze, { text: rebuilt.text, id: `${dataset}-${i}`, published: null }, failures);
    countChunks(goldChunks(d), out ? spansToChunks(predictedEntitySpans(out), rebuilt.tokenSpans) : [], counts);
  }
  const s = scoreChunkCounts(counts);
  const metrics: Record<string, number | null> = {
    precision: s.overall.precision, recall: s.overall.recall, f1: s.overall.f1,
  };
  for (const t of NER_TYPES) metrics[`f1_${t}`] = s.perType[t]?.f1 ?? null;
  return {
    dataset, system: 'acta', status: 'ok', n: docs.length, seconds: (performance.now() - t0) / 1000, metrics,
    details: { failures, tokens, overall: s.overall, perType: s.perType },
  };
}
