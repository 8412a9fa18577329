import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codesOnDate, emptyVerbDictionary, parseActors, parseAgents, parseDiscards, parseVerbs, PetrarchFormatError, Problems } from './dictionaries.js';
import { parseTree, TreeParseError } from './tree.js';
import { cameoInfo, ploverFor } from '../ontology.js';
import { buildPetrarchDictionaries, codeWithDictionaries, loadPetrarchDictionaries, petrarchVerbPatterns } from './index.js';

// Fictional places and people throughout: Veldoria, Korsh, Marlen Isle, Captain Oru.
const ACTORS = `<!-- test actors -->
VELDORIA [VLD]
+VELDORIAN
KORSH  [KRS] # a comment
MARLEN_ISLE [MRL]
CAPTAIN_ORU
+ORU_THE_BOLD
\t[VLDMIL <20010101]
\t[VLDGOV 20010101-20051231]
\t[VLDREB >051231]
TWIN_CITIES [VLD/KRS]
`;

const AGENTS = `!FOLK! = MAN, MEN
ENVOY [~GOV]
POLICE {} [~COP]
CHURCH!FOLK! [~REL]
AID_AGENCY [NGO~]
`;

const VERBS = `&MONEYWORD
+GOLD
+SILVER_COINS

--- PRAISE [041] ---
PRAISE

--- SEND [---] ---
SEND {SENT}
- * &MONEYWORD [071]
- * ENVOY [032]

--- VISIT [042:043] ---
VISIT

--- CUT [---] ---
+CUT_OFF
- * TIES [1711]

--- ACCUSE [112] ---
ACCUSE
- + WAS * BY $ [111]
`;

const DISCARDS = `+FOOTBALL
TRADE FAIR
`;

const dicts = buildPetrarchDictionaries({
  verbs: [['verbs.txt', VERBS]], actors: [['actors.txt', ACTORS]], agents: [['agents.txt', AGENTS]], discards: [['discards.txt', DISCARDS]],
}, { strict: true });

const triples = (events: ReturnType<typeof codeWithDictionaries>) => events.map((e) => `${e.actor[0].code}|${e.recipient[0].code}|${e.cameo}`).sort();

test('actor files: synonyms share the code, dated codes follow the date, slashes make compounds', () => {
  const entries = parseActors(ACTORS, 'actors.txt', new Problems(true));
  const oru = entries.find((e) => e.names.some((n) => n.join(' ') === 'CAPTAIN ORU'))!;
  assert.deepEqual(oru.names.map((n) => n.join(' ')), ['CAPTAIN ORU', 'ORU THE BOLD']);
  assert.deepEqual(codesOnDate(oru.codes, '19990505'), ['VLDMIL']);
  assert.deepEqual(codesOnDate(oru.codes, '20030101'), ['VLDGOV']);
  assert.deepEqual(codesOnDate(oru.codes, '20060101'), ['VLDREB']);
  assert.deepEqual(codesOnDate(oru.codes, null), []);
  const twins = entries.find((e) => e.names[0].join(' ') === 'TWIN CITIES')!;
  assert.deepEqual(codesOnDate(twins.codes, '20000101'), ['VLD', 'KRS']);
});

test('actor lines in a row without codes share the codes below them', () => {
  const entries = parseActors('LADY_ISEN_\nISEN_OF_KORSH_\n\t[KRSGOV]\n', 'a.txt', new Problems(true));
  assert.equal(entries.length, 1);
  assert.deepEqual(entries[0].names.map((n) => n.join(' ')), ['LADY ISEN', 'ISEN OF KORSH']);
});

test('agent files: regular plurals, {} for none, !SET! substitutions, prefix codes', () => {
  const agents = parseAgents(AGENTS, 'agents.txt', new Problems(true));
  const names = (code: string) => agents.filter((a) => a.code === code).flatMap((a) => a.names.map((n) => n.join(' ')));
  assert.deepEqual(names('GOV'), ['ENVOY', 'ENVOYS']);
  assert.deepEqual(names('COP'), ['POLICE']);
  assert.ok(names('REL').includes('CHURCHMAN') && names('REL').includes('CHURCHMEN'));
  assert.equal(agents.find((a) => a.code === 'NGO')!.prefix, true);
});

test('verb files: synonym sets, irregular forms, multi-word verbs, paired codes', () => {
  const v = parseVerbs(VERBS, 'verbs.txt', new Problems(true), emptyVerbDictionary());
  assert.deepEqual(v.synsets.get('MONEYWORD')!.map((m) => m.map((e) => (e.kind === 'word' ? e.word : e.kind))), [['GOLD'], ['SILVER', 'COINS']]);
  assert.ok(v.forms.has('SENT') && v.forms.has('SENDS') && v.forms.has('PRAISED'));
  assert.deepEqual(v.forms.get('CUT')![0].after, ['OFF']);
  assert.deepEqual(v.forms.get('VISITED')![0].code, { code: '042', back: '043' });
  const send = v.blocks.find((b) => b.name === 'SEND')!;
  assert.equal(send.code.code, null);
  assert.equal(send.patterns.length, 2);
});

