import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actorOnDate, actorRows, actorsByName, foldName, givenName, honorific, isSector, isSocietySector, isStateOffice,
  compoundParticiple, matchRoleWords, nameParticle, orgWord, personNameKinds, roleWord, sectors, splitCompound,
} from './knowledge.js';
import { loadTsv } from '../util/data.js';

test('sectors include the CAMEO agent codes the coder relies on', () => {
  for (const code of ['GOV', 'MIL', 'JUD', 'LEG', 'COP', 'REB', 'OPP', 'PTY', 'MED', 'CVL', 'BUS', 'IGO', 'NGO', 'SPY', 'UAF', 'REF']) {
    assert.ok(isSector(code), code);
  }
  assert.equal(sectors().get('JUD')?.name, 'judiciary');
});

test('a sector stands in the state (a minister can leave office) or in society (doctors, teachers)', () => {
  assert.ok(isStateOffice('GOV') && isStateOffice('MIL') && isStateOffice('JUD'));
  assert.ok(isSocietySector('EDU') && isSocietySector('BUS') && isSocietySector('CVL'));
  assert.ok(!isStateOffice('REB') && !isSocietySector('REB'), 'rebels are neither');
  assert.ok(!isStateOffice(null) && !isSocietySector('XYZ'));
});

test('Trump is a US government actor while in office and not between his terms', () => {
  const onStrikeDay = actorOnDate('Donald Trump', '2020-01-03');
  assert.equal(onStrikeDay?.country, 'USA');
  assert.equal(onStrikeDay?.sector, 'GOV');
  const between = actorOnDate('Trump', '2022-06-01');
  assert.equal(between?.country, 'USA');
  assert.notEqual(between?.sector, 'GOV');
  assert.equal(actorOnDate('President Trump'.replace('President ', ''), '2025-03-01')?.sector, 'GOV');
});

test('a term ends on its last day: the to date no longer holds', () => {
  assert.equal(actorOnDate('Joe Biden', '2025-01-19')?.sector, 'GOV');
  assert.equal(actorOnDate('Joe Biden', '2025-01-20')?.sector, 'ELI');
});

test('a null date gives the most recent row', () => {
  assert.equal(actorOnDate('Mustafa al-Kadhimi', null)?.sector, 'ELI');
  assert.equal(actorOnDate('Mustafa al-Kadhimi', '2021-01-07')?.sector, 'GOV');
  assert.equal(actorOnDate('Mustafa al-Kadhimi', '2018-05-01')?.sector, 'SPY');
});

test('a month or year value is read as its first day', () => {
  assert.equal(actorOnDate('Mark Esper', '2020-01')?.sector, 'GOV');
  assert.equal(actorOnDate('Qasem Soleimani', '2019')?.sector, 'MIL');
});

test('no row on the date is null, not a guess', () => {
  assert.equal(actorOnDate('Qasem Soleimani', '2021-01-18'), null);
  assert.equal(actorOnDate('Nobody Anyone', '2021-01-18'), null);
});

test('spellings of al-Fayyadh fold together', () => {
  const keys = new Set(['Falih al-Fayyadh', 'Falih Al-Fayyadh', 'Falih al Fayyadh', 'falih AL-FAYYADH'].map(foldName));
  assert.equal(keys.size, 1);
  assert.equal(foldName('al-Fayyadh'), foldName('Fayyadh'));
  for (const n of ['Faleh al-Fayadh', 'Falih al-Fayyadh', 'al-Fayyadh', 'Fayyadh']) {
    assert.equal(actorOnDate(n, '2021-01-07')?.name, 'Falih al-Fayyadh', n);
  }
});

test('folding removes accents, apostrophes, hyphens and a leading "the"', () => {
  assert.equal(foldName('Recep Tayyip Erdoğan'), 'recep tayyip erdogan');
  assert.equal(foldName("Kata'ib Hezbollah"), 'kataib hezbollah');
  assert.equal(foldName('the Pentagon'), 'pentagon');
  assert.equal(foldName('Abu Mahdi Al-Muhandis'), foldName('Abu Mahdi al Muhandis'));
});

test('seed-article actors are known with the codes of January 2021', () => {
  const on = '2021-01-18';
  const code = (n: string) => { const r = actorOnDate(n, on); return r ? `${r.country ?? ''}${r.sector}` : null; };
  assert.equal(code('Pentagon'), 'USAMIL');
  assert.equal(code('Alsumaria News'), 'IRQMED');
  assert.equal(code('Fatah Alliance'), 'IRQPTY');
  assert.equal(code('Popular Mobilization Forces'), 'IRQMIL');
  assert.equal(code('Hadi Al-Amiri'), 'IRQPTY');
  assert.equal(code('Ali Hosseini Khamenei'), 'IRNGOV');
  assert.equal(code('OFAC'), 'USAGOV');
  assert.equal(actorOnDate('Mark Esper', '2020-01-03')?.sector, 'GOV');
  assert.equal(actorOnDate('Abu Mahdi al-Muhandis', '2019-12-30')?.country, 'IRQ');
});

