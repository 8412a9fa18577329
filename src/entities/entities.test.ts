import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { Doc, EntityMention } from '../doc/types.js';

function entities(text: string, published = '2020-01-06', title?: string): EntityMention[] {
  return analyze({ text, published, title }).entities;
}
const named = (es: EntityMention[]) => es.filter((e) => !e.nominal);
const byText = (es: EntityMention[], t: string) => {
  const e = es.find((m) => m.text === t);
  assert.ok(e, `no mention "${t}" in ${JSON.stringify(es.map((m) => m.text))}`);
  return e;
};

test('every mention\'s offsets cover exactly its text', () => {
  const text = 'Ali Bagheri-Kani, an envoy from Tehran, met Iraqi officials in “Basra” on Sunday.';
  const doc: Doc = analyze({ text, published: '2020-01-06' });
  assert.ok(doc.entities.length >= 3);
  for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
});

test('the title in "US President Donald Trump" is peeled off the person', () => {
  const es = entities('US President Donald Trump signed the order late on Friday.');
  const trump = byText(es, 'Donald Trump');
  assert.equal(trump.type, 'PER');
  assert.deepEqual(trump.roles, ['president']);
  assert.equal(trump.modifierCountry, 'USA');
  assert.equal(trump.country, 'USA');
  assert.equal(trump.sector, 'GOV');
  assert.equal(trump.code, 'USAGOV');
  assert.ok(!es.some((e) => e.text.includes('President')));
});

test('Arabic particles and hyphenated surnames stay inside one person', () => {
  const es = named(entities('The convoy carried Abu Mahdi al-Muhandis; Falih al-Fayyadh and Ali Bagheri-Kani were told hours later.'));
  assert.deepEqual(es.map((e) => [e.text, e.type]), [
    ['Abu Mahdi al-Muhandis', 'PER'], ['Falih al-Fayyadh', 'PER'], ['Ali Bagheri-Kani', 'PER'],
  ]);
});

test('organisation names keep their "of" and "for"', () => {
  const es = named(entities('The Office of Foreign Assets Control wrote to the High Council for Human Rights in June.'));
  assert.deepEqual(es.map((e) => [e.text, e.type]), [
    ['Office of Foreign Assets Control', 'ORG'], ['High Council for Human Rights', 'ORG'],
  ]);
});

test('an acronym in parentheses joins the chain of the name before it', () => {
  const es = named(entities('The Board of Harbour Pilots (BHP) fined two tankers on Monday.'));
  const board = byText(es, 'Board of Harbour Pilots');
  const bhp = byText(es, 'BHP');
  assert.equal(bhp.chain, board.chain);
  assert.equal(bhp.name, 'Board of Harbour Pilots');
  assert.equal(bhp.type, 'ORG');
});

test('a surname and a hyphenated surname join the full name\'s chain', () => {
  const es = named(entities('Envoy Karim Dallal met Falih al-Fayyadh in the morning. Dallal left before noon, and Al-Fayyadh stayed.'));
  const dallal = es.filter((e) => e.name === 'Karim Dallal');
  assert.deepEqual(dallal.map((e) => e.text), ['Karim Dallal', 'Dallal']);
  assert.equal(new Set(dallal.map((e) => e.chain)).size, 1);
  const fay = es.filter((e) => e.name === 'Falih al-Fayyadh');
  assert.deepEqual(fay.map((e) => e.text), ['Falih al-Fayyadh', 'Al-Fayyadh']);
  assert.notEqual(fay[0].chain, dallal[0].chain);
});

test('a title the wire\'s line break cut off its name is still the name\'s title', () => {
  const es = entities('Pentagon officials said on Friday that Defence Secretary\nJames Carver also opposes the plan, and Foreign\n'
    + 'Undersecretary Joseph Whitehead agreed with him.');
  const carver = byText(es, 'James Carver');
  assert.deepEqual(carver.roles, ['defence secretary']);
  assert.equal(carver.code, 'USAGOV');
  assert.ok(!es.some((m) => m.text === 'Defence Secretary'), 'the title is no participant of its own');
  assert.deepEqual(byText(es, 'Joseph Whitehead').roles, ['undersecretary']);
});

