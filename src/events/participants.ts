/**
 * Who did it and to whom: binds an event's actor and recipient to entity
 * mentions around its trigger, from the sentence's shape — active subject on
 * the left, object or prepositional target on the right, "by X" in the passive,
 * possessives and modifiers of event nouns ("Iran's attack", "a US drone
 * strike"), coordination ("the US and Iran"), and "which X passed" relatives.
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { isReportingVerb } from '../attribution/index.js';
import { FROM_TARGET, hasNounSubject, isCoreArgument, isFramingSource, isMedium, OF_IS_ACTOR, readArguments, subjectOfBareRelative, SUPPORT_VERBS, TO_TARGET, weak, withPhraseCountry } from './arguments.js';

export interface Participants {
  actor: EntityMention[];
  recipient: EntityMention[];
  passive: boolean;
  /** The verb is the second of a coordinated predicate ("refused … and urged"): the first leads. */
  secondPredicate?: boolean;
}

interface Ctx {
  text: string;
  tokens: Token[];
  /** Mentions in the sentence, in text order (named and nominal, no nested duplicates). */
  mentions: EntityMention[];
  sentenceStart: number;
  sentenceEnd: number;
  /** The subject of the previous sentence's first event, for a sentence-initial pronoun. */
  previousSubject?: EntityMention | null;
  /** The document's dependency parse, read first (arguments.ts); null or unparsed: word windows only. */
  tree?: DependencyTree | null;
}

/** Prepositions that put a mention in a place, not in a role. */
const LOCATIVE = new Set(['in', 'near', 'inside', 'outside', 'across', 'through', 'throughout', 'around', 'within', 'at', 'from', 'into', 'between', 'towards', 'toward', 'along']);
/** Prepositions: a name after one is inside a phrase, not a clause's subject. */
const PREPOSITIONS = new Set([...LOCATIVE, 'of', 'to', 'for', 'with', 'against', 'on', 'by', 'about', 'under', 'according', 'over', 'during', 'despite', 'among']);
/** Words that open a new clause when searching left for a subject. */
const CLAUSE_OPEN = new Set(['that', 'because', 'after', 'before', 'while', 'when', 'since', 'although', 'though', 'if', 'unless', 'whereas', ';', ':', '“', '”', '"']);
const PASSIVE_AUX = new Set(['be', 'is', 'was', 'were', 'been', 'being', 'are', 'get', 'got']);

const tokText = (c: Ctx, i: number) => c.text.slice(c.tokens[i].start, c.tokens[i].end);

/** Token index of the first token at or after offset. */
function tokenAt(c: Ctx, offset: number): number {
  for (let i = c.sentenceStart; i < c.sentenceEnd; i++) if (c.tokens[i].end > offset) return i;
  return c.sentenceEnd;
}

/** The mention that token k starts or stands inside, if any (none past the sentence). */
function mentionAt(c: Ctx, k: number): EntityMention | undefined {
  if (k >= c.sentenceEnd) return undefined;
  const t = c.tokens[k];
  return c.mentions.find((x) => x.start <= t.start && x.end > t.start);
}

/** The word before a mention's noun phrase (its preposition, when it has one), lower case. */
function precededBy(c: Ctx, m: EntityMention): string | null {
  let i = tokenAt(c, m.start) - 1;
  const glued = (k: number) => k > c.sentenceStart && c.tokens[k - 1].end === c.tokens[k].start;
  while (i >= c.sentenceStart) {
    const t = c.tokens[i];
    // (a lower-case noun before a name is its modifier, often a mis-tagged participle: "the defeated Fatah Party")
    if (['DET', 'ADJ', 'NUM'].includes(t.pos) || (t.pos === 'NOUN' && /^\p{Ll}/u.test(tokText(c, i)))) { i--; continue; }
    // "supporters of former President X": a name found by its title keeps the title's words.
    if (m.evidence === 'title' && t.pos === 'NOUN') { i--; continue; }
    // "the Israeli-occupied West Bank", "US-backed": a hyphenated modifier, whatever its parts were tagged.
    if (glued(i) && tokText(c, i - 1) === '-' && i - 2 >= c.sentenceStart) { i -= 3; continue; }
    // "up to 1,000 ethnic Turks", "close to 500 people": the number's own words, not a preposition.
    if (t.normal === 'to' && c.tokens[i + 1]?.pos === 'NUM' && ['up', 'close', 'nearly'].includes(c.tokens[i - 1]?.normal ?? '')) { i -= 2; continue; }
    // "About 200 supporters", "over 1,000 people": a preposition that only rounds the number.
    if (['about', 'around', 'over', 'under', 'some', 'nearly', 'almost', 'approximately', 'roughly'].includes(t.normal) && c.tokens[i + 1]?.pos === 'NUM') { i--; continue; }
    // "in Christian east Beirut": a name that modifies the lower-case words after it belongs to the phrase.
    if (t.pos === 'PROPN' && /^\p{Ll}/u.test(tokText(c, i + 1) ?? '') && i + 1 < tokenAt(c, m.start)
      && c.mentions.some((o) => o !== m && o.start <= t.start && o.end >= t.end)) { i--; continue; }
    break;
  }
  return i >= c.sentenceStart ? c.tokens[i].normal : null;
}

/** Could this mention take part in an event (not a bare place after "in", not a date-like MISC)? */
function participantOk(c: Ctx, m: EntityMention): boolean {
  // (a people with no state of its own, "ethnic Turks", still acts: it has a sector)
  if (m.type === 'MISC' && !m.country && !m.sector) return false;
  // A sea, gulf or region ("its Gulf war with Iraq") is no party to an event: it has no code.
  if (m.type === 'LOC' && !m.country && !m.sector && !m.code) return false;
  if (m.type === 'LOC' || (m.type === 'MISC' && m.evidence === 'demonym')) {
    // The place's whole noun phrase decides: "in the Libyan capital Tripoli" is where, not whom.
    let i = tokenAt(c, m.start) - 1;
    for (let n = 0; i >= c.sentenceStart && n < 5 && ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(c.tokens[i].pos)
      && !c.mentions.some((o) => o !== m && o.start <= c.tokens[i].start && o.end >= c.tokens[i].end && o.type !== 'MISC'); n++) i--;
    if (i >= c.sentenceStart && LOCATIVE.has(c.tokens[i].normal)) return false;
  }
  return true;
}

