import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Entity, Place } from '../doc/types.js';
import { candidateWindow, chooseHappening, clusterReports, pairEvidence, sameHappening, TEXT_LINK, type Report } from './index.js';
import { shuffled } from '../eval/happenings.js';

const party = (name: string, country: string | null, sector: string | null = null): Entity => ({
  text: name, start: 0, end: name.length, name, type: 'ORG', country, sector, code: country || sector ? `${country ?? ''}${sector ?? ''}` : null,
});
const KHARKIV: Place = { text: 'Kharkiv', start: 0, end: 7, name: 'Kharkiv', country: 'UKR', admin1: null, lat: 49.98, lon: 36.25, geonames_id: 706483, precision: 'city' };
const LVIV: Place = { text: 'Lviv', start: 0, end: 4, name: 'Lviv', country: 'UKR', admin1: null, lat: 49.84, lon: 24.02, geonames_id: 702550, precision: 'city' };

let serial = 0;
/** A report as an article would give it: the fields merging reads, and the sentence that tells it. */
function report(article: string, evidence: string, e: Partial<CodedEvent> & { published?: string }): Report {
  const { published = e.date ?? '2023-05-04', ...fields } = e;
  const event: CodedEvent = {
    id: `e${serial++}`, article_id: article, event: 'ASSAULT', mode: [], context: [], cameo: '190', goldstein: -10, quad_class: 4,
    date: null, date_precision: e.date ? 'day' : 'unknown', date_text: null, actor: [], recipient: [], location: null,
    attribution: { source: null, cue: null, certainty: 'asserted' }, negated: false, realis: 'actual',
    sentence: { index: 0, start: 0, end: evidence.length }, trigger: { text: 'attacked', start: 0, end: 8 }, mentions: [], confidence: 0.9,
    ...fields,
  };
  return { event, evidence, outlet: null, published };
}

const russia = [party('Russian forces', 'RUS', 'MIL')];
const ukraine = [party('Kharkiv', 'UKR')];

test('two wires on one strike are one happening: the same day, sides and town, told in other words', () => {
  const a = report('wire-a', 'Russian missiles struck the Kharkiv tractor plant on Wednesday, killing four workers.', { date: '2023-05-03', actor: russia, recipient: ukraine, location: KHARKIV });
  const b = report('wire-b', 'Four people died when a Russian strike hit the tractor plant in Kharkiv, officials said.', { date: '2023-05-03', actor: [party('Russia', 'RUS')], recipient: ukraine, location: KHARKIV });
  assert.equal(sameHappening(a, b), true);
  assert.equal(clusterReports([a, b]).length, 1);
});

test('two strikes on one town on consecutive days stay two, however alike their words', () => {
  const a = report('wire-a', 'Russian missiles struck the Kharkiv tractor plant, killing four workers.', { date: '2023-05-03', actor: russia, recipient: ukraine, location: KHARKIV });
  const b = report('wire-b', 'Russian missiles struck the Kharkiv tractor plant again, killing two workers.', { date: '2023-05-04', actor: russia, recipient: ukraine, location: KHARKIV });
  assert.equal(pairEvidence(a, b).gap, 1);
  assert.equal(sameHappening(a, b), false);
});

test('a day apart is one happening only at a day\'s edge ("late Sunday" against Monday) with both sides agreeing', () => {
  const sunday = report('tv', 'U.S. forces struck two Iranian oil platforms late Sunday, the networks said.', { date: '2023-05-07', actor: [party('U.S. forces', 'USA', 'MIL')], recipient: [party('Iran', 'IRN')] });
  const monday = report('wire', 'U.S. warships struck two Iranian oil platforms in the Gulf on Monday, the Pentagon said.', { date: '2023-05-08', actor: [party('U.S.', 'USA')], recipient: [party('Iranian', 'IRN')] });
  assert.equal(sameHappening(sunday, monday), true);
  const vague = report('tv', 'U.S. forces struck two Iranian oil platforms on Sunday, the networks said.', { date: '2023-05-07', actor: [party('U.S. forces', 'USA', 'MIL')], recipient: [party('Iran', 'IRN')] });
  assert.equal(sameHappening(vague, monday), false);
  const noTarget = report('tv', 'U.S. forces struck two Iranian oil platforms late Sunday, the networks said.', { date: '2023-05-07', actor: [party('U.S. forces', 'USA', 'MIL')] });
  assert.equal(sameHappening(noTarget, monday), false, 'a side unknown is not strong enough for a day apart');
});

