import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { docProblems } from '../doc/invariants.js';
import type { Place } from '../doc/types.js';
import { datesAgree, placesAgree } from './happenings.js';

const code = async (text: string, published: string) => {
  const doc = await analyze({ text, published });
  assert.deepEqual(docProblems(doc), [], 'every event keeps its own mention first');
  return doc.events;
};

test('a happening told twice in an article is one event with both mentions, the first first', async () => {
  const events = await code('Police arrested John Mensah in Accra on Friday. Mensah was arrested on suspicion of fraud, a spokesman said.', '2023-03-14');
  const arrests = events.filter((e) => e.event === 'COERCE');
  assert.equal(arrests.length, 1);
  assert.deepEqual(arrests[0].mentions.map((m) => [m.trigger.text, m.sentence.index]), [['arrested', 0], ['arrested', 1]]);
  assert.equal(arrests[0].date, '2023-03-10', 'the date of the mention that gives one');
});

test('what an attack did, told next to it, is that attack', async () => {
  const events = await code('Gunmen attacked a police station in Kano on Tuesday, killing four officers. Two more officers were wounded.', '2022-05-12');
  const attacks = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(attacks.length, 1);
  assert.deepEqual(attacks[0].mentions.map((m) => m.trigger.text), ['attacked', 'killing', 'wounded']);
  assert.equal(attacks[0].location?.name, 'Kano');
});

test('two attacks on two days in two places stay two', async () => {
  const events = await code('Israeli aircraft bombed a Hamas base in Gaza on Sunday. On Tuesday, Israeli aircraft bombed another Hamas base in Rafah.', '2021-05-20');
  const strikes = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(strikes.length, 2);
  assert.deepEqual(strikes.map((e) => e.date), ['2021-05-16', '2021-05-18']);
  assert.ok(strikes.every((e) => e.mentions.length === 1));
});

test('the date of a warrant is not the date of the killing it is about', async () => {
  const events = await code('On June 2, 2021, a court in Lima issued an arrest warrant for the general over the killing of journalist Pedro Alvarez.', '2021-06-05');
  const warrant = events.find((e) => e.event === 'THREATEN');
  const killing = events.find((e) => e.event === 'ASSAULT');
  assert.equal(warrant?.date, '2021-06-02');
  assert.equal(killing?.date, null, 'the sentence gives the killing no date of its own');
});

test('the comma-less and day-first dates of news reports date their events', async () => {
  for (const [text, date] of [
    ['On December 31 2019, police arrested two men in Basra.', '2019-12-31'],
    ['On 31 December 2019 police arrested two men in Basra.', '2019-12-31'],
    ['On Dec. 31 2019 police arrested two men in Basra.', '2019-12-31'],
    ['On 4 Sept 1987 police arrested two men in Basra.', '1987-09-04'],
  ]) {
    const [arrest] = (await code(text, '2021-01-18')).filter((e) => e.event === 'COERCE');
    assert.equal(arrest?.date, date, text);
  }
});

test('dates agree when one is the other or a part of it', () => {
  assert.ok(datesAgree('2020-01-03', '2020-01'));
  assert.ok(datesAgree('2020', '2020-01-03'));
  assert.ok(datesAgree(null, '2020-01-03'));
  assert.ok(!datesAgree('2020-01-03', '2020-01-08'));
  assert.ok(!datesAgree('2019', '2020-01'));
});

test('places agree in one country, and a city or finer only near each other', () => {
  const place = (name: string, country: string, lat: number, lon: number, precision: Place['precision'] = 'city'): Place =>
    ({ text: name, start: 0, end: name.length, name, country, admin1: null, lat, lon, geonames_id: null, precision });
  const baghdad = place('Baghdad', 'IRQ', 33.34, 44.4);
  assert.ok(placesAgree(baghdad, place('Baghdad International Airport', 'IRQ', 33.26, 44.23, 'site')));
  assert.ok(placesAgree(baghdad, place('Iraq', 'IRQ', 33, 43, 'country')));
  assert.ok(!placesAgree(baghdad, place('Basra', 'IRQ', 30.51, 47.78)));
  assert.ok(!placesAgree(baghdad, place('Germany', 'DEU', 51, 9, 'country')));
  assert.ok(placesAgree(null, baghdad));
});

test("a reported event takes the day of its own time word, not the day it was told; with none, the day it was told", async () => {
  const [killing] = (await code('The army said today troops killed 40 rebels in routing a large rebel force to capture their main camp near Gulu on Sunday.', '2023-03-14'))
    .filter((e) => e.trigger.text === 'killed');
  assert.equal(killing?.date, '2023-03-12');
  const [attack] = (await code('Uganda said today its troops had attacked a rebel camp near Gulu.', '2023-03-14')).filter((e) => e.event === 'ASSAULT');
  assert.equal(attack?.date, '2023-03-14');
});

test('a wire headline in capitals tells the lead: its event and the lead\'s are one', async () => {
  const events = await code("U.S. ATTACK ON REBEL BASE IN CHAD\nN'DJAMENA, March 14 - U.S. warplanes attacked a rebel base in northern Chad on Sunday, the army said today.", '2023-03-14');
  const attacks = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(attacks.length, 1);
  assert.deepEqual(attacks[0].mentions.map((m) => m.trigger.text), ['ATTACK', 'attacked']);
  assert.equal(attacks[0].date, '2023-03-12', 'the date the lead gives');
});

