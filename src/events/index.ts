/**
 * events: triggers (verbs and event nouns) from the pattern dictionary
 * (match.ts), coded in CAMEO and PLOVER (ontology.ts), with actor and recipient
 * (participants.ts), date (times/event-date.ts), place (places/event-place.ts),
 * attribution and negation (attribution/), contexts (context.ts) and a
 * confidence from the evidence. Low-evidence matches yield no event.
 */
import { aftermathSentences, eventCasualties } from './casualties.js';
import { createHash } from 'node:crypto';
import type { Attribution, CodedEvent, Doc, Entity, EntityMention, Place } from '../doc/types.js';
import { defaultLexicon } from '../entities/default-lexicon.js';
import type { Lexicon } from '../entities/lexicon.js';
import { toEntity, toPlace } from '../doc/types.js';
import { attribute, isNegated } from '../attribution/index.js';
import { eventDate } from '../times/event-date.js';
import { attachmentTo, eventPlace, PRECISION_RANK } from '../places/event-place.js';
import { countryByName, countryInfo } from '../places/countries.js';
import { contextsFor } from './context.js';
import { matchTriggers } from './match.js';
import { mergeComplementary } from './merge.js';
import { groupHappenings } from './happenings.js';
import { modalCode, modalityOf } from './modality.js';
import { isGenericMention, realisOf, statementRealis } from './realis.js';
import { scheduledByDue } from './scheduled.js';
import { habitualMention } from './habitual.js';
import { carriesModality } from './carried-modality.js';
import { cessationVerb } from './cessation.js';
import { cameoInfo, ploverFor } from './ontology.js';
import { otherSense } from './sense.js';
import { otherUse } from './other-use.js';
import { stateObstruction } from './state-obstruction.js';
import { labourStrike } from './labour-strike.js';
import { inKnownName } from './name-words.js';
import { asProspect, ploverRule, reproachAt } from './plover-rules.js';
import { firstStartingFrom, ofSentence } from '../util/spans.js';
import { bindParticipants, conditionSubject, governingVerb, subjectOf, type ParticipantContext } from './participants.js';
import { checkDeadline } from '../util/deadline.js';
import { treeOf } from '../syntax/tree.js';
import { settleStorySides } from '../actors/story-country.js';
import { frontsOtherCompound } from '../actors/knowledge.js';

/** The attribution of a speaker's own verbal act: the author's, as sure as its own clause says. */
function ownSpeech(a: Attribution): Attribution {
  const certainty = a.certainty === 'reported' || a.certainty === 'alleged' ? 'asserted' : a.certainty;
  return { source: null, cue: null, certainty };
}

/** An event's sentence and trigger, and its mention list holding them as its first (and, so far, only) mention. */
function firstMention(s: Doc['sentences'][number], trigger: CodedEvent['trigger']): Pick<CodedEvent, 'sentence' | 'trigger' | 'mentions'> {
  const sentence = { index: s.index, start: s.start, end: s.end };
  return { sentence, trigger, mentions: [{ sentence, trigger }] };
}

/** CAMEO 111 (criticise or denounce): what an obligation not met ("should have acted") is. */
const REPROACH = '111';

/** Events below this confidence are not reported: a "no event" answer is better than a guess. */
export const MIN_CONFIDENCE = 0.45;

export type EventInput = Omit<Doc, 'events'>;

