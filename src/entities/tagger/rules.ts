/**
 * Corrections after decoding, for what the training data rarely shows.
 * CoNLL-2003 has few Arabic and Persian names, so the model may end a person's
 * name before "al-Amiri" or "bin Salman". A name particle right after a person
 * continues the person: a hyphen-glued one ("al-Amiri", "Al-Fayyadh",
 * "ad-Din") and a free-standing one followed by a capitalised word ("bin
 * Salman", "ibn Saud", "Abu Mahdi"), both joined to the name.
 *
 * Two more, for news: a title alone ("Supreme Leader", "Defense Minister") is
 * no entity, as CoNLL annotates; and an organisation head word before "of" + an
 * organisation ("Office of Foreign Assets Control") opens that organisation.
 */

type Rule = (words: readonly string[], tags: BioTag[]) => BioTag[];

/** The corrections in the order they apply: each sees the tags the one before left. */
const RULES: readonly Rule[] = [
  joinNameParticles, dropBareTitles, joinOfOrganisations, headedOrganisations, organisationHeadAfter, companySuffixes, dropHonorifics, countryNames, dropLeadingArticle, militaryUnits, namedHappenings,
];

/** All corrections, in order. */
export function applyRules(words: readonly string[], tags: BioTag[]): BioTag[] {
  // A loop over the list, not one nested call: V8 then compiles each rule on its own, so a rule
  // meeting a case it had not seen recompiles alone, not with the whole chain and its callers.
  let out = tags;
  for (const rule of RULES) out = rule(words, out);
  return out;
}

/**
 * A country's name left outside every entity is a place: "Recent US drone
 * strikes" (CoNLL tags a country before a noun as a place too). Not in a
 * headline in capitals, where "US" may be the pronoun.
 */
export function countryNames(words: readonly string[], tags: BioTag[]): BioTag[] {
  if (isCapsSentence(words)) return tags;
  const out = [...tags];
  for (let i = 0; i < words.length; i++) {
    if (out[i] !== 'O' || !isCapitalised(words[i]) || !countryByName(words[i])) continue;
    if (i + 1 < words.length && out[i + 1].startsWith('I-')) continue;
    out[i] = 'B-LOC';
  }
  return out;
}

/**
 * A sentence's opening "The" is no part of the name after it, as CoNLL and
 * wikigold annotate: "The Association of Arab Jurists" is "Association of Arab
 * Jurists". A two-word name keeps it ("The Hague", "The Times").
 */
export function dropLeadingArticle(words: readonly string[], tags: BioTag[]): BioTag[] {
  if (words[0] !== 'The' || !tags[0].startsWith('B-')) return tags;
  const type = tags[0].slice(2);
  let last = 0;
  while (last + 1 < tags.length && tags[last + 1] === `I-${type}`) last++;
  if (last < 2) return tags;
  const out = [...tags];
  out[0] = 'O';
  out[1] = `B-${type}` as BioTag;
  return out;
}

/** Honorifics that are also parts of names ("Sri", "Raja", "Mian", "Lady Diana") or initials ("M."): kept in a person's name. */
const NAME_PART_HONORIFICS = new Set(['m.', 'miss', 'lady', 'dame', 'sri', 'shri', 'raja', 'rani', 'pandit', 'sardar', 'mian', 'nawab', 'chaudhry', 'chaudhary', 'babu', 'begum', 'bibi', 'sahib', 'sahab', 'khwaja', 'khawaja', 'tunku', 'tengku', 'datuk', 'dato', 'tun']);

/**
 * A title before a person's name is not part of it, as CoNLL annotates: "Mr
 * Brown" is the person "Brown", "Sheikh Hamad Al Thani" is "Hamad Al Thani".
 */
export function dropHonorifics(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    if (s.last === s.first) continue;
    const w = words[s.first];
    if (!honorific(w) || NAME_PART_HONORIFICS.has(w.toLowerCase())) continue;
    // "Dr Fox told BBC Radio": an honorific says person whatever type the tagger gave the run
    // (only for a short run of capitalised words: "Mr Smith Goes to Washington" is a title).
    if (s.type !== 'PER' && (s.last - s.first > 3 || !words.slice(s.first + 1, s.last + 1).every((x) => isCapitalised(x)))) continue;
    out[s.first] = 'O';
    retag(out, s.first + 1, s.last, 'PER');
  }
  return out;
}

/** Words that end a company's name ("Harbour Bank Inc", "Datecs Ltd."). */
const COMPANY_SUFFIX = /^(?:inc|ltd|llc|plc|corp|co|gmbh|ag|sa|nv|bv|spa|srl|pty|llp|lp|kg|oy|ab|as|a\/s)\.?$/i;

/** A name of two words or more that ends in a company suffix is an organisation, whatever the tagger guessed. */
export function companySuffixes(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    if (s.type === 'ORG' || s.last === s.first || !COMPANY_SUFFIX.test(words[s.last])) continue;
    // Written as a company writes it: "Inc", "Ltd.", "GmbH", "AG"; not the word "as" or "co".
    if (!/^\p{Lu}/u.test(words[s.last])) continue;
    retag(out, s.first, s.last, 'ORG');
  }
  return out;
}

/**
 * An organisation's head word ("Court", "Council") tagged as a person on its
 * own, after capitalised words: the tagger cut the name ("the Latvian
 * Constitutional Court"), and the whole run is the organisation.
 */
export function headedOrganisations(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (let i = 1; i < words.length; i++) {
    if (out[i] !== 'B-PER' || (i + 1 < words.length && out[i + 1] === 'I-PER') || orgWord(words[i]) !== 'head') continue;
    let first = i;
    while (first > 0 && isCapitalised(words[first - 1]) && !(first - 1 === 0 && SENTENCE_OPENERS.has(words[0].toLowerCase()))) first--;
    if (first === i) continue;
    retag(out, first, i, 'ORG');
  }
  return out;
}

