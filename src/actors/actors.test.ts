import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { codeActors } from './index.js';
import { buildRegistry } from './registry.js';
import type { EntityMention } from '../doc/types.js';

function entities(text: string, published: string | null = '2020-01-06'): EntityMention[] {
  return analyze({ text, published }).entities;
}
const byText = (es: EntityMention[], t: string) => {
  const e = es.find((m) => m.text === t);
  assert.ok(e, `no mention "${t}" in ${JSON.stringify(es.map((m) => m.text))}`);
  return e;
};
const codeOf = (e: EntityMention) => ({ country: e.country, sector: e.sector, code: e.code, source: e.codeSource });

test('the dictionary codes a person by the office held on the article\'s date', () => {
  const text = 'Donald Trump spoke to reporters in Florida.';
  assert.deepEqual(codeOf(byText(entities(text, '2020-01-06'), 'Donald Trump')), { country: 'USA', sector: 'GOV', code: 'USAGOV', source: 'dictionary' });
  assert.deepEqual(codeOf(byText(entities(text, '2022-06-01'), 'Donald Trump')), { country: 'USA', sector: 'ELI', code: 'USAELI', source: 'dictionary' });
});

test('the same Iraqi official changes sector when his office changes', () => {
  const text = 'Falih al-Fayyadh rejected the claim.';
  assert.equal(byText(entities(text, '2020-01-06'), 'Falih al-Fayyadh').code, 'IRQGOV');
  assert.equal(byText(entities(text, '2021-06-01'), 'Falih al-Fayyadh').code, 'IRQMIL');
});

test('a person who has died keeps the office last held', () => {
  const es = entities('A mural of Qasem Soleimani was unveiled.', '2023-01-03');
  assert.equal(byText(es, 'Qasem Soleimani').code, 'IRNMIL');
});

test('every mention of a chain carries the chain\'s code', () => {
  const es = entities('US President Donald Trump left the summit. Trump flew home that night.');
  const full = byText(es, 'Donald Trump');
  const short = byText(es, 'Trump');
  assert.equal(short.chain, full.chain);
  assert.deepEqual(codeOf(short), codeOf(full));
});

test('an unknown person gets country and sector from the title', () => {
  const es = entities('Iraqi Brigadier General Hamid Zorbak inspected the base. Zorbak said it held.');
  for (const t of ['Hamid Zorbak', 'Zorbak']) {
    assert.deepEqual(codeOf(byText(es, t)), { country: 'IRQ', sector: 'MIL', code: 'IRQMIL', source: 'title' }, t);
  }
});

test('an unknown person gets a code from an apposition after the name', () => {
  const minister = byText(entities('Omar Tallisk, the Iraqi defence minister, said the base was hit.'), 'Omar Tallisk');
  assert.deepEqual(codeOf(minister), { country: 'IRQ', sector: 'GOV', code: 'IRQGOV', source: 'apposition' });
  const spokesman = byText(entities('Omar Tallisk, a spokesman for the Iraqi Foreign Ministry, said the base was hit.'), 'Omar Tallisk');
  assert.equal(spokesman.code, 'IRQGOV');
});

test('a known person in apposition keeps the dictionary code', () => {
  const es = entities('Yahya Rasool Abdullah, Commander-in-Chief of the Iraqi Armed Forces, said the base was hit.');
  assert.deepEqual(codeOf(byText(es, 'Yahya Rasool Abdullah')), { country: 'IRQ', sector: 'MIL', code: 'IRQMIL', source: 'dictionary' });
  assert.equal(byText(es, 'Iraqi Armed Forces').code, 'IRQMIL');
});

test('an organisation outside the dictionary is coded from the words of its name', () => {
  const es = entities('The Kuwaiti Foreign Ministry summoned the envoy after the Kuwaiti Armed Forces reported shelling.');
  const ministry = byText(es, 'Kuwaiti Foreign Ministry');
  assert.deepEqual([ministry.country, ministry.sector, ministry.code], ['KWT', 'GOV', 'KWTGOV']);
  const army = byText(es, 'Kuwaiti Armed Forces');
  assert.deepEqual([army.country, army.sector, army.code], ['KWT', 'MIL', 'KWTMIL']);
});