test('a malformed line names its file and line (strict), or becomes a warning', () => {
  assert.throws(() => parseVerbs('--- HAIL [041] ---\nHAIL\n- * PEACE\n', 'mine.verbs', new Problems(true)),
    (err: unknown) => err instanceof PetrarchFormatError && /mine\.verbs:3/.test(err.message));
  const lenient = buildPetrarchDictionaries({ actors: [['mine.actors', 'KORSH [KRS 99-01]\nVELDORIA [VLD]\n']] });
  assert.ok(lenient.warnings.length >= 1);
  assert.ok(lenient.warnings.every((w) => /^mine\.actors:1: /.test(w)));
  assert.equal(lenient.counts.actorNames, 1);
});

test('discard files: + marks a story discard', () => {
  assert.deepEqual(parseDiscards(DISCARDS, 'd.txt', new Problems(true)).map((d) => [d.words.join(' '), d.story]), [['FOOTBALL', true], ['TRADE FAIR', false]]);
});

test('Treebank reader: leaves in order, and unbalanced input is an error', () => {
  const t = parseTree('(ROOT (S (NP (NNP Korsh)) (VP (VBD praised) (NP (NNP Veldoria))) (. .)))');
  assert.deepEqual(t.leaves.map((l) => l.word), ['Korsh', 'praised', 'Veldoria', '.']);
  assert.throws(() => parseTree('(ROOT (S (NP (NNP Korsh)) (VP (VBD praised)'), TreeParseError);
});

test('coding with a parse: subject is the source, the first coded phrase after the verb the target', () => {
  const parse = '(ROOT (S (NP (NNP Korsh)) (VP (VBD praised) (NP (DT the) (NNS envoys)) (PP (IN of) (NP (NNP Veldoria)))) (. .)))';
  const events = codeWithDictionaries({ text: 'Korsh praised the envoys of Veldoria.', published: '2000-01-01', parse, id: 'a1' }, dicts);
  assert.deepEqual(triples(events), ['KRS|---GOV|041']);
  const e = events[0];
  assert.equal(e.trigger.text, 'praised');
  assert.equal(e.actor[0].text, 'Korsh');
  assert.equal(e.event, ploverFor('041')!.event);
  assert.equal(e.goldstein, cameoInfo('041')!.goldstein);
  assert.equal(e.date, '2000-01-01');
});

test('patterns with synonym sets pick a more specific code; paired codes code both directions', () => {
  const money = '(ROOT (S (NP (NNP Veldoria)) (VP (VBD sent) (NP (NNS silver) (NNS coins)) (PP (TO to) (NP (NNP Korsh)))) (. .)))';
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Veldoria sent silver coins to Korsh.', parse: money }, dicts)), ['VLD|KRS|071']);
  const visit = '(ROOT (S (NP (NNP Korsh)) (VP (VBD visited) (NP (NNP Marlen) (NNP Isle))) (. .)))';
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Korsh visited Marlen Isle.', parse: visit }, dicts)), ['KRS|MRL|042', 'MRL|KRS|043']);
});

test('compound subjects, agents and dated actor codes', () => {
  const parse = '(ROOT (S (NP (NNP Captain) (NNP Oru) (CC and) (NNP Korsh) (NN police)) (VP (VBD praised) (NP (NNP Marlen) (NNP Isle))) (. .)))';
  const text = 'Captain Oru and Korsh police praised Marlen Isle.';
  assert.deepEqual(triples(codeWithDictionaries({ text, parse, published: '2003-06-01' }, dicts)), ['KRSCOP|MRL|041', 'VLDGOV|MRL|041']);
  assert.deepEqual(triples(codeWithDictionaries({ text, parse, published: '1998-06-01' }, dicts)), ['KRSCOP|MRL|041', 'VLDMIL|MRL|041']);
});

test('passives: the "by" phrase is the source; patterns can place source ($) and target (+)', () => {
  const parse = '(ROOT (S (NP (NNP Korsh)) (VP (VBD was) (VP (VBN accused) (PP (IN by) (NP (NNP Veldoria))))) (. .)))';
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Korsh was accused by Veldoria.', parse }, dicts)), ['VLD|KRS|111']);
  const active = '(ROOT (S (NP (NNP Korsh)) (VP (VBD accused) (NP (NNP Veldoria))) (. .)))';
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Korsh accused Veldoria.', parse: active }, dicts)), ['KRS|VLD|112']);
});