/**
 * Is the stretch between two mentions a coordination: "and", "or", "&" (after an
 * optional comma), then at most four title or modifier words and no verb —
 * "the US and Iran", "X and Iraqi militia commander Y"?
 */
function coordinates(c: Ctx, from: number, to: number): boolean {
  let i = tokenAt(c, from);
  const end = tokenAt(c, to);
  const comma = i < end && tokText(c, i) === ',';
  if (comma) i++;
  if (i >= end || !['and', 'or', '&'].includes(c.tokens[i].normal)) return false;
  if (end - i - 1 > 4) return false;
  // ", and Turkey expelled …" starts a new clause: the next name is a subject, not a partner.
  const nextMention = c.mentions.find((m) => m.start === to);
  if (comma && nextMention) {
    const k = tokenAt(c, nextMention.end);
    if (k < c.sentenceEnd && ['VERB', 'AUX'].includes(c.tokens[k].pos)) return false;
  }
  // "X and a group of deputies", "X and a delegation of officials": the group stands for its members.
  if (i + 1 < end && PARTITIVE_OF.test(c.text.slice(c.tokens[i].end, to))) return true;
  for (let k = i + 1; k < end; k++) {
    // "the US and other developed nations": a participle right before the name modifies it.
    if (k === end - 1 && c.tokens[k].pos === 'VERB' && /(ed|ing)$/.test(c.tokens[k].normal)) continue;
    if (['VERB', 'AUX', 'PUNCT', 'ADP', 'SCONJ', 'PRON'].includes(c.tokens[k].pos) && c.tokens[k].normal !== '-') return false;
  }
  return true;
}

/** Mentions coordinated with m by "and" ("the US and Iran", "Baghdad and Tehran"). */
function withCoordinated(c: Ctx, m: EntityMention, dir: 1 | -1): EntityMention[] {
  const out = [m];
  let cur = m;
  for (;;) {
    const idx = c.mentions.indexOf(cur);
    let next = c.mentions[idx + dir];
    // A demonym that only modifies the next name is skipped: "X and Iraqi commander Y".
    if (next && dir === 1 && modifiesNext(c, next)) next = c.mentions[idx + 2];
    // "the government and Tigrayan forces": a demonym that only modifies the name is skipped.
    let joinAt = cur.start;
    if (next && dir === -1 && next.type === 'MISC' && modifiesNext(c, next) && c.mentions[idx - 2]) { joinAt = next.start; next = c.mentions[idx - 2]; }
    // "X and a group of deputies": the partitive "group" is no participant of its own.
    if (next && dir === -1 && /^\s+of\s+(the\s+)?$/.test(c.text.slice(next.end, cur.start)) && PARTITIVE.test(next.text)) next = c.mentions[idx - 2];
    if (!next) break;
    const joined = dir === 1 ? coordinates(c, cur.end, next.start) : coordinates(c, next.end, joinAt);
    if (!joined || !participantOk(c, next)) break;
    out.push(next);
    cur = next;
  }
  return dir === 1 ? out : out.reverse();
}

/** Nouns that stand for their members: "a group of deputies", "a delegation of officials". */
const PARTITIVE_HEADS = 'group|delegation|team|number|handful|party|contingent';
/** A partitive mention on its own ("a group") … */
const PARTITIVE = new RegExp(`^(a |an |the )?(${PARTITIVE_HEADS})$`, 'i');
/** … and the words between "and" and the members it stands for (" a group of "). */
const PARTITIVE_OF = new RegExp(`^\\s*(a|an|the)?\\s*(${PARTITIVE_HEADS})\\s+of\\s*$`, 'i');