test('"the Brigadier General" later refers to the person who carried that title', () => {
  const es = entities('Iraqi Brigadier General Hamid Zorbak inspected the base. By evening the Brigadier General had left.');
  const person = byText(es, 'Hamid Zorbak');
  const title = byText(es, 'Brigadier General');
  assert.equal(title.chain, person.chain);
  assert.equal(title.name, 'Hamid Zorbak');
  assert.equal(title.type, 'PER');
  assert.equal(title.code, 'IRQMIL');
});

test('a demonym on its own is MISC with its country', () => {
  const es = entities('The Turkish delegation left the talks early.');
  const turkish = byText(es, 'Turkish');
  assert.equal(turkish.type, 'MISC');
  assert.equal(turkish.country, 'TUR');
  assert.equal(turkish.evidence, 'demonym');
});

test('months and weekdays are times, not entities', () => {
  const es = entities('The trial opened on Tuesday, March 3, and closed in September.');
  assert.deepEqual(named(es), []);
});

test('a title-case headline gives no entities; the body still does', () => {
  const title = 'Angry Farmers Blockade Highways Across Northern Provinces';
  const doc = analyze({ title, text: `${title}\n\nThe farmers blocked a highway near Mosul on Sunday.`, published: '2021-03-01' });
  assert.ok(doc.titleSpan);
  assert.ok(doc.entities.every((e) => e.start >= doc.titleSpan!.end), JSON.stringify(doc.entities.map((e) => e.text)));
  assert.equal(byText(doc.entities, 'Mosul').type, 'LOC');
});

test('a sentence-case headline keeps its entities', () => {
  const title = 'Baghdad court summons Trump aide';
  const doc = analyze({ title, text: `${title}\n\nThe summons was issued on Thursday.`, published: '2021-01-07' });
  assert.ok(doc.titleSpan);
  assert.ok(doc.entities.some((e) => e.text === 'Trump' && e.start < doc.titleSpan!.end));
});

test('descriptive mentions are nominal, with the country of their modifier', () => {
  const es = entities('A Basra court jailed two men after Iraqi officials said protesters had burned tyres.');
  const court = byText(es, 'Basra court');
  assert.equal(court.nominal, true);
  assert.equal(court.evidence, 'nominal');
  assert.equal(court.type, 'ORG');
  assert.equal(court.name, 'court');
  assert.equal(court.code, 'IRQJUD');
  const officials = byText(es, 'Iraqi officials');
  assert.equal(officials.nominal, true);
  assert.equal(officials.country, 'IRQ');
  assert.equal(officials.sector, 'GOV');
  const protesters = byText(es, 'protesters');
  assert.equal(protesters.nominal, true);
  assert.equal(protesters.country, null);
  assert.equal(protesters.sector, 'CVL');
  // The place inside a nominal is still a place of its own.
  assert.equal(byText(es, 'Basra').type, 'LOC');
});

test('a country after the role word is borrowed: "a court in Baghdad"', () => {
  const es = entities('On Sunday a court in Baghdad ordered the arrest.');
  const court = byText(es, 'court');
  assert.equal(court.nominal, true);
  assert.equal(court.code, 'IRQJUD');
});

test('nominal mentions each keep a chain of their own', () => {
  const es = entities('Protesters met police at the bridge, and more protesters came later.').filter((e) => e.evidence === 'nominal');
  assert.ok(es.length >= 2);
  assert.equal(new Set(es.map((e) => e.chain)).size, es.length);
});

test('an unknown organisation is found by its head word', () => {
  const es = named(entities('The Authority for Coastal Lights closed the lighthouse.'));
  const a = byText(es, 'Authority for Coastal Lights');
  assert.equal(a.type, 'ORG');
  assert.equal(a.evidence, 'org-head');
});

test('a capitalised place on the line after a byline is not the byline\'s acronym', () => {
  const es = named(entities('Storm closes ports\nMaria Lopez\nGENEVA 2021-03-02\nThe lake ferries stopped on Tuesday .'));
  const maria = byText(es, 'Maria Lopez');
  const geneva = byText(es, 'GENEVA');
  assert.notEqual(geneva.chain, maria.chain);
  assert.equal(geneva.type, 'LOC');
});

test('a city is a team in a standings line and a place in a fixture, whatever it was first', () => {
  const es = named(entities('DENVER 61 40 .604 -\nSEATTLE 55 47 .539 6\nTuesday games :\nDENVER AT SEATTLE'));
  const seattle = es.filter((e) => e.text === 'SEATTLE');
  assert.deepEqual(seattle.map((e) => e.type), ['ORG', 'LOC']);
});

