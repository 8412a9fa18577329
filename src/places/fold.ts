/**
 * Name folding for place and country lookups. Two spellings that news writes
 * for the same place should fold to the same key: "Sāmarrā’" = "Samarra",
 * "Al Muthanna" = "al-Muthanna" = "Muthanna", "the United States" = "United States".
 */

/** Apostrophes, Arabic transliteration marks (ʿayn, hamza) and quotes that spellings drop. */
const DROPPED_MARKS = /['’‘ʼʻʿʾ`´"“”]/g;
/** Leading articles: English "the", Arabic "al"/"el" and its assimilated forms ("ad-", "as-", "ash-"). */
const LEADING_ARTICLE = /^(?:the |(?:al|el|ad|ar|as|ash|at|az|an|adh|ath|dh)(?: -| ))(?=\S)/;

const LEADING_SPACED_ARTICLE = /^(?:the|al|el|ad|ar|as|ash|at|az|an|adh|ath|dh) (?=\S)/;

/** Abbreviated generic words in names, spelled out: "St. Petersburg" = "Saint Petersburg", "Ft. Worth". */
const NAME_ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'point' };
const ABBREVIATED_WORD = /(?<=^| )(?:st|ste|mt|ft|pt)(?= )/g;
const HAS_ABBREVIATED_WORD = /\b(?:st|ste|mt|ft|pt) /;

function spellOut(folded: string): string {
  // The cheap test first: most names hold no such word, and this runs for every gazetteer name.
  return HAS_ABBREVIATED_WORD.test(folded) ? folded.replace(ABBREVIATED_WORD, (w) => NAME_ABBREVIATIONS[w]) : folded;
}

/** The last name folded and its fold: callers often fold one name twice in a row (a place, then a country). */
let lastName = '';
let lastFolded = '';

/** Lower case, no diacritics, no apostrophes, hyphens and dots as spaces, no leading article. */
export function foldName(s: string): string {
  if (s === lastName) return lastFolded;
  const folded = foldAnew(s);
  lastName = s;
  lastFolded = folded;
  return folded;
}

function foldAnew(s: string): string {
  // Fast path for plain ASCII names (most gazetteer names): nothing to strip but an article.
  if (/^[A-Za-z ]*$/.test(s)) {
    const lower = s.toLowerCase().replace(/\s+/g, ' ').trim();
    return spellOut(lower.replace(LEADING_SPACED_ARTICLE, ''));
  }
  let f = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Letters NFD does not decompose.
  f = f.replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/œ/g, 'oe')
    .replace(/ł/g, 'l').replace(/đ/g, 'd').replace(/ı/g, 'i').replace(/þ/g, 'th');
  f = f.replace(DROPPED_MARKS, '');
  // Keep a marker for article hyphens so "al-Anbar" and "al Anbar" both strip.
  f = f.replace(/\s*[-‐‑–—]\s*/g, ' -').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  // Articles may be stacked on a name only once; strip one.
  f = f.replace(LEADING_ARTICLE, '');
  return spellOut(f.replace(/ ?-/g, ' ').replace(/\s+/g, ' ').trim());
}

/** True when every letter of s is upper case and it has at least one ("US", "U.S.", "UAE"). */
export function isAllCaps(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toUpperCase();
}

/**
 * A looser key for transliterated names, where English spellings differ by a
 * final h, a doubled letter, "ou"/"u", "iy"/"i", "q"/"k" or "ee"/"i":
 * "Basrah" ~ "Basra", "Daraa" ~ "Dar'a", "Tartous" ~ "Tartus", "Qandahar" ~ "Kandahar".
 * Applied to a folded name.
 */
export function looseKey(folded: string): string {
  return folded
    .replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/iy/g, 'i').replace(/q/g, 'k')
    .replace(/(?<=[a-z])h\b/g, '').replace(/([a-z])\1+/g, '$1')
    .replace(/ /g, '');
}
