/**
 * The places stage: find toponyms in the sentences and resolve each to a
 * gazetteer place with coordinates.
 *
 * 1. Spans: LOC entity mentions (when the entities stage ran) and a scan of
 *    capitalised token runs, longest gazetteer match first.
 * 2. Filters: demonyms, words the article also writes in lower case, parts of
 *    longer capitalised names ("Jordan Peterson"), names inside PER/ORG
 *    entities, and small towns named like people without a locative cue.
 * 3. Disambiguation: population and feature priors, then context — "Nasiriyah,
 *    Iraq" (but "Idaho, Oregon" is a list), "Washington state", and what the
 *    article's other names support: each distinct name spreads a probability over
 *    its candidates; summed per country and per first-level division, and as
 *    nearness (within 200 km) to the other names' likely towns, this scores every
 *    candidate, three rounds, a name never counting for itself. So "Paris" beside
 *    "Nashville, Tenn." is the Tennessee town, and alone it is the French capital.
 */
import type { EntityMention, PlaceMention, Sentence, Span, Token } from '../doc/types.js';
import { countryByDemonym, countryByName } from './countries.js';
import { foldName, isAllCaps } from './fold.js';
import { type Candidate, type GazetteerPlace, lookupPlace, maxPlaceWords, priorScore } from './gazetteer.js';
import { wordSets } from '../util/data.js';
import { firstEndingAfter, ofSentence, SpanSet } from '../util/spans.js';
import { checkDeadline } from '../util/deadline.js';

export interface PlacesInput {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  entities?: EntityMention[];
  /** Time expressions already found: a name that is one of them is a date, not a place. */
  times?: Span[];
  meta?: unknown;
}

/** A toponym found in the text, before disambiguation. */
interface Toponym extends Span {
  sentence: number;
  /** Index of its first and one past its last token. */
  tokenStart: number;
  tokenEnd: number;
  candidates: Candidate[];
  /** Came from a LOC entity, a multi-word name, or a locative cue: trusted more. */
  strong: boolean;
}

/** Words around a town's name that say it is the town (data/local-place-words.tsv), by kind. */
function localWords(kind: 'municipal' | 'named-after' | 'of-place' | 'local-noun' | 'local-title'): ReadonlySet<string> {
  localSets ??= wordSets('local-place-words.tsv');
  return localSets.get(kind) ?? NO_WORDS;
}

/** The word sets of the two files, held here once read: the place scan asks for them word by word. */
let localSets: Map<string, Set<string>> | null = null;
let cueSets: Map<string, Set<string>> | null = null;
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Lower-case words read around capitalised names (data/place-cue-words.tsv), by kind:
 * what may sit inside a place name, generic suffixes, direction and locative cues,
 * common and institution words, calendar words, titles. The file says what each is for.
 */
type CueKind = 'connector' | 'generic-suffix' | 'direction' | 'locative' | 'strong-locative'
  | 'common-word' | 'institution-word' | 'calendar' | 'title';
function cueWords(kind: CueKind): ReadonlySet<string> {
  cueSets ??= wordSets('place-cue-words.tsv');
  return cueSets.get(kind) ?? NO_WORDS;
}

/** The Arabic article written apart from its name ("al - Anbar", "Al-Anbar"). */
const ARABIC_ARTICLE = /^(?:al|el|an|ar|as|ad|ash|at|az)$/i;

/** A small town named like a common word or person needs this many people to be taken bare. */
const BARE_CITY_POPULATION = 30000;

function isCapitalised(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

function isWordToken(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** "al-Qaim", "ad-Dawr": an Arabic article joined to a capitalised name. */
function isArticleJoined(s: string): boolean {
  return /^(?:al|el|ad|ar|as|an|ash|at|az)[-‐]\p{Lu}/u.test(s);
}

/** Words the article writes in lower case somewhere: common words, not names. */
function lowerCaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu)) words.add(m[0]);
  return words;
}

/**
 * Candidates a surface form may stand for: abbreviations only after "City, ",
 * acronyms only in capitals, and a short all-capitals word ("UN", "MAC") only as
 * a known acronym, never as a town that happens to share its letters.
 */
function usableCandidates(cands: Candidate[], surface: string, afterComma: boolean): Candidate[] {
  const shortCaps = isAllCaps(surface) && surface.replace(/[^\p{L}]/gu, '').length <= 5 && /\p{Lu}.*\p{Lu}/u.test(surface);
  return cands.filter((c) => (!c.abbreviation || afterComma) && (!c.acronym || isAllCaps(surface))
    && (!shortCaps || c.acronym || c.abbreviation));
}

/** Spans of entities that are not places (people, organisations, works). */
function nonPlaceSpans(entities: EntityMention[] | undefined): Span[] {
  const out: Span[] = [];
  for (const e of entities ?? []) {
    if (e.nominal || (e.type !== 'PER' && e.type !== 'ORG')) continue;
    if (e.type === 'PER') {
      if (personIsPlaceName(e.text)) continue;
      // "Steven Sachs of Alexandria": the person ends before "of"; the town after it is a place.
      const of = e.text.indexOf(' of ');
      if (of > 0) { out.push({ start: e.start, end: e.start + of }); continue; }
    }
    out.push({ start: e.start, end: e.end });
  }
  return out;
}

/** A name is a known place as it stands (not loosely, not an abbreviation). */
function isExactPlace(name: string): boolean {
  return lookupPlace(name).some((c) => !c.loose && !c.abbreviation && (!c.acronym || isAllCaps(name)));
}

/**
 * A "person" the entities layer found that is a place name of several words
 * ("Pelican Rapids", "Middle East", "North Texas", "Fargo-Moorhead"): a tagger's
 * slip, since people are not named like that; one word ("Houston") stays a person.
 */
function personIsPlaceName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length < 2 && !/[-‐/]/.test(text)) return false;
  if (isExactPlace(text)) return true;
  if (words.length >= 2 && cueWords('direction').has(words[0].toLowerCase()) && isExactPlace(words.slice(1).join(' '))) return true;
  const parts = text.split(/[-‐/]/);
  return parts.length >= 2 && parts.every((x) => x.trim() !== '' && isExactPlace(x.trim()));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Find candidate toponyms in one sentence by scanning capitalised token runs. */