/** `lex` codes dictionary names as of each event's date: acta's own, or with a user's actor rows above it. */
export function findEvents(doc: EventInput, lex: Lexicon = defaultLexicon()): CodedEvent[] {
  const { text, tokens } = doc;
  const events: CodedEvent[] = [];
  let previous: { date: string | null } | null = null;
  let previousSubject: EntityMention | null = null;
  // Tokens that open a date or a time: a pattern's preposition before one is the date's.
  const timeStarts = new Set(doc.times.filter((t) => t.type === 'DATE' || t.type === 'TIME').map((t) => t.start));
  const isTime = (k: number) => timeStarts.has(tokens[k].start);
  const inTime = tokensInTimes(doc);
  // One string per paragraph: the contexts' cue counts are remembered per paragraph text.
  let paragraphText = { index: -1, text: '' };
  for (const s of doc.sentences) {
    checkDeadline();
    // A headline repeats the story in title case; its events are coded from the body.
    if (doc.titleSpan && s.start < doc.titleSpan.end && s.end > doc.titleSpan.start) continue;
    const inSentence = ofSentence(doc.entities, s.index);
    // (A place with a mention's span is in the mention's sentence.)
    const placed = topLevel(inSentence).map((m) => withPlaceCountry(m, ofSentence(doc.places, s.index)));
    const mentions = placed.map((m) => withWholeCountry(m, placed, text)).map((m) => withOwnerCountry(m, placed, text));
    const ctx = { text, tokens, mentions, sentenceStart: s.tokenStart, sentenceEnd: s.tokenEnd, previousSubject, tree: doc.syntax ? treeOf(doc.syntax) : null };
    // The countries the sentence names (places and coded participants): one country makes the place telling.
    const sentenceCountries = new Set<string>([
      ...ofSentence(doc.places, s.index).filter((p) => p.country).map((p) => p.country!),
      // (nested ones too: the "Egyptian" inside "Egyptian police")
      // (not the sponsor in "Iranian-backed militiamen")
      ...inSentence.filter((m) => m.country && m.evidence !== 'nominal' && !frontsOtherCompound(text, m.end)).map((m) => m.country!),
    ]);
    const sentenceEvents: CodedEvent[] = [];
    // A verb used as an adjective ("long-threatened invasion") may not take words from a real trigger.
    const usable = (p: { kind: string }, i: number, n: number) => p.kind !== 'verb' || verbUse(text, tokens, i, s.tokenStart, mentions, n === 1);
    for (const m of matchTriggers(text, tokens, s.tokenStart, s.tokenEnd, usable, isTime)) {
      const cameo = m.pattern.cameo!;
      // Plain statements (CAMEO 01x) are not events in PLOVER: "said", "considered", "commented".
      if (cameo.startsWith('01')) continue;
      const plover = ploverFor(cameo);
      const info = cameoInfo(cameo);
      if (!plover || !info) continue;
      // A trigger word inside a name is part of the name: "Popular Mobilization Forces".
      const trigTok = tokens[m.trigger];
      if (mentions.some((n) => n.start <= trigTok.start && n.end >= trigTok.end)) continue;
      // (…also where the tagger cut a known name short: "Amnesty" of "Amnesty International", name-words.ts)
      if (inKnownName(text, tokens, m.trigger, s.tokenStart, s.tokenEnd, lex)) continue;
      // …and a trigger inside a time expression is a date: "on March 10".
      if (inTime.has(m.trigger)) continue;
      const event = m.pattern.event ?? plover.event;
      const first = m.matched[0];
      const last = m.matched[m.matched.length - 1];
      const trig = tokens[m.trigger];
      const parts = bindParticipants(ctx, m.pattern.kind, m.matched, m.trigger, event);
      parts.actor = parts.actor.flatMap((x) => antecedents(doc, x));
      parts.recipient = parts.recipient.flatMap((x) => antecedents(doc, x));
      // An entity cannot act on itself in one event. Checked after descriptions are read back to
      // people: "The union … announced that it has called a strike" has no recipient.
      parts.recipient = parts.recipient.filter((r) => !parts.actor.some((a) => a.chain === r.chain));
      // A bare body is not the story's country where the other side is that country by name.
      Object.assign(parts, settleStorySides(parts.actor, parts.recipient));
      // "several attacks", "attacked about 135 times", "during the Gulf war": no happening of its own.
      if (isGenericMention({ tokens, text, tree: ctx.tree, trigger: m.trigger, hasParticipants: parts.actor.length + parts.recipient.length > 0 })) continue;
      // ("such attacks", "regular targets for attacks", "raids …, averaging two a month": habitual.ts)
      if (habitualMention({ tokens, tree: ctx.tree, trigger: m.trigger, sentence: s })) continue;
      // Another sense of the word, or no political participant: no event (sense.ts).
      if (otherSense(ctx, { kind: m.pattern.kind, trigger: m.trigger, event, actor: parts.actor, recipient: parts.recipient })) continue;
      // Comment withheld, a question put, a danger posed, an outcome helped along, necessity, a forecast, weapons (other-use.ts).
      if (otherUse(ctx, { kind: m.pattern.kind, trigger: m.trigger, event })) continue;
      let negated = isNegated(tokens, first, s.tokenStart, s.tokenEnd);
      let attribution = attribute({ text, tokens, sentence: s, mentions, trigger: m.trigger, first, relations: doc.attributions });
      const told = attribution.cue !== null;
      // (the word whose clause says whether it happened: the trigger, unless a type rule names the act's own word)
      let realisAt = m.trigger;
      const realisInput = () => ({ tokens, text, tree: ctx.tree, sentence: s, trigger: realisAt, matched: m.matched, certainty: attribution.certainty, negated, reported: told });
      const speaker = attribution.source ? mentions.find((x) => x.start === attribution.source!.start && x.end === attribution.source!.end) : undefined;
      // An intended, owed, conditional or refused action is coded as what the statement does.
      // An event noun's modality is its governing verb's: "will provide … food aid" is a promise.
      const governor = m.pattern.kind === 'noun' ? governingVerb(ctx, first) : null;
      // (…unless the noun is what a verb talks about, judges or answers: "would condemn an attack", "will retaliate for the attack"; carried-modality.ts)
      // (…nor is the act a verb of ceasing stops: "agreed to stop shelling" promises the stopping; cessation.ts)
      const ceased = cessationVerb(tokens, ctx.tree, m.trigger, s.tokenStart) !== null;
      const carried = !ceased && (m.pattern.kind !== 'noun' || carriesModality(ctx.tree, tokens, m.trigger, m.matched));
      const modal = carried ? modalityOf(tokens, governor ?? first, s.tokenStart, s.tokenEnd, text, governor === null ? m.matched : [governor]) : null;
      let recode = modalCode(cameo, event, modal?.kind ?? null, negated);
      let code = cameo;
      let type = event;
      let modes = m.pattern.mode.length ? m.pattern.mode : plover.mode;
      // A recoded statement (a promise, a threat, a demand, a refusal) is itself what happened.
      let statement: CodedEvent['realis'] | null = null;
      // "should have acted sooner": an obligation not met is a reproach (plover-rules.ts).
      if (modal?.kind === 'obligation' && recode && reproachAt(tokens, tokens.indexOf(modal.cue), s.tokenEnd)) recode = REPROACH;
      if (recode && ploverFor(recode) && cameoInfo(recode)) {
        statement = negated || !modal ? 'actual' : statementRealis(realisInput(), modal.cue);
        code = recode;
        type = ploverFor(recode)!.event;
        modes = ploverFor(recode)!.mode;
        if (negated) negated = false; // the refusal itself is asserted
        if (modal?.kind === 'obligation') {
          // "Russia said Sudan must return …": the one who says it asks; the subject is asked.
          parts.recipient = parts.actor;
          parts.actor = speaker ? [speaker] : [];
        }
      }
      // A conditional threat is addressed to the one whose act is the condition.
      if (type === 'THREATEN' && parts.recipient.every((r) => r.evidence === 'nominal' && !r.country)) {
        const cond = conditionSubject(ctx, m.trigger + 1);
        if (cond && !parts.actor.some((a) => a.chain === cond.chain)) parts.recipient = [cond];
      }
      // "The Philippines protested against China's …": a state that protests lodges a complaint
      // (CAMEO 114, ACCUSE); people in the street demonstrate (PROTEST).
      const complaint = ploverFor('114');
      if (type === 'PROTEST' && trig.lemma === 'protest' && m.pattern.kind === 'verb' && parts.actor.length > 0
        && parts.actor.every((a) => countryByName(a.text) !== null || ['GOV', 'LEG', 'JUD'].includes(a.sector ?? '')) && complaint && cameoInfo('114')) {
        code = '114'; type = complaint.event; modes = complaint.mode;
      }
      // PLOVER's own rules for the type (plover-rules.ts): some words' codes say otherwise.
      const rule = ploverRule(ctx, { kind: m.pattern.kind, trigger: m.trigger, cameo: code, event: type, actor: parts.actor, recipient: parts.recipient, speaker });
      if (rule && 'none' in rule) continue;
      if (rule && cameoInfo(rule.cameo)) {
        code = rule.cameo; type = rule.event; modes = rule.mode;
        if (rule.actor) parts.actor = rule.actor;
        if (rule.said && attribution.certainty !== 'denied') attribution = { source: null, cue: null, certainty: 'asserted' };
        if (rule.asserted) { statement = 'actual'; negated = false; }
        if (rule.realisAt !== undefined) { realisAt = rule.realisAt; statement = null; }
        if (rule.recipient) parts.recipient = rule.recipient.filter((r) => !parts.actor.some((a) => a.chain === r.chain));
      }
      // "authorities were blocking the export": a state's blockade is COERCE, not PROTEST (state-obstruction.ts);
      // "strikes at two car plants", "unions carried out strikes": a stoppage of work, PROTEST (labour-strike.ts).
      const bySide = stateObstruction(code, parts.actor) ?? labourStrike(ctx, type, m.matched, parts.actor);
      if (bySide && cameoInfo(bySide) && ploverFor(bySide)) { code = bySide; type = ploverFor(bySide)!.event; modes = ploverFor(bySide)!.mode; }
      const codeInfo = cameoInfo(code)!;
      // A verbal act (QuadClass 1 or 3) reported of the speaker's own state is the speaker's act:
      // "Trade Minister X said Vietnam is committed to …" — X commits, for the state X serves.
      if ((codeInfo.quad_class === 1 || codeInfo.quad_class === 3) && attribution.source && parts.actor.length > 0) {
        // (Only in what the speaker says directly, not in a clause hung on it: "…, which meant the UK could not …".)
        const direct = attribution.cue !== null && attribution.cue.end <= trig.start
          && !/\b(which|who|whose|because|after|before|while|when|if|unless|although|since)\b/i.test(text.slice(attribution.cue.end, trig.start));
        if (speaker && direct && speaker.country && ['GOV', 'MIL', 'LEG', 'JUD'].includes(speaker.sector ?? '')
          && parts.actor.every((a) => a.type === 'LOC' && !a.sector && a.country === speaker.country)) parts.actor = [speaker];
      }
      // A verbal act whose actor is the speaker is the speaking itself ("X said: 'we are asking them
      // to negotiate'" is X's request): the author tells it; the speaker is its actor, not its source.
      if ((codeInfo.quad_class === 1 || codeInfo.quad_class === 3) && speaker && parts.actor.some((a) => a.chain === speaker.chain)) {
        attribution = ownSpeech(attribution);
      }
      // ("due to meet", "due to be held": scheduled, still to come; scheduled.ts)
      // (what is stopped was going on, whatever is said of the stopping)
      const read = statement ?? (ceased ? 'actual' : realisOf(realisInput()));
      const realis = read === 'actual' && !statement && scheduledByDue(tokens, ctx.tree, m.trigger, s.tokenStart) ? 'future' : read;
      negated = realis === 'negated';
      const at = { sentence: s.index, start: tokens[first].start, end: tokens[last].end };
      let when = anniversary(text, at, eventDate(doc, at, previous), doc.meta.published);
      // "the missile strike" with no date of its own is the strike told just before: its date.
      if (!when.date && m.pattern.kind === 'noun' && definite(tokens, first, s.tokenStart)) {
        // Only a report that shares a describing word ("missile") or a participant is the same one.
        const described = new Set<string>();
        for (let k = Math.max(s.tokenStart, first - 3); k < first; k++) if (['NOUN', 'ADJ'].includes(tokens[k].pos)) described.add(tokens[k].lemma);
        const codes = new Set([...parts.actor, ...parts.recipient].map((x) => x.code).filter(Boolean));
        const earlier = recentEvents(events, sentenceEvents, s.index - 2)
          .find((e) => e.event === event && e.date && e.date_precision !== 'unknown' && !e.negated && s.index - e.sentence.index <= 2
            && (e.attribution.certainty === 'asserted' || e.attribution.certainty === 'reported')
            && (tokens.slice(doc.sentences[e.sentence.index].tokenStart, doc.sentences[e.sentence.index].tokenEnd).some((t) => described.has(t.lemma))
              || [...e.actor, ...e.recipient].some((x) => x.code && codes.has(x.code))));
        if (earlier) when = { date: earlier.date, precision: earlier.date_precision, text: earlier.date_text, start: null, end: null };
      }
      // The event's own place (the parse's reading, places/attachment.ts) is its location; the place the
      // sentence's words put it in, wherever it hangs ("a man from Leicester was arrested"), still lends
      // the participants its country and the event its weight.
      const where = placeOfEvent(doc, at, parts.actor, parts.recipient);
      const setting = placeOfEvent({ ...doc, syntax: undefined }, at, parts.actor, parts.recipient);
      const paragraph = doc.paragraphs[s.paragraph];
      if (paragraph && paragraphText.index !== s.paragraph) paragraphText = { index: s.paragraph, text: text.slice(paragraph.start, paragraph.end) };
      const single = setting?.country ? sentenceCountries.size <= 1 && (sentenceCountries.size === 0 || sentenceCountries.has(setting.country)) : false;
      const onlyCountry = sentenceCountries.size === 1 ? [...sentenceCountries][0] : null;
      const placeIsRecipient = !!setting && parts.recipient.some((r) => r.start < setting.end && r.end > setting.start);
      const confidence = scoreConfidence(m.matched.length, parts.actor.length > 0, parts.recipient.length > 0, when.date !== null, setting !== null);
      if (confidence < MIN_CONFIDENCE) continue;
      // The main clause's event is the sentence's news; one in a relative, adverbial, purpose or
      // participle clause ("… which aims to tighten", "to mediate", ", saying he must resign") is background.
      const background = inSubordinateClause(text, tokens, first, s.tokenStart);
      const mode = [...new Set(modes)];
      sentenceEvents.push({
        id: eventId(doc.meta.hash, trig.start, code),
        article_id: doc.meta.id,
        event: type, mode, context: contextsFor(text.slice(s.start, s.end), paragraph ? paragraphText.text : ''),
        cameo: code, goldstein: codeInfo.goldstein, quad_class: codeInfo.quad_class,
        date: when.date, date_precision: when.precision, date_text: when.text,
        // A place that is the recipient ("withdrew from Mali") says nothing about where the actor belongs.
        actor: parts.actor.map((a) => placeCountry(codeOnDate(a, when.date, lex), placeIsRecipient ? null : setting, type, single, placeIsRecipient ? null : onlyCountry)),
        recipient: parts.recipient.length || !addressedToPlace(type, code)
          ? parts.recipient.map((r) => placeCountry(codeOnDate(r, when.date, lex), setting, type, single, onlyCountry))
          : placeTarget(inSentence, setting, onlyCountry),
        location: where ? toPlace(where) : null,
        attribution, negated, realis,
        ...firstMention(s, { text: text.slice(trig.start, trig.end), start: trig.start, end: trig.end }),
        // A background clause, or the second verb of "refused … and urged …", is not the sentence's lead.
        confidence: Math.round((confidence - (background ? 0.15 : 0) - (parts.secondPredicate ? 0.1 : 0)) * 100) / 100,
      });
    }
    sentenceEvents.push(...obligations(doc, ctx, s, sentenceEvents, previous, lex));
    // The next sentence's "two days earlier" counts from this sentence's last dated event.
    const firstWithActor = sentenceEvents.find((e) => e.actor.length > 0);
    if (firstWithActor) previousSubject = mentions.find((x) => x.start === firstWithActor.actor[0].start) ?? previousSubject;
    const dated = sentenceEvents.filter((e) => e.date && e.date_precision !== 'unknown');
    if (dated.length) previous = { date: dated[dated.length - 1].date };
    // (after the merge: "met … to discuss" is the meeting held, not one to come)
    events.push(...mergeComplementary(rankEmbedded(text, sentenceEvents)).map(asProspect));
  }
  // Mentions of one happening across the article become one event.
  // Counts are read once a happening's mentions are gathered: a toll told later belongs to it.
  const happenings = groupHappenings(doc, events);
  const aftermath = aftermathSentences(doc.sentences, happenings);
  return happenings.map((e) => ({ ...e, casualties: eventCasualties(e, text, aftermath) }));
}

