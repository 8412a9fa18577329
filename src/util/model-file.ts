/**
 * The shipped models (data/*.bin.gz) as the bytes they hold, read without gunzip at start-up.
 *
 * The .bin.gz files are what the project ships, commits and retrains (CI compares a retrain
 * with them). Unpacking them was a tenth of a small run's start, so `npm run build` also writes
 * each one unpacked beside this module's folder (dist/models/NAME.bin), behind a copy of the
 * gzip trailer of the file it came from (CRC-32 and length of the unpacked bytes). A start reads
 * the unpacked file when its trailer is the one the .bin.gz ends with now; otherwise (a retrained
 * model not yet rebuilt, a bare `tsc` build) it unpacks the .bin.gz as before.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { dataPath } from './data.js';

/** The models kept unpacked (the files under data/). */
export const PACKED_MODELS = ['ner-model.bin.gz', 'parser-model.bin.gz', 'attribution-model.bin.gz'] as const;

/** dist/models/: the unpacked copies. */
export const UNPACKED_DIR = fileURLToPath(new URL('../models/', import.meta.url));

const TRAILER = 8;

/** The unpacked copy's path for a model file name. */
export function unpackedPath(name: string, dir = UNPACKED_DIR): string {
  return join(dir, name.replace(/\.gz$/, ''));
}

/** The last 8 bytes of a gzip file: CRC-32 and length (mod 2^32) of what it unpacks to. */
function gzipTrailer(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = Buffer.alloc(TRAILER);
    if (size >= TRAILER) readSync(fd, out, 0, TRAILER, size - TRAILER);
    return out;
  } finally {
    closeSync(fd);
  }
}

/** The unpacked bytes of a packed model: its unpacked copy when that is current, else gunzip. */
export function readModelBytes(packedPath: string, unpacked = unpackedPath(packedPath.split(/[\\/]/).pop()!)): Buffer {
  if (existsSync(unpacked)) {
    const copy = readFileSync(unpacked);
    const trailer = gzipTrailer(packedPath);
    if (copy.length >= TRAILER && copy.subarray(0, TRAILER).equals(trailer) && (copy.length - TRAILER) % 2 ** 32 === trailer.readUInt32LE(4)) {
      return copy.subarray(TRAILER);
    }
  }
  return gunzipSync(readFileSync(packedPath));
}

/** The unpacked bytes of a model shipped under data/. */
export function shippedModelBytes(name: string): Buffer {
  return readModelBytes(dataPath(name));
}

/** Write the unpacked copy of a packed model (`npm run build`). */
export function writeUnpacked(packedPath: string, unpacked = unpackedPath(packedPath.split(/[\\/]/).pop()!)): void {
  mkdirSync(join(unpacked, '..'), { recursive: true });
  writeFileSync(unpacked, Buffer.concat([gzipTrailer(packedPath), gunzipSync(readFileSync(packedPath))]));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** n little-endian 32-bit integers from `at`, copied at once on a little-endian machine. */
export function int32sLE(bytes: Buffer, at: number, n: number): Int32Array {
  const out = new Int32Array(n);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes.subarray(at, at + n * 4));
  else for (let i = 0; i < n; i++) out[i] = bytes.readInt32LE(at + i * 4);
  return out;
}

/** n little-endian 16-bit integers from `at`, copied at once on a little-endian machine. */
export function int16sLE(bytes: Buffer, at: number, n: number): Int16Array {
  const out = new Int16Array(n);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes.subarray(at, at + n * 2));
  else for (let i = 0; i < n; i++) out[i] = bytes.readInt16LE(at + i * 2);
  return out;
}