test('the same sanction by two countries is two happenings, and against two countries too', () => {
  const us = report('a', 'The United States imposed sanctions on Iranian oil exports on Monday.', { event: 'SANCTION', date: '2023-05-08', actor: [party('United States', 'USA')], recipient: [party('Iranian', 'IRN')] });
  const uk = report('b', 'Britain imposed sanctions on Iranian oil exports on Monday.', { event: 'SANCTION', date: '2023-05-08', actor: [party('Britain', 'GBR')], recipient: [party('Iranian', 'IRN')] });
  const syria = report('c', 'The United States imposed sanctions on Syrian oil exports on Monday.', { event: 'SANCTION', date: '2023-05-08', actor: [party('United States', 'USA')], recipient: [party('Syrian', 'SYR')] });
  assert.equal(pairEvidence(us, uk).ruledOut, 'actor');
  assert.equal(pairEvidence(us, syria).ruledOut, 'recipient');
  assert.equal(clusterReports([us, uk, syria]).length, 3);
});

test('an attack and the attack back are two happenings: one report\'s actor is the other\'s target', () => {
  const a = report('a', 'Iran fired a missile at a U.S. tanker in the Gulf.', { date: '2023-05-08', actor: [party('Iran', 'IRN')], recipient: [party('U.S.', 'USA')] });
  const b = report('b', 'The U.S. fired a missile at an Iranian platform in the Gulf.', { date: '2023-05-08', actor: [party('U.S.', 'USA')] });
  assert.equal(pairEvidence(a, b).ruledOut, 'actor');
  const c = report('c', 'A missile was fired at a U.S. tanker in the Gulf, and at Iran.', { date: '2023-05-08', actor: [party('U.S.', 'USA')] });
  const d = report('d', 'Iran said a missile was fired at a tanker in the Gulf.', { date: '2023-05-08', recipient: [party('U.S.', 'USA')] });
  assert.equal(pairEvidence(c, d).ruledOut, 'roles');
});

test('a target of two countries ("a Kuwaiti tanker flying the U.S. flag") is no contradiction when each report names the other\'s country', () => {
  const a = report('a', 'An Iranian missile hit a Kuwaiti tanker flying the American flag on Friday.', { date: '2023-05-05', actor: [party('Iranian', 'IRN')], recipient: [party('Kuwaiti', 'KWT')] });
  const b = report('b', 'Friday\'s Iranian missile attack on a U.S.-flagged Kuwaiti tanker drew a response.', { date: '2023-05-05', recipient: [party('U.S.', 'USA')] });
  assert.equal(pairEvidence(a, b).recipient, 'unknown');
  assert.equal(sameHappening(a, b), true);
  const c = report('c', 'An Iranian missile hit a tanker on Friday, the shipping agency said.', { date: '2023-05-05', recipient: [party('U.S.', 'USA')] });
  assert.equal(pairEvidence(a, c).ruledOut, 'recipient', 'a report that names no Kuwaiti side contradicts one');
});

test('a plan and its execution are two happenings; non-actual reports join only non-actual ones of the same prospect', () => {
  const plan = report('a', 'Washington will impose tariffs on Japanese electronics next month over the chip pact.', { event: 'SANCTION', realis: 'future', date: '2023-05-08', actor: [party('Washington', 'USA', 'GOV')], recipient: [party('Japanese', 'JPN')] });
  const done = report('b', 'Washington imposed tariffs on Japanese electronics over the chip pact.', { event: 'SANCTION', date: '2023-05-08', actor: [party('Washington', 'USA', 'GOV')], recipient: [party('Japanese', 'JPN')] });
  const plan2 = report('c', 'The United States plans tariffs on Japanese electronics over the chip pact, officials said.', { event: 'SANCTION', realis: 'future', date: '2023-05-08', actor: [party('United States', 'USA')], recipient: [party('Japan', 'JPN')] });
  assert.equal(pairEvidence(plan, done).ruledOut, 'realis');
  assert.deepEqual(clusterReports([plan, done, plan2]).map((g) => g.map((r) => r.event.article_id)), [['a', 'c'], ['b']]);
});

