import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent } from '../doc/types.js';
import { MIN_CONFIDENCE, scoreConfidence } from './index.js';

const PUBLISHED = '2022-06-01';
const eventsOf = (text: string, id?: string): CodedEvent[] => analyze({ id, text, published: PUBLISHED }).events;
const names = (es: { name: string }[]) => es.map((e) => e.name);

function only(text: string, event?: string): CodedEvent {
  const all = eventsOf(text);
  const es = event ? all.filter((e) => e.event === event) : all;
  assert.equal(es.length, 1, `${text} → ${JSON.stringify(all.map((e) => [e.event, e.trigger.text]))}`);
  return es[0];
}

test('a verb with an object: "launched missiles at" a city is an assault by the launchers', () => {
  const e = only('Russian forces launched missiles at Kharkiv on Tuesday.');
  assert.equal(e.event, 'ASSAULT');
  assert.equal(e.trigger.text, 'launched');
  assert.equal(e.actor[0].code, 'RUSMIL');
  assert.equal(e.location?.name, 'Kharkiv');
  assert.equal(e.location?.country, 'UKR');
});

test('an event noun: "the attack on" the embassy has the embassy as recipient', () => {
  const e = only('The attack on the embassy in Baghdad killed two guards.', 'ASSAULT');
  assert.equal(e.trigger.text, 'attack');
  assert.deepEqual(e.actor, []);
  assert.equal(e.recipient[0].name, 'embassy');
  assert.equal(e.location?.name, 'Baghdad');
});

test('"protests in" a city is a protest located in that city', () => {
  const e = only('Thousands of students staged protests in Tehran on Friday.');
  assert.equal(e.event, 'PROTEST');
  assert.equal(e.trigger.text, 'protests');
  assert.equal(e.location?.name, 'Tehran');
  assert.equal(e.location?.country, 'IRN');
});

test('"struck a deal" is an agreement, never an assault, and both parties of "Israel and Hamas" act', () => {
  const es = eventsOf('Israel and Hamas struck a deal in Cairo on 5 May 2022.');
  assert.ok(!es.some((e) => e.event === 'ASSAULT'));
  const e = only('Israel and Hamas struck a deal in Cairo on 5 May 2022.');
  assert.equal(e.event, 'AGREE');
  assert.equal(e.cameo, '030');
  assert.deepEqual(names(e.actor), ['Israel', 'Hamas']);
});

test('in the passive, the "by" phrase is the actor: "was attacked by X"', () => {
  const e = only('The convoy was attacked by Islamic State fighters near Mosul.');
  assert.equal(e.event, 'ASSAULT');
  assert.deepEqual(names(e.actor), ['Islamic State']);
  assert.equal(e.location?.name, 'Mosul');
});

test('a passive subject in coordination is every recipient: "the US and Iran were attacked by"', () => {
  const e = only('The US and Iran were attacked by hackers.');
  assert.deepEqual(names(e.recipient), ['US', 'Iran']);
  assert.deepEqual(names(e.actor), ['hackers']);
});

test('a coordinated object gives two recipients: "attacked the US and Iran"', () => {
  const e = only('The militants attacked the US and Iran.');
  assert.deepEqual(names(e.recipient), ['US', 'Iran']);
  assert.deepEqual(e.recipient.map((r) => r.code), ['USA', 'IRN']);
});

test('an object inside the pattern is the recipient: "called on Russia to …"', () => {
  const e = only('The European Union called on Russia to withdraw its troops.');
  assert.equal(e.event, 'REQUEST');
  assert.deepEqual(names(e.actor), ['European Union']);
  assert.deepEqual(names(e.recipient), ['Russia']);
  assert.equal(e.recipient[0].code, 'RUS');
});

test('the subject of "launched" is the doer of the attack noun it governs', () => {
  const e = only('Iran launched an attack on the US base.');
  assert.equal(e.event, 'ASSAULT');
  assert.deepEqual(names(e.actor), ['Iran']);
});

