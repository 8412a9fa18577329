/**
 * wink-nlp's tokenizer knows letters up to Latin-1 only: it cuts "Erdoğan" into Erdo | ğ | an,
 * "Łódź" into Ł | ód | ź. These helpers let segment() put such words back together: two tokens
 * with nothing between them join when both are words (letters, with apostrophes or hyphens
 * inside) and one of them holds a letter beyond Latin-1, so wink's own cuts ("can|not",
 * "do|n't", "Ankara|-|based") stand.
 */

/** 1 where a UTF-16 code unit (BMP) is a letter or a combining mark; built once. */
let letters: Uint8Array | null = null;

function letterTable(): Uint8Array {
  if (letters) return letters;
  const table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: astral characters are left as wink has them
    if (re.test(String.fromCharCode(c))) table[c] = 1;
  }
  letters = table;
  return table;
}

/** Not a word. */
export const NO_WORD = 0;
/** A word in letters wink knows (Latin-1). */
export const LATIN1_WORD = 1;
/** A word with a letter beyond Latin-1. */
export const WIDE_WORD = 2;

const isInner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d; // ' ’ -

/**
 * What kind of word `text[start, end)` is: NO_WORD unless every character is a letter (or a
 * combining mark), apostrophes and hyphens allowed only between letters; WIDE_WORD when one of
 * the letters lies beyond Latin-1.
 */
export function wordKind(text: string, start: number, end: number): number {
  if (end <= start) return NO_WORD;
  const table = letterTable();
  let wide = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (table[c] === 1) { if (c > 0xff) wide = true; continue; }
    if (isInner(c) && k > start && k < end - 1 && table[text.charCodeAt(k - 1)] === 1 && table[text.charCodeAt(k + 1)] === 1) continue;
    return NO_WORD;
  }
  return wide ? WIDE_WORD : LATIN1_WORD;
}

/** Does a word begin with a capital letter (one that has a lower case of its own)? */
export function capitalised(text: string, start: number): boolean {
  const ch = text[start];
  return ch !== undefined && ch !== ch.toLowerCase();
}

/** Open word classes a joined word may keep from its first piece. */
const OPEN_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

/**
 * The part of speech of a word wink could not read whole (joined from pieces, or all in a
 * script it lacks, tagged X): a capitalised one is a proper noun ("Erdoğan", "Şibenik",
 * "Ağrı", which wink's first piece calls a determiner); a lower-case one keeps its first
 * piece's open class, else is a noun.
 */
export function wordPos(text: string, start: number, firstPos: string): string {
  if (capitalised(text, start)) return 'PROPN';
  return OPEN_POS.has(firstPos) ? firstPos : 'NOUN';
}