/**
 * Is a verb trigger used as a verb? Not when it is an adjective in disguise —
 * after a determiner ("this charged climate") or glued by a hyphen
 * ("Iranian-backed", "US-led") — nor a participle describing a thing that is
 * no participant ("two bases hosting US forces").
 */
function verbUse(text: string, tokens: Doc['tokens'], i: number, sentenceStart: number, mentions: EntityMention[], single: boolean): boolean {
  if (i <= sentenceStart) return true;
  const prev = tokens[i - 1];
  if (prev.pos === 'DET' || (prev.pos === 'PRON' && /^(its|their|his|her|our|my|your)$/.test(prev.normal))) return false;
  if (text.slice(prev.start, prev.end) === '-' && prev.end === tokens[i].start) return false;
  if (single && tokens[i].normal.endsWith('ing') && prev.pos === 'NOUN' && !mentions.some((m) => m.start <= prev.start && m.end >= prev.end)) return false;
  return true;
}

/**
 * The event's place: the places stage's choice, unless that place is one of
 * the participants ("Iran launched …" is not an event in Iran); a targeted
 * site or town among the recipients ("the strike against the Ayn al-Asad air
 * base") is where it happened when nothing more precise is said.
 */
function placeOfEvent(doc: Omit<EventInput, 'syntax'> & { syntax?: EventInput['syntax'] }, at: { sentence: number; start: number; end: number }, actor: EntityMention[], recipient: EntityMention[]): Place | null {
  const overlaps = (p: Place, m: EntityMention) => p.start < m.end && p.end > m.start;
  // A possessive place owns something ("Washington’s actions"); it is not where the event was.
  // (But "in London's High Court" puts the event in what the town owns, and so in the town.)
  const possessive = (p: Place) => /^[’']s\b/.test(doc.text.slice(p.end, p.end + 3))
    && !(doc.syntax && /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, p.start - 12), p.start)));
  // (Only the places of a sentence can be the event's or overlap a participant of that sentence.)
  // A town that only names the actor's seat ("a Baghdad court", "London mayor Ken Livingstone") is no participant.
  // (Only where the parse then decides whether it is the event's place.)
  const seat = (p: Place, a: EntityMention) => !!doc.syntax && a.end > p.end && ['site', 'city', 'admin2'].includes(p.precision);
  const others = (sentence: number) => ofSentence(doc.places, sentence).filter((p) => !actor.some((a) => overlaps(p, a) && !seat(p, a)) && !(possessive(p) && p.precision === 'city'));
  // "fired missiles at the Ayn al-Asad air base": a described target that a locative preposition
  // governs is a site, and the place named in it is where the event was.
  const site = (r: EntityMention) => r.type === 'LOC'
    || (r.evidence === 'nominal' && /\b(at|in|near|on|into|inside|outside)\s+(the\s+|a\s+|an\s+)?$/i.test(doc.text.slice(Math.max(0, r.start - 12), r.start)));
  let where = eventPlace({ ...doc, places: others(at.sentence) }, at);
  if (where && recipient.some((r) => overlaps(where!, r) && !site(r))) where = null;
  for (const r of recipient) {
    if (!site(r)) continue;
    const target = others(r.sentence).find((p) => overlaps(p, r) && (p.precision === 'site' || p.precision === 'city'));
    // (Not a town the parse hangs elsewhere: "Mr X, from north London, was detained in Zambia".)
    if (target && attachmentTo(doc, at, target) !== 'other' && (!where || PRECISION_RANK[target.precision] < PRECISION_RANK[where.precision])) where = target;
  }
  return where;
}