/** The nearest acceptable mention to the left of `pos` in the same clause (the subject). */
function subjectBefore(c: Ctx, pos: number, depth = 0): EntityMention | null {
  const triggerTok = tokenAt(c, pos);
  let limit = c.sentenceStart;
  let reported = -1;
  let who = -1;
  for (let i = triggerTok - 1; i >= c.sentenceStart; i--) {
    if (who < 0 && c.tokens[i].normal === 'who') who = i;
    // A quotation opening right at the verb ('X “welcomed the news …”') does not hide X.
    if (i === triggerTok - 1 && /^[“"‘]$/.test(tokText(c, i))) continue;
    if (CLAUSE_OPEN.has(c.tokens[i].normal)) { limit = i + 1; break; }
    // "Officials said the attack killed five": a finite verb in what someone says has its subject
    // after the reporting verb; the talker is the source, not the actor. ("… announced plans to
    // withdraw" and "are believed to have agreed" are no such clauses: there the subject is shared.)
    if (reported < 0 && i < triggerTok - 1 && c.tokens[triggerTok].pos === 'VERB' && c.tokens[i].pos === 'VERB' && isReportingVerb(c.tokens[i].lemma)
      && c.tokens[i + 1]?.normal !== 'to' && c.tokens[triggerTok - 1].normal !== 'to' && !c.tokens[triggerTok].normal.endsWith('ing')) reported = i;
  }
  // "has refused to deploy troops and has urged …", "killed one soldier and wounded two", "denied …
  // but refused …": the second verb of a coordinated predicate shares the first one's subject.
  if (depth === 0) {
    const first = coordinatedPredicateHead(c, triggerTok, limit);
    if (first !== null) return subjectBefore(c, c.tokens[first].start, 1);
  }
  if (reported >= limit) limit = reported + 1;
  // "… Iyad Allawi, who this week criticised …": the subject of a "who" clause is the name before it.
  if (who >= limit && !c.mentions.some((m) => m.start >= c.tokens[who].end && m.end <= pos)) {
    const whoStart = c.tokens[who].start;
    const antecedent = c.mentions.find((m) => m.end <= whoStart && /^\s*,?\s*$/.test(c.text.slice(m.end, whoStart)) && m.type !== 'LOC' && m.type !== 'MISC');
    if (antecedent) return antecedent;
  }
  const found = subjectInClause(c, pos, limit);
  // "the parliament passed a resolution that called on …": a relative clause with no subject of
  // its own takes the subject of the clause its antecedent stands in.
  if (!found && depth === 0 && limit > c.sentenceStart && RELATIVE.has(c.tokens[limit - 1].normal) && triggerTok - limit <= 2) {
    return subjectBefore(c, c.tokens[limit - 1].start, 1);
  }
  return found;
}

const RELATIVE = new Set(['that', 'which', 'who']);

/**
 * The first verb of a coordinated predicate whose second verb is at `verb`: "and" (or "but", "or")
 * right before the verb (auxiliaries and adverbs aside), no comma or name between, and a finite
 * verb earlier in the clause. Null when the verb has a subject of its own.
 */
function coordinatedPredicateHead(c: Ctx, verb: number, limit: number): number | null {
  let k = verb - 1;
  while (k >= limit && ['AUX', 'ADV', 'PART'].includes(c.tokens[k].pos) && c.tokens[k].normal !== 'to') k--;
  if (k < limit || !['and', 'but', 'or'].includes(c.tokens[k].normal)) return null;
  for (let i = k - 1; i >= limit; i--) {
    const t = c.tokens[i];
    if (CLAUSE_OPEN.has(t.normal) || RELATIVE.has(t.normal) || tokText(c, i) === ',') return null;
    if (t.pos === 'VERB' && c.tokens[i - 1]?.normal !== 'to' && !t.normal.endsWith('ing')) return i;
  }
  return null;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);

/**
 * "Syria says it is willing …", "the rebels said they will …": a pronoun after a
 * reporting verb is that verb's subject; at the start of a sentence it is the
 * previous sentence's subject.
 */
function resolvePronoun(c: Ctx, k: number): EntityMention | null {
  const pron = c.tokens[k];
  const before = c.mentions.filter((m) => m.end <= pron.start && participantOk(c, m) && !['of', 'to', 'for', 'with', 'against', 'by', 'in', 'at', 'on'].includes(precededBy(c, m) ?? ''));
  const plural = pron.normal === 'they' || pron.normal === 'we';
  const fits = (m: EntityMention) => (pron.normal === 'he' || pron.normal === 'she' ? m.type === 'PER' : pron.normal === 'it' ? m.type !== 'PER' || m.evidence === 'nominal' : true)
    && (!plural || m.type !== 'PER' || m.evidence === 'nominal' || /s$/.test(m.text));
  // A name before a description: "The Union of Teachers (NUT), the union for teachers, announced that it …".
  for (let i = before.length - 1; i >= 0; i--) if (fits(before[i]) && before[i].evidence !== 'nominal') return appositionHead(c, before[i]);
  for (let i = before.length - 1; i >= 0; i--) if (fits(before[i])) return appositionHead(c, before[i]);
  if (c.previousSubject && fits(c.previousSubject)) return c.previousSubject;
  return null;
}

function subjectInClause(c: Ctx, pos: number, limit: number): EntityMention | null {
  const limitOffset = c.tokens[limit]?.start ?? 0;
  const left = c.mentions.filter((m) => m.end <= pos && m.start >= limitOffset);
  // A personal pronoun nearer the verb than any name is the subject: resolve it.
  const triggerTok = tokenAt(c, pos);
  for (let k = triggerTok - 1; k >= limit; k--) {
    const t = c.tokens[k];
    if (left.some((m) => m.start <= t.start && m.end >= t.end)) break;
    if (t.pos === 'PRON' && PRONOUNS.has(t.normal)) {
      const resolved = resolvePronoun(c, k);
      if (resolved) return resolved;
      break;
    }
  }
  for (let k = left.length - 1; k >= 0; k--) {
    const m = left[k];
    if (!participantOk(c, m)) continue;
    const prep = precededBy(c, m);
    // A mention inside a prepositional phrase ("of the Iraqi Armed Forces", "to Iran") is not the
    // subject — unless the phrase only counts it: "tens of thousands of Iraqis", "hundreds of residents".
    if (prep === 'of' && quantityBefore(c, m)) return m;
    if (prep && (['of', 'to', 'for', 'with', 'against', 'on', 'by', 'about', 'under', 'according'].includes(prep) || LOCATIVE.has(prep))) continue;
    return rulerOf(c, m) ?? parentheticalHost(c, m, triggerTok) ?? appositionHead(c, m);
  }
  return null;
}

/** "Hamas-ruled Gaza fired …", "Taliban-controlled Afghanistan has …": the ruler acts, not the land. */
function rulerOf(c: Ctx, m: EntityMention): EntityMention | null {
  if (m.type !== 'LOC') return null;
  const rule = /[-\s](ruled|controlled|held|run)\s+(the\s+)?$/i.exec(c.text.slice(Math.max(0, m.start - 24), m.start));
  if (!rule) return null;
  const at = m.start - rule[0].length;
  const ruler = c.mentions.find((o) => o !== m && o.end === at && o.type === 'ORG' && o.evidence !== 'nominal');
  return ruler ?? null;
}

const QUANTITY_NOUNS = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'number', 'group', 'crowd', 'crowds', 'groups', 'some', 'many', 'most', 'all',
  'half', 'third', 'quarter', 'majority', 'rest', 'percent', 'members']);

