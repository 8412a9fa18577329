/**
 * Text from articles and file names reaching a terminal. A title or a path can
 * hold escape sequences (colours, cursor moves, a window title, a hyperlink),
 * C1 controls that some terminals obey as well, or bidi overrides that reorder
 * what the reader sees; printed raw they rewrite the screen. Human-readable
 * output shows each such character as a visible escape instead (`\x1b`,
 * `\u202e`), so nothing is lost and nothing is obeyed.
 */

/**
 * C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069). ESC (U+001B) is among the C0
 * controls: once it is shown as text, what followed it is plain text too.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One line's worth of text (a table cell, a title, a path): every control character shown, tab and newline too. */
export function printable(s: string): string {
  return s.replace(UNSAFE, visible);
}

/** A message that may span lines (an error with the help after it): tab and newline kept, every other control shown. */
export function printableLines(s: string): string {
  return s.replace(UNSAFE_KEEPING_LINES, visible);
}