test('places are coded with their own country, and nothing else', () => {
  const es = entities('The envoy flew from Erbil to Tilburg.');
  assert.deepEqual(codeOf(byText(es, 'Erbil')), { country: 'IRQ', sector: null, code: 'IRQ', source: 'gazetteer' });
  assert.deepEqual(codeOf(byText(es, 'Tilburg')), { country: 'NLD', sector: null, code: 'NLD', source: 'gazetteer' });
});

test('descriptive mentions are coded from their modifier and role word', () => {
  const es = entities('A Baghdad court fined Pakistani sailors, and protesters gathered outside.');
  assert.deepEqual(codeOf(byText(es, 'Baghdad court')), { country: 'IRQ', sector: 'JUD', code: 'IRQJUD', source: 'modifier+role' });
  assert.deepEqual(codeOf(byText(es, 'protesters')), { country: null, sector: 'CVL', code: 'CVL', source: 'role' });
});

test('an unknown person with no title stays unknown: country, sector and code are null', () => {
  const es = entities('Pakistani authorities said Omar Tallisk was arrested. Tallisk denied it.');
  for (const t of ['Omar Tallisk', 'Tallisk']) {
    assert.deepEqual(codeOf(byText(es, t)), { country: null, sector: null, code: null, source: null }, t);
  }
  // A country elsewhere in the sentence is no evidence of his.
  assert.equal(byText(es, 'Pakistani authorities').country, 'PAK');
});

test('codeActors leaves everything but the code fields as it found them', () => {
  const text = 'Hamid Zorbak met Karim Dallal.';
  const mention = (start: number, end: number, chain: number, roles: string[], roleSectors: string[], modifierCountry: string | null): EntityMention => ({
    start, end, text: text.slice(start, end), name: text.slice(start, end), type: 'PER', country: null, sector: null, code: null,
    chain, sentence: 0, roles, roleSectors, modifierCountry, codeSource: null, nominal: false, evidence: 'title',
  });
  const input = [mention(0, 12, 0, ['general'], ['MIL'], 'IRQ'), mention(17, 29, 1, [], [], null)];
  const out = codeActors({ text, tokens: [], entities: input, meta: { published: '2020-01-06' } });
  assert.equal(out.length, 2);
  assert.deepEqual(codeOf(out[0]), { country: 'IRQ', sector: 'MIL', code: 'IRQMIL', source: 'title' });
  assert.deepEqual(codeOf(out[1]), { country: null, sector: null, code: null, source: null });
  for (let i = 0; i < 2; i++) {
    const { country, sector, code, codeSource, ...rest } = out[i];
    const { country: c0, sector: s0, code: k0, codeSource: cs0, ...restIn } = input[i];
    void country; void sector; void code; void codeSource; void c0; void s0; void k0; void cs0;
    assert.deepEqual(rest, restIn);
  }
  // The input layer itself is not edited.
  assert.equal(input[0].code, null);
});

test('a national office with no country of its own takes the one country its sentence names', () => {
  const d = analyze({ text: 'President Ama Boateng said the Ghanaian parliament would meet on Monday.', published: '2023-01-01' });
  const p = d.entities.find((e) => e.text.includes('Ama Boateng'));
  assert.equal(p?.country, 'GHA');
  assert.equal(p?.sector, 'GOV');
  // Two countries named: no way to tell which one, so unknown.
  const two = analyze({ text: 'President Ama Boateng said Ghanaian and Togolese ministers would meet on Monday.', published: '2023-01-01' });
  assert.equal(two.entities.find((e) => e.text.includes('Ama Boateng'))?.country ?? null, null);
  // The one country's own government is already in the sentence: the president is someone else's.
  const held = analyze({ text: 'The Ghanaian government welcomed President Ama Boateng on Monday.', published: '2023-01-01' });
  assert.equal(held.entities.find((e) => e.text.includes('Ama Boateng'))?.country ?? null, null);
});

