/**
 * Reading inputs from disk and stdin: files, directories (recursively) and
 * `-`. Every input yields its articles or a one-line problem naming it; one
 * bad input never stops the others.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { problem, type IngestOptions } from './common.js';
import { ingestHtml } from './html.js';
import { JSONL_LINE_END, ingestJson, jsonlItems } from './jsonl.js';
import { ingestText } from './text.js';

/**
 * The largest input read, per file (and for stdin): 20 MiB. A news article
 * is a few kilobytes and a JSONL batch of thousands of them fits easily; a
 * larger file is more likely a dump or a mistake, and reading it whole would
 * hold it all in memory. Split big batches into several files.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type InputKind = 'text' | 'html' | 'jsonl' | 'json';

/**
 * The encodings an input may be read in (`--encoding`): UTF-8, and the
 * single-byte Western encoding older news archives use. "latin1" is read as
 * windows-1252, as the WHATWG Encoding standard (and every browser) does: the
 * files called Latin-1 hold Windows' curly quotes and dashes in 0x80–0x9F,
 * where ISO 8859-1 has only unprintable C1 controls.
 */
export const INPUT_ENCODINGS = ['utf8', 'latin1', 'windows-1252'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/**
 * What windows-1252 puts at 0x80–0x9F (Unicode's published mapping, code
 * points in order); the five bytes it leaves unassigned keep their own value,
 * as in the WHATWG index. Node 20's TextDecoder reads these bytes as C1
 * controls, so the table is applied here.
 */
const WINDOWS_1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Bytes in windows-1252 (each byte one character) as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]));
}

export interface ReadOptions extends IngestOptions {
  /** Per-input size limit in bytes; MAX_INPUT_BYTES when absent. */
  maxBytes?: number;
  /** What `-` reads; process.stdin when absent (tests pass a Buffer). */
  stdin?: AsyncIterable<Buffer | string> | Buffer | string;
  /** How inputs without a byte order mark are decoded; utf8 when absent. */
  encoding?: InputEncoding;
}

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.json': 'json',
};

/** Files a directory walk passes over in silence: clearly not articles. */
const NOT_ARTICLES = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.ico', '.bmp', '.tif', '.tiff', '.pdf',
  '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.tar', '.rar', '.db', '.sqlite', '.sqlite3',
  '.db-wal', '.db-shm', '.wal', '.shm', '.exe', '.dll', '.so', '.dylib', '.o', '.class', '.jar',
  '.mp3', '.mp4', '.mov', '.avi', '.wav', '.ogg', '.woff', '.woff2', '.ttf', '.otf', '.css',
  '.js', '.mjs', '.cjs', '.ts', '.map', '.lock', '.pyc',
]);

/** The kind an extension names, or null to sniff the content. */
export function kindFromExtension(path: string): InputKind | null {
  return KIND_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** Guess the kind from the content: HTML if it starts with `<`, JSON lines if its first line is a JSON object. */
export function sniffKind(content: string): InputKind {
  const s = content.trimStart();
  if (s.startsWith('<')) return 'html';
  if (s.startsWith('[')) return 'json';
  if (s.startsWith('{')) {
    const first = s.split(JSONL_LINE_END, 1)[0];
    try {
      JSON.parse(first);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  return 'text';
}

/** Index of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line number (1-based) of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Control bytes other than tab, newlines, form feed and escape: text has next to none. */
function controlByteShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) count++;
  }
  return n === 0 ? 0 : count / n;
}

/** More than this share of control bytes and the input is binary, not text. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Bytes to text: UTF-8 (a BOM is stripped) or UTF-16 with a BOM, or the
 * single-byte encoding asked for. Invalid UTF-8, binary data or an empty input
 * is a problem naming the input.
 */
export function decodeInput(bytes: Uint8Array, origin: string, encoding: InputEncoding = 'utf8'): string | InputProblem {
  if (bytes.length === 0) return problem(origin, null, 'empty file');
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
      return text.trim() === '' ? problem(origin, null, 'empty file') : text;
    } catch {
      return problem(origin, null, `not valid ${utf16.toUpperCase()} despite its byte order mark`);
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return problem(origin, lineOfByte(bytes, nul), 'binary file (NUL bytes), not text');
  if (controlByteShare(bytes) > MAX_CONTROL_SHARE) return problem(origin, null, 'binary file (control characters), not text');
  let text: string;
  if (encoding !== 'utf8') {
    text = decodeWindows1252(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      return problem(origin, at >= 0 ? lineOfByte(bytes, at) : null,
        `not valid UTF-8${at >= 0 ? ` (byte ${at})` : ''}; if it is Latin-1 or Windows-1252, read it with --encoding latin1`);
    }
  }
  if (text.trim() === '') return problem(origin, null, 'empty file');
  return text;
}

