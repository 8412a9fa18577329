/**
 * A store of hand-made articles and events for the store's and the server's tests: events
 * with day, month and no dates, places with coordinates and divisions, modes, contexts,
 * sources, several mentions, coded actors, and an article whose title and text carry markup,
 * control and bidi characters. Not shipped (package.json leaves out *.fixtures.*).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, Doc, Entity, EntityMention, IngestedArticle, Place } from '../doc/types.js';
import { ingestText } from '../ingest/text.js';
import { openStore, type Store } from './store.js';
import { openTestStore, type TestBackend } from './backends.fixtures.js';

export function party(text: string, start: number, country: string | null, sector: string | null, type: Entity['type'] = 'ORG'): Entity {
  return { text, start, end: start + text.length, name: text, type, country, sector, code: country ? `${country}${sector ?? ''}` : null };
}

export function place(text: string, start: number, country: string, admin1: string | null, lat: number, lon: number): Place {
  return { text, start, end: start + text.length, name: text, country, admin1, lat, lon, geonames_id: null, precision: 'city' };
}

/** A coded event with the usual defaults; `fields` overrides them. */
export function fixtureEvent(id: string, articleId: string, fields: Partial<CodedEvent>): CodedEvent {
  const e: Omit<CodedEvent, 'mentions'> & Partial<CodedEvent> = {
    id, article_id: articleId, event: 'PROTEST', mode: ['demonstrate'], context: [], cameo: '141', goldstein: -6.5, quad_class: 3,
    date: null, date_precision: 'unknown', date_text: null, actor: [], recipient: [], location: null,
    attribution: { source: null, cue: null, certainty: 'asserted' }, negated: false, realis: 'actual',
    sentence: { index: 0, start: 0, end: 10 }, trigger: { text: 'marched', start: 3, end: 10 }, confidence: 0.8,
    ...fields,
  };
  return { ...e, mentions: fields.mentions ?? [{ sentence: e.sentence, trigger: e.trigger }] };
}