test('a people qualified by a demonym lives in that demonym\'s country: "Iraqi Kurds"', () => {
  const d = analyze({ text: 'Thousands of Iraqi Kurds crossed into Turkey on Monday.', published: '2023-01-01' });
  const kurds = d.entities.find((e) => e.text === 'Iraqi Kurds');
  assert.equal(kurds?.code, 'IRQCVL');
});

test('a name led by a demonym belongs to that country: "Liberian Peace Council"', () => {
  const d = analyze({ text: 'The Malian Peace Council accused the army of abuses.', published: '2023-01-01' });
  const council = d.entities.find((e) => e.text.includes('Malian Peace Council'));
  assert.equal(council?.country, 'MLI');
});

test('an undated article: the title in the text says which dictionary office is meant', () => {
  const d = analyze({ text: 'President Bill Clinton imposed sanctions on the junta.', published: null });
  assert.equal(d.entities.find((e) => e.text.includes('Bill Clinton'))?.code, 'USAGOV');
  // Dated, the dictionary's row for the day decides.
  const later = analyze({ text: 'Bill Clinton spoke at the conference.', published: '2010-05-01' });
  assert.equal(later.entities.find((e) => e.text.includes('Bill Clinton'))?.code, 'USAELI');
});

test('a place where something happened does not give an office its country: "MP X appealed for a worker kidnapped in Iraq"', () => {
  const d = analyze({ text: 'Senator Ama Boateng appealed for the release of an aid worker kidnapped in Iraq.', published: '2023-01-01' });
  assert.equal(d.entities.find((e) => e.text.includes('Ama Boateng'))?.country ?? null, null);
});

test('"Senior French and German officials": a demonym coordinated with a description shares its head noun', () => {
  const es = entities('Senior French and German officials met in Brussels on Monday to discuss the gas crisis.');
  assert.equal(byText(es, 'French').code, 'FRAGOV');
  assert.equal(byText(es, 'German officials').code, 'DEUGOV');
  // A state named on its own is no official: "Iran and Iraqi officials signed …".
  assert.equal(byText(entities('Iran and Iraqi officials signed a water-sharing deal.'), 'Iran').code, 'IRN');
});

test('a description built around a known name is that name\'s actor: "the radical … Islamic Jihad movement"', () => {
  const es = entities('The radical Palestinian Islamic Jihad movement turned down an offer of talks in Cairo.');
  const m = es.find((e) => e.evidence === 'nominal' && e.text.includes('Islamic Jihad'));
  assert.ok(m, JSON.stringify(es.map((e) => e.text)));
  assert.equal(m.code, 'PSEREB');
});

test('undated, a title only chooses among the offices the dictionary knows the person held', () => {
  // "Sheikh" is an honorific, not an office the emir ever left for.
  assert.equal(byText(entities('Qatar\'s ruler, Sheikh Hamad bin Khalifa al-Thani, opened the new port.', null), 'Hamad bin Khalifa al-Thani').code, 'QATGOV');
  // A UN Secretary-General is no party secretary-general.
  assert.equal(byText(entities('U.N. Secretary-General Kofi Annan flew to Baghdad.', null), 'Kofi Annan').sector, 'IGO');
  // "President Clinton" in an undated story is the president, not the former president.
  assert.equal(byText(entities('President Bill Clinton flew to Moscow.', null), 'Bill Clinton').code, 'USAGOV');
});