/** "hundreds of residents": the word before "of" is a quantity. */
function quantityBefore(c: Ctx, m: EntityMention): boolean {
  const i = tokenAt(c, m.start) - 1;
  let k = i;
  while (k >= c.sentenceStart && ['DET', 'ADJ'].includes(c.tokens[k].pos) && c.tokens[k].normal !== 'of') k--;
  return k - 1 >= c.sentenceStart && c.tokens[k].normal === 'of' && QUANTITY_NOUNS.has(c.tokens[k - 1].normal);
}

/** A demonym that only modifies the name after it ("Iranian general Qasem Soleimani"). */
function modifiesNext(c: Ctx, m: EntityMention): boolean {
  if (m.type !== 'MISC') return false;
  const idx = c.mentions.indexOf(m);
  const next = c.mentions[idx + 1];
  return !!next && next.start - m.end <= 25 && /^\s+([\p{Ll}\p{Lu}][\p{L}-]*\s+){0,2}$/u.test(c.text.slice(m.end, next.start)) && !/[,;]/.test(c.text.slice(m.end, next.start));
}

/**
 * "Pakistan, a key U.S. ally in the war on terror, has refused …": a mention inside a
 * comma-enclosed description (no verb in it) that closes just before the verb stands for
 * the name the description follows.
 */
function parentheticalHost(c: Ctx, m: EntityMention, verb: number): EntityMention | null {
  let close = -1;
  for (let i = tokenAt(c, m.end); i < verb; i++) {
    if (tokText(c, i) === ',') { close = i; break; }
    if (['VERB', 'AUX'].includes(c.tokens[i].pos)) return null;
  }
  if (close < 0) return null;
  for (let i = close + 1; i < verb; i++) if (!['AUX', 'ADV', 'PART'].includes(c.tokens[i].pos)) return null;
  for (let i = tokenAt(c, m.start) - 1; i >= c.sentenceStart; i--) {
    if (tokText(c, i) === ',') {
      const host = c.mentions.find((x) => x.end <= c.tokens[i].start && /^\s*$/.test(c.text.slice(x.end, c.tokens[i].start)));
      // "The chairman of the committee, Donald Anderson, said": a host inside a prepositional
      // phrase is not what the commas describe; the whole phrase is, and the name restates it.
      if (host && ['of', 'for'].includes(precededBy(c, host) ?? '')) return null;
      // "The Scottish Conservative Party leader, David McLetchie, said": a name restating a
      // description is the better actor.
      if (host && host.evidence === 'nominal' && m.evidence !== 'nominal' && m.type === 'PER') return null;
      return host && participantOk(c, host) ? host : null;
    }
    if (['VERB', 'AUX'].includes(c.tokens[i].pos) || CLAUSE_OPEN.has(c.tokens[i].normal)) return null;
  }
  return null;
}

/** An apposition closes with a comma before any verb: "X, the leader of Y, said" (not "X, a court issued"). */
function closedAfter(c: Ctx, m: EntityMention): boolean {
  for (let i = tokenAt(c, m.end); i < c.sentenceEnd; i++) {
    const w = tokText(c, i);
    if (w === ',' || w === ')' || w === '—') return true;
    if (c.tokens[i].pos === 'VERB' || c.tokens[i].pos === 'AUX') return false;
  }
  return true;
}

/**
 * "Humam Hamoudi, the leader of the Council, congratulated …": a subject found
 * inside an apposition stands for the name the apposition describes.
 */
function appositionHead(c: Ctx, m: EntityMention): EntityMention {
  const idx = c.mentions.indexOf(m);
  for (let k = idx - 1; k >= 0; k--) {
    const p = c.mentions[k];
    const between = c.text.slice(p.end, m.start);
    if (p.evidence === 'nominal' || p.type === 'MISC') continue;
    if (/^\s*,\s*(the|a|an)?\s*$/i.test(between) && (m.evidence === 'nominal' || m.nominal || m.type === p.type) && closedAfter(c, m)) return p;
    break;
  }
  return m;
}

/** The first acceptable mention to the right of `pos` in the clause (object or prepositional target). */
function objectAfter(c: Ctx, pos: number, maxTokens = 10): EntityMention | null {
  const startTok = tokenAt(c, pos);
  for (let i = startTok; i < c.sentenceEnd && i < startTok + maxTokens; i++) {
    const w = tokText(c, i);
    // Words inside a name or glued by a hyphen ("US-led") are no verbs of the sentence.
    const inName = c.mentions.some((x) => x.start <= c.tokens[i].start && x.end >= c.tokens[i].end);
    const glued = i > 0 && c.tokens[i - 1].end === c.tokens[i].start && tokText(c, i - 1) === '-';
    if (w === ';' || w === '.' || (!inName && !glued && c.tokens[i].pos === 'VERB' && i > startTok + 1 && c.tokens[i - 1].normal !== 'to')) {
      // A new verb usually starts another predicate; stop unless it is an -ing modifier.
      if (w === ';' || w === '.' || !c.tokens[i].normal.endsWith('ing')) break;
    }
    const m = mentionAt(c, i);
    if (m && m.start >= pos && participantOk(c, m) && !modifiesNext(c, m)) return m;
  }
  return null;
}

/** Participles that, before "to", describe the subject's stance rather than a passive. */
const STATE_PARTICIPLES = new Set(['committed', 'determined', 'prepared', 'opposed', 'dedicated', 'resolved', 'poised', 'inclined', 'disposed', 'devoted']);

