/**
 * actors: each entity's code — country (ISO3) + sector — decided per
 * coreference chain from, in order of trust: the actor dictionary (with terms
 * of office, so the code depends on the article's date), the titles and
 * appositions around the name ("US President", ", Commander-in-Chief of the
 * Iraqi Armed Forces"), demonyms and countries inside an organisation's name
 * ("Iraqi Armed Forces"), the role word of a descriptive mention ("a Baghdad
 * court"), and a place's own country. What none of them supports stays null.
 */
import type { EntityMention, Token } from '../doc/types.js';
import { defaultLexicon } from '../entities/default-lexicon.js';
import type { Lexicon } from '../entities/lexicon.js';
import { isSocietySector, isStateOffice, roleWord, splitCompound } from './knowledge.js';
import { isAcronym, type ActorRegistry } from './registry.js';
import { isNationalPolitics, livesAtHome, placeCountriesBySentence, saysForeign, storyCountry, storyHolds } from './story-country.js';
import { firstStartingFrom, ofSentence, sortedByStart } from '../util/spans.js';
import { checkDeadline } from '../util/deadline.js';

interface Coding { country: string | null; sector: string | null; source: string | null }

export function codeActors(doc: { text: string; tokens: Token[]; entities: EntityMention[]; meta: { published: string | null } }, lex: Lexicon = defaultLexicon(), registry: ActorRegistry | null = null): EntityMention[] {
  const { entities } = doc;
  const date = doc.meta.published;
  const chains = new Map<number, EntityMention[]>();
  for (const m of entities) {
    // Descriptions are coded on their own; pronouns take their antecedent's code below.
    if (m.evidence === 'nominal' || m.evidence === 'pronoun') continue;
    const list = chains.get(m.chain) ?? [];
    list.push(m);
    chains.set(m.chain, list);
  }
  const chainCode = new Map<number, Coding>();
  const registryType = new Map<number, string>();
  for (const [chain, ms] of chains) {
    checkDeadline();
    let c = codeChain(ms, entities, doc.text, lex, date);
    // 6. What earlier articles taught (the store's actor registry), when this one says nothing.
    if (registry && !c.country && !c.sector && ms[0].type !== 'LOC') {
      // Every name the article writes for the actor goes with each lookup: "Reagan" in a chain
      // named "Nancy Reagan" is not the Ronald Reagan the registry met.
      const names = [ms[0].name, ...ms.map((m) => m.text)];
      for (const name of names) {
        const hit = registry.lookup(name, date, { type: ms[0].type, names });
        if (hit && (hit.country || hit.sector)) {
          c = { country: hit.country, sector: hit.sector, source: 'registry' };
          registryType.set(chain, hit.type);
          break;
        }
      }
    }
    chainCode.set(chain, c);
  }
  // 3b. A person's title read with the body named before it ("Federal Reserve chairman X"), or the
  // description the name restates ("The Scottish Conservative leader, X, …").
  for (const [chain, c] of chainCode) {
    const ms = chains.get(chain)!;
    if (ms[0].type !== 'PER' || (c.source !== null && c.source !== 'title' && c.source !== 'apposition')) continue;
    for (const m of ms) {
      const body = bodyBeforeTitle(m, entities, chainCode, doc.text, doc.tokens);
      if (body) { chainCode.set(chain, { ...body, country: c.country ?? body.country }); break; }
      const described = c.country && c.sector ? null : describedBefore(m, entities, chainCode, doc.text, doc.tokens);
      if (described && (described.country || described.sector)) {
        chainCode.set(chain, { country: c.country ?? described.country, sector: c.sector ?? described.sector, source: 'apposition' });
        break;
      }
    }
  }
  // 7. A national office with no country of its own ("President X", "Judge Y", "the Umma party") in
  // sentences that name one country and no other belongs to that country.
  const countriesBySentence = namedCountries(entities, chainCode, doc.text);
  const onlyCountry = (sentences: number[]): string | null => {
    const all = new Set<string>();
    for (const i of sentences) for (const c of countriesBySentence.get(i) ?? []) all.add(c);
    return all.size === 1 ? [...all][0] : null;
  };
  for (const [chain, c] of chainCode) {
    const ms = chains.get(chain)!;
    if (c.country || !c.sector || !DOMESTIC_SECTORS.has(c.sector) || ms[0].type === 'LOC' || ms[0].type === 'MISC') continue;
    // The sentences where the office is named ("President X"), not every later "X".
    const titled = ms.filter((m) => m.roles.length > 0);
    const sentences = (titled.length ? titled : ms.slice(0, 1)).map((m) => m.sentence);
    const country = onlyCountry(sentences);
    // "The German government welcomed President Reagan's statement": that country's office is
    // already held in the sentence, so the untitled-by-country president is someone else's.
    const taken = country && [...new Set(sentences)].some((i) => ofSentence(entities, i).some((o) => o.chain !== chain
      && (o.evidence === 'nominal' ? o.modifierCountry === country && o.roleSectors[0] === c.sector : chainCode.get(o.chain)?.country === country && chainCode.get(o.chain)?.sector === c.sector)));
    if (country && !taken) chainCode.set(chain, { ...c, country, source: `${c.source ?? 'role'}+context` });
  }
  // 8. A national office or body still without a country ("Defence Secretary X", "the House") is
  // the story's own, where its sentence names no place abroad (story-country.ts).
  const namedCountry = (m: EntityMention) => chainCode.get(m.chain)?.country ?? null;
  const story = storyCountry(doc.text, entities, namedCountry);
  const places = placeCountriesBySentence(entities, namedCountry);
  const ownStory = (sentence: number) => story !== null && storyHolds(story, sentence, places);
  for (const [chain, c] of chainCode) {
    const ms = chains.get(chain)!;
    if (c.country || !isNationalPolitics(c.sector) || (ms[0].type !== 'PER' && ms[0].type !== 'ORG')) continue;
    const first = ms.find((m) => m.roles.length > 0) ?? ms[0];
    if (ownStory(first.sentence)) chainCode.set(chain, { ...c, country: story, source: `${c.source ?? 'role'}+story` });
  }
  return entities.map((m) => {
    checkDeadline();
    let c = m.evidence === 'nominal' ? codeNominal(m, doc.text) : chainCode.get(m.chain)!;
    // "the Conservative Party leader", "a Pentagon spokesman": the body named before the description.
    const body = m.evidence === 'nominal' ? bodyBeforeTitle(m, entities, chainCode, doc.text, doc.tokens) : null;
    if (body) c = { ...body, country: body.country ?? c.country };
    // "the radical Palestinian Islamic Jihad movement", "the Taliban militia": a description built
    // around a name the dictionary knows is that name's actor, not a generic movement or militia.
    if (m.evidence === 'nominal') {
      // (What lies inside the description lies in its sentence.)
      const named = ofSentence(entities, m.sentence).find((o) => o !== m && o.evidence !== 'nominal' && o.evidence !== 'pronoun' && o.type === 'ORG'
        && o.start >= m.start && o.end <= m.end && chainCode.get(o.chain)?.source === 'dictionary');
      const nc = named && chainCode.get(named.chain)!;
      if (nc && nc.sector) c = { country: nc.country ?? c.country, sector: nc.sector, source: 'dictionary' };
    }
    if (m.evidence === 'nominal' && !c.country) {
      const owner = ownerCountry(m, chainCode, entities, doc.text);
      if (owner) c = { ...c, country: owner, source: 'owner+role' };
    }
    // "the US Army's 82nd Airborne Division": a body in the possessive owns the one named after it.
    if (m.type === 'ORG' && m.evidence !== 'nominal' && !c.country) {
      const owner = ownerCountry(m, chainCode, entities, doc.text, POSSESSIVE);
      if (owner) c = { ...c, country: owner, source: c.source ? `${c.source}+owner` : 'owner' };
    }
    // People outside the state: "from" says where they belong ("doctors from X"), not where they leave.
    if (!c.country && c.sector && isSocietySector(c.sector) && (m.evidence === 'nominal' || c.source === 'title')) {
      const home = belongsTo(m, chainCode, entities, doc.text);
      if (home) c = { ...c, country: home, source: 'belongs-to' };
    }
    // "the government", "police", "the men": a bare national body or people is the story country's.
    if (m.evidence === 'nominal' && !c.country && (isNationalPolitics(c.sector) || livesAtHome(c.sector)) && ownStory(m.sentence) && !saysForeign(withWordsBefore(m, doc.text))) c = { ...c, country: story, source: `${c.source ?? 'role'}+story` };
    if (!c.sector && c.country && (m.type === 'MISC' || m.type === 'LOC')) {
      const head = sharedHead(m, entities, doc.text);
      if (head) c = { ...c, sector: head.roleSectors[0], source: `${c.source ?? 'demonym'}+shared-head` };
    }
    const code = c.country || c.sector ? `${c.country ?? ''}${c.sector ?? ''}` : null;
    // A bare surname the tagger could not type takes the type the registry learned ("Dulaimi" → PER).
    const learned = registryType.get(m.chain);
    const type = m.type === 'MISC' && (learned === 'PER' || learned === 'ORG') ? learned : m.type;
    return { ...m, type, country: c.country, sector: c.sector, code, codeSource: c.source };
  });
}