test('words before a name that are no title stay outside it', () => {
  const es = named(entities('Results of Scottish league matches on Saturday :\nFormer England striker Tom Bexley scored twice .'));
  assert.ok(es.some((e) => e.text === 'Scottish' && e.type === 'MISC'));
  assert.ok(es.some((e) => e.text === 'England' && e.type === 'LOC'));
  assert.ok(!es.some((e) => /Results|Former/.test(e.text)));
});

test('a person "of" an organisation is two names, side-by-side names of one organisation are one', () => {
  const es = named(entities('Economist Lynn Carter of Harbour Bank Inc said prices rose .\nThe Ontario Liberal Party met in Toronto on Monday .'));
  assert.equal(byText(es, 'Lynn Carter').type, 'PER');
  assert.equal(byText(es, 'Harbour Bank Inc').type, 'ORG');
  assert.equal(byText(es, 'Ontario Liberal Party').type, 'ORG');
});

test('the demonym in front of a title is a name too, and the person keeps its country', () => {
  const es = named(entities('Norwegian Foreign Minister Ola Brekke met U.S. Envoy Sam Ortiz in Oslo .'));
  assert.equal(byText(es, 'Norwegian').type, 'MISC');
  assert.ok(!es.some((e) => e.text === 'U.S.'));
  const ola = byText(es, 'Ola Brekke');
  assert.equal(ola.type, 'PER');
  assert.equal(ola.modifierCountry, 'NOR');
  assert.ok(!es.some((e) => e.text.includes('Minister') || e.text.includes('Envoy')));
});

test('the tagger\'s span of a league or a team is not cut by a title word in it', () => {
  const es = named(entities('BASEBALL - MAJOR LEAGUE RESULTS ON MONDAY .'));
  assert.ok(es.some((e) => e.text === 'MAJOR LEAGUE'), JSON.stringify(es.map((e) => e.text)));
});

test('a given name that is also a title stays in the name before a single surname', () => {
  const es = named(entities('Dean Porter scored twice in the second half .'));
  assert.equal(byText(es, 'Dean Porter').type, 'PER');
});

test('a numbered result line reads its name as a person, not as a sentence opener', () => {
  const es = named(entities('Results of the 400 metres :\n1. Marla Denby ( Canada ) 50.12 seconds\n2. Kofi Asante ( Ghana ) 50.40'));
  assert.equal(byText(es, 'Marla Denby').type, 'PER');
  assert.equal(byText(es, 'Kofi Asante').type, 'PER');
});

test('a stray quote on the line before does not pull "The" into a name', () => {
  const es = named(entities('He said so .\n"\nThe Transport Department proposed a ban on night flights .'));
  assert.ok(es.some((e) => e.text === 'Transport Department' && e.type === 'ORG'), JSON.stringify(es.map((e) => e.text)));
});

test('a role word standing as a surname is a person; with an article, or plural, it is not a name', () => {
  const es = named(entities('Coach Alma Bishop picked her team . " We will wait and see , " said Bishop .'));
  assert.ok(es.filter((e) => e.text === 'Bishop' && e.type === 'PER').length >= 1, JSON.stringify(es.map((e) => [e.text, e.type])));
  const es2 = named(entities('The Bishop blessed the sailors and Marines on Sunday .'));
  assert.ok(!es2.some((e) => e.text === 'Bishop' || e.text === 'Marines'), JSON.stringify(es2.map((e) => [e.text, e.type])));
});

test('a name does not end on a lower-case common noun, but keeps a hyphened piece', () => {
  const es = named(entities('She thanked the Falcons organisation and the fans .\nA United Nations-sponsored truce held .'));
  assert.ok(es.some((e) => e.text === 'Falcons'), JSON.stringify(es.map((e) => e.text)));
  assert.ok(!es.some((e) => e.text.includes('organisation')));
  assert.ok(es.some((e) => e.text === 'United Nations-sponsored'), JSON.stringify(es.map((e) => e.text)));
});

test('pieces of a name cut at a particle make one person when the last piece is one', () => {
  const es = named(entities('Scrum-half Pieter van der Merwe scored twice . Later a penalty from Van der Merwe set up the third try .'));
  const later = byText(es, 'Van der Merwe');
  assert.equal(later.type, 'PER');
  assert.equal(later.chain, byText(es, 'Pieter van der Merwe').chain);
  assert.ok(!es.some((e) => e.text === 'Van'));
});