test('acronyms match only when written as acronyms or long enough to be safe', () => {
  assert.equal(actorsByName('WHO')[0]?.sector, 'IGO');
  assert.deepEqual(actorsByName('who'), []);
  assert.deepEqual(actorsByName('Is'), []);
  assert.equal(actorsByName('U.N.')[0]?.name, 'United Nations');
  assert.equal(actorsByName('Nato')[0]?.sector, 'IGO');
  assert.equal(actorsByName('TRUMP').length > 0, true);
});

test('every actor row has a 3-letter country or none, a listed sector and ordered dates', () => {
  const rows = actorRows();
  assert.ok(rows.length > 500);
  for (const r of rows) {
    assert.ok(r.country === null || /^[A-Z]{3}$/.test(r.country), `${r.name}: ${r.country}`);
    assert.ok(isSector(r.sector), `${r.name}: ${r.sector}`);
    assert.ok(r.type === 'PER' || r.type === 'ORG');
    for (const d of [r.from, r.to]) assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d), `${r.name}: ${d}`);
    if (r.from && r.to) assert.ok(r.from < r.to, `${r.name}: ${r.from}..${r.to}`);
  }
});

test('every role word has a listed sector and a PER or ORG type', () => {
  const rows = loadTsv('role-words.tsv');
  assert.ok(rows.length > 300);
  for (const r of rows) {
    assert.ok(isSector(r.sector), `${r.words}: ${r.sector}`);
    assert.ok(r.type === 'PER' || r.type === 'ORG', `${r.words}: ${r.type}`);
    assert.equal(r.words, r.words.toLowerCase().trim());
  }
});

test('role words give sectors for titles and descriptions', () => {
  assert.equal(roleWord('Prime Minister')?.sector, 'GOV');
  assert.equal(roleWord('judge')?.sector, 'JUD');
  assert.equal(roleWord('court')?.type, 'ORG');
  assert.equal(roleWord('protesters')?.sector, 'CVL');
  assert.equal(roleWord('Brigadier General')?.sector, 'MIL');
  assert.equal(roleWord('nothing of the kind'), null);
});

test('matchRoleWords takes the longest phrase starting at the index', () => {
  const tokens = ['the', 'us', 'defense', 'secretary', 'said'];
  assert.deepEqual(matchRoleWords(tokens, 2), { length: 2, sector: 'GOV', type: 'PER', words: 'defense secretary' });
  assert.equal(matchRoleWords(tokens, 4), null);
  const riot = ['riot', 'police', 'fired'];
  assert.equal(matchRoleWords(riot, 0)?.length, 2);
  assert.equal(matchRoleWords(riot, 0)?.sector, 'COP');
  // A tokeniser that splits hyphens still meets the hyphenated phrase.
  const cic = ['commander', '-', 'in', '-', 'chief', 'of'];
  assert.equal(matchRoleWords(cic, 0)?.length, 5);
  assert.equal(matchRoleWords(cic, 0)?.sector, 'MIL');
});

