/**
 * A happening in one sentence built from its fields, as a digest lists it: "On 7 January 2021 a
 * Baghdad court (IRQJUD) issued … Donald Trump (USAGOV) — Baghdad, Iraq — reported by 3 articles,
 * according to Iraqi media". The verb comes from data/digest-verbs.tsv by PLOVER type and mode.
 */
import type { CodedEvent, Entity } from '../doc/types.js';
import { countryInfo } from '../places/countries.js';
import { loadTsv } from '../util/data.js';

interface VerbRow { event: string; mode: string; verb: string; before: string }

let verbs: VerbRow[] | null = null;

function verbRows(): VerbRow[] {
  verbs ??= loadTsv('digest-verbs.tsv').map((r) => ({ event: r.event, mode: r.mode, verb: r.verb, before: r.before_recipient }));
  return verbs;
}

/** The verb phrase of an event and the word before its recipient ("protested" … "against"). */
export function eventVerb(e: Pick<CodedEvent, 'event' | 'mode'>): { verb: string; before: string } {
  const row = verbRows().find((r) => r.event === e.event && (r.mode === '*' || e.mode.includes(r.mode)));
  return row ? { verb: row.verb, before: row.before } : { verb: `did ${e.event.toLowerCase()}`, before: 'to' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "On 7 January 2021", "In January 2021", "In 2021", or "At a date not stated". */
export function whenPhrase(e: Pick<CodedEvent, 'date' | 'date_precision'>): string {
  if (!e.date) return 'At a date not stated';
  const [y, m, d] = e.date.split('-');
  if (e.date_precision === 'day' && d) return `On ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `In ${MONTHS[Number(m) - 1]} ${y}`;
  return `In ${y}`;
}

/** A side as a digest names it: its name with its code, "Donald Trump (USAGOV)". */
export function sideName(es: Entity[]): string | null {
  if (!es.length) return null;
  return es.map((x) => (x.code && x.code !== x.name ? `${x.name} (${x.code})` : x.name)).join(' and ');
}

/** "Baghdad, Iraq", "Iraq", or null. */
export function wherePhrase(e: Pick<CodedEvent, 'location'>): string | null {
  const p = e.location;
  if (!p) return null;
  const country = p.country ? countryInfo(p.country)?.name ?? p.country : null;
  if (p.precision === 'country') return country ?? p.name;
  return [p.name, country].filter((x, i, all) => x && all.indexOf(x) === i).join(', ');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The happening's sentence; `reports` and `articles` count its reports. */
export function happeningSentence(e: CodedEvent, articles: number): string {
  const actor = sideName(e.actor) ?? 'An unnamed party';
  const recipient = sideName(e.recipient);
  const { verb, before } = eventVerb(e);
  const act = recipient ? `${verb}${before ? ` ${before}` : ''} ${recipient}` : verb;
  const where = wherePhrase(e);
  const source = e.attribution.source ? `, according to ${e.attribution.source.name}` : '';
  return `${whenPhrase(e)} ${actor} ${act}${where ? ` — ${where} —` : ''} reported by ${plural(articles, 'article', 'articles')}${source}.`;
}
