/**
 * The country a story is told from, and the unqualified national bodies that belong to it.
 *
 * Reporters qualify a foreign government, army or minister ("the Iranian government", "Israeli
 * troops", "Syrian Foreign Minister X") and leave the story's own ones bare ("the government",
 * "police", "Defence Secretary X", "the House"). An analyst reads a bare one as the story's
 * country: the country of the wire dateline ("KUWAIT, June 2 - …") when the article speaks of it,
 * else the country it names far more often than any other. Where no country stands out (a
 * regional bureau's report on two neighbours at war), nothing is guessed.
 *
 * A bare body is given the story's country only where its own sentence, and the one before it,
 * name no place of another country ("police in Kashmir", then "Police said …" are India's).
 */
import type { EntityMention } from '../doc/types.js';
import { frontsOtherCompound, isSocietySector, isStateOffice, splitCompound } from './knowledge.js';
import { loadTsv } from '../util/data.js';

let foreignWords: Set<string> | null = null;
/** Words that say a described body is not the story country's own (data/foreign-words.tsv). */
export function saysForeign(description: string): boolean {
  foreignWords ??= new Set(loadTsv('foreign-words.tsv').map((r) => r.word));
  const words = description.toLowerCase().split(/[^\p{L}-]+/u);
  return words.some((w, i) => foreignWords!.has(w) && !(w === 'foreign' && PORTFOLIO.has(words[i + 1])));
}

/** "Foreign" names a portfolio, not a stranger, before these: "the Foreign Ministry", "foreign secretary". */
const PORTFOLIO = new Set(['minister', 'ministers', 'ministry', 'ministries', 'secretary', 'secretaries', 'office', 'affairs', 'undersecretary',
  'under-secretary', 'policy', 'service', 'relations', 'trade', 'intelligence'])

/** The months a wire dateline writes, full or abbreviated ("June 2", "Feb 26", "Sept. 3"). */
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** After a dateline's town: an optional ", June 2" or ", Ohio", an optional "(Reuters)", then a dash. */
const DATELINE_TAIL = new RegExp(`^\\s*(?:,\\s*(?:${MONTH}\\s+\\d{1,2}|[A-Z][A-Za-z.]*(?:\\s[A-Z][A-Za-z.]*)?)\\s*)?(?:\\([A-Za-z ]+\\)\\s*)?(?:-{1,2}|–|—)\\s`);

/** How far into the text a dateline may stand (after a headline of a line or two). */
const DATELINE_REACH = 400;

/** Is the place mention a wire dateline: it opens a line near the top, in capitals, and a dash follows? */
export function isDatelinePlace(text: string, m: EntityMention): boolean {
  if (m.type !== 'LOC' || m.start > DATELINE_REACH || !/^[\p{Lu}][\p{Lu}\s.'’-]*$/u.test(m.text)) return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  if (text.slice(lineStart, m.start).trim() !== '') return false;
  return DATELINE_TAIL.test(text.slice(m.end, m.end + 40));
}

/** Sectors of a country's own politics, which a report names bare for its own country. */
export function isNationalPolitics(sector: string | null): boolean {
  return isStateOffice(sector) || sector === 'PTY' || sector === 'OPP' || sector === 'ELI' || sector === 'UIS';
}

/** People of society who come from elsewhere by what they are: aid workers, refugees. */
const FROM_ELSEWHERE = new Set(['DEV', 'REF']);

/** Sectors of a country's own people ("the men", "demonstrators", "workers"), not of aid workers or refugees. */
export function livesAtHome(sector: string | null): boolean {
  return isSocietySector(sector) && !FROM_ELSEWHERE.has(sector!);
}

/** How many times a leading country must outnumber the next for the story to be its. */
const LEAD_RATIO = 2;
/** The fewest mentions a country needs to be a story's. */
const MIN_MENTIONS = 3;
/** A dateline's country is the story's if the article names it at least this share of the leader's count. */
const DATELINE_SHARE = 1 / 3;

/**
 * The story's country: the dateline's, when the article names that country at least a third as
 * often as the country it names most (a London bureau's report on the Gulf war is not
 * Britain's); else the most named country, when it is named at least twice as often as the next.
 * Counted over named mentions (places, people, organisations, demonyms) with a country, not over
 * descriptions or compounds that name a backer ("US-led").
 */
export function storyCountry(text: string, mentions: readonly EntityMention[], countryOf: (m: EntityMention) => string | null): string | null {
  const counts = new Map<string, number>();
  let dateline: string | null = null;
  for (const m of mentions) {
    if (m.nominal || m.evidence === 'nominal' || m.evidence === 'pronoun' || splitCompound(m.text) || frontsOtherCompound(text, m.end)) continue;
    const c = countryOf(m);
    if (!c) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (dateline === null && isDatelinePlace(text, m)) dateline = c;
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ranked.length === 0) return null;
  const [top, n] = ranked[0];
  if (dateline && (counts.get(dateline) ?? 0) >= Math.max(2, n * DATELINE_SHARE)) return dateline;
  const second = ranked[1]?.[1] ?? 0;
  return n >= MIN_MENTIONS && n >= LEAD_RATIO * second ? top : null;
}

/**
 * The countries of the places each sentence names (after a preposition too: "in Kashmir"), by
 * sentence index.
 */
export function placeCountriesBySentence(mentions: readonly EntityMention[], countryOf: (m: EntityMention) => string | null): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || m.nominal || m.evidence === 'nominal' || m.evidence === 'pronoun') continue;
    const c = countryOf(m);
    if (!c) continue;
    const set = out.get(m.sentence) ?? new Set<string>();
    set.add(c);
    out.set(m.sentence, set);
  }
  return out;
}

/**
 * Whether a bare body in `sentence` may be the story country's: neither it nor the sentence
 * before names a place of another country.
 */
export function storyHolds(story: string, sentence: number, places: Map<number, Set<string>>): boolean {
  for (const i of [sentence - 1, sentence]) for (const c of places.get(i) ?? []) if (c !== story) return false;
  return true;
}

/** Was the mention's country given by the story alone (not by its own words)? */
export function fromStory(m: EntityMention): boolean {
  return !!m.codeSource?.endsWith('+story');
}

/** Sectors by which a state acts on another: its government, armed forces, legislature, spies. */
const STATE_AS_A_WHOLE = new Set(['GOV', 'MIL', 'LEG', 'SPY', 'UIS']);
/** Does the mention stand for a state acting abroad: the country itself, or its government or forces? */
const actsAsState = (m: EntityMention) => (m.type === 'LOC' && !m.sector) || STATE_AS_A_WHOLE.has(m.sector ?? '');

/**
 * An event's sides with the story's country taken back from a bare body of state where the other
 * side is that state by its own words: in a Washington story, "U.S. warships shelled troops"
 * shells someone else's troops. Police and courts act at home ("a police inquiry" into a
 * British party leader stays British). The body keeps its sector.
 */
export function settleStorySides(actor: EntityMention[], recipient: EntityMention[]): { actor: EntityMention[]; recipient: EntityMention[] } {
  const states = (ms: EntityMention[]) => new Set(ms.filter((m) => m.country && !fromStory(m) && actsAsState(m)).map((m) => m.country!));
  const settle = (ms: EntityMention[], other: Set<string>) => ms.map((m) => (fromStory(m) && actsAsState(m) && other.has(m.country!)
    ? { ...m, country: null, code: m.sector, codeSource: m.codeSource!.replace(/\+story$/, '') } : m));
  return { actor: settle(actor, states(recipient)), recipient: settle(recipient, states(actor)) };
}
