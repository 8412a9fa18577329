/**
 * entities: mentions of people, organisations, places and groups, each with
 * its coreference chain. Named mentions come from name runs (name-runs.ts)
 * typed by classify.ts; descriptive mentions ("protesters", "a Baghdad court")
 * from nominals.ts; chains from coref.ts. Codes are left null here — the
 * actors stage fills country, sector and code.
 */
import type { EntityMention, EntityType, Sentence, Token } from '../doc/types.js';
import { classifyRun } from './classify.js';
import { chainMentions, chainType, type CorefMention } from './coref.js';
import type { Lexicon } from './lexicon.js';
import { findNameRuns, type Run } from './name-runs.js';
import { tagSpans } from './tagger/index.js';
import { findNominals, modifiesNextNoun } from './nominals.js';
import { defaultLexicon } from './default-lexicon.js';
import { eventPatterns } from '../events/ontology.js';
import { firstStartingFrom, ofSentence } from '../util/spans.js';
import { checkDeadline } from '../util/deadline.js';

export interface EntityInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  meta: { published: string | null };
  titleSpan?: { start: number; end: number } | null;
}

/** A headline in title case ("Iraqi People are Forcing Washington …") has no usable capitals. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.7;
}

/** Lower-case particles that may end a name ("Tour de …" aside, "Ibn al-…" pieces). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

/** Particles inside people's names. */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ben']);
const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/** A line break in any convention (LF, CRLF, an old Mac file's bare CR): names do not run across one. */
const LINE_BREAK = /[\r\n]/;

/** Parts of speech a one-word name never has. */
const NOT_NAME_POS = new Set(['CCONJ', 'SCONJ', 'ADV', 'ADP', 'DET', 'PRON', 'AUX', 'PART', 'NUM', 'INTJ']);

/** Evidence strong enough to keep a rule run whole against the tagger's cut. */
const STRONG_EVIDENCE = new Set(['dictionary', 'title', 'gazetteer', 'org-head', 'loc-head']);

/** Evidence too weak to overrule the tagger or to stand without it. */
const WEAK_EVIDENCE = new Set(['unknown', 'name-shape', 'acronym']);

export interface CandidateRun extends Run {
  /** The tagger's type when the tagger found this span. */
  tagged: EntityType | null;
  /** The span is exactly the tagger's, neither widened nor merged by a rule. */
  exact?: boolean;
  /** Found by the rules only (the tagger saw no name here). */
  ruleOnly: boolean;
}

/**
 * Is the role word at token i used as a surname: capitalised inside the sentence, with no
 * article, possessive or modifier before it and no name after it ("… said King", "King will
 * feel good"), unlike "the King", "Belgian King Baudouin"?
 */
