/**
 * Spelling features of one word: its shape ("Xxxx", "XX", "dd-dd"), the short
 * shape with repeats collapsed ("Xx"), and capitalisation tests. Pure and cheap:
 * the tagger calls them for every token.
 */

/** Character classes: X upper, x lower, d digit; any other character stands for itself. */
export function wordShape(word: string): string {
  let out = '';
  const n = Math.min(word.length, 12);
  for (let i = 0; i < n; i++) {
    const c = word[i];
    if (c >= '0' && c <= '9') out += 'd';
    else if (c !== c.toLowerCase()) out += 'X';
    else if (c !== c.toUpperCase()) out += 'x';
    else out += c;
  }
  if (word.length > n) out += '~';
  return out;
}

/** The shape with runs of one class collapsed: "Xxxxx" → "Xx", "d,ddd.dd" → "d,d.d". */
export function shortShape(word: string): string {
  const full = wordShape(word);
  let out = '';
  for (let i = 0; i < full.length; i++) {
    const c = full[i];
    if (c === '~') continue;
    if (out.length === 0 || out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Starts with an upper-case letter ("Nairobi", "UN", "McDonald"). */
export function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase();
}

/** Has letters and no lower-case letter ("NATO", "U.S.", "BRUSSELS"). */
export function isAllCaps(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** Whether every word with letters in a sentence is written in capitals: a headline. */
export function isCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (w === w.toLowerCase() && w === w.toUpperCase()) continue;
    if (w !== w.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}