test('a possessive before an event noun is its actor: "Iran\'s attack on Erbil"', () => {
  const e = only("Iran's attack on Erbil was condemned by Iraq.", 'ASSAULT');
  assert.deepEqual(names(e.actor), ['Iran']);
  assert.deepEqual(names(e.recipient), ['Erbil']);
  const accuse = only("Iran's attack on Erbil was condemned by Iraq.", 'ACCUSE');
  assert.deepEqual(names(accuse.actor), ['Iraq']);
  assert.deepEqual(names(accuse.recipient), ['Iran']);
});

test('reported speech: the reporter is the source, the inner subject the actor', () => {
  const e = only('Iraqi Prime Minister Mustafa al-Kadhimi said Turkey attacked the Kurdish village of Sharanish.');
  assert.deepEqual(names(e.actor), ['Turkey']);
  assert.equal(e.attribution.source?.name, 'Mustafa al-Kadhimi');
  assert.equal(e.attribution.cue?.text, 'said');
  assert.equal(e.attribution.certainty, 'reported');
});

test('"did not retaliate" is a negated event, and the plain statement is not negated', () => {
  const e = only('Iran did not retaliate against the United States.');
  assert.equal(e.negated, true);
  assert.deepEqual(names(e.actor), ['Iran']);
  assert.deepEqual(names(e.recipient), ['United States']);
  assert.equal(only('Turkey allegedly attacked Iraq.').negated, false);
});

test('the date comes from the clause: a full date gives day precision and keeps its words', () => {
  const e = only('Hezbollah fighters clashed with Israeli troops near the border in May 2021.');
  assert.equal(e.date, '2021-05');
  assert.equal(e.date_precision, 'month');
  assert.equal(e.date_text, 'May 2021');
  const day = only('Israel and Hamas struck a deal in Cairo on 5 May 2022.');
  assert.equal(day.date, '2022-05-05');
  assert.equal(day.date_precision, 'day');
  assert.equal(day.date_text, '5 May 2022');
});

test('a weekday counts back from the publication date', () => {
  const e = only('Russian forces launched missiles at Kharkiv on Tuesday.');
  assert.equal(e.date, '2022-05-31');
  assert.equal(e.date_precision, 'day');
  assert.equal(e.date_text, 'Tuesday');
});

test('with no date in the text the date is unknown, not the publication date', () => {
  const e = only('Iraqi troops arrested five suspects in Mosul.');
  assert.equal(e.date, null);
  assert.equal(e.date_precision, 'unknown');
  assert.equal(e.date_text, null);
});

test('the place comes from "in Mosul", with its country and coordinates', () => {
  const e = only('Iraqi troops arrested five suspects in Mosul.');
  assert.equal(e.event, 'COERCE');
  assert.equal(e.location?.name, 'Mosul');
  assert.equal(e.location?.country, 'IRQ');
  assert.equal(e.location?.precision, 'city');
  assert.equal(typeof e.location?.lat, 'number');
});

test('a country that acts is not where the event happened', () => {
  for (const text of ['Iran threatened to attack Israel.', 'The militants attacked the US and Iran.', 'Turkey allegedly attacked Iraq.']) {
    for (const e of eventsOf(text)) assert.equal(e.location, null, `${text} → ${e.location?.name}`);
  }
});

test('two reports of one happening in a sentence become one event: "a US drone strike killed"', () => {
  const es = eventsOf('A US drone strike killed the commander in Baghdad.');
  assert.equal(es.length, 1, JSON.stringify(es.map((e) => e.trigger.text)));
  const [e] = es;
  assert.equal(e.event, 'ASSAULT');
  assert.equal(e.cameo, '195');
  assert.ok(e.mode.includes('drone'));
  assert.deepEqual(names(e.actor), ['US']);
  assert.deepEqual(names(e.recipient), ['commander']);
});

test('a date word is never a trigger: "on March 3" is a date', () => {
  const es = eventsOf('Officials met on March 3 to discuss the border.');
  assert.ok(!es.some((e) => /march/i.test(e.trigger.text)));
  const met = only('Officials met on March 3 to discuss the border.');
  assert.equal(met.event, 'CONSULT');
  assert.equal(met.date, '2022-03-03');
});

