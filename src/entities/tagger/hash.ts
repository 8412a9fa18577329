/**
 * Feature keys as 32-bit hashes. Building a string per feature and looking it
 * up in a Map costs more than the rest of tagging together; instead each word
 * form is hashed once and a feature's key is its template's hash mixed with the
 * hashes of its parts. Distinct features can share a key (the hashing trick);
 * with a few hundred thousand features that happens rarely and does no harm.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** One more code unit into an FNV-1a hash (prefix hashes grow this way). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export const HASH_START = FNV_OFFSET | 0;

/** Combine two hashes, order-sensitive (murmur3 finaliser over the pair). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae3d);
  h ^= h >>> 16;
  return h;
}

/**
 * Open-addressing table from 32-bit keys to rows: what the shipped model looks
 * features up in. Key 0 marks an empty slot, so a key of 0 is stored as 1.
 */
export class KeyIndex {
  private keys: Int32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 16) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key;
    let i = mix(k, 0x2545f491) & this.mask;
    for (;;) {
      const at = this.keys[i];
      if (at === k) return this.rows[i];
      if (at === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const k = key === 0 ? 1 : key;
    let i = mix(k, 0x2545f491) & this.mask;
    for (;;) {
      const at = this.keys[i];
      if (at === k) { this.rows[i] = row; return; }
      if (at === 0) { this.keys[i] = k; this.rows[i] = row; this.size++; return; }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const rows = this.rows;
    this.keys = new Int32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i], rows[i]);
  }
}