test('multi-word verbs, negation and discards', () => {
  const parse = '(ROOT (S (NP (NNP Veldoria)) (VP (VBD did) (RB not) (VP (VB cut) (PRT (RP off)) (NP (NNS ties)) (PP (IN with) (NP (NNP Korsh))))) (. .)))';
  const events = codeWithDictionaries({ text: 'Veldoria did not cut off ties with Korsh.', parse }, dicts);
  assert.deepEqual(triples(events), ['VLD|KRS|1711']);
  assert.equal(events[0].negated, true);
  assert.equal(events[0].trigger.text, 'cut off');
  const football = '(ROOT (S (NP (NNP Korsh)) (VP (VBD praised) (NP (NNP Veldoria) (NN football))) (. .)))';
  assert.deepEqual(codeWithDictionaries({ text: 'Korsh praised Veldoria football.', parse: football }, dicts), []);
  assert.deepEqual(codeWithDictionaries({ text: 'x', parse: '(ROOT (S (NP (NNP Korsh))' }, dicts), []);
});

test('without a parse the coder reads a flat clause from the text', () => {
  assert.deepEqual(triples(codeWithDictionaries({ text: "Veldoria praised Korsh's envoys on Monday." }, dicts)), ['VLD|KRSGOV|041']);
  assert.deepEqual(codeWithDictionaries({ text: 'Nothing happened here.' }, dicts), []);
});

test('loading files from disk, and the report of patterns acta can take over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petr-'));
  const file = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
  const loaded = loadPetrarchDictionaries({ verbs: [file('v.txt', VERBS)], actors: [file('a.txt', ACTORS)], agents: [file('g.txt', AGENTS)], discards: [] });
  assert.equal(loaded.counts.verbBlocks, 5);
  const report = petrarchVerbPatterns(loaded);
  const praise = report.patterns.find((p) => p.words[0][0] === 'praise')!;
  assert.equal(praise.cameo, '041');
  const envoy = report.patterns.find((p) => p.cameo === '032')!;
  assert.deepEqual(envoy.words, [['send'], ['envoy']]);
  assert.ok(report.skipped.some((s) => /multi-word/.test(s.reason) && s.where === join(dir, 'v.txt') + ':10'));
  assert.ok(report.skipped.some((s) => /binds a role/.test(s.reason)));
  assert.ok(report.skipped.some((s) => /paired/.test(s.reason)));
});

test("acta's own countries, actors and role words can sit beneath a user's files", () => {
  const layered = buildPetrarchDictionaries({ verbs: [['verbs.txt', VERBS]], actors: [['actors.txt', 'FRANCE [XFR]\n']] }, { withActa: true });
  const parse = '(ROOT (S (NP (JJ French) (NNS officials)) (VP (VBD praised) (NP (NNP France)) (PP (IN and) (NP (NNP Japan)))) (. .)))';
  const got = triples(codeWithDictionaries({ text: 'French officials praised France and Japan.', parse, published: '2020-01-01' }, layered));
  // "France" is the user's (XFR); "French" and "officials" come from acta's data.
  assert.deepEqual(got, ['FRAGOV|XFR|041']);
  const alone = buildPetrarchDictionaries({ verbs: [['verbs.txt', VERBS]] }, { withActa: true });
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Japan praised Kenya.' }, alone)), ['JPN|KEN|041']);
});

test('CoNLL-U dependency parses are read as phrases: subject, object, passive agent', () => {
  const row = (id: number, form: string, upos: string, xpos: string, head: number, rel: string) => [id, form, form.toLowerCase(), upos, xpos, '_', head, rel, '_', '_'].join('\t');
  const active = [
    row(1, 'Korsh', 'PROPN', 'NNP', 2, 'nsubj'), row(2, 'praised', 'VERB', 'VBD', 0, 'root'),
    row(3, 'Marlen', 'PROPN', 'NNP', 4, 'compound'), row(4, 'Isle', 'PROPN', 'NNP', 2, 'obj'), row(5, '.', 'PUNCT', '.', 2, 'punct'),
  ].join('\n');
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Korsh praised Marlen Isle.', parse: active }, dicts)), ['KRS|MRL|041']);
  const passive = [
    row(1, 'Korsh', 'PROPN', 'NNP', 3, 'nsubj:pass'), row(2, 'was', 'AUX', 'VBD', 3, 'aux:pass'), row(3, 'accused', 'VERB', 'VBN', 0, 'root'),
    row(4, 'by', 'ADP', 'IN', 5, 'case'), row(5, 'Veldoria', 'PROPN', 'NNP', 3, 'obl:agent'), row(6, '.', 'PUNCT', '.', 3, 'punct'),
  ].join('\n');
  assert.deepEqual(triples(codeWithDictionaries({ text: 'Korsh was accused by Veldoria.', parse: passive }, dicts)), ['VLD|KRS|111']);
});