test('"former President X", "ex-minister Y": a title marked as past makes an elite without office (ELI)', () => {
  assert.equal(byText(entities('Thousands of supporters of former President Ahmed Ben Bella marched in Oran.'), 'Ahmed Ben Bella').sector, 'ELI');
  assert.equal(byText(entities('Former President Bill Clinton flew to Moscow.', '1999-05-01'), 'Bill Clinton').code, 'USAELI');
  assert.equal(byText(entities('Defence Minister Amir Peretz toured the border.'), 'Amir Peretz').sector, 'GOV');
});

test('state media speak for their government: "an official Iranian newspaper", "state television" are GOV', () => {
  const es = entities('An official Iranian newspaper called on Muslims to boycott the summit.');
  assert.equal(byText(es, 'Iranian newspaper').code, 'IRNGOV');
  assert.equal(byText(entities('State television said the army had arrested 40 rebels.'), 'State television').sector, 'GOV');
  assert.equal(byText(entities('Iranian newspapers criticised the deal.'), 'Iranian newspapers').code, 'IRNMED');
});

test('"former" marks the title only when title words alone stand between: "a former colony, after President X" does not', () => {
  assert.equal(byText(entities('Peacekeepers went to Ivory Coast - a former colony - after President Laurent Gbagbo broke the truce.', '2004-11-10'), 'Laurent Gbagbo').sector, 'GOV');
  assert.equal(byText(entities('Former civil service chief Lord Butler criticised the government.'), 'Butler').sector, 'ELI');
});

test('a body named for the calling of its members is of their sector: "Union of Teachers" is EDU, "Association of Jurists" JUD', () => {
  assert.equal(byText(entities('The Kenyan Union of Teachers said its members would stay home on Monday.'), 'Kenyan Union of Teachers').code, 'KENEDU');
  assert.equal(byText(entities('The Association of Arab Jurists condemned the verdict.'), 'Association of Arab Jurists').sector, 'JUD');
  assert.equal(byText(entities('The Federation of Somali Journalists protested the arrests.'), 'Federation of Somali Journalists').sector, 'MED');
  assert.equal(byText(entities('The Association of Chief Police Officers backed the plan.'), 'Association of Chief Police Officers').sector, 'COP');
  assert.equal(byText(entities('The teachers\' union called a strike in Lagos.'), 'teachers\' union').sector, 'EDU');
});

test('a backer compound ("US-led", "Saudi-backed") names no country for an office in its sentence', () => {
  assert.equal(byText(entities('Former minister Alma Whitcombe criticised the US-led coalition over the war.'), 'Alma Whitcombe').country, null);
  assert.equal(byText(entities('Senator John Smith praised the Saudi-backed plan.'), 'John Smith').country, null);
  // A country word on the title itself still gives the office its country.
  assert.equal(byText(entities('Kenyan Senator John Smith praised the plan.'), 'John Smith').country, 'KEN');
});

test('a proxy is no force of its sponsor: "Iranian-backed militiamen" are not Iran\'s, "US-led forces" are the US\'s', async () => {
  const { code } = await import('../index.js');
  const events = code({ text: 'Iranian-backed militiamen fired rockets at the base. U.S.-led forces returned fire.', published: '2020-01-06' });
  const fired = events.find((e) => e.trigger.text === 'fired');
  assert.ok(fired);
  assert.equal(fired.actor[0].text, 'militiamen');
  assert.equal(fired.actor[0].country, null);
  assert.equal(byText(entities('U.S.-led forces returned fire.'), 'U.S.-led forces').code, 'USAMIL');
});

test('"ethnic Turks", "ethnic Albanian guerrillas": an ethnic group is not the demonym\'s state; where it lives may say the country', () => {
  assert.deepEqual(codeOf(byText(entities('Ethnic Turks marched through the town.'), 'Turks')), { country: null, sector: 'CVL', code: 'CVL', source: 'ethnic group' });
  assert.equal(byText(entities('Ethnic Albanian guerrillas operating in Macedonia laid down their arms.'), 'Ethnic Albanian guerrillas').code, 'MKDREB');
  assert.equal(byText(entities('Albanians marched through Tirana.'), 'Albanians').code, 'ALBCVL');
  assert.equal(byText(entities('Albanian guerrillas laid down their arms.'), 'Albanian guerrillas').code, 'ALBREB');
});

