import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cameoCodes, cameoInfo, eventPatterns, parseEventPatterns, parsePattern, ploverContexts,
  ploverFor, ploverTypes, quadClassOfRoot,
} from './ontology.js';

const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

test('PLOVER 2.0 has sixteen event types, each with a known default CAMEO code', () => {
  const types = ploverTypes();
  assert.deepEqual(types.map((t) => t.event).sort(), [...PLOVER_TYPES].sort());
  for (const t of types) assert.ok(cameoInfo(t.defaultCameo), `${t.event} default ${t.defaultCameo}`);
  const assault = types.find((t) => t.event === 'ASSAULT');
  for (const mode of ['firearms', 'explosives', 'aerial', 'drone', 'targeted', 'crowd-control']) {
    assert.ok(assault?.modes.includes(mode), mode);
  }
});

test('every CAMEO code has a name, a Goldstein value in -10..10 and the QuadClass of its root', () => {
  const codes = cameoCodes();
  assert.ok(codes.length >= 280, `${codes.length} codes`);
  assert.equal(codes.filter((c) => c.length === 2).length, 20);
  assert.ok(codes.some((c) => c.length === 4));
  for (const code of codes) {
    const info = cameoInfo(code);
    assert.ok(info && info.name.length > 0, code);
    assert.ok(info.goldstein >= -10 && info.goldstein <= 10, `${code} goldstein ${info.goldstein}`);
    assert.equal(info.quad_class, quadClassOfRoot(code), code);
  }
});

test('cameoInfo knows an assassination and answers null for unknown codes', () => {
  assert.deepEqual(cameoInfo('186'), { code: '186', name: 'assassinate', goldstein: -10, quad_class: 4 });
  assert.equal(cameoInfo('999'), null);
  assert.equal(cameoInfo(''), null);
});

test('every CAMEO code maps to a PLOVER type and only to modes of that type', () => {
  const modesOf = new Map(ploverTypes().map((t) => [t.event, new Set(t.modes)]));
  const contexts = new Set(ploverContexts().map((c) => c.name));
  for (const code of cameoCodes()) {
    const p = ploverFor(code);
    assert.ok(p, code);
    assert.ok(modesOf.has(p.event), `${code} -> ${p.event}`);
    for (const m of p.mode) assert.ok(modesOf.get(p.event)?.has(m), `${code} mode ${m}`);
    for (const c of p.context) assert.ok(contexts.has(c), `${code} context ${c}`);
  }
});

test('ploverFor reads the CAMEO families the PLOVER way', () => {
  assert.deepEqual(ploverFor('195'), { event: 'ASSAULT', mode: ['aerial'], context: ['military'] });
  assert.equal(ploverFor('173')?.event, 'COERCE');
  assert.deepEqual(ploverFor('173')?.mode, ['arrest']);
  assert.equal(ploverFor('0841')?.event, 'RETREAT');
  assert.equal(ploverFor('081')?.event, 'CONCEDE');
  assert.equal(ploverFor('163')?.event, 'SANCTION');
  assert.equal(ploverFor('1053')?.event, 'REQUEST');
});

test('ploverFor falls back to the parent code, and says null when there is none', () => {
  assert.equal(ploverFor('1939')?.event, 'ASSAULT');
  assert.equal(ploverFor('0999')?.event, 'ACCUSE');
  assert.equal(ploverFor('99'), null);
});

test('PLOVER contexts come with lower-case cue words', () => {
  const contexts = ploverContexts();
  assert.ok(contexts.length >= 37, `${contexts.length} contexts`);
  const military = contexts.find((c) => c.name === 'military');
  assert.ok(military?.cues.includes('troops'));
  for (const c of contexts) {
    assert.ok(c.cues.length >= 3, c.name);
    for (const cue of c.cues) assert.equal(cue, cue.toLowerCase());
  }
});