test('a dateline opens with a place and a fixture line ends with the venue, whatever the tagger said', async () => {
  const { segment } = await import('../segment/index.js');
  const { layoutLines } = await import('./index.js');
  const runsOf = (text: string, names: string[]) => {
    const seg = segment({ text, body: [{ start: 0, end: text.length }] });
    const s = seg.sentences[0];
    const runs = names.map((n) => {
      const start = text.indexOf(n);
      const first = seg.tokens.findIndex((t) => t.start === start);
      const last = seg.tokens.findIndex((t) => t.end === start + n.length);
      return { first, last, tagged: 'ORG' as const, ruleOnly: false };
    });
    layoutLines(text, seg.tokens, s, runs);
    return runs.map((r) => r.tagged);
  };
  assert.deepEqual(runsOf('LA PAZ , Bolivia 2024-05-02', ['LA PAZ']), ['LOC']);
  assert.deepEqual(runsOf('OSLO (Reuters) - Talks resumed.', ['OSLO']), ['LOC']);
  assert.deepEqual(runsOf('BOSTON AT DENVER', ['BOSTON', 'DENVER']), ['ORG', 'LOC']);
  // An ordinary sentence keeps the tagger's types.
  assert.deepEqual(runsOf('Denver beat Boston on Monday.', ['Denver', 'Boston']), ['ORG', 'ORG']);
});

test('two whole names joined by "for the" stay apart; "of the" stays inside a name', () => {
  const es = named(entities('Dale Mercer played in the Western Hockey League for the Harbour City Eagles .'));
  assert.ok(es.some((e) => e.text === 'Western Hockey League'), JSON.stringify(es.map((e) => e.text)));
  const es2 = named(entities('The country joined the World Organization of the Scout Movement in 1974 .'));
  assert.ok(es2.some((e) => e.text === 'World Organization of the Scout Movement'), JSON.stringify(es2.map((e) => e.text)));
});

test('a competition named for a place is an event, not the place', async () => {
  const { classifyRun } = await import('./classify.js');
  const { defaultLexicon } = await import('./default-lexicon.js');
  for (const name of ['Oslo Open', 'Bergen Marathon', 'Harbour City Championships']) {
    const [p] = classifyRun(name.split(' '), defaultLexicon(), null);
    assert.equal(p.type, 'MISC', name);
    assert.equal(p.evidence, 'misc-head', name);
  }
});

test('a capitalised body word after "the" that the tagger calls an organisation stays a name', () => {
  const es = named(entities('Members voted in 1961 to rejoin the League , and the League has met yearly since .'));
  const league = es.filter((e) => e.text === 'League');
  assert.equal(league.length, 2, JSON.stringify(es.map((e) => [e.text, e.type])));
  assert.ok(league.every((e) => e.type === 'ORG'));
});

test('names with letters beyond Latin-1 come out whole, and their places are found', () => {
  const doc = analyze({ text: 'Recep Tayyip Erdoğan met Andrzej Stanisław in Łódź. Later Đorđe Marković flew to Šibenik.', published: '2020-01-06' });
  const es = named(doc.entities);
  assert.deepEqual(es.map((e) => [e.text, e.type]), [
    ['Recep Tayyip Erdoğan', 'PER'], ['Andrzej Stanisław', 'PER'], ['Łódź', 'LOC'], ['Đorđe Marković', 'PER'], ['Šibenik', 'LOC'],
  ]);
  for (const e of doc.entities) assert.equal(doc.text.slice(e.start, e.end), e.text);
  const lodz = doc.places.find((p) => p.text === 'Łódź');
  assert.ok(lodz, JSON.stringify(doc.places.map((p) => p.text)));
  assert.equal(lodz.country, 'POL');
});

test('a lower-case verb between two names parts them', () => {
  const es = named(entities('Rosa Lindqvist met Tomas Okafor at the embassy.'));
  assert.deepEqual(es.map((e) => [e.text, e.type]), [['Rosa Lindqvist', 'PER'], ['Tomas Okafor', 'PER']]);
});