/** Is the verb at token i in the passive ("was killed", "had been targeted", "were attacked")? */
function isPassive(c: Ctx, i: number): boolean {
  const t = c.tokens[i];
  if (t.pos !== 'VERB') return false;
  // "is suing", "are demanding": a progressive, not a passive.
  if (t.normal.endsWith('ing') && t.normal !== t.lemma) return false;
  // "is committed to", "are determined to": a state the subject is in, not something done to it.
  if (STATE_PARTICIPLES.has(t.normal) && c.tokens[i + 1]?.normal === 'to') return false;
  if (!/(ed|en|wn|lt|pt|ne|ck|ot|ght|un|um)$/.test(t.normal) && t.normal === t.lemma) return false;
  for (let k = i - 1; k >= Math.max(c.sentenceStart, i - 3); k--) {
    const n = c.tokens[k];
    if (PASSIVE_AUX.has(n.normal) || PASSIVE_AUX.has(n.lemma)) return true;
    if (!['ADV', 'AUX', 'PART'].includes(n.pos)) break;
  }
  return false;
}

/** "by X" after the trigger: the agent of a passive or of an event noun. */
function byAgent(c: Ctx, from: number, adjacent = false): EntityMention | null {
  for (let i = from; i < c.sentenceEnd && i < from + 8; i++) {
    if (adjacent && c.tokens[i].pos === 'NOUN' && !c.mentions.some((x) => x.start <= c.tokens[i].start && x.end >= c.tokens[i].end)) return null;
    if (c.tokens[i].normal === 'by') {
      // The agent is the noun phrase right after "by", not a name further on.
      let k = i + 1;
      while (k < c.sentenceEnd && ['DET', 'ADJ', 'NUM'].includes(c.tokens[k].pos)) k++;
      if (k >= c.sentenceEnd) return null;
      const m = mentionAt(c, k);
      return m && participantOk(c, m) ? m : null;
    }
    if ([';', '.'].includes(tokText(c, i))) break;
  }
  return null;
}

/** A modifier right before an event noun: "US drone strike", "Iran's attack", "Iraqi protests". */
function nounModifier(c: Ctx, first: number): EntityMention | null {
  for (let i = first - 1; i >= Math.max(c.sentenceStart, first - 4); i--) {
    const t = c.tokens[i];
    const m = c.mentions.find((x) => x.start <= t.start && x.end >= t.end);
    if (m && (m.country || m.code)) return m;
    if (!['ADJ', 'NOUN', 'PROPN', 'PART', 'NUM', 'PUNCT'].includes(t.pos) || tokText(c, i) === ',') break;
  }
  return null;
}

/** "a resolution …, which the Iraqi parliament passed": the relative clause's subject. */
function relativeSubject(c: Ctx, fromTok: number): EntityMention | null {
  for (let i = fromTok; i < c.sentenceEnd - 1; i++) {
    if (c.tokens[i].normal === 'which' || c.tokens[i].normal === 'that') {
      const m = objectAfter(c, c.tokens[i].end, 4);
      if (m) {
        const after = tokenAt(c, m.end);
        if (after < c.sentenceEnd && c.tokens[after].pos === 'VERB') return m;
      }
    }
  }
  return null;
}


/** Nouns that only measure the event noun after "of": "25,000 tons of food aid", "a wave of strikes". */
const MEASURE_NOUNS = new Set(['ton', 'tonne', 'kilogram', 'kg', 'shipment', 'consignment', 'convoy', 'package', 'amount', 'wave', 'series',
  'round', 'string', 'spate', 'volley', 'barrage', 'number', 'lot', 'worth', 'million', 'billion', 'dollar', 'euro']);

/**
 * The verb whose object is the event noun starting at token `first` ("launched an attack",
 * "completed its investigation", "will provide 25,000 tons of food aid"), or null: the noun
 * phrase's own words (determiners, possessives, adjectives, a measure "… of") are skipped.
 */
export function governingVerb(c: Pick<Ctx, 'text' | 'tokens' | 'sentenceStart' | 'sentenceEnd'>, first: number): number | null {
  let k = first - 1;
  let depictive = false;
  const word = (i: number) => c.text.slice(c.tokens[i].start, c.tokens[i].end);
  const glued = (i: number) => i > c.sentenceStart && (c.tokens[i].start === c.tokens[i - 1].end || (i + 1 < c.sentenceEnd && c.tokens[i + 1].start === c.tokens[i].end && word(i + 1) === '-'));
  while (k >= c.sentenceStart) {
    const t = c.tokens[k];
    if (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(t.pos) || (t.pos === 'PRON' && /^(its|their|his|her|our)$/.test(t.normal)) || glued(k)) { k--; continue; }
    if (t.normal === 'of' && k - 1 >= c.sentenceStart && MEASURE_NOUNS.has(c.tokens[k - 1].lemma)) { k--; continue; }
    // "speeded up the withdrawal", "called off the strike": a verb's particle.
    if (['up', 'out', 'off', 'down'].includes(t.normal) && c.tokens[k - 1]?.pos === 'VERB') { k--; continue; }
    // "nearly 25,000 tons", "about 300 rounds": an adverb that only qualifies a number.
    if (t.pos === 'ADV' && c.tokens[k + 1]?.pos === 'NUM') { k--; continue; }
    // "holding hundreds of civilians as human shields": the noun after "as" describes the verb's
    // object, so the verb before that object governs it.
    if (t.normal === 'as' && !depictive && k + 1 === first) { depictive = true; k--; continue; }
    if (depictive && t.normal === 'of' && c.tokens[k - 1]?.pos !== 'VERB') { k--; continue; }
    break;
  }
  return k >= c.sentenceStart && c.tokens[k].pos === 'VERB' ? k : null;
}

/** Is the token a form of one of these verbs? (The lemmatizer misses some: "staged" → "stag".) */
function lemmaIn(verbs: Set<string>, t: Token): boolean {
  return verbs.has(t.lemma) || verbs.has(t.normal) || verbs.has(t.normal.replace(/d$/, '')) || verbs.has(t.normal.replace(/ed$/, '')) || verbs.has(t.normal.replace(/s$/, ''));
}