function scanSentence(
  doc: PlacesInput, s: Sentence, blocked: SpanSet, taken: SpanSet, lower: Set<string>, personWords: Set<string>,
): Toponym[] {
  const { text, tokens } = doc;
  const out: Toponym[] = [];
  const maxTokens = Math.min(maxPlaceWords() * 2 + 1, 12);
  const surface = (i: number) => tokenText(doc, i);
  let i = s.tokenStart;
  while (i < s.tokenEnd) {
    const first = surface(i);
    // "The" opens many names ("The Hague" is the exception the gazetteer knows by its full name).
    const opensWithThe = first === 'The' && i + 1 < s.tokenEnd
      && !lookupPlace(`${first} ${surface(i + 1)}`).some((c) => /^the\s/i.test(c.place.name));
    if (!(isCapitalised(first) || isArticleJoined(first)) || !isWordToken(first) || opensWithThe) { i++; continue; }
    let found: Toponym | null = null;
    const limit = Math.min(s.tokenEnd, i + maxTokens);
    // The capitalised run starting here, allowing connectors inside.
    let runEnd = i + 1;
    while (runEnd < limit) {
      const w = surface(runEnd);
      if (isCapitalised(w) || isArticleJoined(w)) { runEnd++; continue; }
      if (cueWords('connector').has(w.toLowerCase()) && runEnd + 1 < limit) { runEnd++; continue; }
      break;
    }
    // Trim trailing connectors.
    while (runEnd > i + 1 && !isCapitalised(surface(runEnd - 1)) && !isArticleJoined(surface(runEnd - 1))) runEnd--;
    for (let j = runEnd; j > i && !found; j--) {
      const last = surface(j - 1);
      if (!isCapitalised(last) && !isArticleJoined(last)) continue;
      const start = tokens[i].start;
      const end = tokens[j - 1].end;
      if (blocked.holds(start, end) || taken.overlaps(start, end)) continue;
      if (gluedToName(text, start, end)) continue;
      const name = text.slice(start, end);
      const afterComma = i > s.tokenStart && surface(i - 1) === ',';
      let cands = usableCandidates(lookupPlace(name), name, afterComma);
      if (cands.length === 0 && j - i >= 2 && cueWords('generic-suffix').has(last.toLowerCase())) {
        const core = text.slice(start, tokens[j - 2].end);
        cands = usableCandidates(lookupPlace(core), core, afterComma)
          .filter((c) => c.place.kind !== 'country' && (c.place.kind !== 'city' || last.toLowerCase() === 'city' || last.toLowerCase() === 'town'));
      }
      // Loose matches of small places are kept for now and judged once the article's countries are known.
      cands = cands.filter((c) => !c.loose || looseAcceptable(c, name) || c.place.population >= 1000);
      if (cands.length === 0) continue;
      const words = j - i;
      if (words === 1 && !acceptSingle(doc, s, i, j, cands, lower, personWords)) continue;
      found = { start, end, sentence: s.index, tokenStart: i, tokenEnd: j, candidates: cands, strong: words > 1 || hasLocativeCue(doc, s, i) };
    }
    if (found) {
      // Keep a detached Arabic article in the span: "al - Anbar" as tokens → "al-Anbar".
      if (i - 2 >= s.tokenStart && /^[-‐]$/.test(surface(i - 1)) && ARABIC_ARTICLE.test(surface(i - 2))
        && tokens[i - 2].end === tokens[i - 1].start && tokens[i - 1].end === tokens[i].start) {
        found.start = tokens[i - 2].start;
        found.tokenStart = i - 2;
      }
      // Take in a lower-case generic word after the name: "Anbar province", "the Yusufiya area".
      const j = found.tokenEnd;
      const next = j < s.tokenEnd ? surface(j) : '';
      if (next !== '' && next === next.toLowerCase() && cueWords('generic-suffix').has(next) && next !== 'state'
        && found.candidates.some((c) => c.place.kind !== 'country' && c.place.kind !== 'site')) {
        found.end = tokens[j].end;
        found.tokenEnd = j + 1;
      }
      out.push(found);
      i = found.tokenEnd;
    } else i++;
  }
  return out;
}

/**
 * A loose transliteration match ("Basrah" for "Basra") is kept only for a sizeable
 * place with the same first letter, and never for a run opening with a common word.
 */
function looseAcceptable(c: Candidate, name: string): boolean {
  const firstWord = name.split(/\s+/)[0].toLowerCase();
  if (cueWords('common-word').has(firstWord)) return false;
  const a = foldName(name)[0];
  const b = foldName(c.place.name)[0];
  if (a !== b) return false;
  return true;
}

/** A loose match of a small town is believable only in a country the article is about. */
function looseBelievable(c: Candidate, ctx: Context): boolean {
  if (!c.loose || c.place.kind !== 'city') return true;
  const weight = c.place.country !== null ? ctx.countries.get(c.place.country) ?? 0 : 0;
  if (weight >= 1) return true;
  // A sizeable town, unless the article is plainly about another country.
  const mainWeight = ctx.mainCountry ? ctx.countries.get(ctx.mainCountry) ?? 0 : 0;
  return c.place.population >= 50000 && mainWeight < 2;
}

/** The text of token k. */
function tokenText(doc: PlacesInput, k: number): string {
  return doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
}

/** The word before token i is a locative preposition ("in", "near", "south of"). */
function hasLocativeCue(doc: PlacesInput, s: Sentence, i: number, cues: ReadonlySet<string> = cueWords('locative')): boolean {
  for (let k = i - 1; k >= s.tokenStart && k >= i - 2; k--) {
    const w = tokenText(doc, k).toLowerCase();
    if (cues.has(w)) return true;
    if (!cueWords('direction').has(w) && w !== 'the' && w !== 'of') return false;
  }
  return false;
}

