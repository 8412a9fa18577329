/**
 * Cells of delimited text (CSV, TSV) written from article text. Names and sentences come from
 * articles nobody vetted, so a cell that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is neutralised with a leading apostrophe, as OWASP advises;
 * a plain number ("-6.5") is left as it is.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** The text with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; formulas neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = neutraliseFormula(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(',') + '\n';

/**
 * A TSV cell as GDELT's files have them: no quoting exists, so tabs and line breaks inside the
 * text become spaces, and control characters are dropped; formulas neutralised.
 */
export function tsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex
  const s = String(value).replace(/[\t\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  return neutraliseFormula(s);
}

export const tsvRow = (cells: (string | number | null | undefined)[]) => cells.map(tsvCell).join('\t') + '\n';