test('every pattern names a known code, and every PLOVER type has at least ten patterns', () => {
  const patterns = eventPatterns();
  assert.ok(patterns.length >= 600, `${patterns.length} patterns`);
  const perType = new Map<string, number>();
  for (const p of patterns) {
    assert.ok(p.kind === 'verb' || p.kind === 'noun', p.line);
    assert.ok(p.words.length >= 1, p.line);
    if (p.cameo === null) continue;
    assert.ok(cameoInfo(p.cameo), `${p.line}: ${p.cameo}`);
    const event = p.event ?? ploverFor(p.cameo)?.event;
    assert.ok(event, p.line);
    perType.set(event, (perType.get(event) ?? 0) + 1);
  }
  for (const t of PLOVER_TYPES) assert.ok((perType.get(t) ?? 0) >= 10, `${t}: ${perType.get(t) ?? 0} patterns`);
});

test('every PLOVER mode is reachable from some pattern or code', () => {
  const reached = new Set<string>();
  for (const p of eventPatterns()) {
    if (p.cameo === null) continue;
    const event = p.event ?? ploverFor(p.cameo)?.event;
    const modes = p.mode.length > 0 ? p.mode : ploverFor(p.cameo)?.mode ?? [];
    for (const m of modes) reached.add(`${event}/${m}`);
  }
  const missing = ploverTypes().flatMap((t) => t.modes.map((m) => `${t.event}/${m}`)).filter((m) => !reached.has(m));
  assert.deepEqual(missing, []);
});

test('the pattern dictionary has one line per kind and pattern', () => {
  const seen = new Map<string, string>();
  for (const p of eventPatterns()) {
    const key = `${p.kind} ${p.before.map((a) => '<' + a.join('|')).join(' ')} ${p.words.map((a) => a.join('|')).join(' ')}`;
    assert.ok(!seen.has(key), `${p.line} repeats ${seen.get(key)}`);
    seen.set(key, p.line);
  }
});

test('patterns read as trigger, later words with alternatives, and words before', () => {
  assert.deepEqual(parsePattern('launch missile|rocket at|on', 'x'), {
    words: [['launch'], ['missile', 'rocket'], ['at', 'on']], before: [],
  });
  assert.deepEqual(parsePattern('<air|drone strike on', 'x'), {
    words: [['strike'], ['on']], before: [['air', 'drone']],
  });
  assert.throws(() => parsePattern('strike <air', 'f:3'), /f:3/);
});

test('the dictionary carries the idioms that make a longer pattern win', () => {
  const find = (kind: string, text: string) => eventPatterns().find((p) =>
    p.kind === kind && [...p.before.map((a) => '<' + a.join('|')), ...p.words.map((a) => a.join('|'))].join(' ') === text);
  assert.equal(find('verb', 'strike deal|agreement|accord|bargain')?.cameo, '030');
  assert.equal(find('verb', 'take into custody')?.cameo, '173');
  assert.equal(find('verb', 'fire')?.cameo, null);
  assert.deepEqual(find('noun', '<drone strike')?.mode, ['drone']);
  assert.equal(find('verb', 'resign')?.event, 'RETREAT');
});

test('a pattern with an unknown code is refused with its file line', () => {
  const text = 'kind\tpattern\tcameo\nverb\tattack\t190\nverb\tzap\t999\n';
  assert.throws(() => parseEventPatterns(text, 'mine.tsv'), /mine\.tsv:3: unknown CAMEO code "999"/);
  const bad = 'kind\tpattern\tcameo\tevent\tmode\nnoun\tstrike\t190\t\tstrike\n';
  assert.throws(() => parseEventPatterns(bad, 'mine.tsv'), /mine\.tsv:2: mode "strike"/);
  const ok = parseEventPatterns('kind\tpattern\tcameo\nnoun\t<strike price\t-\n', 'mine.tsv');
  assert.equal(ok[0].cameo, null);
  assert.equal(ok[0].line, 'mine.tsv:2');
});