/** Whether a one-word match stands as a place (rather than a person, a word or part of a name). */
function acceptSingle(
  doc: PlacesInput, s: Sentence, i: number, j: number, cands: Candidate[],
  lower: Set<string>, personWords: Set<string>,
): boolean {
  const { text, tokens } = doc;
  const word = text.slice(tokens[i].start, tokens[i].end);
  const folded = word.toLowerCase();
  if (countryByDemonym(word) && !countryByName(word)) return false;
  if (cueWords('common-word').has(folded.replace(/\.$/, ''))) return false;
  if (word.length < 3 && !isAllCaps(word)) return false;
  // Part of a longer capitalised name that is not a place ("Jordan Peterson", "Paris Hilton");
  // a date after the name ("in Mosul Tuesday") does not count.
  if (j < s.tokenEnd) {
    const next = text.slice(tokens[j].start, tokens[j].end);
    const modifier = cands.some((c) => c.acronym || c.place.kind === 'country' || c.place.kind === 'admin1')
      && cueWords('institution-word').has(next.toLowerCase().replace(/\.$/, ''));
    if (isCapitalised(next) && isWordToken(next) && /^\s+$/.test(text.slice(tokens[j - 1].end, tokens[j].start))
      && !cueWords('calendar').has(next.toLowerCase()) && !modifier && !lookupPlace(next).length) return false;
  }
  if (i > s.tokenStart) {
    const prev = text.slice(tokens[i - 1].start, tokens[i - 1].end);
    if (isCapitalised(prev) && !cueWords('direction').has(prev.toLowerCase()) && !/^(?:a|an|the)$/i.test(prev) && tokens[i - 1].end === tokens[i].start - 1 && !lookupPlace(prev).length) return false;
  }
  if (personWords.has(folded) && !hasLocativeCue(doc, s, i, cueWords('strong-locative'))) return false;
  const strongKind = cands.some((c) => c.place.kind !== 'city' || c.place.population >= BARE_CITY_POPULATION);
  const sentenceInitial = i === s.tokenStart;
  const writtenLower = lower.has(folded);
  if (writtenLower && !strongKind) return false;
  if (writtenLower && sentenceInitial) return false;
  return strongKind || hasLocativeCue(doc, s, i) || followedByPlace(doc, s, j) || (j < s.tokenEnd && localWords('local-noun').has(text.slice(tokens[j].start, tokens[j].end)));
}

/** "Alexandria, La." / "Nasiriyah, Iraq": the name is followed by a comma and a place. */
function followedByPlace(doc: PlacesInput, s: Sentence, j: number): boolean {
  return containerAfter(doc, s, j) !== null;
}

/** The country or division named right after "X, " (abbreviations allowed there). */
function containerAfter(doc: PlacesInput, s: Sentence, j: number): Candidate[] | null {
  const { text, tokens } = doc;
  if (j + 1 >= s.tokenEnd || text.slice(tokens[j].start, tokens[j].end) !== ',') return null;
  for (let k = Math.min(s.tokenEnd, j + 5); k > j + 1; k--) {
    const name = text.slice(tokens[j + 1].start, tokens[k - 1].end);
    if (!isCapitalised(name)) return null;
    const cands = usableCandidates(lookupPlace(name), name, true)
      .filter((c) => c.place.kind === 'country' || c.place.kind === 'admin1');
    if (cands.length > 0) return cands;
  }
  return null;
}

/**
 * Words that are people's names in this article: members of capitalised runs
 * that are not places and hold a given-name-like first word followed by
 * another capitalised word ("Chiquita Henry" makes a later bare "Henry" a person).
 */
function personNameWords(doc: PlacesInput, entities: EntityMention[] | undefined): Set<string> {
  const words = new Set<string>();
  for (const e of entities ?? []) {
    if (e.type !== 'PER' || e.nominal || personIsPlaceName(e.text)) continue;
    const of = e.text.indexOf(' of ');
    for (const w of (of > 0 ? e.text.slice(0, of) : e.text).split(/\s+/)) if (isCapitalised(w)) words.add(w.toLowerCase());
  }
  if (entities && entities.length > 0) return words;
  // Without an entities layer: the last word of a run of two or three capitalised words that is
  // not a place and whose first word is no place either ("Raquel Henry").
  const { text, tokens } = doc;
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      let j = i;
      while (j < s.tokenEnd && isCapitalised(text.slice(tokens[j].start, tokens[j].end)) && /^\p{L}+\.?$/u.test(text.slice(tokens[j].start, tokens[j].end))) j++;
      if (j - i >= 2 && j - i <= 3) {
        const run = text.slice(tokens[i].start, tokens[j - 1].end);
        const firstWord = text.slice(tokens[i].start, tokens[i].end);
        const lastWord = text.slice(tokens[j - 1].start, tokens[j - 1].end);
        const lf = firstWord.toLowerCase().replace(/\.$/, '');
        const titled = cueWords('title').has(lf);
        const firstIsPlace = lookupPlace(firstWord).some((c) => c.place.kind !== 'city' || c.place.population >= 100000);
        if (!lookupPlace(run).length && !cueWords('generic-suffix').has(lastWord.toLowerCase()) && !cueWords('institution-word').has(lastWord.toLowerCase())
          && (titled || (!firstIsPlace && !cueWords('direction').has(lf) && !cueWords('common-word').has(lf)))) {
          words.add(lastWord.toLowerCase());
          if (!titled && j - i === 2) words.add(lf);
        }
      }
      i = Math.max(j, i + 1);
    }
  }
  return words;
}

/**
 * A cue that the name at token i is where someone or something is: "in", "near",
 * "to", "downtown", or "of"/"from" after a person ("James Tauber of Nelson",
 * "Alan, 79, from Barton").
 */