function surnameLike(text: string, tokens: Token[], s: Sentence, i: number): boolean {
  if (i === s.tokenStart) return false;
  const before = tokens[i - 1];
  const w = text.slice(tokens[i].start, tokens[i].end);
  // (A plural, "sailors and Marines", is a group.)
  if (!/^\p{Lu}\p{Ll}+$/u.test(w) || /[^s]s$/.test(w) || ['DET', 'PRON', 'ADJ', 'NUM'].includes(before.pos) || /^['’]s$/.test(text.slice(before.start, before.end))) return false;
  return !(i + 1 < s.tokenEnd && /^\p{Lu}/u.test(text.slice(tokens[i + 1].start, tokens[i + 1].end)));
}

const hasLetter = (text: string, tokens: Token[], a: number, b: number) => {
  for (let k = a; k < b; k++) if (/\p{L}/u.test(text.slice(tokens[k].start, tokens[k].end))) return true;
  return false;
};

/**
 * The stretch of tokens the tagger reads for a sentence, or null for none. A sentence with no
 * letters ("1.", a stray quote) names nothing; a list number the splitter cut off on the same
 * line ("1. Ana Ruiz ( Spain )") is read with the sentence after it, so the name does not look
 * sentence-initial; and letterless tokens left over from the line before are not read.
 */
function taggingWindow(text: string, tokens: Token[], s: Sentence, prev: Sentence | null): Sentence | null {
  if (!hasLetter(text, tokens, s.tokenStart, s.tokenEnd)) return null;
  let start = s.tokenStart;
  if (prev && prev.tokenEnd === s.tokenStart && !hasLetter(text, tokens, prev.tokenStart, prev.tokenEnd)
    && !LINE_BREAK.test(text.slice(prev.start, s.start))) start = prev.tokenStart;
  else {
    // (The splitter keeps a line break as a token of its own, or leaves it between tokens.)
    for (let k = s.tokenStart + 1; k < s.tokenEnd; k++) {
      if (!LINE_BREAK.test(text.slice(tokens[k - 1].end, tokens[k].end))) continue;
      if (!hasLetter(text, tokens, s.tokenStart, k)) start = /\S/.test(text.slice(tokens[k].start, tokens[k].end)) ? k : k + 1;
      break;
    }
  }
  return start === s.tokenStart ? s : { ...s, tokenStart: start, start: tokens[start].start };
}

/**
 * Name spans for a sentence: the tagger's spans, widened to a rule run that
 * contains them when the extra words are a title or a dictionary name, plus
 * rule runs the tagger missed.
 */
function candidateRuns(text: string, tokens: Token[], s: Sentence, prev: Sentence | null, ruleRuns: Run[], useTagger: boolean, isKnownName: (name: string) => boolean,
  strongRule: (r: Run) => boolean, common: (w: string) => boolean, isRole: (w: string) => boolean = () => false,
  leadsName: (r: Run, nameStart: number) => boolean = () => true, titledPerson: (r: Run) => boolean = () => true): CandidateRun[] {
  if (!useTagger) return ruleRuns.map((r) => ({ ...r, tagged: null, ruleOnly: false }));
  const tagged = (taggingWindow(text, tokens, s, prev) ? tagSpans(text, tokens, taggingWindow(text, tokens, s, prev)!) : [])
    // A span never ends on a connecting word ("Falih al-Fayyadh and", "… for Sarajevo on") or a
    // common lower-case noun ("the Dole campaign"); "United Nations-sponsored" keeps its piece.
    .map((t) => {
      let last = t.last;
      const w = (k: number) => text.slice(tokens[k].start, tokens[k].end);
      const hyphened = (k: number) => w(k - 1) === '-' && tokens[k - 1].end === tokens[k].start;
      while (last > t.first && (/^(and|or|of|the|for|on|at|in|to|by|with|&|,)$/i.test(w(last))
        || /^\p{Ll}+$/u.test(w(last)) && !PARTICLES.has(w(last)) && !hyphened(last))) last--;
      return { ...t, last };
    })
    // Nor does a name hold a bracket: "Hizbollah (Party of God)" is a name and its gloss, and
    // "Nation)" is "Nation". (A team's closing letters stay: "Mladost (L)", "Radnicki (BJ)".)
    .flatMap((t) => {
      const bracket = (k: number) => { const w = text.slice(tokens[k].start, tokens[k].end); return w === '(' || w === ')' || w === '[' || w === ']'; };
      const w = (k: number) => text.slice(tokens[k].start, tokens[k].end);
      if (t.last - t.first >= 3 && w(t.last) === ')' && w(t.last - 2) === '(' && /^\p{Lu}{1,3}$/u.test(w(t.last - 1))) return [t];
      const pieces: typeof t[] = [];
      let from = t.first;
      for (let k = t.first; k <= t.last + 1; k++) {
        if (k <= t.last && !bracket(k)) continue;
        if (k > from) pieces.push({ ...t, first: from, last: k - 1 });
        from = k + 1;
      }
      return pieces;
    })
    // Nor does a person's or place's name hold a lower-case verb: "Recep Tayyip Erdoğan met
    // Andrzej Duda" is two people ("Stratford-upon-Avon" keeps its hyphened pieces).
    .flatMap((t) => {
      if (t.type === 'MISC' || t.type === 'ORG') return [t];
      const w = (k: number) => text.slice(tokens[k].start, tokens[k].end);
      const pieces: typeof t[] = [];
      let from = t.first;
      for (let k = t.first + 1; k < t.last; k++) {
        if ((tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && /^\p{Ll}+$/u.test(w(k))
          && tokens[k - 1].end < tokens[k].start && tokens[k].end < tokens[k + 1].start) {
          if (k > from) pieces.push({ ...t, first: from, last: k - 1 });
          from = k + 1;
        }
      }
      if (from === t.first) return [t];
      pieces.push({ ...t, first: from, last: t.last });
      return pieces;
    })
    // A span with no capital letter is no name ("interior ministry").
    .filter((t) => /\p{Lu}/u.test(text.slice(tokens[t.first].start, tokens[t.last].end)));
  let out: CandidateRun[] = tagged
    // A lone sentence-opening common word is no name ("Roadside bombs struck …").
    .filter((t) => !(t.first === t.last && t.first === s.tokenStart && common(text.slice(tokens[t.first].start, tokens[t.first].end).toLowerCase())))
    // A role word is a description, not a name, even when the tagger calls it one ("Opposition groups …").
    // (A capitalised role word the tagger calls a person, with no article or possessive before it and
    // no name after it, is a surname: "said King", "Bishop's letter" aside.)
    .filter((t) => !(t.first === t.last && isRole(tokens[t.first].normal) && !(t.type === 'PER' && surnameLike(text, tokens, s, t.first))
      && !(t.type === 'ORG' && t.first > s.tokenStart && /^\p{Lu}\p{Ll}+$/u.test(text.slice(tokens[t.first].start, tokens[t.first].end)) && tokens[t.first - 1].normal === 'the')))
    // Nor is a lone function word or adverb ("But", "Sometimes", "First").
    .filter((t) => !(t.first === t.last && NOT_NAME_POS.has(tokens[t.first].pos)))
    .map((t) => ({ first: t.first, last: t.last, tagged: t.type as EntityType, ruleOnly: false, exact: true }));
  const word = (k: number) => text.slice(tokens[k].start, tokens[k].end);
  for (const r of ruleRuns) {
    const inside = out.filter((t) => t.first <= r.last && t.last >= r.first);
    // In an all-capitals line (a headline, a results table) capitals say nothing: the tagger's cut stands.
    const allCaps = Array.from({ length: r.last - r.first + 1 }, (_, k) => word(r.first + k)).every((w) => !/\p{Ll}/u.test(w));
    if (allCaps && inside.length > 0) continue;
    // A rule run the dictionaries explain (a known actor or place, a titled person, an organisation
    // with its head word) is one name however the tagger cut it: "Baghdad International Airport",
    // "US President Donald Trump", "Falih al-Fayyadh". Where the tagger found exactly that span,
    // its type stands ("New York" the team in a results table); a tagged span reaching beyond the
    // run ("Hong Kong-based") is not cut down to it.
    const known = isKnownName(text.slice(tokens[r.first].start, tokens[r.last].end));
    if (known && inside.length === 1 && inside[0].first === r.first && inside[0].last === r.last) continue;
    if (known && inside.some((t) => t.first < r.first || t.last > r.last)) continue;
    // Tagged names of different kinds with words between them ("of", "at the", a role) stay apart
    // unless a title binds them: "Lynn Carter of Harbour Bank Inc", "the White Sox for the American
    // League" are two names each; "US President Donald Trump" is one person, and side by side
    // ("Ontario Liberal Party") the names make one.
    const sorted = [...inside].sort((a, b) => a.first - b.first);
    // Two names of the same kind are apart too when each is whole on its own, two words or more,
    // and "for the", "on the" join them ("the National Hockey League for the Harbour City Eagles";
    // "of the" stays inside names: "World Organization of the Scout Movement").
    const whole = (t: CandidateRun) => t.last > t.first;
    const apart = sorted.some((t, k) => k > 0 && t.first > sorted[k - 1].last + 1 && (t.tagged !== sorted[k - 1].tagged
      || whole(t) && whole(sorted[k - 1]) && tokens[t.first - 1].normal === 'the' && tokens[t.first - 2]?.normal !== 'of'));
    if (known || (inside.length >= 2 && strongRule(r) && (!apart || titledPerson(r)))) {
      out = out.filter((t) => t.first > r.last || t.last < r.first);
      out.push({ ...r, tagged: null, ruleOnly: false });
      continue;
    }
    if (inside.length === 0) { out.push({ ...r, tagged: null, ruleOnly: true }); continue; }
    // Pieces of one person's name the tagger cut at a particle ("Van | der | Westhuizen",
    // "Abd | al | Aziz") are one person when the last piece is.
    if (inside.length >= 2 && sorted[sorted.length - 1].tagged === 'PER' && sorted.every((t, k) => k === 0
      || range(sorted[k - 1].last + 1, t.first).every((j) => NAME_PARTICLES.has(tokens[j].normal) || word(j) === '-') && t.first > sorted[k - 1].last + 1)) {
      const first = sorted[0].first;
      const last = sorted[sorted.length - 1].last;
      out = out.filter((t) => t.first > last || t.last < first);
      out.push({ first, last, tagged: 'PER', ruleOnly: false });
      continue;
    }
    // A rule run that holds exactly one tagged span and starts earlier with a title or an
    // organisation's head word carries it ("US President Donald Trump", "Authority for Coastal
    // Lights"); other capitalised words before a name ("Results of English", "Former England") do not.
    if (inside.length === 1 && r.first < inside[0].first && r.last === inside[0].last && leadsName(r, inside[0].first)) {
      inside[0].first = r.first;
      inside[0].exact = false;
    }
  }
  out.sort((a, b) => a.first - b.first);
  layoutLines(text, tokens, s, out);
  return out;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** What follows the place of a dateline: ", Region" at most, then a date or the agency. */
const DATELINE_TAIL = new RegExp(`^(?:\\s*,\\s*[\\p{L}.' ]{2,30}?)?\\s*,?\\s*(?:\\d{4}-\\d\\d-\\d\\d|${MONTH}\\s+\\d{1,2}\\b|\\((?:reuters|ap|afp|upi|xinhua|dpa|ips)\\))`, 'iu');

/**
 * Two layouts of news copy name places whatever a name looks like elsewhere in the article:
 * the dateline ("LA PAZ , Bolivia 2024-05-02", "OSLO (Reuters) -") opens with the place, and a
 * fixture line "A at B" (a sports listing) names the visitors, then the venue.
 */
export function layoutLines(text: string, tokens: Token[], s: Sentence, out: CandidateRun[]): void {
  const lineStart = (k: number) => k === 0 || LINE_BREAK.test(text.slice(tokens[k - 1].end, tokens[k].start)) || /^\s+$/.test(text.slice(tokens[k - 1].start, tokens[k - 1].end));
  const first = out[0];
  if (first && first.tagged && first.first === s.tokenStart && lineStart(first.first)) {
    const name = text.slice(tokens[first.first].start, tokens[first.last].end);
    if (!/\p{Ll}/u.test(name) && DATELINE_TAIL.test(text.slice(tokens[first.last].end, Math.min(s.end + 1, tokens[first.last].end + 60)))) {
      first.tagged = 'LOC';
    }
  }
  // "Denver at Seattle": exactly two names and "at" between them.
  if (out.length === 2 && out[0].first === s.tokenStart && out[1].last === s.tokenEnd - 1 && out[1].first === out[0].last + 2
    && tokens[out[0].last + 1].normal === 'at' && out[1].tagged && out[1].tagged !== 'PER') {
    out[1].tagged = 'LOC';
  }
}

export function findEntities(doc: EntityInput, lex: Lexicon = defaultLexicon(), useTagger = true): EntityMention[] {
  const { text, tokens } = doc;
  const date = doc.meta.published;
  // Words that may open a sentence and still be (part of) a name. Role words are not among them:
  // "Demonstrators blocked …" is a description; "President X" is folded into X by foldTitles.
  const known = (w: string) => lex.countryByDemonym(w) !== null || lex.countryByName(w) !== null
    || lex.honorific(w.toLowerCase()) || lex.isPlace(w);
  const common = commonWords(text);
  const mentions: EntityMention[] = [];
  // Spans whose type the statistical tagger gave (start:end): coreference does not retype them.
  const taggerTyped = new Set<string>();
  // Tokens inside a named mention of the sentence at hand: one array for the document, the marks
  // of each sentence undone after it (an array per sentence made the stage quadratic).
  const taken = new Array<boolean>(tokens.length).fill(false);
  const marked: number[] = [];
  const earlierPeople = new NameWords();
  for (const s of doc.sentences) {
    checkDeadline();
    for (const k of marked) taken[k] = false;
    marked.length = 0;
    const t = doc.titleSpan;
    if (t && s.start < t.end && s.end > t.start && isTitleCase(text.slice(s.start, s.end))) continue;
    const countryWordsDone = new Set<number>();
    const wordsOf = (r: Run) => { const w: string[] = []; for (let k = r.first; k <= r.last; k++) w.push(text.slice(tokens[k].start, tokens[k].end)); return w; };
    const strongRule = (r: Run) => classifyRun(wordsOf(r), lex, date).every((p) => STRONG_EVIDENCE.has(p.evidence));
    const titled = (r: Run) => classifyRun(wordsOf(r), lex, date).some((p) => p.roles.length > 0 || p.titleCountry !== null);
    const titledPerson = (r: Run) => classifyRun(wordsOf(r), lex, date).some((p) => p.type === 'PER' && !p.roleOnly && (p.roles.length > 0 || p.titleCountry !== null));
    const leadsName = (r: Run, nameStart: number) => titled(r)
      || wordsOf({ first: r.first, last: nameStart - 1 }).some((w) => lex.orgWord(w.toLowerCase()) === 'head');
    const knownName = (n: string) => lex.actor(n, date) !== null || (/\s/.test(n) && lex.isPlace(n));
    const prev = s.index > 0 ? doc.sentences[s.index - 1] ?? null : null;
    for (const run of candidateRuns(text, tokens, s, prev, findNameRuns(text, tokens, s, known, common), useTagger, knownName, strongRule, common, (w) => lex.roleAt([w], 0) !== null, leadsName, titledPerson)) {
      const words: string[] = [];
      for (let k = run.first; k <= run.last; k++) words.push(text.slice(tokens[k].start, tokens[k].end));
      let parts = classifyRun(words, lex, date);
      // The tagger's own span of an organisation, place or other name is one name: no title is
      // peeled off it and no demonym cut out of it ("Major League", "Queen of the South",
      // "West Indian", "Cleveland Indians").
      // A lone role word the tagger calls a person and that stands like a surname is that person's name.
      if (run.exact && run.tagged === 'PER' && words.length === 1 && parts[0].roleOnly && surnameLike(text, tokens, s, run.first)) {
        parts = [{ ...parts[0], roleOnly: false, roles: [], roleSectors: [], evidence: 'unknown' }];
      }
      // A title before a person's name still makes a person ("Colonel Ana Ruiz").
      const titledPerson = parts.some((p) => p.type === 'PER' && p.roles.length > 0 && !p.roleOnly && /^\p{Lu}\p{L}/u.test(words[p.first]));
      // (Nor does a bare title: "Foreign Minister" stays a description even where the tagger calls it a body.)
      const bareTitle = parts.every((p) => p.roleOnly);
      if (run.exact && run.tagged !== 'PER' && run.tagged !== null && !titledPerson && !bareTitle && (parts.length > 1 || parts[0].first > 0 || parts[0].last < words.length - 1)) {
        const main = parts[parts.length - 1];
        parts = [{ ...main, first: 0, last: words.length - 1, type: run.tagged, roles: [], roleSectors: [], titleCountry: null, roleOnly: false, countryWord: undefined }];
      }
      // Where the statistical tagger found the name, its type wins over rule evidence;
      // a run only the rules found must have strong evidence to stand.
      // (A surname of a person already named stands: "Omar Tallisk … Tallisk denied it.")
      const earlierName = () => earlierPeople.hasAll(mentions, words);
      if (run.ruleOnly && parts.every((p) => WEAK_EVIDENCE.has(p.evidence)) && !earlierName()) continue;
      // A head word alone ("Stadium", "Quarter") names nothing; an all-capitals run the tagger
      // did not see is a headline, not a name.
      if (run.ruleOnly && (run.first === run.last && parts.every((p) => /-head$/.test(p.evidence))
        || (run.last > run.first && words.every((w) => !/\p{Ll}/u.test(w))))) continue;
      for (const p of parts) {
        // The tagger's type beats every rule but the actor dictionary (measured: CoNLL dev F1 0.81 → 0.85).
        // A head word of an event or competition ends the name: "Harbour City Open" is no place.
        const event = run.tagged === 'LOC' && p.evidence === 'misc-head' && p.last > p.first;
        const byTagger = run.tagged !== null && !event && (parts.length === 1 && p.evidence !== 'dictionary' && !(titledPerson && p.type === 'PER') || (p.evidence === 'demonym' && run.tagged !== 'MISC' && p.first === 0 && p.last === words.length - 1));
        if (byTagger) p.type = run.tagged!;
        const first = run.first + p.first;
        const last = run.first + p.last;
        const start = tokens[first].start;
        const end = tokens[last].end;
        if (byTagger || run.tagged === p.type) taggerTyped.add(`${start}:${end}`);
        const mText = text.slice(start, end);
        for (let k = run.first; k <= run.last; k++) { taken[k] = true; marked.push(k); }
        const modifierCountry = p.titleCountry ?? possessiveCountry(text, tokens, run.first, s.tokenStart, lex);
        // The demonym of the title is a name of its own: "Russian" in "Russian Prime Minister X";
        // the person keeps the country as well. (A country's name there, "U.S. Envoy Y", is not
        // made a mention: events would take the place for the person.)
        const cw = p.countryWord;
        if (cw && cw.type === 'MISC' && !countryWordsDone.has(run.first + cw.index)) {
          countryWordsDone.add(run.first + cw.index);
          const t = tokens[run.first + cw.index];
          mentions.push({
            start: t.start, end: t.end, text: text.slice(t.start, t.end), name: text.slice(t.start, t.end), type: cw.type,
            country: null, sector: null, code: null, chain: -1, sentence: s.index, roles: [], roleSectors: [], modifierCountry: null,
            codeSource: null, nominal: false, evidence: 'demonym',
          });
        }
        // "Humanitarian access …": a one-word title run that only modifies the noun after it is no person.
        if (p.roleOnly && first === last && modifiesNextNoun(text, tokens, first, s.tokenEnd, lex)) continue;
        mentions.push({
          start, end, text: mText, name: mText, type: p.type, country: null, sector: null, code: null,
          chain: -1, sentence: s.index, roles: p.roles, roleSectors: p.roleSectors, modifierCountry,
          codeSource: null, nominal: p.roleOnly, evidence: p.evidence,
        });
      }
    }
    for (const h of findNominals(text, tokens, s.tokenStart, s.tokenEnd, taken, lex, (w) => lex.placeCountry(w))) {
      const start = tokens[h.first].start;
      const end = tokens[h.last].end;
      mentions.push({
        start, end, text: text.slice(start, end), name: h.role.phrase, type: h.role.type, country: null, sector: null, code: null,
        chain: -1, sentence: s.index, roles: [h.role.phrase], roleSectors: [h.role.sector], modifierCountry: h.country,
        codeSource: null, nominal: true, evidence: 'nominal',
      });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const glossOf = new Map<number, number>();
  const chained = assignChains(text, nameGlosses(text, foldTitles(text, mentions, lex, tokens), taggerTyped, glossOf), taggerTyped, glossOf);
  return [...chained, ...pronounMentions(doc, chained)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The tokens lying inside [from, to), found by binary search. */
function tokensBetween(tokens: Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let k = firstStartingFrom(tokens, from); k < tokens.length && tokens[k].start <= to; k++) if (tokens[k].end <= to) out.push(tokens[k]);
  return out;
}

/** A mention that is nothing but a title ("Defence Secretary"), its name not beside it. */
function titleAlone(m: EntityMention): boolean {
  return m.evidence === 'title' && m.roles.includes(m.text.toLowerCase().replace(/\s+/g, ' '));
}

/**
 * A descriptive mention right before a name is that person's title:
 * "Iraqi militia commander Abu Mahdi al-Muhandis". The name keeps the roles
 * and the country; the title is not a participant of its own.
 */
function foldTitles(text: string, mentions: EntityMention[], lex: Lexicon, tokens: Token[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    let j = i + 1;
    while (j < mentions.length && mentions[j].start < m.end) j++;
    if (j >= mentions.length) j = -1;
    const next = j >= 0 ? mentions[j] : undefined;
    // "British militant Haroon Aswad", "Iranian general Qasem Soleimani": a demonym a few
    // lower-case words before a name gives the person's country.
    if (m.evidence === 'demonym' && next && next.type === 'PER' && next.evidence !== 'nominal' && !next.modifierCountry
      && /^\s+([\p{Ll}][\p{Ll}-]*\s+){1,3}$/u.test(text.slice(m.end, next.start))
      && tokensBetween(tokens, m.end, next.start).every((t) => ['NOUN', 'ADJ', 'PROPN'].includes(t.pos))) {
      mentions[j] = { ...next, modifierCountry: lex.countryByDemonym(m.text.split(/\s+/).pop()!) };
    }
    // (Only a description of a person: "the BBC News website Ford" names no website.) A title the
    // line broke off its name ("Defence Secretary\nCaspar Weinberger" in a wrapped wire) is one too.
    if ((m.evidence === 'nominal' || titleAlone(m)) && m.type === 'PER' && next && next.type === 'PER' && next.evidence !== 'nominal'
      && next.evidence !== 'title' && /^\s+$/.test(text.slice(m.end, next.start))) {
      mentions[j] = {
        ...next,
        roles: [...m.roles, ...next.roles],
        roleSectors: [...m.roleSectors, ...next.roleSectors],
        modifierCountry: next.modifierCountry ?? m.modifierCountry,
      };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Head nouns that a name may carry after it, or after its gloss: "Hizbollah (Party of God) group". */
const NAME_HEADS = new Set(['group', 'party', 'movement', 'organisation', 'organization', 'faction', 'militia', 'front', 'alliance', 'coalition',
  'bloc', 'union', 'league', 'newspaper', 'daily', 'weekly', 'agency', 'network', 'brigade', 'brigades', 'sect', 'society', 'association', 'federation']);

/** The initials of a name's capitalised words ("Kurdistan Democratic Party" → "KDP"). */
const initials = (name: string) => (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('');

/**
 * A name with a gloss in brackets, then a head noun: "the Hizbollah (Party of God) group", "the
 * Umma (Nation) party". The name is the organisation's; the gloss is another name of it (same
 * chain, never its name), and the head noun is part of the named phrase, not a participant of its
 * own, so the name stands for "the … group" ("the Hizbollah group" too). An acronym's expansion,
 * "KDP (Kurdistan Democratic Party)", is a gloss as well. Other bracketed names — a player's
 * country, a venue — are left alone. `glossOf` gets the start of each gloss → the start of its name.
 */
function nameGlosses(text: string, mentions: EntityMention[], taggerTyped: Set<string>, glossOf: Map<number, number>): EntityMention[] {
  const drop = new Set<EntityMention>();
  const orgHead = (h: EntityMention | undefined, from: number) => !!h && h.evidence === 'nominal' && h.type === 'ORG'
    && /^[^\S\r\n]+$/.test(text.slice(from, h.start)) && NAME_HEADS.has(h.text.toLowerCase());
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.nominal || m.evidence === 'nominal' || m.evidence === 'demonym' || m.evidence === 'pronoun') continue;
    const g = mentions[i + 1];
    const gloss = g && g.start > m.end && /^[^\S\r\n]*\([^\S\r\n]*$/.test(text.slice(m.end, g.start)) && /^\p{Lu}/u.test(g.text) && g.evidence !== 'pronoun'
      ? /^[^\S\r\n]*\)/.exec(text.slice(g.end, g.end + 4)) : null;
    // (An acronym in brackets is the name's already: "Popular Mobilization Committee (PMC)".)
    const isGloss = gloss && !/^[\p{Lu}][\p{Lu}\-]+$/u.test(g.text);
    const after = isGloss ? g.end + gloss[0].length : m.end;
    const h = mentions[isGloss ? i + 2 : i + 1];
    const headed = orgHead(h, after);
    // A person's name stays a person's unless the gloss and head noun both follow ("the Umma (Nation) party").
    if (m.type === 'PER' && !(isGloss && headed)) continue;
    if (isGloss && (headed || (/^[\p{Lu}]{2,}$/u.test(m.text) && initials(g.text) === m.text))) {
      glossOf.set(g.start, m.start);
      if (m.type !== 'ORG' && m.evidence !== 'dictionary') { m.type = 'ORG'; taggerTyped.delete(`${m.start}:${m.end}`); }
      // (An acronym's expansion may name the chain; a translation never does.)
      mentions[i + 1] = { ...g, type: 'ORG', name: g.text, nominal: false, roles: [], roleSectors: [], modifierCountry: null, evidence: headed ? 'gloss' : g.evidence };
      taggerTyped.delete(`${g.start}:${g.end}`);
    }
    if (headed && (isGloss || m.type === 'ORG')) drop.add(h);
  }
  return drop.size ? mentions.filter((m) => !drop.has(m)) : mentions;
}

/**
 * A personal pronoun that opens a sentence ("He is accused of …") is the previous
 * sentence's subject: its first named person ("he", "she"), organisation or place
 * ("it"), or either ("they"). The pronoun becomes a mention of that chain.
 */
function pronounMentions(doc: EntityInput, mentions: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const s of doc.sentences) {
    if (s.index === 0) continue;
    let k = s.tokenStart;
    // "But he …", "However, they …"
    while (k < s.tokenEnd - 1 && ['but', 'however', 'and', 'yet', 'still', ','].includes(doc.tokens[k].normal)) k++;
    const t = doc.tokens[k];
    if (!t || t.pos !== 'PRON' || !['he', 'she', 'it', 'they'].includes(t.normal)) continue;
    const fits = (m: EntityMention) => m.evidence !== 'nominal' && !m.nominal && m.evidence !== 'pronoun'
      && (t.normal === 'it' ? m.type === 'ORG' || m.type === 'LOC' : t.normal === 'they' ? m.type !== 'MISC' : m.type === 'PER');
    const antecedent = ofSentence(mentions, s.index - 1).find(fits);
    if (!antecedent) continue;
    out.push({
      ...antecedent, start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), sentence: s.index,
      nominal: true, evidence: 'pronoun', roles: [], roleSectors: [], modifierCountry: null,
    });
  }
  return out;
}

/**
 * The words of the people named so far ("Omar Tallisk" gives "Omar", "Tallisk"), to ask whether
 * one earlier name holds all the words of a run, without reading every earlier mention again.
 */
class NameWords {
  private read = 0;
  private readonly byWord = new Map<string, EntityMention[]>();
  private anyPerson = false;

  /** Whether one person named in `mentions` (not a description) holds every word of `words` ("-" aside). */
  hasAll(mentions: EntityMention[], words: string[]): boolean {
    for (; this.read < mentions.length; this.read++) {
      const m = mentions[this.read];
      if (m.type !== 'PER' || m.nominal) continue;
      this.anyPerson = true;
      for (const w of new Set(m.text.split(/[\s-]+/))) {
        const list = this.byWord.get(w);
        if (list) list.push(m); else this.byWord.set(w, [m]);
      }
    }
    const needed = words.filter((w) => w !== '-');
    if (needed.length === 0) return this.anyPerson;
    return (this.byWord.get(needed[0]) ?? []).some((m) => needed.every((w) => m.text.split(/[\s-]+/).includes(w)));
  }
}

/** Words that are common English rather than names: written in lower case in this text, event words, time words. */
function commonWords(text: string): (w: string) => boolean {
  const lower = new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{Ll}'’-]*/gu) ?? []);
  const events = eventWords();
  return (w) => lower.has(w) || events.has(w) || events.has(w.replace(/(es|s)$/, '')) || TIME_WORDS.has(w);
}

const TIME_WORDS = new Set(['hours', 'minutes', 'days', 'weeks', 'months', 'years', 'yesterday', 'today', 'tomorrow', 'tonight', 'earlier', 'later',
  'several', 'many', 'some', 'most', 'few', 'dozens', 'hundreds', 'thousands', 'millions', 'meanwhile', 'however', 'still', 'now', 'then']);

let eventWordSet: Set<string> | null = null;
function eventWords(): Set<string> {
  if (!eventWordSet) eventWordSet = new Set(eventPatterns().flatMap((p) => p.words[0]));
  return eventWordSet;
}

function possessiveCountry(text: string, tokens: Token[], first: number, sentenceStart: number, lex: Lexicon): string | null {
  // "Iraq’s Foreign Ministry", "Iran's Islamic Revolutionary Guard Corps".
  if (first - 2 < sentenceStart) return null;
  const s = text.slice(tokens[first - 1].start, tokens[first - 1].end);
  if (s !== '’s' && s !== "'s") return null;
  const w = text.slice(tokens[first - 2].start, tokens[first - 2].end);
  return lex.countryByName(w);
}

function assignChains(text: string, mentions: EntityMention[], taggerTyped: Set<string>, glossOf: Map<number, number> = new Map()): EntityMention[] {
  const cm: CorefMention[] = mentions.map((m, i) => {
    // "(OFAC)" right after a long name is that name's acronym; a capitalised word merely
    // following a name on the next line ("… Adrian Warner\nBERLIN") is not.
    const prev = mentions[i - 1];
    const isAcronym = prev && /^[\p{Lu}][\p{Lu}\-]+$/u.test(m.text) && !prev.nominal && m.start > prev.end
      && /^[^\S\r\n]*\([^\S\r\n]*$/.test(text.slice(prev.end, m.start)) && /^[^\S\r\n]*\)/.test(text.slice(m.end, m.end + 3));
    // A gloss ("Party of God" after "Hizbollah") joins its name's chain and never names it.
    const host = glossOf.get(m.start);
    const glossOfIndex = host === undefined ? -1 : mentions.findIndex((x) => x.start === host && x.evidence !== 'nominal');
    return { text: m.evidence === 'nominal' ? `#${m.name}#${i}` : m.text, type: m.type, roles: m.roles, roleOnly: m.nominal && m.evidence !== 'nominal', demonym: m.evidence === 'demonym', weak: m.evidence === 'unknown' || m.evidence === 'name-shape',
      acronymOf: isAcronym ? i - 1 : glossOfIndex >= 0 && glossOfIndex < i ? glossOfIndex : undefined, gloss: m.evidence === 'gloss', sentence: m.sentence };
  });
  const { chain, names } = chainMentions(cm);
  const typesByChain = new Map<number, EntityType[]>();
  mentions.forEach((m, i) => {
    const list = typesByChain.get(chain[i]) ?? [];
    list.push(m.type);
    typesByChain.set(chain[i], list);
  });
  return mentions.map((m, i) => {
    const c = chain[i];
    const isNominal = m.evidence === 'nominal';
    // A mention the tagger typed keeps its type: "Detroit" is a team in a standings table and a
    // place in "Kansas City at Detroit", whatever the chain's first mention was.
    const keep = isNominal || taggerTyped.has(`${m.start}:${m.end}`);
    const t = keep ? m.type : chainType(typesByChain.get(c)!);
    return { ...m, chain: c, type: t, name: isNominal ? m.name : names[c].startsWith('#') ? m.text : names[c] };
  });
}
