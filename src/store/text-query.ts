/**
 * `--text`: what a person types, made into a full-text query SQLite cannot
 * misread. FTS5 has its own syntax (operators, column filters, `*` and `^`
 * specials) in which ordinary text such as "Iraq's", "al-Qaeda" or a lone `*`
 * is an error; here every word is quoted, so it only ever means itself.
 */

/** The pieces of a search, as typed: each a phrase (one word or more, to appear as written) and whether it is a prefix. */
export function searchPieces(text: string): { words: string; prefix: boolean }[] {
  const pieces: { words: string; prefix: boolean }[] = [];
  for (const m of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const phrase = m[1] !== undefined;
    let words = phrase ? m[1] : m[0];
    const prefix = !phrase && words.endsWith('*');
    words = words.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    pieces.push({ words, prefix });
  }
  return pieces;
}

/**
 * The FTS5 query for a search: every word must appear; "a phrase in double
 * quotes" must appear as written; a word ending in `*` matches every word it
 * begins (`milit*`: militia, militants). Null when nothing searchable is left
 * (no letter or digit anywhere).
 */
export function ftsQuery(text: string): string | null {
  const pieces = searchPieces(text).map((p) => `"${p.words}"${p.prefix ? '*' : ''}`);
  return pieces.length ? pieces.join(' ') : null;
}

/**
 * The same search as a PostgreSQL tsquery over the 'simple' configuration (lower-cased words, no
 * stemming, as FTS5's unicode61 tokeniser): each phrase by phraseto_tsquery (its words in a row),
 * a prefix as a quoted lexeme with `:*`, all of them ANDed. Null when nothing searchable is left.
 */
export function tsQuery(text: string): { sql: string; params: string[] } | null {
  const pieces = searchPieces(text);
  if (pieces.length === 0) return null;
  const sql = pieces.map((p) => (p.prefix ? `to_tsquery('simple', ?)` : `phraseto_tsquery('simple', ?)`)).join(' && ');
  return { sql: `(${sql})`, params: pieces.map((p) => (p.prefix ? `'${p.words.replace(/'/g, "''").replace(/\\/g, '\\\\')}':*` : p.words)) };
}