test('a report dated to the month joins a day in that month; an undated one the days before its article', () => {
  const day = report('a', 'Rebels bombed the Philippine Military Academy in Baguio, killing four.', { date: '2023-03-18' });
  const month = report('b', 'An army captain was arrested over the bombing of the Philippine Military Academy in Baguio.', { date: '2023-03', date_precision: 'month', published: '2023-03-23' });
  const undated = report('c', 'The bombing of the Philippine Military Academy killed four cadets.', { published: '2023-03-20' });
  const later = report('d', 'The bombing of the Philippine Military Academy killed four cadets.', { published: '2023-04-20' });
  assert.equal(pairEvidence(day, month).gap, 0);
  assert.equal(sameHappening(day, month), true);
  assert.equal(sameHappening(day, undated), true);
  assert.equal(pairEvidence(day, later).ruledOut, 'days');
  assert.deepEqual(candidateWindow(undated), { types: ['ASSAULT'], from: '2023-03-12', to: '2023-03-21', realis: 'actual' });
});

test('places too far apart for their precision rule a pair out', () => {
  const a = report('a', 'Russian missiles struck the railway station on Wednesday.', { date: '2023-05-03', actor: russia, location: KHARKIV });
  const b = report('b', 'Russian missiles struck the railway station on Wednesday.', { date: '2023-05-03', actor: russia, location: LVIV });
  assert.equal(pairEvidence(a, b).ruledOut, 'place');
});

test('two happenings of one article are never joined, even through a third report that links to both', () => {
  const strike = report('a', 'U.S. warships shelled the Rostam oil platform on Monday.', { date: '2023-05-08', actor: [party('U.S.', 'USA')] });
  const raid = report('a', 'Jets raided the Sassan oil field at dawn on Monday.', { date: '2023-05-08' });
  const both = report('b', 'Jets raided the Sassan field and U.S. warships shelled the Rostam platform on Monday.', { date: '2023-05-08' });
  assert.equal(sameHappening(strike, both), true);
  assert.equal(sameHappening(raid, both), true);
  for (const order of [[strike, raid, both], [both, strike, raid], [raid, both, strike]]) {
    const groups = clusterReports(order);
    assert.ok(groups.every((g) => new Set(g.map((r) => r.event.article_id)).size === g.length), 'no group holds two reports of article a');
  }
});

test('a restatement in one article (headline and lead) goes with its first telling', () => {
  const headline = report('a', 'U.S. NAVY SHELLS IRANIAN OIL PLATFORM', { date: '2023-05-08', actor: [party('U.S.', 'USA', 'MIL')], recipient: [party('Iranian', 'IRN')] });
  const lead = report('a', 'U.S. Navy destroyers shelled an Iranian oil platform in the Gulf on Monday.', { date: '2023-05-08', actor: [party('U.S. Navy', 'USA', 'MIL')], recipient: [party('Iranian', 'IRN')] });
  const other = report('b', 'The U.S. Navy shelled an Iranian oil platform on Monday, the Pentagon said.', { date: '2023-05-08', actor: [party('U.S.', 'USA')] });
  assert.equal(clusterReports([headline, other, lead]).length, 1);
});

test('the grouping of a fixture does not depend on the order its reports arrive in', () => {
  const fixture = [
    report('a', 'U.S. warships shelled the Rostam oil platform in the Gulf on Monday.', { date: '2023-05-08', actor: [party('U.S.', 'USA')], recipient: [party('Iranian', 'IRN')] }),
    report('b', 'The Pentagon said U.S. destroyers shelled the Rostam platform on Monday.', { date: '2023-05-08', actor: [party('U.S. destroyers', 'USA', 'MIL')] }),
    report('c', 'Iran said the U.S. attack on the Rostam platform was an act of war.', { published: '2023-05-09', recipient: [party('Iranian', 'IRN')] }),
    report('d', 'An Iranian missile hit a Kuwaiti tanker flying the U.S. flag on Friday.', { date: '2023-05-05', actor: [party('Iranian', 'IRN')], recipient: [party('Kuwaiti', 'KWT')] }),
    report('e', 'Friday\'s Iranian missile attack on the U.S.-flagged Kuwaiti tanker Sea Isle City.', { date: '2023-05-05', actor: [party('Iran', 'IRN')] }),
    report('f', 'Russian missiles struck the Kharkiv tractor plant on Monday.', { date: '2023-05-08', actor: russia, recipient: ukraine, location: KHARKIV }),
    report('g', 'A Russian strike hit the tractor plant in Kharkiv on Monday.', { date: '2023-05-08', actor: [party('Russia', 'RUS')], location: KHARKIV }),
    report('h', 'Russian missiles struck the Kharkiv tractor plant again on Tuesday.', { date: '2023-05-09', actor: russia, recipient: ukraine, location: KHARKIV }),
  ];
  const partition = (rs: readonly Report[]) => clusterReports(rs).map((g) => g.map((r) => r.event.article_id).sort().join('')).sort();
  const given = partition(fixture);
  assert.deepEqual(given, ['abc', 'de', 'fg', 'h']);
  for (let seed = 1; seed <= 20; seed++) assert.deepEqual(partition(shuffled(fixture, seed)), given, `order ${seed}`);
});