/** Verbs of travel whose "for talks" names what the travellers come to do. */
const TRAVEL = new Set(['return', 'go', 'travel', 'fly', 'arrive', 'come', 'head', 'gather', 'sit', 'meet', 'convene', 'assemble', 'converge', 'flock', 'march']);

/** The travel verb a "for <event noun>" phrase at token `first` hangs on ("returned to Geneva for talks"), or null. */
function travelledFor(c: Ctx, first: number): number | null {
  let k = first - 1;
  while (k >= c.sentenceStart && ['DET', 'ADJ', 'NUM'].includes(c.tokens[k].pos)) k--;
  if (k < c.sentenceStart || c.tokens[k].normal !== 'for') return null;
  for (let i = k - 1; i >= Math.max(c.sentenceStart, k - 8); i--) {
    const t = c.tokens[i];
    // (the tagger sometimes reads a plural subject's verb as a noun: "negotiators return")
    if (lemmaIn(TRAVEL, t) && (t.pos === 'VERB' || t.pos === 'NOUN')) return i;
    if (t.pos === 'VERB') return null;
    if ([',', ';'].includes(tokText(c, i))) return null;
  }
  return null;
}


/** The first participant inside tokens (from, to): the object between a verb and its particle ("call on X to"). */
function objectBetween(c: Ctx, from: number, to: number, skip: Set<number>): EntityMention | null {
  for (let i = from + 1; i < to; i++) {
    if (skip.has(i)) continue;
    const m = mentionAt(c, i);
    if (m && participantOk(c, m)) return m;
  }
  return null;
}

/** The first mention with a country inside the object phrase after token `from` (up to a clause break). */
function objectPhraseOwner(c: Ctx, from: number): EntityMention | null {
  let seenNoun = false;
  // "clashed in the Libyan capital": a phrase that opens with a locative word says where.
  if (from < c.sentenceEnd && LOCATIVE.has(c.tokens[from].normal)) return null;
  for (let i = from; i < c.sentenceEnd && i < from + 10; i++) {
    const w = tokText(c, i);
    // A verb ends the phrase, unless it is a modifier inside it ("the besieged town", "troops carrying").
    const modifier = (/ed$/.test(c.tokens[i].normal) && i > 0 && c.tokens[i - 1].pos === 'DET') || /ing$/.test(c.tokens[i].normal);
    if ([',', ';', '.', ':', '(', '“', '"'].includes(w) || (['VERB', 'AUX', 'SCONJ'].includes(c.tokens[i].pos) && !modifier)) break;
    if (['while', 'after', 'before', 'because', 'which', 'who', 'when', 'as', 'and', 'or', 'but', 'than'].includes(c.tokens[i].normal)) break;
    if (c.tokens[i].pos === 'ADP' && !['of', 'in', 'at', 'on', 'near', 'to', 'against', 'into', 'inside'].includes(c.tokens[i].normal)) break;
    const m = mentionAt(c, i);
    // A place right after the trigger ("a strike near Baghdad") is where, not whom; one that
    // qualifies an object noun ("targets in Jericho") stands for the target's side.
    if (m && m.country && (m.type !== 'LOC' || seenNoun)) return m;
    if (m) { i = tokenAt(c, m.end) - 1; continue; }
    if (c.tokens[i].pos === 'NOUN') seenNoun = true;
  }
  return null;
}

/** "between A and B" within a few words after an event noun ("a mediation effort between …"). */
function betweenPair(c: Ctx, from: number): EntityMention[] {
  for (let i = from; i < c.sentenceEnd && i < from + 4; i++) {
    if (c.tokens[i].normal === 'between') {
      // (not objectAfter: "between" also reads as a place word, and here it names the sides)
      let k = i + 1;
      while (k < c.sentenceEnd && ['DET', 'ADJ'].includes(c.tokens[k].pos)) k++;
      const a = mentionAt(c, k);
      if (!a) return [];
      const b = c.mentions[c.mentions.indexOf(a) + 1];
      return b && coordinates(c, a.end, b.start) ? [a, b] : [];
    }
    if (!['NOUN', 'ADP', 'DET', 'ADJ', 'PROPN', 'NUM'].includes(c.tokens[i].pos) && c.tokens[i].normal !== 'on') return [];
  }
  return [];
}

/** The first participant with a country after "against" in the clause ("a war against Iraq"). */
function againstPhrase(c: Ctx, from: number): EntityMention | null {
  let seen = false;
  for (let i = from; i < c.sentenceEnd && i < from + 16; i++) {
    const w = tokText(c, i);
    if ([',', ';', '.', ':'].includes(w) || c.tokens[i].pos === 'SCONJ') return null;
    if (!seen) {
      if (c.tokens[i].pos === 'VERB' && i > from && c.tokens[i - 1].normal !== 'to') return null;
      if (c.tokens[i].normal === 'against') seen = true;
      continue;
    }
    if (c.tokens[i].pos === 'VERB' && c.tokens[i - 1].pos !== 'DET') return null;
    const m = mentionAt(c, i);
    if (m && m.country && participantOk(c, m)) return m;
  }
  return null;
}


/** Which side phrase each kind of trigger takes, and which recipients it may replace (only descriptions; for "to", also one with no country). */
const SIDE_PHRASES: { verbs: Set<string>; prep: string; replaceable: (r: EntityMention) => boolean }[] = [
  { verbs: FROM_TARGET, prep: 'from', replaceable: (r) => r.evidence === 'nominal' },
  { verbs: TO_TARGET, prep: 'to', replaceable: (r) => r.evidence === 'nominal' || !r.country },
];