test('a gloss in brackets after a name is another name of it, and the head noun after it is the name\'s', () => {
  const doc = analyze({ text: 'The pro-Iranian Hizbollah (Party of God) group declared that it would keep fighting.', published: '1996-04-15' });
  const hiz = byText(doc.entities, 'Hizbollah');
  assert.equal(hiz.type, 'ORG');
  assert.equal(hiz.code, 'LBNREB');
  const gloss = byText(doc.entities, 'Party of God');
  assert.equal(gloss.chain, hiz.chain);
  assert.equal(gloss.name, 'Hizbollah');
  // No broken mention, and "group" is no participant of its own.
  assert.ok(!doc.entities.some((e) => /[()]/.test(e.text) || e.text === 'group'), JSON.stringify(doc.entities.map((e) => e.text)));
});

test('a one-word gloss between a name and "party": the name is the party', () => {
  const es = entities('The fundamentalist Umma (Nation) party has said it will boycott the vote in Khartoum.');
  const umma = byText(es, 'Umma');
  assert.equal(umma.type, 'ORG');
  const gloss = byText(es, 'Nation');
  assert.equal(gloss.chain, umma.chain);
  assert.equal(gloss.name, 'Umma');
  assert.ok(!es.some((e) => e.text === 'party' || e.text.includes(')')));
});

test('the named organisation, not its gloss or its head noun, is who acts', () => {
  const doc = analyze({ text: 'The Hizbollah (Party of God) movement fired rockets at northern Israel on Friday.', published: '1996-04-12' });
  const ev = doc.events[0];
  assert.ok(ev, 'no event');
  assert.equal(ev.actor[0]?.name, 'Hizbollah');
  assert.equal(ev.actor[0]?.code, 'LBNREB');
});

test('an acronym\'s expansion in brackets joins its chain; a player\'s country in brackets stays a place', () => {
  const es = entities('The KDP (Kurdistan Democratic Party) accused Baghdad of shelling villages. Rikard Holm (Sweden) beat Tomas Berg (Norway) 6-4 6-2.');
  assert.equal(byText(es, 'KDP').chain, byText(es, 'Kurdistan Democratic Party').chain);
  assert.equal(byText(es, 'Sweden').type, 'LOC');
  assert.notEqual(byText(es, 'Sweden').chain, byText(es, 'Rikard Holm').chain);
});

test('a capitalised first word that is a role word only modifying the noun after it is no mention: "Humanitarian access …"', () => {
  assert.deepEqual(entities('Humanitarian access to the camps has improved since March.').map((e) => e.text), []);
  assert.deepEqual(entities('Military spending rose sharply last year.').map((e) => e.text), []);
  // A role word that heads its phrase still is one: "Protesters blocked the road".
  assert.ok(entities('Protesters blocked the main road into the capital.').some((e) => e.text === 'Protesters'));
});

test('a role word before a demonym and another role is a modifier: "an official Iranian newspaper" has no "official"', () => {
  assert.deepEqual(entities('An official Iranian newspaper urged a boycott of the summit.').map((e) => e.text).filter((t) => /official/i.test(t)), []);
  // "an Iranian official" still is one.
  assert.ok(entities('An Iranian official urged a boycott of the summit.').some((e) => e.text === 'Iranian official'));
});

test('the line-break rules for names hold in CRLF and bare-CR (old Mac) files too', () => {
  const shape = (text: string) => {
    const es = named(entities(text));
    return es.map((e) => [e.text, e.type, es.findIndex((f) => f.chain === e.chain)]);
  };
  for (const lf of [
    'Storm closes ports\nMaria Lopez\nGENEVA 2021-03-02\nThe lake ferries stopped on Tuesday .',
    'He said so .\n"\nThe Transport Department proposed a ban on night flights .',
    'Results of the 400 metres :\n1. Marla Denby ( Canada ) 50.12 seconds\n2. Kofi Asante ( Ghana ) 50.40',
  ]) {
    const expected = shape(lf);
    for (const eol of ['\r\n', '\r']) assert.deepEqual(shape(lf.replace(/\n/g, eol)), expected, `${JSON.stringify(eol)}: ${lf}`);
  }
});

test('a tab after a role word is not part of the mention: "soldiers\\t" is "soldiers"', () => {
  const es = entities('The soldiers\tattacked the village, and the police officers\twatched.');
  assert.deepEqual(es.map((e) => e.text), ['soldiers', 'police officers']);
});
