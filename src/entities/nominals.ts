/**
 * Nominal mentions: participants named by what they are, not who — "protesters",
 * "security forces", "a Baghdad court", "Iraqi officials", "the parliament".
 * They are actors for events but not named entities, so `analyze` lists them
 * apart (nominal: true) and NER scoring ignores them.
 */
import type { Token } from '../doc/types.js';
import type { Lexicon, RoleMatch } from './lexicon.js';

export interface NominalHit {
  /** Token range [first, last] of the whole phrase incl. its modifier. */
  first: number;
  last: number;
  role: RoleMatch;
  /** Country from a modifier: demonym, country, or place ("a Baghdad court"). */
  country: string | null;
}

/** Words that end a nominal's modifier search (we do not look past them). */
const STOP = new Set([',', ';', ':', '(', ')', '“', '”', '"', '.', 'and', 'or', 'but', 'that', 'which', 'who']);

/**
 * "Humanitarian access …", "Military spending …": a capitalised one-word role (token i) that only
 * modifies the lower-case noun after it — no role word itself — is an adjective, not a participant.
 */
export function modifiesNextNoun(text: string, tokens: Token[], i: number, to: number, lex: Lexicon): boolean {
  if (/s$/.test(tokens[i].normal) || i + 1 >= to || tokens[i + 1].pos !== 'NOUN') return false;
  if (!/^\p{Ll}/u.test(text.slice(tokens[i + 1].start, tokens[i + 1].end))) return false;
  return !lex.roleAt(tokens.slice(i + 1, Math.min(to, i + 6)).map((t) => t.normal), 0);
}

/**
 * Find role-word phrases in tokens[from, to) that are not inside a name run
 * (`taken[i]` is true for tokens already inside a named mention).
 */
export function findNominals(text: string, tokens: Token[], from: number, to: number, taken: boolean[], lex: Lexicon, placeCountry: (s: string) => string | null): NominalHit[] {
  // The sentence's words only (role phrases may not run past its end), made once per sentence.
  // (Indexed from `from`: an array as long as the document, per sentence, made the stage quadratic.)
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(tokens[k].normal);
  const lower = (k: number): string | undefined => words[k - from];
  const hits: NominalHit[] = [];
  let i = from;
  while (i < to) {
    if (taken[i]) { i++; continue; }
    const role = lex.roleAt(words, i - from);
    if (!role || (tokens[i].pos !== 'NOUN' && tokens[i].pos !== 'PROPN' && role.length === 1)) { i++; continue; }
    if (role.length === 1 && tokens[i].pos === 'PROPN' && modifiesNextNoun(text, tokens, i, to, lex)) { i++; continue; }
    // "An official Iranian newspaper", "the official Syrian news agency": a role word before a
    // demonym and another role is that role's modifier.
    if (role.length === 1 && !/s$/.test(lower(i)!) && i + 2 < to && lex.countryByDemonym(text.slice(tokens[i + 1].start, tokens[i + 1].end)) && lex.roleAt(words, i + 2 - from)) { i++; continue; }
    const end = i + role.length - 1;
    if ([...Array(role.length).keys()].some((k) => taken[i + k])) { i++; continue; }
    // Look left for a modifier: "Iraqi officials", "US troops", "the Iraqi parliament", "a Baghdad court", "Iraq's parliament".
    let first = i;
    let country: string | null = null;
    for (let k = i - 1; k >= Math.max(from, i - 3); k--) {
      const w = text.slice(tokens[k].start, tokens[k].end);
      if (STOP.has(w.toLowerCase())) break;
      if (w === '’s' || w === "'s") continue;
      // A name before the role is read whole, or by its leading word: "a New York court", "the
      // Darlington Council spokesman", "the UK Independence Party leader" (GBR, not Independence, Missouri).
      let at = k;
      let c: string | null;
      if (taken[k]) {
        while (at - 1 >= from && taken[at - 1]) at--;
        const run = text.slice(tokens[at].start, tokens[k].end);
        const lead = text.slice(tokens[at].start, tokens[at].end);
        // (A country word first, even a leading one: "UK" before "UK Independence" as a town.)
        c = lex.countryByDemonym(run) ?? lex.countryByName(run)
          ?? (at < k ? lex.countryByDemonym(lead) ?? lex.countryByName(lead) : null)
          ?? placeCountry(run) ?? (at < k ? placeCountry(lead) : null);
        if (!c) break;
      } else {
        c = lex.countryByDemonym(w) ?? lex.countryByName(w) ?? (/^\p{Lu}/u.test(w) ? placeCountry(w) : null);
      }
      // "ethnic Albanian guerrillas": an ethnic group, not the demonym's state; where it lives says more.
      if (c && at > from && lower(at - 1) === 'ethnic') { first = at - 1; break; }
      if (c) { country = c; first = at; break; }
      // "US-led forces", "Iranian-backed militia": the country before the hyphenated participle.
      if (lex.compoundOwnsForces(w) === true && k >= 2 && text.slice(tokens[k - 1].start, tokens[k - 1].end) === '-') {
        const owner = text.slice(tokens[k - 2].start, tokens[k - 2].end);
        const oc = lex.countryByName(owner) ?? lex.countryByDemonym(owner);
        if (oc) { country = oc; first = k - 2; break; }
      }
      if (!['DET', 'ADJ', 'NOUN', 'PART', 'PROPN', 'NUM'].includes(tokens[k].pos)) break;
    }
    // "forces of Iraq", "police in Baghdad", "rebels in the Ivory Coast" — country after the role word.
    // ("from" is not nationality: "forces from Iraq" are leaving it.)
    // ("guerrillas operating in Macedonia", "Kurds living in Syria" too.)
    const lives = end + 3 < to && ['operating', 'living', 'based', 'fighting'].includes(lower(end + 1)!) && lower(end + 2) === 'in' ? 1 : 0;
    if (!country && end + 2 + lives < to && ['of', 'in'].includes(lower(end + 1 + lives)!)) {
      let k = end + 2 + lives;
      if (lower(k) === 'the') k++;
      const words: string[] = [];
      while (k < to && words.length < 3 && /^\p{Lu}/u.test(text.slice(tokens[k].start, tokens[k].end))) words.push(text.slice(tokens[k].start, tokens[k++].end));
      // Longest first: "Ivory Coast" before "Ivory".
      for (let n = words.length; n > 0 && !country; n--) {
        const w = words.slice(0, n).join(' ');
        country = lex.countryByName(w) ?? placeCountry(w);
      }
      // The place stays its own mention; only its country is borrowed.
    }
    hits.push({ first, last: end, role, country });
    i = i + role.length;
  }
  return hits;
}