test("a wire headline's happening is told by the lead's source: the headline drops the lead's \"said\", not the author's claim", async () => {
  const events = await code("U.S. ATTACK ON REBEL BASE IN CHAD\nN'DJAMENA, March 14 - U.S. warplanes attacked a rebel base in northern Chad on Sunday, the army said today.", '2023-03-14');
  const attack = events.find((e) => e.event === 'ASSAULT')!;
  assert.deepEqual(attack.mentions.map((m) => m.trigger.text), ['ATTACK', 'attacked']);
  assert.equal(attack.attribution.source?.text, 'army');
  assert.equal(attack.attribution.cue?.text, 'said');
});

test('attacks planned or named in the plural are not the attack told later', async () => {
  const events = await code('Police said the gang was planning attacks on two banks. On Monday, gunmen attacked a bank in Kano.', '2023-03-14');
  const attacks = events.filter((e) => e.event === 'ASSAULT');
  assert.deepEqual(attacks.map((e) => e.mentions.map((m) => m.trigger.text)), [['attacks'], ['attacked']]);
});

test('two verbal acts of one type stay two when their modes differ, however the second points back', async () => {
  const events = await code('The foreign ministry said the raid on the embassy was a violation of sovereignty. Its investigation into the raid began on Monday.', '2022-03-09');
  const accusations = events.filter((e) => e.event === 'ACCUSE');
  assert.equal(accusations.length, 2, accusations.map((e) => `${e.trigger.text} ${e.mode}`).join('; '));
  assert.ok(accusations.every((e) => e.mentions.every((m) => m.sentence.index === e.sentence.index)), 'each told in its own sentence');
});

test("a possessive makes an event noun definite: the speaker's refusal is the refusal already told", async () => {
  const events = await code('The prime minister rejected the opposition offer on Monday. The prime minister\'s refusal means the bill faces a hard vote in parliament.', '2021-03-10');
  const rejections = events.filter((e) => e.event === 'REJECT');
  assert.equal(rejections.length, 1);
  assert.deepEqual(rejections[0].mentions.map((m) => m.trigger.text), ['rejected', 'refusal']);
});

test("a headline's participants do not keep its lead apart, and the lead's indefinite noun is the headline's happening", async () => {
  const events = await code('IRAN ANNOUNCES END OF MAJOR OFFENSIVE\nNICOSIA, Feb 26 - Iran said today its forces had ended an assault on the port city of Basra.', '1987-02-26');
  const attacks = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(attacks.length, 1, JSON.stringify(attacks.map((e) => e.trigger.text)));
  assert.deepEqual(attacks[0].mentions.map((m) => m.trigger.text), ['OFFENSIVE', 'assault']);
});

test('fighting told in the next sentence, with nothing to tell it apart, goes on telling the same attack', async () => {
  const events = await code('Taliban fighters attacked an army post in Helmand on Monday. Gunmen shelled the barracks for two hours.', '2021-06-09');
  const attacks = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(attacks.length, 1, JSON.stringify(attacks.map((e) => e.trigger.text)));
  assert.deepEqual(attacks[0].mentions.map((m) => m.trigger.text), ['attacked', 'shelled']);
});

test('an attack told two sentences later without a word pointing back is not assumed to be the first', async () => {
  const events = await code('Taliban fighters attacked an army post in Helmand on Monday. The governor appealed for calm. Gunmen shelled a police station near the border.', '2021-06-09');
  assert.equal(events.filter((e) => e.event === 'ASSAULT').length, 2);
});

test('"also" in the next sentence adds an act to the one told', async () => {
  const events = await code('Iraqi warplanes attacked a tanker in the Gulf on Monday. The warplanes also struck oil platforms near Kharg.', '1987-03-24');
  assert.equal(events.filter((e) => e.event === 'ASSAULT').length, 2);
});

test("a wire headline's happening told again further down, in other words, is one event", async () => {
  const events = await code('ARMY REPORTS MAJOR OFFENSIVE IN NORTH\nKABUL, May 4 - The Afghan army said it had launched a major offensive against Taliban fighters in the north.\nThe army said the fighting had spread to three districts.\nA spokesman said the operation involved 4,000 troops.\nHe said it was aimed at clearing the main highway.\nThe ministry said an assault on the town of Kunduz had begun.', '2023-05-04');
  const assaults = events.filter((e) => e.event === 'ASSAULT');
  assert.equal(assaults.length, 1);
  assert.deepEqual(assaults[0].mentions.map((m) => m.trigger.text), ['OFFENSIVE', 'launched', 'assault']);
});

test("further down, a mention with a time of its own or an act besides is not the headline's happening", async () => {
  const events = await code('ARMY REPORTS MAJOR OFFENSIVE IN NORTH\nKABUL, May 4 - The Afghan army said it had launched a major offensive against Taliban fighters in the north.\nThe army said the fighting had spread to three districts.\nA spokesman said the operation involved 4,000 troops.\nHe said it was aimed at clearing the main highway.\nOn Tuesday, Taliban fighters attacked a police post in Kandahar.\nThe army also shelled rebel positions near Herat.', '2023-05-04');
  const assaults = events.filter((e) => e.event === 'ASSAULT');
  assert.deepEqual(assaults.map((e) => e.trigger.text), ['OFFENSIVE', 'attacked', 'shelled']);
});