test('an event word inside a name is part of the name: "Popular Mobilization Forces"', () => {
  const es = eventsOf('The Popular Mobilization Forces held a parade in Baghdad.');
  assert.ok(!es.some((e) => e.trigger.text === 'Mobilization'), JSON.stringify(es));
});

test('a bare generic event noun with no participant, date or place is no event', () => {
  assert.deepEqual(eventsOf('The attack came after months of tension.'), []);
});

test('confidence grows with evidence, stays within 0..1, and nothing below the floor is reported', () => {
  assert.equal(scoreConfidence(1, false, false, false, false), 0.35);
  assert.ok(scoreConfidence(1, false, false, false, false) < MIN_CONFIDENCE);
  assert.ok(scoreConfidence(2, true, false, false, false) > scoreConfidence(1, true, false, false, false));
  assert.ok(scoreConfidence(1, true, true, false, false) > scoreConfidence(1, true, false, false, false));
  assert.equal(scoreConfidence(6, true, true, true, true), 0.95);
  const texts = ['Iraqi troops arrested five suspects in Mosul.', 'The attack on the embassy in Baghdad killed two guards.',
    'Thousands of Iraqis protested in Baghdad on Friday.', 'The European Union called on Russia to withdraw its troops.'];
  for (const e of texts.flatMap((t) => eventsOf(t))) {
    assert.ok(e.confidence >= MIN_CONFIDENCE && e.confidence <= 1, `${e.trigger.text}: ${e.confidence}`);
  }
});