function placeCueBefore(doc: PlacesInput, s: Sentence, i: number, prepositions = true): boolean {
  if (i <= s.tokenStart) return false;
  const word = (k: number) => (k >= s.tokenStart ? tokenText(doc, k) : '');
  const prev = word(i - 1).toLowerCase();
  if (prepositions && (cueWords('strong-locative').has(prev) || (prev === 'to' && word(i - 2).toLowerCase() !== 'according') || prev === 'downtown' || prev === 'near')) return true;
  if (prev !== 'of' && prev !== 'from') return false;
  const before = word(i - 2);
  if (before === ',' || /^\d+$/.test(before) || before.toLowerCase() === 'formerly') return true;
  const at = doc.tokens[i - 2]?.start ?? -1;
  // (The token two back lies in this sentence or the one before: only their mentions can hold it.)
  const near = doc.entities ? [...ofSentence(doc.entities, s.index - 1), ...ofSentence(doc.entities, s.index)] : [];
  return near.some((e) => e.type === 'PER' && !e.nominal && e.start <= at && at < e.end);
}

/**
 * Towns, counties, states and countries named inside an organisation's name:
 * "Douglas County Sheriff's Office", "Texas Department of Transportation",
 * "University of Rochester", "Athens Police Department"; and a bare town the
 * tagger took for an organisation where the words around it say it is a place
 * ("in Arlington", "Madison police"). A sports club ("Leeds striker", "Leeds
 * United") stays an organisation: no local-body word, no locative cue.
 */