/** A description with the two words before it: "other countries", "an allied government". */
function withWordsBefore(m: EntityMention, text: string): string {
  const before = text.slice(Math.max(0, m.start - 40), m.start).split(/\s+/).slice(-3).join(' ');
  return `${before} ${m.text}`;
}

const TITLE_BREAKS = new Set(['after', 'before', 'when', 'while', 'as', 'and', 'or', 'but', 'of', 'the', 'a', 'an', 'to', 'in', 'with', 'by', 'said', 'says', 'that', 'who', 'which']);

/**
 * The word that qualifies the mention's title, when one does: "former President X", "ex-minister
 * Y" (the office is over), "shadow home secretary Z" (the opposition's spokesman for it).
 */
function titleQualifier(m: EntityMention, text: string): 'former' | 'shadow' | null {
  if (m.roles.length === 0) return null;
  // A description holds its title ("the former minister"); a name follows it ("former minister X").
  const upto = m.evidence === 'nominal' ? m.end : m.start;
  const before = text.slice(Math.max(0, upto - 60), upto).toLowerCase();
  const last = m.roles[0].split(' ').pop()!;
  const at = new RegExp(`\\b(former|ex-|shadow)\\s*((?:[\\p{L}.'’]+\\s+){0,3}?)${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'u').exec(before);
  // Only title words between: "former US Defence Secretary", not "a former colony - after President".
  // Nor across a sentence's end ("former partners gaining access. Courts should …").
  if (!at || at[2].split(/\s+/).some((w) => TITLE_BREAKS.has(w) || /\p{Ll}{2}\.$/u.test(w))) return null;
  return at[1] === 'shadow' ? 'shadow' : 'former';
}

function formerTitle(m: EntityMention, text: string): boolean {
  return titleQualifier(m, text) === 'former';
}

/** The sector a title gives: its own, ELI once a state office is over, OPP for the opposition's shadow of one. */
function titleSector(m: EntityMention, text: string): string | null {
  const sector = m.roleSectors[0] ?? null;
  if (!isStateOffice(sector)) return sector;
  const q = titleQualifier(m, text);
  return q === 'former' ? 'ELI' : q === 'shadow' ? 'OPP' : sector;
}

/** Sectors that belong to one state's own politics: a president, a judge, a party, an opposition. */
const DOMESTIC_SECTORS = new Set(['GOV', 'JUD', 'LEG', 'PTY', 'OPP', 'ELI']);

/** The countries each sentence names: places, demonyms and coded organisations (international bodies have none). */
function namedCountries(entities: EntityMention[], coded: Map<number, Coding>, text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const m of entities) {
    if (m.evidence === 'nominal' || m.evidence === 'pronoun') continue;
    // "kidnapped in Iraq": where something happened says nothing about whose office someone holds.
    // ("the war on Iraq" neither: a place counts only where it is no preposition's object.)
    if (m.type === 'LOC' && /\b(in|at|near|from|to|into|across|throughout|inside|outside|around|within|via|on|against|over|towards?)\s+(the\s+)?$/i.test(text.slice(Math.max(0, m.start - 16), m.start))) continue;
    // "the US-led coalition", "a Saudi-backed plan": a compound that describes something else's
    // backer says nothing about the office either.
    if (splitCompound(m.text)) continue;
    const country = coded.get(m.chain)?.country;
    if (!country) continue;
    const set = out.get(m.sentence) ?? new Set<string>();
    set.add(country);
    out.set(m.sentence, set);
  }
  return out;
}

/**
 * "Hungarian and Romanian officials", "U.S. and Russian negotiators": a country word
 * coordinated with a description of another country's people shares its head noun,
 * so it takes that description's sector. Only when the description is led by its own
 * country word, so "Iran and Iraqi officials" does not make Iran an official.
 */
function sharedHead(m: EntityMention, all: EntityMention[], text: string): EntityMention | null {
  const gap = /^\s+(and|or|&)\s+$/;
  const next = ofSentence(all, m.sentence).find((o) => o.start > m.end && gap.test(text.slice(m.end, o.start)));
  if (!next || next.evidence !== 'nominal' || !next.modifierCountry || next.roleSectors.length === 0) return null;
  if (next.modifierCountry === m.country) return null;
  // The description must start with its country word: "Romanian officials", not "officials".
  if (!/^[A-Z]/.test(next.text)) return null;
  // The country word itself must be a modifier (a demonym or "U.S."), not a state acting on its own.
  return m.type === 'MISC' || /^[A-Z](\.?[A-Z])+\.?$/.test(m.text) ? next : null;
}

/** "An official Syrian newspaper", "state television", "government-run radio": media that speak for a government. */
const STATE_WORDS = 'official|state|state-run|state-owned|state-controlled|government|government-run|government-owned|government-controlled|regime';
/** The word in the description ("state television") or just before it ("official Iranian [newspaper]"). */
const STATE_MEDIA_OPENING = new RegExp(`^(?:the\\s+|an?\\s+)?(?:${STATE_WORDS})\\s`, 'i');
const STATE_MEDIA_BEFORE = new RegExp(`\\b(?:${STATE_WORDS})\\s+$`, 'i');

function codeNominal(m: EntityMention, text: string): Coding {
  const sector = titleSector(m, text);
  // State media voice their government (CAMEO codes them GOV, not MED).
  if (sector === 'MED') {
    if (STATE_MEDIA_OPENING.test(m.text) || STATE_MEDIA_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) {
      return { country: m.modifierCountry, sector: 'GOV', source: 'state media' };
    }
  }
  return { country: m.modifierCountry, sector, source: m.modifierCountry ? 'modifier+role' : 'role' };
}

/** What may stand between an owner and what it owns: nothing ("Iraqi police"), or a possessive ("Iraq's police"). */
const ADJACENT = /^\s*$/;
const POSSESSIVE = /^\s*[’']s\s+(?:own\s+)?$/;

/**
 * "Hezbollah guerrillas", "Taliban fighters": a descriptive mention right after a named
 * organisation or place belongs to it and takes its country; with POSSESSIVE, a body after one
 * in the possessive ("the US Army's 82nd Airborne Division").
 */
function ownerCountry(m: EntityMention, coded: Map<number, Coding>, all: EntityMention[], text: string, between = ADJACENT): string | null {
  // (Only white space or "'s" between: the owner is in the mention's sentence or ends the one before.)
  const near = [...ofSentence(all, m.sentence - 1), ...ofSentence(all, m.sentence)];
  const owner = near.find((o) => o.evidence !== 'nominal' && o.end <= m.start && between.test(text.slice(o.end, m.start)) && (o.type === 'ORG' || o.type === 'LOC'));
  return owner ? coded.get(owner.chain)?.country ?? null : null;
}

/**
 * "supporters of former President Ahmed Ben Bella", "residents of Basra", "doctors from two
 * American aid groups": people described by whom or where they belong to take that one's
 * country. Only a number, title and modifier words may stand between "of"/"from" and the name.
 */
function belongsTo(m: EntityMention, coded: Map<number, Coding>, all: EntityMention[], text: string): string | null {
  const of = /^\s+(?:of|from)\s+(?:the\s+|an?\s+|\w+\s+(?=\p{Lu}))?((?:former\s+|late\s+|ousted\s+|exiled\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3})?/u.exec(text.slice(m.end, m.end + 60));
  if (!of) return null;
  const from = m.end + of[0].length - (of[1]?.length ?? 0);
  const next = startingWithin(all, from, m.end + of[0].length).find((o) => o !== m && (o.evidence !== 'nominal' || o.modifierCountry));
  if (!next) return null;
  return next.evidence === 'nominal' ? next.modifierCountry : coded.get(next.chain)?.country ?? null;
}

/** The mentions whose start lies in [from, to], in their order. */
function startingWithin(all: EntityMention[], from: number, to: number): EntityMention[] {
  if (!sortedByStart(all)) return all.filter((o) => o.start >= from && o.start <= to);
  const out: EntityMention[] = [];
  for (let k = firstStartingFrom(all, from); k < all.length && all[k].start <= to; k++) out.push(all[k]);
  return out;
}

function codeChain(ms: EntityMention[], all: EntityMention[], text: string, lex: Lexicon, date: string | null): Coding {
  const type = ms[0].type;
  // 1. Dictionary, on any name the chain carries (longest first).
  const names = [...new Set(ms.map((m) => m.text))].sort((a, b) => b.length - a.length);
  for (const n of [ms[0].name, ...names]) {
    const hit = lex.actor(n, date);
    // "Jack McConnell … McConnell": a surname alone finds the dictionary's Mitch McConnell, but the
    // article named someone else with that surname.
    if (hit && type === 'PER' && otherGivenName(names[0], n, hit.name)) continue;
    // "Interstate Commerce Commission (ICC)": the article spells out what its acronym stands for, and
    // the dictionary did not know that name, so the dictionary's "ICC" (a court) is another body.
    if (hit && isAcronym(n) && names.some((x) => !isAcronym(x) && x.length > n.length)) continue;
    if (hit && (hit.country || hit.sector)) {
      // Undated, the dictionary can only offer its latest row ("former president"); a title in the
      // text ("President Bill Clinton") says which of the person's offices the article means. A
      // title the person never held in the dictionary ("Sheikh", or "Secretary-General" read as a
      // party's) picks nothing.
      const titled = date === null ? ms.find((m) => m.roleSectors.length > 0 && !formerTitle(m, text))?.roleSectors[0] : undefined;
      // "former President X": the text says the office is over, whatever the dictionary's row on the date.
      if (isStateOffice(hit.sector ?? null) && ms.some((m) => m.roleSectors.length > 0 && formerTitle(m, text))) return { country: hit.country, sector: 'ELI', source: 'dictionary+title' };
      if (titled && titled !== hit.sector && (hit.sectors ?? []).includes(titled)) return { country: hit.country, sector: titled, source: 'dictionary+title' };
      return { country: hit.country, sector: hit.sector, source: 'dictionary' };
    }
  }
  let country: string | null = null;
  let sector: string | null = null;
  let source: string | null = null;
  // 2. A place or country is its own country.
  if (type === 'LOC' || type === 'MISC') {
    // "US-led", "Iranian-backed": the country the compound is built on.
    const n = splitCompound(ms[0].name)?.owner ?? ms[0].name;
    // "Bosnian Serbs", "Iraqi Kurds": a people qualified by a demonym live in that demonym's country.
    // "Liberian Peace Council", "French National Assembly": a name led by a demonym is that country's.
    const words = n.split(/\s+/);
    const led = type === 'MISC' && words.length >= 2 ? lex.countryByDemonym(words[0]) : null;
    const qualifier = led && words.length === 2 && /s$/.test(words[1]) ? led : null;
    country = lex.countryByName(n) ?? lex.countryByDemonym(n) ?? led ?? lex.placeCountry(n);
    if (country) source = type === 'LOC' ? 'gazetteer' : 'demonym';
    // "ethnic Turks", "ethnic Albanians": a people named as an ethnic group live as a minority
    // somewhere else than the demonym's state; which country is for the context to say.
    if (type === 'MISC' && country && ms.some((m) => /\bethnic\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start)))) {
      return { country: null, sector: 'CVL', source: 'ethnic group' };
    }
    // "Iraqis", "Bosnian Serbs": a people named by a plural demonym are civilians.
    if (type === 'MISC' && country && (qualifier || ms.some((m) => /s$/.test(m.text) && lex.countryByDemonym(m.text.split(/\s+/).pop()!)))) {
      return { country, sector: 'CVL', source: 'demonym' };
    }
    return { country, sector: null, source };
  }
  // 3. Titles and modifiers on any mention of the chain ("former President X" no longer holds the office).
  for (const m of ms) {
    if (!country && m.modifierCountry) { country = m.modifierCountry; source = 'title'; }
    if (!sector && m.roleSectors.length > 0) { sector = titleSector(m, text); source = source ?? 'title'; }
  }
  // 4. Words inside an organisation's name: "Iraqi Armed Forces", "US Department of the Treasury".
  if (type === 'ORG') {
    const words = ms[0].name.split(/[\s]+/);
    const lower = words.map((w) => w.toLowerCase());
    const titled = sector !== null;
    for (let i = 0; i < words.length; i++) {
      if (!country) {
        const c = lex.countryByDemonym(words[i]) ?? lex.countryByName(words[i]);
        if (c) { country = c; source = 'name'; }
      }
    }
    const head = sector ? null : nameSector(lower, lex);
    if (head) { sector = head; source = source ?? 'name'; }
    // "Darlington Council", "Kirkuk Provincial Council": a place's council is its local government.
    const local = /^(?:the\s+)?(.+?)\s+(?:(?:city|borough|county|district|town|municipal|provincial|regional)\s+)?council$/i.exec(ms[0].name);
    if (local && !titled && lex.isPlace(local[1])) { sector = 'GOV'; country = country ?? lex.placeCountry(local[1]); source = source ?? 'name'; }
    // "Baghdad University Medical School", "Tehran Times": a name led by a capital is that country's.
    if (!country && words.length >= 2) {
      const c = lex.countryByCapital(words[0]);
      if (c) { country = c; source = source ?? 'name'; }
    }
    const members = titled ? null : memberSector(lower, lex);
    if (members) sector = members;
  }
  // 5. Apposition: "Yahya Rasool Abdullah, Commander-in-Chief of the Iraqi Armed Forces".
  if (type === 'PER' && (!country || !sector)) {
    for (const m of ms) {
      const app = apposition(m, all, text);
      for (const a of app) {
        // ", Algeria's leading human rights activist": a country in the possessive owns the description.
        const owner = a.type === 'LOC' && /^[’']s\b/.test(text.slice(a.end, a.end + 3)) ? (lex.countryByName(a.text) ?? null) : null;
        if (!country && owner) { country = owner; source = 'apposition'; }
        if (!country && (a.modifierCountry || orgCountry(a, lex))) { country = a.modifierCountry ?? orgCountry(a, lex); source = 'apposition'; }
        if (!sector && a.roleSectors.length > 0) { sector = a.roleSectors[0]; source = source ?? 'apposition'; }
      }
    }
  }
  return { country, sector, source };
}

/**
 * "Federal Reserve chairman Alan Greenspan", "Lib Dem committee chairman X", "Hamas leader X": a
 * title that names the head, voice or member of a body (data/role-words.tsv, of_body) gives way to
 * the code of the body named right before it, when that body has a sector. The title's listed
 * sector ("chairman" BUS) is only its default when no body is named.
 */
function bodyBeforeTitle(m: EntityMention, all: EntityMention[], coded: Map<number, Coding>, text: string, tokens: Token[]): Coding | null {
  const title = m.roles[0];
  if (!title || !roleWord(title)?.ofBody || formerTitle(m, text)) return null;
  const named = (o: EntityMention) => o.type === 'ORG' && o !== m && o.evidence !== 'pronoun';
  // A description may hold the body before its title: "the Scottish Liberal Party leader".
  const inSentence = ofSentence(all, m.sentence);
  const inside = m.evidence === 'nominal' ? inSentence.filter((o) => named(o) && o.evidence !== 'nominal' && o.start >= m.start && o.end < m.end).pop() : undefined;
  const body = inside ?? inSentence.filter((o) => named(o) && o.end <= m.start).pop();
  if (!body) return null;
  // Only the title between them: "Federal Reserve chairman ", "Hamas's leader "; a description
  // after the body is the title itself ("the party's leader"). Either may follow a portfolio
  // ("Plaid Cymru's economics spokesman").
  const upto = inside ? m.end : m.start;
  const between = text.slice(body.end, upto).replace(/^['’]s\b/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  const lowerTitle = title.toLowerCase();
  const titleBetween = m.evidence !== 'nominal' || inside !== undefined;
  if (titleBetween && !between.endsWith(lowerTitle)) return null;
  const portfolio = titleBetween ? between.slice(0, between.length - lowerTitle.length).trim() : between;
  if (!portfolioWords(portfolio, tokens, body.end, titleBetween ? upto - lowerTitle.length : upto)) return null;
  const c = body.evidence === 'nominal' ? codeNominal(body, text) : coded.get(body.chain);
  return c?.sector ? { country: c.country, sector: c.sector, source: 'body+title' } : null;
}

const PORTFOLIO_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'PART', 'PUNCT']);

/**
 * "Plaid Cymru's economics spokesman": between a body and its officer's title, at most three
 * lower-case portfolio words, nouns and adjectives only (none is fine).
 */
function portfolioWords(words: string, tokens: Token[], from: number, to: number): boolean {
  if (words === '') return true;
  if (!/^[a-z]+(?: [a-z]+){0,2}$/.test(words)) return false;
  // Tokens are in text order: find the first one ending after `from`, then read up to `to`.
  let k = 0;
  for (let hi = tokens.length; k < hi;) {
    const mid = (k + hi) >> 1;
    if (tokens[mid].end <= from) k = mid + 1; else hi = mid;
  }
  for (; k < tokens.length && tokens[k].start < to; k++) if (!PORTFOLIO_POS.has(tokens[k].pos)) return false;
  return true;
}

/**
 * "A member of the Syrian parliament, Mohammed Mamoun, …", "Amanda's killer, James Ford, …": the
 * description right before a name, set off by commas (or closing the sentence: "said its leader,
 * X."), is what the name restates; its code. Not the subject of a new clause after a comma:
 * "fairer for genuine refugees, Michael Howard has said".
 */
function describedBefore(m: EntityMention, all: EntityMention[], coded: Map<number, Coding>, text: string, tokens: Token[]): Coding | null {
  const prev = ofSentence(all, m.sentence).filter((o) => o.end <= m.start && o.evidence === 'nominal').pop();
  if (!prev || !/^\s*,\s*$/.test(text.slice(prev.end, m.start)) || !/^\s*(?:[,.;:)]|$)/.test(text.slice(m.end, m.end + 2))) return null;
  // A body ("the Syrian parliament") stands for a person only when it says whose it is.
  if (prev.type !== 'PER' && !prev.modifierCountry) return null;
  return bodyBeforeTitle(prev, all, coded, text, tokens) ?? codeNominal(prev, text);
}

/**
 * Whether a person's fullest name in the article ("Jack McConnell") gives a first name that the
 * dictionary person found through a shorter mention ("McConnell" → "Mitch McConnell") does not
 * have. An initial matches a name it starts ("G. Bush" and "George W. Bush").
 */
function otherGivenName(fullest: string, matched: string, dictionaryName: string): boolean {
  if (fullest === matched) return false;
  const words = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);
  const given = words(fullest);
  if (given.length < 2 || !fullest.endsWith(matched)) return false;
  const first = given[0];
  const known = words(dictionaryName);
  return !known.some((w) => w === first || (first.length === 1 && w.startsWith(first)) || (w.length === 1 && first.startsWith(w)));
}

/**
 * Callings a body can be named for ("Police Federation", "Student Union"): people of society and
 * the state's police and judges; not titles ("General Council", "Royal Fleet").
 */
function isCalling(sector: string): boolean {
  return isSocietySector(sector) || sector === 'COP' || sector === 'JUD';
}

/**
 * The sector the words of an organisation's name give: its first body word ("union", "party",
 * "army", "court"), else its first role word of any kind. A word for people inside a name is a
 * modifier: "Public and Commercial Services Union" is a union (LAB), not "public" (CVL); the
 * "General Workers' Union" no army; "Trades Union Congress" is still the unions'. A calling right
 * before the body word names its members, as "Union of Teachers" does: "Police Federation" COP.
 */
function nameSector(lower: string[], lex: Lexicon): string | null {
  let first: string | null = null;
  let calling: string | null = null;
  for (let i = 0; i < lower.length; i++) {
    const r = lex.roleAt(lower, i);
    // "Police Federation", "Student Union": a calling right before the body word names its members.
    if (r?.type === 'ORG') return calling ?? r.sector;
    // (A title word is an adjective there: "General Council", "Royal Fleet".)
    const next = r?.type === 'PER' && r.length === 1 ? lex.roleAt(lower, i + 1) : null;
    calling = next?.type === 'ORG' && next.length === 1 && isCalling(r!.sector) ? r!.sector : null;
    first = first ?? r?.sector ?? null;
  }
  return first;
}

/**
 * "Association of African Jurists", "National Union of Teachers", "Federation of Journalists":
 * a body named as a gathering of people of one calling is of their sector (judiciary,
 * education, media), as "bar association" is JUD. Only a body word before "of" and a
 * calling after it count: "Union of Soviet Socialist Republics" names no calling.
 */
function memberSector(lower: string[], lex: Lexicon): string | null {
  const of = lower.indexOf('of');
  if (of < 1 || lex.roleAt(lower, of - 1)?.type !== 'ORG') return null;
  // The calling is the head of what follows "of", its last words ("Chief Police Officers").
  for (let i = of + 1; i < lower.length; i++) {
    const r = lex.roleAt(lower, i);
    if (r && i + r.length === lower.length) return r.type === 'PER' ? r.sector : null;
  }
  return null;
}

function orgCountry(m: EntityMention, lex: Lexicon): string | null {
  if (m.type !== 'ORG') return null;
  for (const w of m.text.split(/\s+/)) {
    const c = lex.countryByDemonym(w) ?? lex.countryByName(w);
    if (c) return c;
  }
  return null;
}

/** Mentions that stand in apposition right after m: ", the Supreme Leader of Iran", "(…)". */
function apposition(m: EntityMention, all: EntityMention[], text: string): EntityMention[] {
  const after = text.slice(m.end, m.end + 3);
  if (!/^\s*,/.test(after)) return [];
  const out: EntityMention[] = [];
  const inSentence = ofSentence(all, m.sentence);
  // The apposition runs to the next comma, or to the end of the sentence. (Read no further than
  // a little past the sentence's last mention: beyond it the stop changes nothing, and reading to
  // the end of the text for every name made the stage quadratic.)
  const lastStart = inSentence.length ? inSentence[inSentence.length - 1].start : m.end;
  const rest = text.slice(m.end + 1, Math.max(m.end + 1, lastStart) + 100);
  const stop = rest.search(/[,;.]|\band\b/);
  const limit = m.end + 1 + (stop < 0 ? rest.length : Math.max(stop, 0));
  const appEnd = limit < m.end + 2 ? m.end + 120 : limit + 80;
  // An apposition is closed by a comma before any verb ("X, a court issued …" is a new clause).
  const tail = text.slice(m.end + 1, Math.min(text.length, m.end + 200));
  const close = tail.search(/[,)—]/);
  // Lower-case verb forms only: "Armed Forces" is a name, not a verb.
  const verbish = tail.search(/\b(is|was|were|are|has|had|have|said|says|[a-z]+ed)\b/);
  if (verbish >= 0 && (close < 0 || verbish < close)) {
    const firstComma = tail.indexOf(',');
    if (firstComma < 0 || verbish < firstComma) return [];
  }
  for (const o of inSentence) {
    if (o.start <= m.end || o.start > appEnd) continue;
    if (o.type === 'PER' && o.evidence !== 'title' && !o.nominal) break;
    out.push(o);
  }
  return out;
}