/**
 * "on the anniversary of the killing … January 3, 2020": the event is on that
 * day of a later year — the latest one not after publication.
 */
function anniversary(text: string, at: { start: number; end: number }, when: ReturnType<typeof eventDate>, published: string | null): ReturnType<typeof eventDate> {
  if (!published || when.start === null || when.precision !== 'day' || !when.date || when.start < at.end) return when;
  if (!/\banniversary of\b/i.test(text.slice(at.end, when.start))) return when;
  const md = when.date.slice(5);
  let year = Number(published.slice(0, 4));
  if (`${year}-${md}` > published) year--;
  if (year <= Number(when.date.slice(0, 4))) return when;
  return { ...when, date: `${year}-${md}` };
}

/**
 * A dictionary code depends on the date (a president leaves office): code the
 * participant as of the event's own date when it has one.
 */
function codeOnDate(m: EntityMention, date: string | null, lex: Lexicon): Entity {
  const e = toEntity(m);
  // A capital that acts is its government: "Washington demanded", "Beirut rejected".
  if (m.type === 'LOC' && !e.sector) {
    const c = lex.countryByCapital(m.name);
    if (c && c === e.country) return { ...e, sector: 'GOV', code: `${c}GOV` };
  }
  if (!date || m.codeSource !== 'dictionary') return e;
  const hit = lex.actor(m.name, date);
  if (!hit || (!hit.country && !hit.sector)) return e;
  const code = `${hit.country ?? ''}${hit.sector ?? ''}`;
  return { ...e, country: hit.country, sector: hit.sector, code };
}