test('undated reports do not carry a happening to a day two days off the days its dated reports give', () => {
  const firstDay = [
    report('a', 'Iran launched a major offensive east of Basra overnight, Iraq said.', { date: '2023-04-07', actor: [party('Iran', 'IRN')] }),
    report('b', 'Iranian forces launched an offensive on the southern front near Basra.', { date: '2023-04-07', actor: [party('Iranian forces', 'IRN', 'MIL')] }),
  ];
  const undated = report('c', 'Iran said its offensive near Basra was aimed at destroying the Iraqi army.', { published: '2023-04-09', actor: [party('Iran', 'IRN')] });
  const moreUndated = [
    report('e', 'Iran says its offensive is aimed at destroying the Iraqi army.', { published: '2023-04-09', actor: [party('Iran', 'IRN')] }),
    report('f', 'The Iranian offensive was aimed at destroying the Iraqi army, Tehran radio said.', { published: '2023-04-09', actor: [party('Iranian', 'IRN')] }),
  ];
  const twoDaysOn = report('d', 'Iran said it launched a new offensive today, aimed at the Iraqi army.', { date: '2023-04-09', actor: [party('Iran', 'IRN')] });
  assert.equal(sameHappening(undated, twoDaysOn), true, 'the undated report fits either day');
  assert.equal(pairEvidence(firstDay[0], twoDaysOn).ruledOut, 'days');
  const groups = clusterReports([...firstDay, undated, ...moreUndated, twoDaysOn]).map((g) => g.map((r) => r.event.article_id).sort().join('')).sort();
  assert.deepEqual(groups, ['abcef', 'd'], 'most of the happening\'s reports do not rule the report two days on out, but both dated ones do, two days off');
});

test('undated reports, or reports whose sides nowhere agree, link only on strong word evidence: the general words of a type do not chain deals', () => {
  const org = (name: string) => [party(name, null)];
  const deals = [
    report('a', 'Safeway Stores Inc said it agreed in principle to sell its Utah division for 45 mln dlrs.', { event: 'AGREE', published: '2023-03-02', actor: org('Safeway Stores Inc') }),
    report('b', 'Armtek Corp said it agreed in principle to sell its tire division for 30 mln dlrs.', { event: 'AGREE', published: '2023-03-03', actor: org('Armtek Corp') }),
    report('c', 'Another firm agreed to sell shares to its staff.', { event: 'AGREE', published: '2023-03-03' }),
  ];
  assert.equal(pairEvidence(deals[0], deals[1]).ruledOut, 'actor', 'two companies named are two parties');
  assert.equal(pairEvidence(deals[0], deals[2]).ruledOut, null);
  assert.ok(pairEvidence(deals[0], deals[2]).text >= TEXT_LINK, 'their words alone would link them');
  assert.equal(sameHappening(deals[0], deals[2]), false, 'undated, no side in common: not enough');
  assert.equal(clusterReports(deals).length, 3);
  // The same telling, dated to the day and naming the same seller, is one happening.
  const dated = report('d', 'Safeway Stores Inc agreed to sell its Utah division, the company said on Thursday.', { event: 'AGREE', date: '2023-03-02', actor: org('Safeway Stores') });
  const again = report('e', 'Safeway Stores Inc said on Thursday it agreed to sell the Utah division.', { event: 'AGREE', date: '2023-03-02', actor: org('Safeway Stores Inc') });
  assert.equal(sameHappening(dated, again), true);
});

test('a report with nothing to bound its days stands alone', () => {
  const r = report('a', 'Rebels attacked an army post.', { published: '' });
  assert.equal(candidateWindow({ ...r, published: null }), null);
  assert.deepEqual(chooseHappening({ ...r, published: null }, []), { join: null, absorb: [] });
});

test('the candidate step is bounded by the window: grouping ten thousand reports over years stays fast', () => {
  const many: Report[] = [];
  for (let i = 0; i < 10_000; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
    many.push(report(`art${i}`, `Shelling of village number ${i} by forces.`, { date: day, actor: [party(`group ${i % 7}`, null)] }));
  }
  const t0 = performance.now();
  const groups = clusterReports(many);
  assert.ok(groups.length > 0);
  assert.ok(performance.now() - t0 < 60_000, 'not quadratic in the reports held');
});
