/**
 * End to end on the sample articles the project ships (samples/, written by the
 * project): the events, dates, places and attributions written into them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type CodedEvent } from './index.js';
import { packageRoot } from './util/data.js';
import { ArticleTimeout } from './util/deadline.js';

const sample = (name: string) => readFileSync(join(packageRoot, 'samples', name), 'utf8');
const codes = (es: { code: string | null }[]) => es.map((e) => e.code);
const find = (events: CodedEvent[], f: (e: CodedEvent) => boolean) => {
  const hit = events.find(f);
  assert.ok(hit, 'expected event not found');
  return hit!;
};

test('the Iraq sample: article metadata, boilerplate dropped', () => {
  const doc = analyze(sample('01_iraq_us_troops.txt'));
  assert.equal(doc.meta.published, '2021-01-20');
  assert.equal(doc.meta.author, 'Lena Marsh');
  assert.match(doc.meta.title ?? '', /^A Year After the Baghdad Airport Strike/);
  const dropped = doc.dropped.map((d) => doc.text.slice(d.start, d.end)).join('\n');
  assert.match(dropped, /Share this article/);
  assert.match(dropped, /freelance journalist/);
});

test('the Iraq sample: the drone strike, the warrant, the missile attack, the sanctions', () => {
  const { events } = analyze(sample('01_iraq_us_troops.txt'));
  // One event for the strike told three times ("a US drone strike … killed", later "the killing").
  const strike = find(events, (e) => e.event === 'ASSAULT' && e.mentions.some((m) => m.trigger.text === 'killed'));
  assert.deepEqual(strike.mentions.map((m) => m.trigger.text), ['strike', 'killed', 'killing']);
  assert.deepEqual(codes(strike.actor), ['USA']);
  assert.deepEqual(codes(strike.recipient), ['IRNMIL', 'IRQMIL']);
  assert.equal(strike.date, '2020-01-03');
  assert.equal(strike.location?.country, 'IRQ');
  assert.match(strike.location?.name ?? '', /Baghdad/);

  const warrant = find(events, (e) => e.trigger.text === 'issued');
  assert.deepEqual(codes(warrant.actor), ['IRQJUD']);
  assert.deepEqual(codes(warrant.recipient), ['USAGOV']);
  assert.equal(warrant.date, '2021-01-07');
  // Told by Iraqi media: the report's source, cue and certainty.
  assert.equal(warrant.attribution.source?.name.includes('media'), true);
  assert.equal(warrant.attribution.cue?.text, 'reported');
  assert.equal(warrant.attribution.certainty, 'reported');

  const missiles = find(events, (e) => e.event === 'ASSAULT' && e.trigger.text === 'fired' && e.actor[0]?.code === 'IRN');
  assert.equal(missiles.date, '2020-01-08');
  assert.match(missiles.location?.name ?? '', /Asad/);

  const sanction = find(events, (e) => e.event === 'SANCTION' && e.trigger.text === 'imposed');
  assert.equal(sanction.actor[0]?.country, 'USA');
  assert.equal(sanction.recipient[0]?.country, 'IRQ');
  assert.equal(sanction.date, '2021-01-08');
});

test('the Iraq sample: a refusal is negated, a claim is attributed, a threat is a threat', () => {
  const { events } = analyze(sample('01_iraq_us_troops.txt'));
  const retaliate = find(events, (e) => e.trigger.text === 'retaliate');
  assert.equal(retaliate.negated, true);
  const embassies = find(events, (e) => e.trigger.text === 'attacks');
  assert.equal(embassies.attribution.source?.name, 'Pentagon');
  assert.notEqual(embassies.attribution.certainty, 'asserted');
  const vow = find(events, (e) => e.event === 'THREATEN' && e.trigger.text === 'vowed');
  assert.deepEqual(codes(vow.actor), ['IRNGOV']);
  const request = find(events, (e) => e.event === 'REQUEST' && e.actor[0]?.code === 'IRQLEG');
  assert.equal(request.date, '2020-01-05');
});

test('the Iraq sample: an anaphoric date and a clash with its place', () => {
  const { events } = analyze(sample('01_iraq_us_troops.txt'));
  const bombs = find(events, (e) => e.event === 'ASSAULT' && /Qadisiyah/.test(e.location?.name ?? ''));
  assert.equal(bombs.date, '2021-01-01');
  const clash = find(events, (e) => e.trigger.text === 'clashed');
  assert.equal(clash.location?.name, 'Nasiriyah');
  assert.equal(clash.date, '2021-01-11');
  assert.equal(clash.actor[0]?.sector !== null, true);
});

test('the Sahel sample: clashes, talks, an arrest reported by local media', () => {
  const { events } = analyze(sample('02_sahel_ceasefire.txt'));
  // (the clash and the killing in it are one happening: one event, under either word)
  const clash = find(events, (e) => e.event === 'ASSAULT' && ['clashed', 'killing'].includes(e.trigger.text));
  assert.equal(clash.actor[0]?.code, 'MLIMIL');
  assert.equal(clash.location?.name, 'Kidal');
  assert.equal(clash.date, '2023-03-10');
  const agree = find(events, (e) => e.event === 'AGREE' && e.trigger.text === 'agreed');
  assert.equal(agree.actor[0]?.code, 'MLIGOV');
  assert.equal(agree.location?.country, 'DZA');
  const arrest = find(events, (e) => e.trigger.text === 'arrested');
  assert.equal(arrest.actor[0]?.sector, 'COP');
  assert.equal(arrest.attribution.certainty, 'reported');
  assert.ok(!events.some((e) => e.trigger.text === 'March'), 'a month is not a march');
});

test('the sanctions sample: the EU sanctions Russian banks; Lavrov accuses', () => {
  const { events } = analyze(sample('03_trade_sanctions.txt'));
  const sanction = find(events, (e) => e.event === 'SANCTION' && e.trigger.text === 'imposed');
  assert.equal(sanction.actor[0]?.sector, 'IGO');
  assert.equal(sanction.recipient[0]?.country, 'RUS');
  assert.equal(sanction.date, '2024-05-31');
  const accuse = find(events, (e) => e.event === 'ACCUSE');
  assert.equal(accuse.actor[0]?.code, 'RUSGOV');
});

test('JSONL articles keep their ids; every offset points at its text', async () => {
  const lines = sample('04_batch.jsonl').trim().split('\n').map((l) => JSON.parse(l));
  for (const rec of lines) {
    const doc = analyze(rec);
    assert.equal(doc.meta.id, rec.id);
    for (const e of doc.events) {
      assert.equal(e.article_id, rec.id);
      assert.equal(rec.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
      for (const a of [...e.actor, ...e.recipient]) assert.equal(rec.text.slice(a.start, a.end), a.text);
      if (e.location) assert.equal(rec.text.slice(e.location.start, e.location.end), e.location.text);
    }
  }
  const meet = analyze(lines[1]).events.find((e) => e.event === 'CONSULT');
  assert.ok(meet);
  assert.deepEqual(codes(meet!.actor), ['EGYGOV']);
  assert.deepEqual(codes(meet!.recipient), ['JORGOV']);
  assert.equal(meet!.date, '2023-11-01');
  // "The two ministers called for …" are the two ministers just named, not people of Gaza.
  const call = analyze(lines[1]).events.find((e) => e.event === 'REQUEST');
  assert.deepEqual(codes(call!.actor), ['EGYGOV', 'JORGOV']);
});

test('a text with no event yields no event', () => {
  const doc = analyze({ text: 'The museum reopened its east wing. Visitors admired the paintings.', published: '2024-01-01' });
  assert.deepEqual(doc.events.filter((e) => e.event === 'ASSAULT' || e.event === 'PROTEST'), []);
});

test('an article past its time budget fails naming it and the stage; the next one is analysed', () => {
  const long = 'Police arrested two protesters outside the ministry in Lagos on Monday, a spokesman said. '.repeat(2000);
  assert.throws(() => analyze(long, 'batch.jsonl:7', { timeBudgetMs: 1 }), (e: unknown) => e instanceof ArticleTimeout
    && /^batch\.jsonl:7: took longer than 0\.001 s in the \w+ stage/.test((e as Error).message));
  assert.ok(analyze('Police arrested two protesters in Lagos on Monday.', 'next.txt').events.length > 0);
});