/** Ingest decoded content of a known kind. */
export function ingestContent(content: string, kind: InputKind, origin: string, opts: IngestOptions = {}): Iterable<IngestedArticle | InputProblem> {
  switch (kind) {
    case 'text': return [ingestText(content, origin, opts)];
    case 'html': return [ingestHtml(content, origin, opts)];
    // A batch is ingested line by line as the analysis asks for articles.
    case 'jsonl': return jsonlItems(content, origin, opts);
    case 'json': return ingestJson(content, origin, opts);
  }
}

/** Per-file options: a batch's own fields say which article is which, so a shared id or title makes no sense. */
function fileOptions(opts: ReadOptions): IngestOptions {
  return { published: opts.published, source: opts.source, url: opts.url };
}

async function readStdin(opts: ReadOptions, limit: number): Promise<Buffer | InputProblem> {
  const src = opts.stdin ?? process.stdin;
  if (typeof src === 'string' || Buffer.isBuffer(src)) {
    const b = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
    return b.length > limit ? problem('-', null, `input larger than the ${limit}-byte limit`) : b;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of src) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size > limit) return problem('-', null, `input larger than the ${limit}-byte limit`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function errorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.message ?? String(err);
}

/** Read one file: limits, decoding, then ingest by extension (or by sniffing). */
async function readOneFile(path: string, size: number, opts: ReadOptions): Promise<Iterable<IngestedArticle | InputProblem>> {
  const limit = opts.maxBytes ?? MAX_INPUT_BYTES;
  if (size > limit) return [problem(path, null, `file is ${size} bytes, over the ${limit}-byte limit (MAX_INPUT_BYTES)`)];
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return [problem(path, null, errorMessage(err))];
  }
  const content = decodeInput(bytes, path, opts.encoding);
  if (typeof content !== 'string') return [content];
  return ingestContent(content, kindFromExtension(path) ?? sniffKind(content), path, fileOptions(opts));
}

/** Files under a directory, sorted, recursively; hidden entries, node_modules and files that are no articles (NOT_ARTICLES) left out. */
export async function* walk(dir: string): AsyncGenerator<{ path: string; size: number } | InputProblem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield problem(dir, null, errorMessage(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() || e.isSymbolicLink()) {
      if (NOT_ARTICLES.has(extname(e.name).toLowerCase())) continue;
      try {
        const s = await stat(path);
        if (s.isFile()) yield { path, size: s.size };
      } catch (err) {
        yield problem(path, null, errorMessage(err));
      }
    }
  }
}

/**
 * Every article (or problem) in the given inputs, in order: files, directories
 * (recursively; hidden files and node_modules skipped, non-article files such
 * as images passed over) and `-` for stdin.
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<IngestedArticle | InputProblem> {
  const limit = opts.maxBytes ?? MAX_INPUT_BYTES;
  for (const path of paths) {
    if (path === '-') {
      const bytes = await readStdin(opts, limit);
      if (!Buffer.isBuffer(bytes)) { yield bytes; continue; }
      const content = decodeInput(bytes, '-', opts.encoding);
      if (typeof content !== 'string') { yield content; continue; }
      yield* ingestContent(content, sniffKind(content), '-', fileOptions(opts));
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      yield problem(path, null, errorMessage(err));
      continue;
    }
    if (info.isDirectory()) {
      let any = false;
      for await (const f of walk(path)) {
        any = true;
        if ('message' in f) yield f;
        else yield* await readOneFile(f.path, f.size, opts);
      }
      if (!any) yield problem(path, null, 'directory holds no input files');
    } else if (info.isFile()) {
      yield* await readOneFile(path, info.size, opts);
    } else {
      yield problem(path, null, 'not a regular file or directory');
    }
  }
}

/**
 * How many articles the inputs hold, when that is known without reading them:
 * one per text or HTML file. Null when an input may hold many (stdin, a JSONL
 * or JSON batch) or cannot be looked at. For a progress line's time left.
 */
export async function countArticleFiles(paths: string[]): Promise<number | null> {
  let n = 0;
  const oneArticle = (path: string) => {
    const kind = kindFromExtension(path);
    return kind === 'text' || kind === 'html';
  };
  for (const path of paths) {
    if (path === '-') return null;
    let info;
    try { info = await stat(path); } catch { return null; }
    if (info.isDirectory()) {
      for await (const f of walk(path)) {
        if ('message' in f || !oneArticle(f.path)) return null;
        n++;
      }
    } else if (oneArticle(path)) n++;
    else return null;
  }
  return n;
}