/**
 * "Beirut rejected a UN appeal for deploying troops", "the ILO reiterated its demand that
 * Israel ease restrictions": an event told inside another's object or complement is that
 * event's content, so it ranks below it — unless a clause break or a coordinated verb
 * ("…, and police fired") starts a new report in between.
 */
function rankEmbedded(text: string, events: CodedEvent[]): CodedEvent[] {
  const sorted = [...events].sort((a, b) => a.trigger.start - b.trigger.start);
  return events.map((e) => {
    const head = sorted.find((h) => h.trigger.start < e.trigger.start);
    if (!head) return e;
    const between = text.slice(head.trigger.end, e.trigger.start);
    // (A full stop after a short word is an abbreviation — "U.N. Security Council" — not a break.)
    if (/[;:]|,\s*(and|but|while|as)\b|\b(and|but)\s+\w+(ed|s)\b|(?<!\b[A-Za-z]{1,4})\.\s/.test(between)) return e;
    return { ...e, confidence: Math.round(Math.max(0.05, e.confidence - 0.25) * 100) / 100 };
  });
}

const SUBORDINATORS = new Set(['which', 'who', 'whom', 'whose', 'because', 'after', 'following', 'before', 'while', 'when', 'since',
  'although', 'though', 'if', 'unless', 'whereas', 'until', 'amid', 'during']);