test('an organisation whose name is led by a capital is that country\'s: "Baghdad University Medical School", "the Tehran Times"', () => {
  assert.equal(byText(entities('Doctors delivered medicine to Baghdad University Medical School.'), 'Baghdad University Medical School').country, 'IRQ');
  assert.equal(byText(entities('The Tehran Times said the talks had failed.'), 'Tehran Times').country, 'IRN');
});

test('people "from" or "of" a body or place belong to its country: "doctors from two American aid groups", "children from Albania"', () => {
  assert.equal(byText(entities('Doctors from two American aid groups delivered medicine to the hospital.'), 'Doctors').country, 'USA');
  assert.equal(byText(entities('The plan returns children from Albania whose claims failed.'), 'children').country, 'ALB');
  // Soldiers "from" a place may be leaving it: no country from "from" for state forces.
  assert.notEqual(byText(entities('Soldiers from the base in Kuwait left on Monday.'), 'Soldiers').country, 'KWT');
});

test('a central bank is a state institution (GOV), a commercial bank a business', () => {
  assert.equal(byText(entities('Egypt\'s central bank raised interest rates.'), 'Egypt\'s central bank').code, 'EGYGOV');
  assert.equal(byText(entities('Egyptian commercial banks raised interest rates.'), 'Egyptian commercial banks').code, 'EGYBUS');
});

test('a town, county or local council is local government (GOV)', () => {
  assert.equal(byText(entities('The town council voted to close the market.'), 'town council').sector, 'GOV');
  assert.equal(byText(entities('Kent County Council cut its budget.'), 'Kent County Council').sector, 'GOV');
});

test('a chairman, leader or spokesman of a body named before the title takes the body\'s code, not the title\'s default', () => {
  assert.equal(byText(entities('Federal Reserve chairman Alan Greenspan warned of rising debt.'), 'Alan Greenspan').code, 'USAGOV');
  assert.equal(byText(entities('Pentagon spokesman Lawrence Di Rita denied the report.'), 'Lawrence Di Rita').code, 'USAMIL');
  assert.equal(byText(entities('Senate Foreign Relations Committee chairman Richard Lugar urged talks.'), 'Richard Lugar').sector, 'LEG');
  assert.equal(byText(entities('Company chairman Hiroshi Tanaka said jobs would go.'), 'Hiroshi Tanaka').sector, 'BUS');
});

test('an organisation\'s name takes the sector of its body word, not of a word for people inside it', () => {
  const es = entities('The General Workers\' Union and the Public and Commercial Services Union called a strike.');
  assert.equal(byText(es, "General Workers' Union").sector, 'LAB');
  assert.equal(byText(es, 'Public and Commercial Services Union').sector, 'LAB');
  assert.equal(byText(entities('The Trades Union Congress met ministers.'), 'Trades Union Congress').sector, 'LAB');
});

test('a surname alone does not bring in the dictionary\'s person when the article named someone else with it', () => {
  const es = entities('Jack McConnell opened the new school. McConnell said pupils would benefit.', '2005-03-01');
  assert.notEqual(byText(es, 'McConnell').country, 'USA', 'Mitch McConnell is the US senator, not Jack');
  const us = entities('Mitch McConnell said the Senate would vote. McConnell added that talks went on.', '2005-03-01');
  assert.equal(byText(us, 'McConnell').code, 'USALEG');
  assert.equal(byText(entities('Tayyip Erdogan spoke in Ankara. Erdogan said more.', '2005-03-01'), 'Erdogan').country, 'TUR', 'a given name inside the dictionary name matches');
});

test('a description of a body right before a name is no title: "the BBC News website James Ford"', () => {
  const ford = byText(entities('Her uncle told the BBC News website James Ford had shown no remorse.'), 'James Ford');
  assert.deepEqual(ford.roles, []);
  assert.equal(ford.sector, null);
});

