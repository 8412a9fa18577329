/**
 * `--text`: what a person types, made into a full-text query SQLite cannot
 * misread. FTS5 has its own syntax (operators, column filters, `*` and `^`
 * specials) in which ordinary text such as "Iraq's", "al-Qaeda" or a lone `*`
 * is an error; here every word is quoted, so it only ever means itself.
 */

/**
 * The FTS5 query for a search: every word must appear; "a phrase in double
 * quotes" must appear as written; a word ending in `*` matches every word it
 * begins (`milit*`: militia, militants). Null when nothing searchable is left
 * (no letter or digit anywhere).
 */
export function ftsQuery(text: string): string | null {
  const pieces: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const phrase = m[1] !== undefined;
    let words = phrase ? m[1] : m[0];
    const prefix = !phrase && words.endsWith('*');
    words = words.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    pieces.push(`"${words}"${prefix ? '*' : ''}`);
  }
  return pieces.length ? pieces.join(' ') : null;
}