test('every event carries the contract fields with their types, and its offsets point into the text', () => {
  const text = 'Iraqi troops arrested five suspects in Mosul on 3 June 2022.\n\nIran\'s attack on Erbil was condemned by Iraq, and Iran did not retaliate against the United States.';
  const doc = analyze({ id: 'art-7', text, published: PUBLISHED });
  assert.ok(doc.events.length >= 3);
  const ids = new Set<string>();
  for (const e of doc.events) {
    assert.match(e.id, /^[0-9a-f]{16}$/);
    ids.add(e.id);
    assert.equal(e.article_id, 'art-7');
    assert.equal(typeof e.event, 'string');
    assert.ok(Array.isArray(e.mode) && e.mode.every((m) => typeof m === 'string'));
    assert.ok(Array.isArray(e.context) && e.context.every((c) => typeof c === 'string'));
    assert.match(e.cameo, /^\d{2,4}$/);
    assert.equal(typeof e.goldstein, 'number');
    assert.ok(e.goldstein >= -10 && e.goldstein <= 10);
    assert.ok([1, 2, 3, 4].includes(e.quad_class));
    assert.ok(['day', 'month', 'year', 'unknown'].includes(e.date_precision));
    assert.equal(e.date === null, e.date_precision === 'unknown');
    assert.equal(typeof e.negated, 'boolean');
    assert.ok(['asserted', 'reported', 'alleged', 'denied', 'hypothetical', 'future'].includes(e.attribution.certainty));
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    assert.ok(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
    assert.equal(doc.sentences[e.sentence.index].start, e.sentence.start);
    assert.equal(doc.sentences[e.sentence.index].end, e.sentence.end);
    for (const p of [...e.actor, ...e.recipient]) {
      assert.deepEqual(Object.keys(p).sort(), ['code', 'country', 'end', 'name', 'sector', 'start', 'text', 'type']);
      assert.equal(text.slice(p.start, p.end), p.text);
    }
    if (e.location) {
      assert.deepEqual(Object.keys(e.location).sort(), ['admin1', 'country', 'end', 'geonames_id', 'lat', 'lon', 'name', 'precision', 'start', 'text']);
      assert.equal(text.slice(e.location.start, e.location.end), e.location.text);
    }
    if (e.attribution.cue) assert.equal(text.slice(e.attribution.cue.start, e.attribution.cue.end), e.attribution.cue.text);
  }
  assert.equal(ids.size, doc.events.length, 'ids are unique within an article');
});

test('the same article gives the same event ids every time, and an article id is echoed', () => {
  const text = 'Iraqi troops arrested five suspects in Mosul.';
  assert.deepEqual(eventsOf(text, 'a').map((e) => e.id), eventsOf(text, 'b').map((e) => e.id));
  assert.equal(eventsOf(text, 'mine')[0].article_id, 'mine');
});

test('a headline is not coded twice: its events come from the body', () => {
  const doc = analyze({ title: 'Iran Attacks Israel', text: 'Iran Attacks Israel\n\nIran attacked Israel on Monday.', published: PUBLISHED });
  if (doc.titleSpan) {
    for (const e of doc.events) assert.ok(e.trigger.start >= doc.titleSpan.end);
  }
  assert.equal(doc.events.filter((e) => e.event === 'ASSAULT').length, 1);
});

test('an actor is never its own recipient: a description read back to the actor leaves the recipient empty', () => {
  // "the chancellor" is read back to the shadow chancellor named before; he does not accuse himself.
  const e = only('Shadow chancellor Oliver Letwin spoke on Monday. Mr Letwin accused the chancellor of using fancy statistics.', 'ACCUSE');
  assert.deepEqual(e.actor.map((a) => a.name), ['Oliver Letwin']);
  assert.ok(e.recipient.every((r) => !/Letwin/.test(r.name)), JSON.stringify(e.recipient));
});

test('a pattern\'s preposition that opens a date is the date\'s: "a conference called in Jakarta on Thursday" is no "call on"', () => {
  assert.deepEqual(eventsOf('Ministers will attend the donors\' conference called in Jakarta on Thursday.').filter((e) => e.event === 'REQUEST'), []);
  // The pattern still finds its preposition after the date.
  assert.equal(only('The opposition called on Thursday for fresh elections.', 'REQUEST').actor[0].name, 'opposition');
  assert.equal(only('The UN called on Iran to free the sailors.', 'REQUEST').recipient[0].name, 'Iran');
});

test('"supporters of former President X" act themselves, and take X\'s country; the title and a rounded number do not hide the "of"', () => {
  const e = only('About 200 supporters of former President Ahmed Ben Bella blocked roads in the capital city of Algiers.', 'PROTEST');
  assert.deepEqual(e.actor.map((a) => [a.name, a.code]), [['supporters', 'DZACVL']]);
  assert.equal(only('Residents of Basra protested against power cuts.', 'PROTEST').actor[0].code, 'IRQCVL');
  // "about President Bush": a name after a title is still inside the preposition's phrase.
  assert.ok(eventsOf('His words about President Bush met a cool reception from Jacques Chirac.').every((x) => x.actor.every((a) => a.name !== 'Bush')));
});

test('a pattern\'s own "at" reaches past direction words: "fired rockets at southern Israel" targets Israel', () => {
  assert.equal(only('Militants fired rockets at southern Israel on Tuesday.', 'ASSAULT').recipient[0]?.name, 'Israel');
});

test('giving a sum to someone is economic aid: "gave 20 million euros to Ukraine"', () => {
  const e = only('Germany gave 20 million euros to Ukraine.', 'AID');
  assert.equal(e.cameo, '071');
  assert.equal(e.recipient[0]?.code, 'UKR');
  assert.deepEqual(eventsOf('She gave a speech to the party conference.').filter((x) => x.event === 'AID'), []);
});

test('a name set off by commas restates the whole description before it: "The chairman of the committee, NAME, criticised"', () => {
  const e = only('The chairman of the parliamentary defence committee, Arthur Penrose, criticised the government.', 'ACCUSE');
  assert.deepEqual(names(e.actor), ['Arthur Penrose']);
  const f = only('The Scottish Liberal Party leader, Morag Finlay, criticised the budget.', 'ACCUSE');
  assert.deepEqual(names(f.actor), ['Morag Finlay']);
  assert.equal(f.actor[0].sector, 'PTY', 'the name takes the description\'s code: a party leader');
  const g = only('Malta, a small island state, has criticised the plan.', 'ACCUSE');
  assert.deepEqual(names(g.actor), ['Malta'], 'a description after a name still stands for the name');
});

test('a described target governed by "at" is a site: the place named in it is where the event was', () => {
  const e = only('Rebels fired rockets at the Bagram air base on Tuesday.', 'ASSAULT');
  assert.match(e.location?.name ?? '', /Bagram/);
});