test('a name before a description is read whole or by its leading word, not by a word inside it', () => {
  assert.equal(byText(entities('UK Independence Party leader Roger Knapman attacked the plans.'), 'Roger Knapman').code, 'GBRPTY', 'not Independence, Missouri');
  assert.equal(byText(entities('A Latin American network agreed to carry the broadcasts.'), 'network').country, null, 'Latin America is no country');
});

test('a place\'s council is its local government; a calling before a body word names its members', () => {
  assert.equal(byText(entities('Darlington Council apologised to voters.'), 'Darlington Council').code, 'GBRGOV');
  assert.equal(byText(entities('Kirkuk Provincial Council rejected the plan.'), 'Kirkuk Provincial Council').code, 'IRQGOV');
  assert.equal(byText(entities('The Police Federation opposed the plan.'), 'Police Federation').sector, 'COP');
  assert.equal(byText(entities('The Royal Fleet Auxiliary sent two ships.'), 'Royal Fleet Auxiliary').sector, 'MIL', '"Royal" is no calling');
});

test('a body in the possessive owns the body named after it: "the US Army\'s 82nd Airborne Division"', () => {
  const es = entities("The US Army's 82nd Airborne Division attacked insurgents near Fallujah on Monday.");
  assert.deepEqual(codeOf(byText(es, '82nd Airborne Division')), { country: 'USA', sector: 'MIL', code: 'USAMIL', source: 'name+owner' });
  // Without an owner the text gives no country: the unit's place of action is no evidence of whose it is.
  assert.equal(byText(entities('The 82nd Airborne Division moved north.'), '82nd Airborne Division').country, null);
});

test('"the Treasury" alone says a finance ministry but not whose', () => {
  assert.deepEqual(codeOf(byText(entities('Officials at the Treasury said the pound was strong.'), 'Treasury')), { country: null, sector: 'GOV', code: 'GOV', source: 'dictionary' });
  assert.equal(byText(entities('The US Treasury imposed sanctions on the bank.'), 'US Treasury').code, 'USAGOV');
  assert.equal(byText(entities('HM Treasury published the figures.'), 'HM Treasury').code, 'GBRGOV');
});

test('parties named bare are coded from the dictionary: "Labour accused the Tories"', () => {
  const es = entities('Labour accused the Tories of lying, and the SNP agreed.', '2005-02-01');
  assert.equal(byText(es, 'Labour').code, 'GBRPTY');
  assert.equal(byText(es, 'Tories').code, 'GBRPTY');
  assert.equal(byText(es, 'SNP').code, 'GBRPTY');
});

test('a description after a body and a portfolio is the body\'s officer: "Plaid Cymru\'s economics spokesman"', () => {
  const es = entities("Plaid Cymru's economics spokesman attacked the plan.", '2005-02-01');
  assert.equal(byText(es, 'spokesman').code, 'GBRPTY');
  // A verb between them is no portfolio.
  assert.notEqual(byText(entities('Plaid Cymru said the spokesman lied.', '2005-02-01'), 'spokesman').sector, 'PTY');
});

test('a shadow minister is the opposition\'s: "Shadow home secretary David Davis"', () => {
  assert.equal(byText(entities('Shadow home secretary David Davis attacked the plan.', '2005-02-01'), 'David Davis').sector, 'OPP');
  assert.equal(byText(entities('The shadow foreign secretary criticised the war.', '2005-02-01'), 'foreign secretary').sector, 'OPP');
  assert.equal(byText(entities('The former minister criticised the war.', '2005-02-01'), 'former minister').sector, 'ELI');
  // "former" in the sentence before qualifies no title here.
  assert.equal(byText(entities('They stopped former partners gaining access. Courts should act, MPs said.', '2005-02-01'), 'Courts').sector, 'JUD');
});