function fromOrgNames(doc: PlacesInput, lower: Set<string>, personWords: Set<string>): Toponym[] {
  const { text, tokens } = doc;
  const out: Toponym[] = [];
  const surface = (k: number) => tokenText(doc, k);
  for (const e of doc.entities ?? []) {
    if ((e.type !== 'ORG' && e.type !== 'PER') || e.nominal) continue;
    const person = e.type === 'PER';
    const s = doc.sentences[e.sentence];
    if (!s) continue;
    let a = s.tokenStart;
    while (a < s.tokenEnd && tokens[a].end <= e.start) a++;
    let b = a;
    while (b < s.tokenEnd && tokens[b].start < e.end) b++;
    if (a < b && surface(a).toLowerCase() === 'the') a++;
    // "Rep. Wendell Gilliard, D-Charleston": a legislator's party and home town.
    const party = person ? /^([DRI][-‐])(\p{Lu}[\p{L}.’' -]+)$/u.exec(text.slice(e.start, e.end)) : null;
    if (party) {
      const start = e.start + party[1].length;
      const cands = usableCandidates(lookupPlace(party[2]), party[2], false).filter((c) => !c.loose && c.place.kind === 'city');
      if (cands.length > 0) out.push({ start, end: e.end, sentence: e.sentence, tokenStart: a, tokenEnd: b, candidates: cands, strong: true });
      continue;
    }
    if (b <= a) continue;
    let i = a;
    while (i < b) {
      const w = surface(i);
      const prev = i > a ? surface(i - 1).toLowerCase() : '';
      // A place opens the name, or follows "of" or a direction inside it ("Association of Western Pennsylvania").
      const opens = i === a || prev === 'of' || prev === 'the' || prev === '-'
        || (cueWords('direction').has(prev) && (i - 1 === a || ['of', 'the'].includes(surface(i - 2).toLowerCase())));
      if (!opens || !isCapitalised(w) || !isWordToken(w)) { i++; continue; }
      let found: Toponym | null = null;
      for (let j = Math.min(b, i + maxPlaceWords()); j > i && !found; j--) {
        const last = surface(j - 1);
        if (!isCapitalised(last)) continue;
        const start = tokens[i].start;
        const end = tokens[j - 1].end;
        const name = text.slice(start, end);
        const folded = foldName(name);
        // Institutions are no places here ("White House"), nor a region or "America" in a body's name.
        let cands = usableCandidates(lookupPlace(name), name, false)
          .filter((c) => !c.loose && c.place.kind !== 'site' && c.place.kind !== 'region');
        // "Athens City Council": the town is "Athens" (unless a town is called "… City").
        if (last.toLowerCase() === 'city' && !cands.some((c) => foldName(c.place.name) === folded)) continue;
        if (folded === 'america') continue;
        if (cands.length === 0) continue;
        const words = j - i;
        if (words === 1 && (cueWords('common-word').has(folded) || lower.has(name.toLowerCase()) || (countryByDemonym(name) && !countryByName(name)))) continue;
        if (words === 1 && name.length < 3 && !isAllCaps(name)) continue;
        // A county named in one word ("Kent", "Norfolk") is read like a sizeable town: "Kent Police"
        // is the county's, "Kent State University" and "Norfolk Southern" are no place; a county's
        // name of two words or more ("Dane County", "West Yorkshire") is a division's.
        const county = cands.some((c) => c.place.kind === 'admin2') && words >= 2;
        const division = county || cands.some((c) => c.place.kind === 'country' || c.place.kind === 'admin1');
        if (!division) cands = cands.filter((c) => c.place.kind === 'city' || c.place.kind === 'admin2');
        if (cands.length === 0) continue;
        const next = j < b ? surface(j).toLowerCase() : '';
        const whole = i === a && j === b;
        let ok: boolean;
        if (whole) {
          // The whole "organisation" or "person" is a place name: only with words around it that say so.
          const after = j < s.tokenEnd ? surface(j) : '';
          const sizeable = division || cands.some((c) => c.place.kind === 'admin2' || c.place.population >= BARE_CITY_POPULATION);
          // "Shreveport's program", but not "Moore's Ford" (a name of its own).
          const possessive = /^(?:'s?|’s?)$/.test(after) && !(j + 1 < s.tokenEnd && isCapitalised(surface(j + 1)));
          // A person is a place only after "in", "near", "at" … or as where someone is from; never "Taylor's".
          const cue = person ? (cueWords('strong-locative').has(i > s.tokenStart ? surface(i - 1).toLowerCase() : '') || placeCueBefore(doc, s, i, false)) : placeCueBefore(doc, s, i);
          // A county's full name is its own ("Walker County Judge Danny Pierce"); so is a county's one
          // word the tagger read as a body ("floods hit Kent, Essex and Surrey": its training text,
          // CoNLL-2003, names the county cricket clubs so).
          const bareCounty = !person && cands.some((c) => c.place.kind === 'admin2');
          ok = cue || county || bareCounty || (after !== '' && localWords('local-noun').has(after.toLowerCase()) && (after === after.toLowerCase() || localWords('local-title').has(after.toLowerCase())))
            || (!person && sizeable && possessive);
          if (person && possessive) ok = false;
          if (!person && words === 1 && !division && personWords.has(name.toLowerCase())) ok = false;
        } else if (person) {
          ok = false;
        } else if (division) {
          // "Douglas County Sheriff's Office", "Texas Department of …", "New York Public Library".
          ok = j === b || isCapitalised(surface(j)) || next === 'of' || next === '&' || next === "'s" || next === '’s';
        } else if (i === a) {
          // A town's own body ("Athens Police Department"); a school or university only of a sizeable town.
          // "Kent State University", "Norfolk State" are American towns' universities, not English counties'.
          if (next === 'state') cands = cands.filter((c) => c.place.kind === 'city');
          const sizeable = cands.some((c) => c.place.kind === 'admin2' || c.place.population >= BARE_CITY_POPULATION);
          ok = cands.length > 0 && (localWords('municipal').has(next)
            || (localWords('named-after').has(next) && sizeable && !personWords.has(name.toLowerCase()) && !/^(?:st|saint)\b/i.test(name)));
        } else {
          // "City of Huntsville", "University of Rochester" closing the name.
          ok = j === b && prev === 'of' && i >= a + 2 && localWords('of-place').has(surface(i - 2).toLowerCase());
        }
        if (!ok) continue;
        found = { start, end, sentence: e.sentence, tokenStart: i, tokenEnd: j, candidates: cands, strong: true };
      }
      if (found) { out.push(found); i = found.tokenEnd; } else i++;
    }
  }
  return out;
}

/**
 * A dateline: the town in capitals that opens a report, before a dash or
 * ", State" ("TORRINGTON — The City Council …", "BOWLING GREEN, Ohio (AP) —").
 */
function fromDatelines(doc: PlacesInput): Toponym[] {
  const { text, tokens } = doc;
  const out: Toponym[] = [];
  for (const s of doc.sentences) {
    const surface = (k: number) => (k < s.tokenEnd ? tokenText(doc, k) : '');
    let j = s.tokenStart;
    while (j < s.tokenEnd && j - s.tokenStart < 4 && /^\p{Lu}[\p{Lu}.'’-]*$/u.test(surface(j)) && /\p{Lu}{2}/u.test(surface(j))) j++;
    if (j === s.tokenStart) continue;
    const after = surface(j);
    if (!/^(?:—|–|-|--|,)$/.test(after)) continue;
    const start = tokens[s.tokenStart].start;
    const end = tokens[j - 1].end;
    const name = text.slice(start, end);
    const cands = usableCandidates(lookupPlace(name), name, false)
      .filter((c) => !c.loose && !c.acronym && (c.place.kind === 'city' || c.place.kind === 'admin2'));
    if (cands.length === 0 || cueWords('common-word').has(name.toLowerCase())) continue;
    // ", State" must name a division or country; a dash needs nothing more.
    if (after === ',' && !containerAfter(doc, s, j)) continue;
    out.push({ start, end, sentence: s.index, tokenStart: s.tokenStart, tokenEnd: j, candidates: cands, strong: true });
  }
  return out;
}

/**
 * "Mercedes-Benz", "Rolls-Royce": a name joined by a hyphen to a capitalised word that is no
 * place is part of a longer name. Not when the other word is a place ("London-Paris"), a
 * people ("Egyptian-US"), an article ("Al-Anbar") or an acronym ("DFL-Minneapolis"), nor in a
 * name that is a place as a whole ("Miami-Dade", "Athens-Clarke County").
 */
function gluedToName(text: string, start: number, end: number): boolean {
  const after = /^[-‐](\p{Lu}\p{Ll}+)(?![-‐\p{L}])/u.exec(text.slice(end, end + 40));
  const before = /(?<![\p{L}-])(\p{Lu}\p{Ll}+)[-‐]$/u.exec(text.slice(Math.max(0, start - 40), start));
  const rest = text.slice(end + (after ? after[0].length : 0), end + 60);
  if (/^\s+(?:County|Parish|Borough)\b/.test(rest)) return false;
  // The whole is a place of its own ("Winston-Salem"), or a county's name ("Miami-Dade" County).
  const whole = text.slice(start - (before ? before[0].length : 0), end + (after ? after[0].length : 0));
  if (lookupPlace(whole).length > 0 || lookupPlace(`${whole} County`).length > 0) return false;
  return [after?.[1], before?.[1]].some((w) => w !== undefined && !ARABIC_ARTICLE.test(w) && !countryByDemonym(w) && lookupPlace(w).length === 0);
}
/** "according to Taylor": the word names who tells, not where. */
const SOURCE_BEFORE = /\baccording\s+to\s+$/i;

/** Toponyms from the entities layer's LOC mentions. */
function fromEntities(doc: PlacesInput, personWords: Set<string>): Toponym[] {
  const out: Toponym[] = [];
  for (const e of doc.entities ?? []) {
    if (e.type !== 'LOC' || e.nominal) continue;
    let { start } = e;
    let name = doc.text.slice(e.start, e.end);
    // A single word that is a person of the story, in the place of a source, is that person.
    if (personWords.has(name.toLowerCase()) && SOURCE_BEFORE.test(doc.text.slice(Math.max(0, e.start - 20), e.start))) continue;
    if (gluedToName(doc.text, e.start, e.end)) continue;
    const article = /^(?:the|an?)\s+/i.exec(name);
    if (article) { start += article[0].length; name = name.slice(article[0].length); }
    if (countryByDemonym(name) && !countryByName(name)) continue;
    const cands = usableCandidates(lookupPlace(name), name, false);
    if (cands.length === 0) continue;
    const first = firstEndingAfter(doc.tokens, start);
    const tokenStart = first < doc.tokens.length ? first : -1;
    let tokenEnd = tokenStart;
    while (tokenEnd < doc.tokens.length && doc.tokens[tokenEnd].start < e.end) tokenEnd++;
    out.push({ start, end: e.end, sentence: e.sentence, tokenStart, tokenEnd, candidates: cands, strong: true });
  }
  return out;
}

function ownMentions(ctx: Context, iso3: string): number {
  return ctx.countryMentions.get(iso3) ?? 0;
}

interface Context {
  /** How often each country is itself named (its weight minus this is other evidence). */
  countryMentions: Map<string, number>;
  /** Weight of each country in the article (named countries, demonyms, confident places). */
  countries: Map<string, number>;
  /** Divisions named in the article, as "ISO3|admin1 code". */
  divisions: Set<string>;
  mainCountry: string | null;
}

function best(cands: Candidate[], score: (c: Candidate) => number): Candidate {
  let top = cands[0];
  let topScore = score(top);
  for (let k = 1; k < cands.length; k++) {
    const sc = score(cands[k]);
    if (sc > topScore) { top = cands[k]; topScore = sc; }
  }
  return top;
}

function buildContext(doc: PlacesInput, toponyms: Toponym[]): Context {
  const countries = new Map<string, number>();
  const countryMentions = new Map<string, number>();
  const divisions = new Set<string>();
  const bump = (iso3: string, w: number) => countries.set(iso3, (countries.get(iso3) ?? 0) + w);
  for (const t of toponyms) {
    const top = best(t.candidates, priorScore);
    if (!top.place.country) continue;
    // A loose spelling match is not evidence of its own country ("Yusufiya" ≠ Morocco's "Youssoufia").
    if (top.loose) continue;
    if (top.place.kind === 'country' || top.place.kind === 'admin1' || top.place.kind === 'admin2' || top.place.kind === 'region') {
      bump(top.place.country, 1);
      if (top.place.kind === 'country') countryMentions.set(top.place.country, (countryMentions.get(top.place.country) ?? 0) + 1);
      if (top.place.admin1Code) divisions.add(`${top.place.country}|${top.place.admin1Code}`);
    } else {
      bump(top.place.country, t.candidates.length === 1 || top.place.population >= 100000 ? 1 : 0.5);
    }
  }
  // Demonyms are not places, but "Iraqi police" says the article is about Iraq.
  for (const m of doc.text.matchAll(/\b\p{Lu}[\p{L}-]+\b/gu)) {
    const iso3 = countryByDemonym(m[0].replace(/-(?:backed|led|born)$/, ''));
    if (iso3 && !countryByName(m[0])) bump(iso3, 0.5);
  }
  let mainCountry: string | null = null;
  let mainWeight = 0;
  for (const [iso3, w] of countries) if (w > mainWeight) { mainCountry = iso3; mainWeight = w; }
  return { countries, countryMentions, divisions, mainCountry };
}

/** "Nasiriyah, Iraq": a candidate inside the named container gains; one outside it loses. */
function containerBonus(c: Candidate, container: Candidate[] | null): number {
  if (!container) return 0;
  const p = c.place;
  return container.some((k) => k.place.country === p.country && (k.place.kind === 'country' || k.place.admin1Code === p.admin1Code)) ? 6 : -3;
}

function contextScore(c: Candidate, ctx: Context, container: Candidate[] | null): number {
  const p = c.place;
  let s = priorScore(c) + containerBonus(c, container);
  if (!p.country) return s;
  const w = ctx.countries.get(p.country) ?? 0;
  // A country gains from other evidence of itself ("Tbilisi", "Georgian"), not from its own mentions.
  if (p.kind === 'country') return s + Math.min(Math.max(w - ownMentions(ctx, p.country), 0), 3);
  if (w > 0) s += 2 + Math.min(w, 3) * 0.5;
  if (p.country === ctx.mainCountry) s += 1;
  if (p.admin1Code && ctx.divisions.has(`${p.country}|${p.admin1Code}`) && p.kind !== 'admin1') s += 2;
  return s;
}

function toMention(doc: PlacesInput, t: Toponym, p: GazetteerPlace): PlaceMention {
  return {
    text: doc.text.slice(t.start, t.end), start: t.start, end: t.end, name: p.name,
    country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon, geonames_id: p.geonamesId,
    precision: p.precision, sentence: t.sentence,
  };
}

/** Weight of a place's own division as "ISO3|admin1 code", or null. */
function divisionKey(p: GazetteerPlace): string | null {
  return p.country && p.admin1Code ? `${p.country}|${p.admin1Code}` : null;
}

/**
 * What the other toponyms of the article say about where it is: for every
 * distinct name, a probability over its candidates; summed per country and per
 * first-level division. A name never supports itself, so "Paris" alone does not
 * make an article French, while "Paris" beside "Tennessee" and "Nashville"
 * settles on the town in Tennessee.
 */
interface Support {
  countries: Map<string, number>;
  divisions: Map<string, number>;
  /** Each name's own share of those sums, subtracted when scoring that name. */
  own: Map<string, { countries: Map<string, number>; divisions: Map<string, number> }>;
  mainCountry: string | null;
  /** Towns and sites each name may be, with their probabilities: for nearness. */
  points: { name: string; lat: number; lon: number; p: number; county: boolean }[];
  /** The points by cell of the grid (see nearPoints), made when first asked. */
  grid?: Map<string, number[]>;
}

/** Degrees of a side of a cell of the points' grid. */
const CELL_DEGREES = 2;
/** Nearer the poles than this a degree of longitude is too short for the grid: every point is read. */
const GRID_MAX_LAT = 80;

/**
 * Indexes (in order) of the points that may lie within NEAR_KM of a place by distanceKm: those
 * in the grid cells that the place's NEAR_KM box touches. Reading every point for every
 * candidate made the stage quadratic in the number of names a long text holds.
 */
function nearPoints(p: GazetteerPlace, support: Support): number[] | null {
  // Degrees of latitude within NEAR_KM on distanceKm's earth (a hair more, against rounding).
  const NEAR_DEGREES = (NEAR_KM / ((6371 * Math.PI) / 180)) * 1.01;
  if (Math.abs(p.lat) + NEAR_DEGREES > GRID_MAX_LAT) return null;
  const cell = (deg: number) => Math.floor(deg / CELL_DEGREES);
  if (!support.grid) {
    support.grid = new Map();
    support.points.forEach((q, k) => {
      const key = `${cell(q.lat)}|${cell(q.lon)}`;
      const list = support.grid!.get(key);
      if (list) list.push(k); else support.grid!.set(key, [k]);
    });
  }
  // distanceKm scales longitude by the cosine of the mean latitude, at most this far from the equator.
  const meanLat = Math.abs(p.lat) + NEAR_DEGREES / 2;
  const lonDegrees = NEAR_DEGREES / Math.cos((meanLat * Math.PI) / 180);
  const out: number[] = [];
  for (let r = cell(p.lat - NEAR_DEGREES); r <= cell(p.lat + NEAR_DEGREES); r++) {
    for (let c = cell(p.lon - lonDegrees); c <= cell(p.lon + lonDegrees); c++) {
      for (const k of support.grid.get(`${r}|${c}`) ?? []) out.push(k);
    }
  }
  return out.sort((a, b) => a - b);
}

function add(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

/** A name's candidates as probabilities: a softmax over their scores. */
function distribution(cands: Candidate[], score: (c: Candidate) => number): number[] {
  const scores = cands.map(score);
  const top = Math.max(...scores);
  const e = scores.map((x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

function buildSupport(names: Map<string, { cands: Candidate[]; probs: number[] }>, demonyms: Map<string, number>): Support {
  const countries = new Map<string, number>(demonyms);
  const divisions = new Map<string, number>();
  const own: Support['own'] = new Map();
  const points: Support['points'] = [];
  for (const [name, { cands, probs }] of names) {
    cands.forEach((c, k) => {
      if (!c.loose && probs[k] >= 0.05 && (c.place.kind === 'city' || c.place.kind === 'site' || c.place.kind === 'admin2')) {
        points.push({ name, lat: c.place.lat, lon: c.place.lon, p: probs[k], county: c.place.kind === 'admin2' });
      }
    });
    const mine = { countries: new Map<string, number>(), divisions: new Map<string, number>() };
    cands.forEach((c, k) => {
      // A loose spelling match is no evidence of its own country ("Yusufiya" ≠ Morocco's "Youssoufia").
      if (c.loose || !c.place.country) return;
      add(mine.countries, c.place.country, probs[k]);
      const d = divisionKey(c.place);
      if (d) add(mine.divisions, d, probs[k]);
    });
    for (const [k, w] of mine.countries) add(countries, k, w);
    for (const [k, w] of mine.divisions) add(divisions, k, w);
    own.set(name, mine);
  }
  let mainCountry: string | null = null;
  let mainWeight = 0;
  for (const [iso3, w] of countries) if (w > mainWeight) { mainCountry = iso3; mainWeight = w; }
  return { countries, divisions, own, mainCountry, points };
}

/** Places within this distance of another place the article names count as near it. */
const NEAR_KM = 200;
const NEAR_WEIGHT = 1;
/** A town this close to a county's centre lies in or beside it; the pair counts this much more. */
const COUNTY_KM = 40;
const COUNTY_WEIGHT = 2;

/** Great-circle distance in km (equirectangular: exact enough at these distances). */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const x = (lon2 - lon1) * r * Math.cos(((lat1 + lat2) / 2) * r);
  const y = (lat2 - lat1) * r;
  return 6371 * Math.sqrt(x * x + y * y);
}

/** Score of a candidate given what the article's other names support. */
function supportedScore(c: Candidate, name: string, support: Support, container: Candidate[] | null, topPrior = -Infinity): number {
  const p = c.place;
  const prior = priorScore(c);
  const contained = containerBonus(c, container);
  let s = prior + contained;
  if (!p.country) return s;
  const own = support.own.get(name);
  const w = (support.countries.get(p.country) ?? 0) - (own?.countries.get(p.country) ?? 0);
  if (p.kind === 'country') return s + Math.min(Math.max(w, 0), 3);
  const d = divisionKey(p);
  const wd = d ? (support.divisions.get(d) ?? 0) - (own?.divisions.get(d) ?? 0) : 0;
  const near = p.kind === 'city' || p.kind === 'site' || p.kind === 'admin2' ? nearness(p, name, support) : 0;
  // The country alone does not make a small town of a far bigger namesake: "London" in a story
  // that names the United States is not London, Ohio, nor "Lisbon" Lisbon, Maine, unless its
  // state or towns near it are named too (container, division or nearness).
  const overshadowed = p.kind === 'city' && prior + PROMINENCE_GAP < topPrior && wd < LOCAL_SUPPORT && near < LOCAL_SUPPORT && contained <= 0;
  if (w > 0.05 && !overshadowed) {
    s += 2 + Math.min(w, 3) * 0.5;
    // The article's main country, when other names make it so: "Manchester" alone is not American
    // because sixteen small American towns share the name.
    if (p.country === support.mainCountry) s += 1;
  }
  if (wd > 0.05) s += 1.5 * Math.min(wd, 3);
  s += NEAR_WEIGHT * Math.min(near, 3);
  return s;
}

/** How much more prominent (prior score: about a power of ten in people) a namesake must be to overshadow a town. */
const PROMINENCE_GAP = 2;
/** Support from the town's division or neighbours that lifts the shadow: half a likely name ("China" is China, not China, Maine). */
const LOCAL_SUPPORT = 0.5;

/** Towns named in one local story lie near each other, across division borders too: support from the others' likely points. */
function nearness(p: GazetteerPlace, name: string, support: Support): number {
  let near = 0;
  const around = nearPoints(p, support);
  const count = around ? around.length : support.points.length;
  for (let i = 0; i < count; i++) {
    const q = support.points[around ? around[i] : i];
    if (q.name === name) continue;
    const km = distanceKm(p.lat, p.lon, q.lat, q.lon);
    if (km < NEAR_KM) near += q.p * (km < NEAR_KM / 2 ? 1 : 2 - (2 * km) / NEAR_KM);
    // A town inside a county the article names ("Huntsville" and "Walker County"): the county's centre is close.
    if (km < COUNTY_KM && (q.county !== (p.kind === 'admin2'))) near += COUNTY_WEIGHT * Math.max(q.p, 0.5);
  }
  return near;
}

function isDivisionOrCountry(c: Candidate): boolean {
  return c.place.kind === 'admin1' || c.place.kind === 'country';
}

/** "Washington state", "the state of Washington", "Kirkuk province": the name is a division's. */
function namedAsDivision(doc: PlacesInput, s: Sentence, t: Toponym): boolean {
  const word = (k: number) => (k >= s.tokenStart && k < s.tokenEnd ? tokenText(doc, k) : '');
  const DIVISION_WORDS = /^(?:state|province|governorate|oblast|region|prefecture)$/;
  if (DIVISION_WORDS.test(word(t.tokenEnd)) || DIVISION_WORDS.test(doc.text.slice(t.start, t.end).split(/\s+/).pop()!.toLowerCase())) return true;
  return word(t.tokenStart - 1).toLowerCase() === 'of' && DIVISION_WORDS.test(word(t.tokenStart - 2).toLowerCase());
}

/** Demonyms are not places, but "Iraqi police" says the article is about Iraq. */
function demonymWeights(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}-]+\b/gu)) {
    const iso3 = countryByDemonym(m[0].replace(/-(?:backed|led|born)$/, ''));
    if (iso3 && !countryByName(m[0])) add(out, iso3, 0.5);
  }
  return out;
}

/**
 * A small town named like a first-level division or a country it lies in ("Wales" in South
 * Yorkshire, "Virginia" in Minnesota) is not what a bare mention of the name means, however near
 * it lies to the article's other places; it stays a candidate after a container it lies in
 * ("Virginia, Minn.").
 */
function villageNamedLikeItsLand(c: Candidate, all: Candidate[], container: Candidate[] | null): boolean {
  const p = c.place;
  if (p.kind !== 'city' || p.population >= BARE_CITY_POPULATION) return false;
  if (!all.some((d) => (d.place.kind === 'admin1' || d.place.kind === 'country') && !d.loose && d.place.country === p.country)) return false;
  return containerBonus(c, container) <= 0;
}

/** Every toponym in the document's sentences, resolved to a place. */
export function findPlaces(doc: PlacesInput): PlaceMention[] {
  const lower = lowerCaseWords(doc.text);
  const blocked = new SpanSet(nonPlaceSpans(doc.entities));
  const personWords = personNameWords(doc, doc.entities);
  // A dateline names a town even where the tagger read a state ("NEW YORK —").
  const datelines = fromDatelines(doc);
  const datelineSpans = new SpanSet(datelines);
  const toponyms = [...datelines, ...fromEntities(doc, personWords).filter((t) => !datelineSpans.overlaps(t.start, t.end))];
  const found = new SpanSet(toponyms);
  for (const t of fromOrgNames(doc, lower, personWords)) if (!found.overlaps(t.start, t.end)) { toponyms.push(t); found.add(t); }
  const taken = new SpanSet(toponyms);
  for (const s of doc.sentences) {
    checkDeadline();
    for (const t of scanSentence(doc, s, blocked, taken, lower, personWords)) {
      toponyms.push(t);
      taken.add(t);
    }
  }
  // "the run-up to Christmas": a holiday, month or weekday is a date even where the tagger read a place.
  const dates = new Set((doc.times ?? []).map((x) => `${x.start}:${x.end}`));
  const named = toponyms.filter((t) => !dates.has(`${t.start}:${t.end}`));
  named.sort((a, b) => a.start - b.start);
  const ctx = buildContext(doc, named);
  interface Pending { t: Toponym; name: string; cands: Candidate[]; container: Candidate[] | null; divisionCue: boolean; topPrior: number }
  const pending: Pending[] = [];
  for (const t of named) {
    const s = doc.sentences[t.sentence];
    let container = s ? containerAfter(doc, s, t.tokenEnd) : null;
    const cands = t.candidates.filter((c) => looseBelievable(c, ctx) && !villageNamedLikeItsLand(c, t.candidates, container));
    if (cands.length === 0) continue;
    // "Alaska, Arizona, California": a division or country before another is a list, not "Town, State".
    if (container && cands.some(isDivisionOrCountry)) container = null;
    const divisionCue = s ? namedAsDivision(doc, s, t) : false;
    pending.push({ t, name: foldName(doc.text.slice(t.start, t.end)), cands, container, divisionCue, topPrior: Math.max(...cands.map(priorScore)) });
  }
  // First the old context score; then twice more, with what the other names support.
  const demonyms = demonymWeights(doc.text);
  let score = (x: Pending, c: Candidate) => contextScore(c, ctx, x.container);
  for (let round = 0; round < 3; round++) {
    const names = new Map<string, { cands: Candidate[]; probs: number[] }>();
    for (const x of pending) {
      if (names.has(x.name)) continue;
      names.set(x.name, { cands: x.cands, probs: distribution(x.cands, (c) => score(x, c)) });
    }
    const support = buildSupport(names, demonyms);
    score = (x: Pending, c: Candidate) => supportedScore(c, x.name, support, x.container, x.topPrior) + (x.divisionCue && c.place.kind === 'admin1' ? 4 : 0);
  }
  const out: PlaceMention[] = [];
  for (const x of pending) {
    checkDeadline();
    const top = best(x.cands, (c) => score(x, c));
    // A small town matched only loosely or without any cue is too weak to report.
    if (!x.t.strong && top.place.kind === 'city' && top.loose && top.place.population < BARE_CITY_POPULATION) continue;
    out.push(toMention(doc, x.t, top.place));
  }
  return out;
}