/** Is the trigger at token `first` inside a subordinate clause rather than the sentence's main one? */
export function inSubordinateClause(text: string, tokens: Doc['tokens'], first: number, sentenceStart: number): boolean {
  for (let k = first - 1; k >= Math.max(sentenceStart, first - 14); k--) {
    const t = tokens[k];
    if (SUBORDINATORS.has(t.normal)) return true;
    // "arrested for collaborating", "praised for helping": a reason, not the news.
    if (k === first - 1 && t.normal === 'for' && tokens[first].normal.endsWith('ing')) return true;
    // ", as authorities cracked down": a clause of circumstance (not "as well as", "such as").
    if (t.normal === 'as' && k > sentenceStart && text.slice(tokens[k - 1].start, tokens[k - 1].end) === ',' && tokens[k + 1]?.normal !== 'well') return true;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      // "to mediate" after another verb's clause is a purpose; ", saying …" a participle clause.
      if (k === first - 1 && t.normal !== 'to') return false;
      if (t.normal.endsWith('ing') && k > sentenceStart && text.slice(tokens[k - 1].start, tokens[k - 1].end) === ',') return true;
      return tokens[first - 1]?.normal === 'to' && !['will', 'would', 'must', 'should'].includes(t.normal) && t.pos === 'VERB' && !GOVERNORS.has(t.lemma);
    }
  }
  return false;
}

/** Verbs whose infinitive is their own content, not a purpose ("agreed to withdraw", "vowed to avenge"). */
const GOVERNORS = new Set(['agree', 'offer', 'promise', 'pledge', 'vow', 'swear', 'plan', 'intend', 'decide', 'refuse', 'threaten', 'want',
  'seek', 'try', 'attempt', 'begin', 'start', 'continue', 'fail', 'decline', 'need', 'have', 'prepare', 'resolve', 'aim', 'call', 'urge', 'ask',
  'demand', 'order', 'force', 'allow', 'claim', 'expect', 'hope', 'be', 'say', 'announce']);

/**
 * "The Red Cross said US and British forces must ensure security": a reported
 * obligation is a REQUEST from the one who says it to the one who must, even when
 * the owed action is no event word of its own.
 */