test('a name after a comma restates the description only when set off: not "for refugees, Alan Pemberton has said"', () => {
  const es = entities('The plans are fairer for genuine refugees, Alan Pemberton has said.', '2005-02-01');
  assert.equal(byText(es, 'Alan Pemberton').sector, null);
  assert.equal(byText(entities('The plan was attacked by the party\'s leader, Morag Finlay.', '2005-02-01'), 'Morag Finlay').sector, 'PTY');
});

test('Scottish, Welsh and English people and bodies are British, and a party inside a description leads it', () => {
  const es = entities('The Scottish Liberal Party leader, Morag Finlay, criticised Welsh farmers.', '2005-02-01');
  assert.equal(byText(es, 'Morag Finlay').code, 'GBRPTY');
  assert.equal(byText(es, 'Welsh farmers').country, 'GBR');
});

test('British ministers of the 2000s are in the dictionary with their terms of office', () => {
  assert.equal(byText(entities('David Blunkett announced the identity card plan.', '2003-11-11'), 'David Blunkett').code, 'GBRGOV');
  assert.equal(byText(entities('Michael Howard attacked the plan.', '2005-02-01'), 'Michael Howard').code, 'GBROPP');
  assert.equal(byText(entities('Michael Howard attacked the plan.', '1995-02-01'), 'Michael Howard').code, 'GBRGOV', 'home secretary then');
});

test('an acronym the article spells out is not the dictionary\'s body of the same letters', () => {
  const icc = analyze({ text: 'The Interstate Commerce Commission (ICC) approved the merger of two railways on Monday. The ICC said rates would fall.', published: '1987-03-02' });
  for (const m of icc.entities.filter((e) => e.name === 'Interstate Commerce Commission')) assert.notEqual(m.sector, 'IGO', m.text);
  const court = analyze({ text: 'The International Criminal Court (ICC) said on Monday it would open an inquiry.', published: '2020-03-02' });
  assert.equal(court.entities.find((e) => e.text === 'ICC')?.code, 'IGO', 'the dictionary\'s own expansion still finds it');
});

test('a wife named beside her husband keeps her own chain and takes none of his office', () => {
  const doc = analyze({
    text: 'President Reagan will fly to Madrid next month, the White House said. Reagan and Nancy Reagan will stay in Madrid for three days as guests of King Juan Carlos.',
    published: '1987-03-04',
  });
  const nancy = doc.entities.filter((e) => e.name === 'Nancy Reagan');
  assert.deepEqual(nancy.map((e) => [e.text, e.code]), [['Nancy Reagan', null]]);
  for (const e of doc.entities.filter((e) => e.text === 'Reagan')) assert.equal(e.code, 'USAGOV');
});

test('what the article itself says about a name beats the code the registry learned for it', () => {
  const registry = buildRegistry([{
    id: 1, name: 'Karim al-Dulaimi', type: 'PER', country: 'IRQ', sector: 'REB', code: 'IRQREB', names: ['Karim al-Dulaimi', 'Dulaimi'],
    evidence: [{ source: 'title', country: 'IRQ', sector: 'REB', count: 3, firstSeen: null, lastSeen: null, examples: [] }],
    articles: 3, firstSeen: null, lastSeen: null,
  }]);
  const code = (text: string) => {
    const m = analyze({ text, published: '2023-05-09' }, 'input', { registry }).entities.find((e) => e.text === 'Dulaimi')!;
    return [m.code, m.codeSource];
  };
  assert.deepEqual(code('Dulaimi attacked a police post near Samarra on Tuesday.'), ['IRQREB', 'registry'], 'the article says nothing: the registry answers');
  assert.deepEqual(code('Syrian minister Dulaimi said on Tuesday that the talks had failed.'), ['SYRGOV', 'title'], 'a title in the article wins');
  assert.equal(code('Minister Dulaimi said on Tuesday that the talks had failed.')[0], 'GOV', 'even one that gives the sector alone');
});