/** The participant with a country named in the first `prep` phrase ("from …", "to …") after token `from`, within the clause. */
function prepPhrase(c: Ctx, from: number, prep: string): EntityMention | null {
  for (let i = from; i < c.sentenceEnd && i < from + 10; i++) {
    const w = tokText(c, i);
    if ([',', ';', '.', ':'].includes(w) || ['SCONJ'].includes(c.tokens[i].pos) || (c.tokens[i].pos === 'VERB' && i > from && c.tokens[i - 1].pos !== 'DET')) return null;
    if (c.tokens[i].normal !== prep) continue;
    let k = i + 1;
    // (skipping modifiers: "from the besieged Bosnian town")
    while (k < c.sentenceEnd && (['DET', 'ADJ', 'NUM'].includes(c.tokens[k].pos) || (c.tokens[k].pos === 'VERB' && /ed$/.test(c.tokens[k].normal)))
      && !mentionAt(c, k)) k++;
    if (k >= c.sentenceEnd) return null;
    const m = mentionAt(c, k);
    return m && m.country ? m : null;
  }
  return null;
}

/**
 * The event's participants: the parse's reading of the trigger's arguments (arguments.ts) first;
 * a role the parse leaves empty, or a sentence left unparsed, is read from word windows. A
 * window's pick is dropped when the parse shows it is the source of a report that frames the
 * event ("…, an Afghan security official said") or a medium ("on Twitter").
 */
export function bindParticipants(c: Ctx, kind: 'verb' | 'noun', matched: number[], trigger: number, event = ''): Participants {
  const windows = bindByWindows(c, kind, matched, trigger, event);
  const parsed = readArguments(c, kind, matched, trigger, event);
  if (!parsed) return windows;
  // A framing source never takes a role; as actor it is only ruled out where the event has a
  // subject of its own that is no pronoun ("Syria says it will …" is Syria's act).
  const ownSubject = hasNounSubject(c, trigger);
  const participantsOnly = (ms: EntityMention[], role: 'actor' | 'recipient') =>
    ms.filter((m) => !isMedium(c, m) && !((role === 'recipient' || ownSubject) && isFramingSource(c, trigger, m)));
  // The parse's reading stands, unless it found only descriptions with no country: then an actor
  // with a country from the windows ("mobilized reservists for a war against Iraq") wins, and the
  // windows' recipient wins whatever it is (none leaves room for the place a measure targets).
  // (where the parse reads a passive the windows missed — "was also hit", "kidnapped in Iraq" —
  // the windows' actor is the undergoer or someone else's subject, not a "by" agent)
  // A participle the pattern ties to "to" ("is committed to", "is opposed to") is a state of its subject.
  const stative = matched.some((k) => k > trigger && c.tokens[k].normal === 'to');
  const windowActor = parsed.passive && !windows.passive && !stative ? [] : participantsOnly(windows.actor, 'actor');
  const windowRecipient = participantsOnly(windows.recipient, 'recipient');
  // A subject the windows see inside a prepositional phrase ("settlers in the city of Hebron set
  // fire …") or as a place ("based in east Beirut") is a misparse: the windows read that actor.
  const misread = (m: EntityMention) => !participantOk(c, m) || (kind === 'verb' && !parsed.passive && isCoreArgument(c, m)
    && PREPOSITIONS.has(precededBy(c, m) ?? '') && !subjectOfBareRelative(c, m));
  const parsedActor = parsed.actor.some(misread) ? [] : parsed.actor.map((m) => rulerOf(c, m) ?? m);
  const actor = parsedActor.length && !(parsedActor.every(weak) && windowActor.some((m) => m.country)) ? parsedActor : windowActor;
  const parsedRecipient = participantsOnly(parsed.recipient, 'recipient');
  const recipient = parsedRecipient.length && !parsedRecipient.every(weak) ? parsedRecipient : windowRecipient;
  const placed = (ms: EntityMention[]) => ms.map((m) => withPhraseCountry(c, m));
  return { ...windows, actor: placed(actor), recipient: placed(recipient), passive: parsed.passive };
}