function obligations(doc: EventInput, ctx: ParticipantContext, s: Doc['sentences'][number], found: CodedEvent[], previous: { date: string | null } | null, lex: Lexicon): CodedEvent[] {
  const { text, tokens } = doc;
  const out: CodedEvent[] = [];
  for (let k = s.tokenStart; k < s.tokenEnd - 1; k++) {
    if (!['must', 'should'].includes(tokens[k].normal)) continue;
    let v = k + 1;
    while (v < s.tokenEnd && ['ADV', 'PART', 'AUX'].includes(tokens[v].pos)) v++;
    if (v >= s.tokenEnd || tokens[v].pos !== 'VERB') continue;
    if (found.some((e) => e.trigger.start <= tokens[v].start && e.trigger.end >= tokens[v].end)) continue;
    const subject = subjectOf(ctx, tokens[k].start);
    if (subject.length === 0) continue;
    const attribution = attribute({ text, tokens, sentence: s, mentions: ctx.mentions, trigger: v, first: k, relations: doc.attributions });
    const source = attribution.source ? ctx.mentions.find((x) => x.start === attribution.source!.start) : undefined;
    if (!source || subject.some((m) => m.chain === source.chain)) continue;
    // ("should have acted sooner": a reproach, not a demand)
    const code = reproachAt(tokens, k, s.tokenEnd) ? REPROACH : '020';
    const info = cameoInfo(code)!;
    const plover = ploverFor(code)!;
    const at = { sentence: s.index, start: tokens[k].start, end: tokens[v].end };
    const when = eventDate(doc, at, previous);
    const where = placeOfEvent(doc, at, [source], subject);
    out.push({
      id: eventId(doc.meta.hash, tokens[v].start, code), article_id: doc.meta.id,
      event: plover.event, mode: plover.mode, context: contextsFor(text.slice(s.start, s.end), ''),
      cameo: code, goldstein: info.goldstein, quad_class: info.quad_class,
      date: when.date, date_precision: when.precision, date_text: when.text,
      actor: [placeCountry(codeOnDate(source, when.date, lex), where, plover.event, false)], recipient: subject.map((m) => placeCountry(codeOnDate(m, when.date, lex), where, plover.event, false)),
      location: where ? toPlace(where) : null, attribution, negated: false, realis: 'actual',
      ...firstMention(s, { text: text.slice(tokens[v].start, tokens[v].end), start: tokens[v].start, end: tokens[v].end }),
      confidence: scoreConfidence(2, true, true, when.date !== null, where !== null),
    });
  }
  return out;
}

/**
 * Events whose participants are where they happen (a clash, a protest, an arrest). Talks,
 * agreements and appeals are often held abroad ("talks in Algiers"), so their place says
 * nothing about who took part.
 */
const LOCAL_EVENTS = new Set(['ASSAULT', 'PROTEST', 'COERCE', 'MOBILIZE', 'RETREAT', 'SANCTION', 'CONCEDE', 'AID']);

/** Sectors of a country's own institutions and people; international bodies are no country's. */
const NATIONAL_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY', 'REB', 'INS', 'OPP', 'PTY', 'CVL', 'EDU', 'LAB', 'MED', 'BUS', 'REL', 'HLH', 'ELI', 'CRM', 'AGR', 'REF']);

/**
 * "Police in Bamako arrested …", "rebels in the Ivory Coast": a participant the text
 * gives a role but no country acts where the event happened, when the sentence
 * itself names that place.
 */
function placeCountry(e: Entity, where: Place | null, event = 'ASSAULT', oneCountry = true, sentenceCountry: string | null = null): Entity {
  if (e.country || !e.sector || !NATIONAL_SECTORS.has(e.sector)) return e;
  // "Egyptian police opened fire on demonstrators": with no place, a local event's people
  // belong to the one country the sentence names.
  const country = where?.country ?? (LOCAL_EVENTS.has(event) ? sentenceCountry : null);
  if (!country) return e;
  // Elsewhere only when the sentence names no other country than the place's.
  if (!LOCAL_EVENTS.has(event) && !oneCountry) return e;
  return { ...e, country, code: `${country}${e.sector}` };
}

/**
 * Events that, with no named target, are addressed to the country where they happen: a protest
 * to its state ("thousands rallied in Lagos" → Nigeria); restrictions, curfews and states of
 * siege (CAMEO 172x), threats of them (132x) and their easing (081x) to its people. An arrest or a raid is not: it
 * has people of its own, named or not.
 */
function addressedToPlace(type: string, cameo: string): boolean {
  return type === 'PROTEST' || cameo.startsWith('172') || cameo.startsWith('132') || cameo.startsWith('081');
}

/**
 * The country an event addressedToPlace() is addressed to: the event's place's country, or with
 * no place the one country the sentence names ("Egyptian demonstrators rioted"). The evidence is
 * the words that name it. Two countries, or none: no recipient.
 */
function placeTarget(sentenceEntities: EntityMention[], where: Place | null, sentenceCountry: string | null): Entity[] {
  const country = where?.country ?? sentenceCountry;
  if (!country || (where && sentenceCountry && sentenceCountry !== country)) return [];
  const evidence = where ?? sentenceEntities.find((m) => m.country === country && m.evidence !== 'nominal');
  if (!evidence) return [];
  const name = countryInfo(country)?.name ?? country;
  return [{ text: evidence.text, start: evidence.start, end: evidence.end, name, type: 'LOC', country, sector: null, code: country }];
}

/**
 * "The two ministers called for …" after "Foreign Minister A met Foreign Minister B": a
 * definite description by role stands for the people named with that role just before
 * (all of them when it is plural, the latest when singular).
 */