test('matchRoleWords finds every role phrase of the file however the tokeniser cut it, as a search of every length does', () => {
  /** The plain search: the longest run from i whose key is a role phrase (no shortcut). */
  const longest = (tokens: string[], i: number): number => {
    for (let len = Math.min(12, tokens.length - i); len >= 1; len--) {
      if (tokens[i + len - 1].trim() === '') continue;
      if (roleWord(tokens.slice(i, i + len).join(' '))) return len;
    }
    return 0;
  };
  const cuts = (words: string): string[][] => [
    words.split(' '),
    words.split(/ |(?=[-'])|(?<=-)/).filter(Boolean), // "commander - in - chief", "prosecutor 's"
    words.split(/ |(?<=-)/).filter(Boolean), // "commander-" "in-" "chief"
    words.toUpperCase().replace(/'/g, '\u2019').split(' '),
    ['the', ...words.split(' '), 'said'],
  ];
  for (const r of loadTsv('role-words.tsv')) {
    for (const tokens of cuts(r.words)) {
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].trim() === '') continue;
        assert.equal(matchRoleWords(tokens, i)?.length ?? 0, longest(tokens, i), `${tokens.join('|')} at ${i}`);
      }
    }
  }
});

test('person-name words: given names, particles, honorifics', () => {
  assert.ok(givenName('Qasem'));
  assert.ok(givenName('volodymyr'));
  assert.ok(givenName('José') && givenName('Jose'));
  assert.ok(!givenName('said'));
  assert.ok(nameParticle('al-') && nameParticle('bin') && nameParticle('van'));
  assert.ok(honorific('Sheikh') && honorific('Ayatollah') && honorific('Mr'));
  assert.ok(!honorific('Qasem'));
  assert.ok(personNameKinds('kim').has('family'));
});

test('org words say what a capitalised sequence is', () => {
  assert.equal(orgWord('Forces'), 'head');
  assert.equal(orgWord('alliance'), 'head');
  assert.equal(orgWord('Governorate'), 'loc-head');
  assert.equal(orgWord('Air Base'), 'loc-head');
  assert.equal(orgWord('Code'), 'misc-head');
  assert.equal(orgWord('Baghdad'), null);
});

test("a leader's code follows the article date through office and after it", () => {
  const code = (n: string, d: string) => { const r = actorOnDate(n, d); return r ? `${r.country ?? ''}${r.sector}` : null; };
  assert.equal(code('Ronald Reagan', '1986-05-01'), 'USAGOV');
  assert.equal(code('Reagan', '1995-01-01'), 'USAELI');
  assert.equal(code('Margaret Thatcher', '1982-04-10'), 'GBRGOV');
  assert.equal(code('Thatcher', '1993-06-01'), 'GBRELI');
  // The Soviet leaders are coded RUS; Gorbachev stops being GOV with the Union.
  assert.equal(code('Gorbachev', '1987-12-08'), 'RUSGOV');
  assert.equal(code('Gorbachev', '1996-03-01'), 'RUSELI');
  // One person, two countries: Shevardnadze in Moscow, then in Tbilisi.
  assert.equal(code('Shevardnadze', '1988-05-01'), 'RUSGOV');
  assert.equal(code('Shevardnadze', '1998-05-01'), 'GEOGOV');
});

test('"Bush" is the father or the son depending on the date', () => {
  assert.equal(actorOnDate('Bush', '1990-06-01')?.name, 'George H. W. Bush');
  assert.equal(actorOnDate('Bush', '1990-06-01')?.sector, 'GOV');
  assert.equal(actorOnDate('George Bush', '2003-03-20')?.name, 'George W. Bush');
  assert.equal(actorOnDate('Bush', '2012-01-01')?.sector, 'ELI');
  assert.equal(actorOnDate('Bush', '2012-01-01')?.name, 'George W. Bush');
  // The father's full name still finds him after office.
  assert.equal(actorOnDate('George H.W. Bush', '2005-06-01')?.sector, 'ELI');
});

test('spellings news uses find the same ruler', () => {
  for (const n of ['Qaddafi', 'Gaddafi', 'Kadhafi', 'Gadhafi']) {
    assert.equal(actorOnDate(n, '1986-04-15')?.name, 'Muammar Gaddafi', n);
  }
  assert.equal(actorOnDate('Juvénal Habyarimana', '1993-08-04')?.country, 'RWA');
  assert.equal(actorOnDate('Mubarak', '1978-09-17')?.sector, 'GOV');
  assert.equal(actorOnDate('Mubarak', '2012-06-02')?.sector, 'ELI');
});

test('a surname two people share is not given to the one it would mislead', () => {
  // Ash Carter was defence secretary in 2016; the bare surname is not Jimmy Carter then.
  assert.notEqual(actorOnDate('Carter', '2016-01-01')?.name, 'Jimmy Carter');
  assert.equal(actorOnDate('Carter', '1979-06-18')?.name, 'Jimmy Carter');
  assert.equal(actorOnDate('Jimmy Carter', '2002-10-11')?.sector, 'ELI');
});

test('UN secretaries-general act for the body, with no country', () => {
  for (const [n, d] of [['Kurt Waldheim', '1979-12-01'], ['Javier Perez de Cuellar', '1988-08-08'], ['Boutros Boutros-Ghali', '1994-05-01'], ['Kofi Annan', '2003-01-01']]) {
    const r = actorOnDate(n, d);
    assert.equal(r?.sector, 'IGO', n);
    assert.equal(r?.country, null, n);
  }
  assert.equal(actorOnDate('Waldheim', '1988-01-01')?.country, 'AUT');
});

test('a hyphenated participle names a backer or an origin, not the thing described', () => {
  assert.deepEqual(splitCompound('US-led')?.owner, 'US');
  assert.equal(splitCompound('Iranian-backed')?.participle.ownForces, false, 'a proxy is no force of its sponsor');
  assert.equal(splitCompound('Russian-made')?.participle.ownForces, false, 'rifles made in Russia are no Russian force');
  assert.equal(splitCompound('Anglo-Irish'), null);
  assert.equal(compoundParticiple('led')?.ownForces, true);
});