/** The offsets of `words` in `text` (its first occurrence from `from`); throws when absent, so a fixture cannot point nowhere. */
export function spanOf(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the fixture text`);
  return { start, end: start + words.length };
}

/** A Doc from ingest output plus hand-made layers: one sentence a paragraph, the named entities as coded chains. */
export function fixtureDoc(text: string, id: string, published: string | null, entities: Entity[], events: (articleId: string, text: string) => CodedEvent[]): Doc {
  const a = ingestText(text, `${id}.txt`, { id, published }) as IngestedArticle;
  const mentions: EntityMention[] = entities.map((e, chain) => ({
    ...e, chain, sentence: 0, roles: [], codeSource: 'dictionary', nominal: false, roleSectors: [], modifierCountry: null, evidence: 'fixture',
  }));
  return {
    ...a,
    paragraphs: a.body,
    sentences: a.body.map((s, i) => ({ ...s, index: i, paragraph: i, tokenStart: 0, tokenEnd: 0 })),
    tokens: [],
    syntax: { deps: [], unparsed: [] },
    attributions: [],
    entities: mentions,
    times: [],
    places: [],
    events: events(a.meta.id, a.text),
  };
}

const RIOT = 'Riot in Dornholt\n\nProtesters from Arvalia clashed with riot police in Dornholt on Monday, police said.\n\nThe protesters clashed again later.\n';
/** Another article's report of the riot: the same type, day, sides and place. */
const RIOT_AGAIN = 'Police attacked in Dornholt\n\nArvalian protesters fought police in Dornholt on 2 May.\n';
const TALKS = 'Talks in Geneva\n\nThe government of Arvalia and the rebels agreed to talks in Geneva on 3 June, the Arvalian Army said.\n';
/** Markup, a javascript: link, control and bidi characters in the title and the text. */
export const HOSTILE_TITLE = '<script>alert(1)</script> \u202Egnp.exe';
const HOSTILE = `${HOSTILE_TITLE}\n\n<img src=x onerror=alert(2)> Protesters marched on <a href="javascript:alert(3)">the ministry</a> in Tehran\u0007 on 2 May 2022.\n`;

/** The hand-made articles: a riot told twice in one article and once in another, talks, a hostile article, and `extra` generated protests for paging. */
export function fixtureDocs(extra = 30): Doc[] {
  const docs: Doc[] = [];
  const protesters = party('Protesters', 0, 'ARV', 'CVL', 'MISC');
  const police = party('riot police', 0, 'ARV', 'COP');
  docs.push(fixtureDoc(RIOT, 'riot', '2022-05-03', [], (aid, text) => {
    const s1 = { index: 1, start: text.indexOf('Protesters from'), end: text.indexOf('said.') + 5 };
    const s2 = { index: 2, start: text.indexOf('The protesters clashed'), end: text.length - 1 };
    const t1 = { text: 'clashed', ...spanOf(text, 'clashed') };
    const t2 = { text: 'clashed', ...spanOf(text, 'clashed', s2.start) };
    return [fixtureEvent('riot-e1', aid, {
      event: 'ASSAULT', mode: ['riot'], context: ['repression'], cameo: '145', goldstein: -7.5, quad_class: 4,
      date: '2022-05-02', date_precision: 'day', date_text: 'Monday',
      actor: [{ ...protesters, ...spanOf(text, 'Protesters') }], recipient: [{ ...police, ...spanOf(text, 'riot police') }],
      location: place('Dornholt', spanOf(text, 'Dornholt', s1.start).start, 'ARV', 'North Arvalia', 51.5, 10.5),
      attribution: { source: { ...party('police', spanOf(text, 'police said').start, 'ARV', 'COP') }, cue: { text: 'said', ...spanOf(text, 'said') }, certainty: 'reported' },
      sentence: s1, trigger: t1, mentions: [{ sentence: s1, trigger: t1 }, { sentence: s2, trigger: t2 }], confidence: 0.9,
    })];
  }));
  docs.push(fixtureDoc(RIOT_AGAIN, 'riot-again', '2022-05-04', [], (aid, text) => {
    const s = { index: 1, start: text.indexOf('Arvalian protesters'), end: text.length - 1 };
    return [fixtureEvent('riot-again-e1', aid, {
      event: 'ASSAULT', mode: [], cameo: '190', goldstein: -10, quad_class: 4, date: '2022-05-02', date_precision: 'day', date_text: '2 May',
      actor: [{ ...party('protesters', 0, 'ARV', 'CVL', 'MISC'), ...spanOf(text, 'protesters') }],
      recipient: [{ ...party('police', 0, 'ARV', 'COP'), ...spanOf(text, 'police', s.start) }],
      location: place('Dornholt', spanOf(text, 'Dornholt', s.start).start, 'ARV', 'North Arvalia', 51.5, 10.5),
      sentence: s, trigger: { text: 'fought', ...spanOf(text, 'fought') }, confidence: 0.6,
    })];
  }));
  docs.push(fixtureDoc(TALKS, 'talks', '2022-06-01', [party('Arvalian Army', TALKS.indexOf('Arvalian Army'), 'ARV', 'MIL')], (aid, text) => {
    const s = { index: 1, start: text.indexOf('The government'), end: text.length - 1 };
    return [
      fixtureEvent('talks-e1', aid, {
        event: 'AGREE', mode: [], context: ['political'], cameo: '036', goldstein: 4, quad_class: 1,
        date: '2022-06-03', date_precision: 'day', date_text: '3 June',
        actor: [{ ...party('government', 0, 'ARV', 'GOV'), ...spanOf(text, 'government') }],
        recipient: [{ ...party('rebels', 0, 'ARV', 'REB'), ...spanOf(text, 'rebels') }],
        location: place('Geneva', spanOf(text, 'Geneva', s.start).start, 'CHE', 'Geneva', 46.2, 6.15),
        sentence: s, trigger: { text: 'agreed', ...spanOf(text, 'agreed') }, confidence: 0.7,
      }),
      fixtureEvent('talks-e2', aid, {
        event: 'AGREE', mode: [], context: [], cameo: '036', goldstein: 4, quad_class: 1, realis: 'future',
        date: '2022-06', date_precision: 'month', date_text: 'June',
        actor: [{ ...party('government', 0, 'ARV', 'GOV'), ...spanOf(text, 'government') }],
        attribution: { source: null, cue: null, certainty: 'future' },
        sentence: s, trigger: { text: 'talks', ...spanOf(text, 'talks', s.start) }, confidence: 0.6,
      }),
    ];
  }));
  docs.push(fixtureDoc(HOSTILE, 'hostile', '2022-05-03', [], (aid, text) => {
    const s = { index: 1, start: text.indexOf('<img'), end: text.length - 1 };
    return [fixtureEvent('hostile-e1', aid, {
      date: '2022-05-02', date_precision: 'day', date_text: '2 May 2022',
      actor: [{ ...party('Protesters', 0, 'IRN', 'CVL', 'MISC'), ...spanOf(text, 'Protesters') }],
      recipient: [{ ...party('the ministry', 0, 'IRN', 'GOV'), ...spanOf(text, 'the ministry') }],
      location: place('Tehran', spanOf(text, 'Tehran').start, 'IRN', 'Tehran Province', 35.69, 51.42),
      sentence: s, trigger: { text: 'marched', ...spanOf(text, 'marched') },
    })];
  }));
  for (let i = 0; i < extra; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 3)).padStart(2, '0');
    const text = `Protest number ${i}\n\nStudents marched in Kidal against the government, number ${i}.\n`;
    // Every fifth undated, every seventh dated only to its month: paging must keep them all.
    const date = i % 5 === 4 ? null : i % 7 === 6 ? `2021-${month}` : `2021-${month}-${day}`;
    docs.push(fixtureDoc(text, `gen-${i}`, null, [], (aid, t) => [fixtureEvent(`gen-${i}-e`, aid, {
      date, date_precision: date === null ? 'unknown' : date.length === 7 ? 'month' : 'day',
      actor: [{ ...party('Students', 0, 'MLI', 'EDU', 'MISC'), ...spanOf(t, 'Students') }],
      recipient: [{ ...party('government', 0, 'MLI', 'GOV'), ...spanOf(t, 'government') }],
      location: place('Kidal', spanOf(t, 'Kidal').start, 'MLI', 'Kidal', 18.44, 1.41),
      sentence: { index: 1, start: t.indexOf('Students'), end: t.length - 1 }, trigger: { text: 'marched', ...spanOf(t, 'marched') },
      // Ties of confidence, so that paging by confidence leans on the tie-breaker.
      confidence: [0.5, 0.6, 0.7][i % 3],
    })]));
  }
  return docs;
}

/** A store in a fresh folder holding fixtureDocs(extra); removed when the test ends. */
export function fixtureStore(t: { after: (fn: () => void) => void }, extra = 30, backend?: TestBackend): Store {
  if (backend) {
    const { store } = openTestStore(t, backend);
    for (const doc of fixtureDocs(extra)) store.saveDoc(doc);
    return store;
  }
  const dir = mkdtempSync(join(tmpdir(), 'acta-explore-'));
  const store = openStore(join(dir, 'acta.db'));
  t.after(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });
  for (const doc of fixtureDocs(extra)) store.saveDoc(doc);
  return store;
}