function antecedents(doc: EventInput, m: EntityMention): EntityMention[] {
  const before = doc.text.slice(Math.max(0, m.start - 16), m.start);
  if (m.evidence !== 'nominal' || !/\b(the|both|these|those)(\s+(two|three|four))?\s*$/i.test(before)) return [m];
  const role = m.roles[0];
  if (!role) return [m];
  const plural = /s$/.test(role);
  const head = (plural ? role.replace(/(ies)$/, 'y').replace(/s$/, '') : role).split(' ').pop()!;
  const near = [m.sentence - 2, m.sentence - 1, m.sentence].flatMap((i) => ofSentence(doc.entities, i));
  const named = near.filter((e) => e.type === 'PER' && e.evidence !== 'nominal' && !e.nominal && e.end <= m.start
    && m.sentence - e.sentence <= 2 && e.roles.some((r) => r.split(' ').pop() === head));
  // One mention per person, the latest.
  const byChain = new Map<number, EntityMention>();
  for (const e of named) byChain.set(e.chain, e);
  const people = [...byChain.values()];
  if (people.length === 0) return [m];
  return plural ? people : [people[people.length - 1]];
}

/** The events of the sentences from `fromSentence` on, latest first (events come in sentence order). */
function recentEvents(events: CodedEvent[], current: CodedEvent[], fromSentence: number): CodedEvent[] {
  let k = events.length;
  while (k > 0 && events[k - 1].sentence.index >= fromSentence) k--;
  return [...events.slice(k), ...current].reverse();
}

/** Indexes of the tokens that lie inside a time expression ("on March 10"). */
function tokensInTimes(doc: EventInput): Set<number> {
  const out = new Set<number>();
  for (const t of doc.times) {
    for (let k = firstStartingFrom(doc.tokens, t.start); k < doc.tokens.length && doc.tokens[k].start < t.end; k++) {
      if (doc.tokens[k].end <= t.end) out.add(k);
    }
  }
  return out;
}

/** Is the noun phrase that ends at token `first` definite ("the strike", "the missile attack")? */
function definite(tokens: Doc['tokens'], first: number, sentenceStart: number): boolean {
  for (let k = first - 1; k >= Math.max(sentenceStart, first - 3); k--) {
    if (tokens[k].normal === 'the' || tokens[k].normal === 'this' || tokens[k].normal === 'that') return true;
    if (!['ADJ', 'NOUN', 'PROPN', 'PUNCT'].includes(tokens[k].pos)) return false;
  }
  return false;
}

/**
 * A place name the actor dictionary could not place ("Jericho") but the places stage resolved
 * in context has that place's country.
 */
function withPlaceCountry(m: EntityMention, places: Place[]): EntityMention {
  if (m.type !== 'LOC' || m.country) return m;
  const p = places.find((x) => x.start === m.start && x.end === m.end && x.country);
  return p ? { ...m, country: p.country, code: `${p.country}${m.sector ?? ''}`, codeSource: 'place' } : m;
}

/**
 * A description with no country of its own belongs to the country that owns it: "Algeria's
 * leading human rights activist", "a camp for Congolese refugees", "the offices of the
 * Palestinian administrators".
 */
function withOwnerCountry(m: EntityMention, mentions: EntityMention[], text: string): EntityMention {
  if (m.country || !m.nominal) return m;
  const before = /([’']s)\s+(?:[\p{Ll}-]+\s+){0,2}$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
  let owner: EntityMention | undefined;
  if (before) {
    const at = m.start - before[0].length;
    owner = mentions.find((o) => o !== m && o.end === at && o.country && !o.nominal);
  }
  if (!owner) {
    const after = /^\s+(?:of|for)\s+(?:the\s+)?/.exec(text.slice(m.end, m.end + 12));
    if (after) owner = mentions.find((o) => o !== m && o.start === m.end + after[0].length && o.country);
  }
  if (!owner?.country) return m;
  return { ...m, country: owner.country, code: `${owner.country}${m.sector ?? ''}`, codeSource: 'owner' };
}

/**
 * "the Essequibo region of Guyana": a name with no country of its own, followed by a head word
 * that makes it part of a larger place, is in that place's country. (The tagger may call such a
 * name anything: the head word says it is a place.)
 */
function withWholeCountry(m: EntityMention, mentions: EntityMention[], text: string): EntityMention {
  if (m.country || m.nominal) return m;
  const part = /^\s+(?:region|province|area|district|state|county|enclave|part|territory)\s+of\s+(?:the\s+)?/i.exec(text.slice(m.end, m.end + 30));
  const whole = part ? mentions.find((o) => o !== m && o.start === m.end + part[0].length && o.country) : undefined;
  return whole?.country ? { ...m, country: whole.country, code: whole.country, codeSource: 'part-of' } : m;
}

/** Drop mentions nested inside others (an acronym inside a long name stays separate). */
function topLevel(ms: EntityMention[]): EntityMention[] {
  return ms.filter((m) => !ms.some((o) => o !== m && o.start <= m.start && o.end >= m.end && (o.end - o.start) > (m.end - m.start)));
}

export function scoreConfidence(patternWords: number, hasActor: boolean, hasRecipient: boolean, hasDate: boolean, hasPlace: boolean): number {
  let c = 0.35 + Math.min(0.2, 0.07 * (patternWords - 1));
  if (hasActor) c += 0.25;
  if (hasRecipient) c += 0.15;
  if (hasDate) c += 0.05;
  if (hasPlace) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

function eventId(articleHash: string, offset: number, cameo: string): string {
  return createHash('sha256').update(`${articleHash}:${offset}:${cameo}`).digest('hex').slice(0, 16);
}