/**
 * An organisation's head word left outside the organisation just before it ("the Royal Fleet
 * Auxiliary", "the BBC Trust"): the tagger ended the name one word early, and the head word
 * closes it.
 */
export function organisationHeadAfter(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    const next = s.last + 1;
    if (s.type !== 'ORG' || next >= words.length || out[next] !== 'O' || !isCapitalised(words[next]) || orgWord(words[next]) !== 'head') continue;
    out[next] = 'I-ORG';
  }
  return out;
}

/** Words written with a capital only because they open a sentence. */
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'and', 'but', 'as', 'by', 'to', 'from', 'with', 'this', 'that', 'his', 'her', 'their', 'its']);

/** Entities that are nothing but a role phrase become O. */
export function dropBareTitles(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    if (s.type === 'PER') continue;
    const phrase = words.slice(s.first, s.last + 1).join(' ');
    if (roleWord(phrase)?.type === 'PER') for (let k = s.first; k <= s.last; k++) out[k] = 'O';
  }
  return out;
}

/** "Office" + "of" + an organisation: one organisation. */
export function joinOfOrganisations(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (let i = 2; i < words.length; i++) {
    if (out[i] !== 'B-ORG' || words[i - 1] !== 'of' || out[i - 1] !== 'O' || out[i - 2] !== 'O') continue;
    const head = words[i - 2];
    if (!isCapitalised(head) || orgWord(head) !== 'head') continue;
    out[i - 2] = 'B-ORG';
    out[i - 1] = 'I-ORG';
    out[i] = 'I-ORG';
  }
  return out;
}
import { honorific, orgWord, orgWordUse, roleWord } from '../../actors/knowledge.js';
import { isCapitalised, isCapsSentence } from './shape.js';
import { countryByName } from '../../places/countries.js';
import { spansFromTags, type BioTag, type EntityKind } from './tags.js';

const GLUED_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ar|an|ud|ul|abd|abu|bin|ibn)[-\u2010\u2011]\p{Lu}/iu;
const FREE_PARTICLE = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'abd', 'ben', 'ould', 'wuld']);

function isPerson(tag: BioTag): boolean {
  return tag === 'B-PER' || tag === 'I-PER';
}

/** Tags with person names carried over the name particles that continue them. */
export function joinNameParticles(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (let i = 1; i < words.length; i++) {
    if (!isPerson(out[i - 1]) || out[i] === 'I-PER') continue;
    const w = words[i];
    if (GLUED_PARTICLE.test(w)) {
      out[i] = 'I-PER';
    } else if (FREE_PARTICLE.has(w.toLowerCase()) && i + 1 < words.length && isCapitalised(words[i + 1])) {
      out[i] = 'I-PER';
      out[i + 1] = 'I-PER';
      i++;
    } else {
      continue;
    }
    // What the model began as a new entity after the particle belongs to the person.
    for (let k = i + 1; k < words.length && out[k].startsWith('I-') && !isPerson(out[k]); k++) out[k] = 'I-PER';
  }
  return out;
}

/**
 * A name's head: the last word before "of" ("Battle of Mosul", "Army of the
 * Potomac"), else its last word ("82nd Airborne Division", "Gulf War").
 */
function headOf(words: readonly string[], first: number, last: number): number {
  for (let k = first + 1; k < last; k++) if (words[k] === 'of') return k - 1;
  return last;
}

/** A unit's number first: "82nd", "3d", "IV", "Second". */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th|d)|[IVXL]+|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)$/;

/**
 * A military unit is an organisation, whatever the tagger guessed: its head is a
 * military body word of data/role-words.tsv ("82nd Airborne Division", "IV Corps",
 * "Army of the Potomac"). CoNLL has few, and the tagger reads a numbered one as MISC.
 */
export function militaryUnits(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    if (s.last === s.first) continue;
    const head = words[headOf(words, s.first, s.last)].toLowerCase();
    const role = roleWord(head);
    if (role?.sector !== 'MIL' || role.type !== 'ORG' || orgWord(head) !== 'head') continue;
    // The unit's number is part of its name, though the tagger may leave it out ("82nd Airborne Division").
    const first = s.first > 0 && tags[s.first - 1] === 'O' && ORDINAL.test(words[s.first - 1]) ? s.first - 1 : s.first;
    // "Eastern Division" is a sports table: a word marked 'numbered' is a unit only with its number.
    if (orgWordUse(head) === 'numbered' && !ORDINAL.test(words[first])) continue;
    retag(out, first, s.last, 'ORG');
  }
  return out;
}

/**
 * A named battle, war or rising (head words marked 'happening' in data/org-words.tsv) is MISC, as
 * CoNLL annotates: "Battle of Fredericksburg", "Gulf War", "Tet Offensive". The tagger often reads
 * "Battle of X" as an organisation.
 */
export function namedHappenings(words: readonly string[], tags: BioTag[]): BioTag[] {
  const out = [...tags];
  for (const s of spansFromTags(tags)) {
    if (s.type === 'MISC' || s.last === s.first) continue;
    if (orgWordUse(words[headOf(words, s.first, s.last)]) !== 'happening') continue;
    retag(out, s.first, s.last, 'MISC');
  }
  return out;
}

/** Words first..last become one entity of `type`. */
function retag(tags: BioTag[], first: number, last: number, type: EntityKind): void {
  tags[first] = `B-${type}`;
  for (let k = first + 1; k <= last; k++) tags[k] = `I-${type}`;
}