function bindByWindows(c: Ctx, kind: 'verb' | 'noun', matched: number[], trigger: number, event = ''): Participants {
  const firstTok = matched[0];
  const lastTok = matched[matched.length - 1];
  const triggerStart = c.tokens[firstTok].start;
  const afterPattern = c.tokens[lastTok].end;
  const matchedSet = new Set(matched);
  let actor: EntityMention[] = [];
  let recipient: EntityMention[] = [];
  let passive = false;
  // The object may stand inside the pattern ("called on the US to", "congratulated X on"), else after it.
  const inner = matched.length > 1 ? objectBetween(c, trigger, lastTok, matchedSet) : null;
  const findObject = (maxTokens = 10) => inner ?? objectAfter(c, afterPattern, maxTokens);
  if (kind === 'verb') {
    passive = isPassive(c, trigger);
    const subj = subjectBefore(c, triggerStart);
    if (passive) {
      if (subj) recipient = withCoordinated(c, subj, -1);
      // "was killed by X in Y": the "by" phrase may sit inside the pattern's reach.
      const agent = byAgent(c, trigger + 1);
      if (agent) actor = withCoordinated(c, agent, 1);
    } else {
      if (subj) actor = withCoordinated(c, subj, -1);
      const obj = findObject();
      if (obj) recipient = withCoordinated(c, obj, 1);
      if (actor.length === 0) {
        const rel = relativeSubject(c, lastTok + 1);
        if (rel) actor = [rel];
      }
    }
  } else {
    const mod = nounModifier(c, firstTok);
    // "its investigation into an allegation by X": a "by" after another noun is that noun's.
    const agent = byAgent(c, lastTok + 1, true);
    const ofActor = OF_IS_ACTOR.has(event) && c.tokens[lastTok].normal === 'of';
    const travel = mod || agent ? null : travelledFor(c, firstTok);
    if (mod) actor = [mod];
    else if (agent) actor = withCoordinated(c, agent, 1);
    else if (travel !== null) {
      // "U.S. and Russian negotiators return to Geneva for talks": those who travel hold them.
      const subj = subjectBefore(c, c.tokens[travel].start);
      if (subj) actor = withCoordinated(c, subj, -1);
    }
    else if (!ofActor) {
      // The subject of the verb that governs the noun: "Iran launched an attack on …".
      const k = governingVerb(c, firstTok);
      if (k !== null && lemmaIn(SUPPORT_VERBS, c.tokens[k])) {
        const subj = subjectBefore(c, c.tokens[k].start);
        if (subj) actor = withCoordinated(c, subj, -1);
      }
      // "clashes between A and B": both sides.
      if (c.tokens[lastTok].normal === 'between' && actor.length === 0) {
        const pair = betweenPair(c, lastTok);
        if (pair.length >= 2) return { actor: [pair[0]], recipient: pair.slice(1), passive };
      }
    }
    const prepEnds = ['of', 'on', 'against', 'at', 'for', 'with', 'to', 'over', 'from', 'into'];
    if (matched.length > 1 && prepEnds.includes(c.tokens[lastTok].normal)) {
      const obj = findObject(8);
      if (obj) {
        if (ofActor && actor.length === 0) actor = withCoordinated(c, obj, 1);
        else recipient = withCoordinated(c, obj, 1);
      }
    }
    // "The United States speeded up the withdrawal of some forces": unnamed forces are the named subject's.
    if (ofActor && actor.every((a) => a.evidence === 'nominal' && !a.country)) {
      const k = governingVerb(c, firstTok);
      const subj = k === null ? null : subjectBefore(c, c.tokens[k].start);
      if (subj && subj.evidence !== 'nominal') actor = withCoordinated(c, subj, -1);
    }
    if (actor.length === 0) {
      const rel = relativeSubject(c, lastTok + 1);
      if (rel) actor = [rel];
    }
  }
  // "launched a mediation effort between the Emirates and Saudi Arabia": the mediator's two sides.
  if (kind === 'noun' && actor.length > 0 && recipient.length === 0) {
    const pair = betweenPair(c, c.tokens[lastTok].normal === 'between' ? lastTok : lastTok + 1);
    if (pair.length >= 2 && !pair.some((p) => actor.some((a) => a.chain === p.chain))) recipient = pair;
  }
  // "mobilized reservists for a war against Iraq", "demonstrations against abuses by the Israeli
  // military": with no target of its own (or only the actor's own forces), "against" names it.
  if (recipient.length === 0 || recipient.every((r) => r.evidence === 'nominal' && !r.country)) {
    const against = againstPhrase(c, lastTok + 1);
    if (against && !actor.some((a) => a.chain === against.chain)) recipient = [against];
  }
  // "withdraw its troops from Lebanon", "expelled the diplomats from Germany": the side left or sent
  // away is "from" whom; "extradited a drug lord to the United States": the receiving side is "to" whom.
  for (const { verbs, prep, replaceable } of SIDE_PHRASES) {
    if (!matched.some((i) => verbs.has(c.tokens[i].lemma) || verbs.has(c.tokens[i].normal))) continue;
    const side = prepPhrase(c, c.tokens[lastTok].normal === prep ? lastTok : lastTok + 1, prep);
    if (side && !actor.some((a) => a.chain === side.chain) && recipient.every(replaceable)) recipient = [side];
  }
  // "fired rockets at Tel Aviv": a pattern's own target preposition makes the place after it the target.
  if (recipient.length === 0 && kind === 'verb' && !passive && matched.length > 1 && ['at', 'on', 'against', 'into'].includes(c.tokens[lastTok].normal)) {
    // (past an article and direction words: "at the southern town of Sderot", "at northern Israel")
    let k = lastTok + 1;
    while (k < c.sentenceEnd && k <= lastTok + 3 && (c.tokens[k].pos === 'DET' || c.tokens[k].pos === 'ADJ')) k++;
    const m = mentionAt(c, k);
    if (m && m.country && !actor.some((a) => a.chain === m.chain)) recipient = [m];
  }
  // "fired shells at targets in Jericho", "evacuated the wounded from the besieged Bosnian town":
  // with no named target, the place or people the object phrase belongs to is the recipient.
  // (A pattern's own "at"/"into" marks the target — "fired shells at" — not a place.)
  const targetPrep = matched.length > 1 && ['at', 'into'].includes(c.tokens[lastTok].normal);
  if (recipient.length === 0 && !passive && (!LOCATIVE.has(c.tokens[lastTok].normal) || targetPrep)) {
    const owner = objectPhraseOwner(c, lastTok + 1);
    if (owner && !actor.some((a) => a.chain === owner.chain)) recipient = [owner];
  }
  // (An entity acting on itself is dropped by the caller, once descriptions are read back to people.)
  const secondPredicate = kind === 'verb' && coordinatedPredicateHead(c, trigger, c.sentenceStart) !== null;
  return { actor, recipient, passive, secondPredicate };
}

/**
 * "… threatened to stop the talks if the United States goes ahead", "… unless Baghdad accepted":
 * the one a conditional threat is addressed to is the subject of its condition.
 */
export function conditionSubject(c: Ctx, from: number): EntityMention | null {
  for (let i = from; i < c.sentenceEnd; i++) {
    if (c.tokens[i].normal !== 'unless' && c.tokens[i].normal !== 'if') continue;
    let k = i + 1;
    while (k < c.sentenceEnd && ['DET', 'ADJ'].includes(c.tokens[k].pos)) k++;
    const m = mentionAt(c, k);
    return m && participantOk(c, m) ? m : null;
  }
  return null;
}

/** The subject of a verb at offset `pos` (for callers outside the pattern matcher). */
export function subjectOf(c: Ctx, pos: number): EntityMention[] {
  const m = subjectBefore(c, pos);
  return m ? withCoordinated(c, m, -1) : [];
}

export type { Ctx as ParticipantContext };
