/**
 * Readers for the dictionary files of PETRARCH and TABARI: verbs (with synonym
 * sets and patterns), actors (with date-restricted codes), agents and discards.
 * The files are read as their authors wrote them; nothing is translated first.
 *
 * A problem names the file and line. In strict mode the first problem throws a
 * PetrarchFormatError; otherwise problems are collected in `warnings` and the
 * offending line is skipped (the published dictionaries carry a few odd lines,
 * and one bad line should not cost a user the other seventy thousand).
 */

export class PetrarchFormatError extends Error {
  constructor(readonly where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'PetrarchFormatError';
  }
}

export interface ReadOptions {
  /** Throw on the first problem instead of collecting it. */
  strict?: boolean;
}

/** Collects problems (or throws them, in strict mode). */
export class Problems {
  readonly list: string[] = [];
  constructor(private readonly strict: boolean) {}
  add(where: string, message: string): void {
    if (this.strict) throw new PetrarchFormatError(where, message);
    this.list.push(`${where}: ${message}`);
  }
}

// ---------------------------------------------------------------- lines

export interface SourceLine {
  /** The line without its comment, trimmed at the end. */
  text: string;
  /** "file:line" for messages. */
  where: string;
  /** Whether the raw line began with white space (continuation lines in actor files). */
  indented: boolean;
}

/**
 * The meaningful lines of a dictionary file: `#` comments and XML-style
 * `<!-- … -->` comments (one line or several) removed, blank lines dropped.
 */
export function dictionaryLines(text: string, origin: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.split(/\r?\n/);
  let inComment = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i];
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      line = line.slice(end + 3);
      inComment = false;
    }
    const trimmedStart = line.trimStart();
    if (trimmedStart.startsWith('<!') || trimmedStart.startsWith('<Stop')) {
      // A comment tag line; it may not close on this line.
      if (!trimmedStart.includes('>')) inComment = true;
      else if (trimmedStart.startsWith('<!--') && !trimmedStart.includes('-->')) inComment = true;
      continue;
    }
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    if (line.trim() === '') continue;
    out.push({ text: line.trimEnd(), where: `${origin}:${i + 1}`, indented: /^\s/.test(line) });
  }
  return out;
}

/** Dictionary words: upper case, `_` and spaces separate words, a trailing `_` dropped. */
export function phraseWords(phrase: string): string[] {
  return phrase.toUpperCase().split(/[_\s]+/).filter(Boolean);
}

// ---------------------------------------------------------------- dates

/** A code with the dates it holds for (YYYYMMDD, both ends inclusive; null = open). */
export interface DatedCode {
  code: string;
  /** Codes written in one bracket ("[FRO/BIL/SAM]") share a group: together they are one compound actor. */
  group: number;
  from: string | null;
  to: string | null;
}

/** "950601" or "19950601" → "19950601"; two-digit years up to 30 are 20xx. */
export function normaliseDate(s: string): string | null {
  if (/^\d{8}$/.test(s)) return s;
  if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    return `${yy <= 30 ? 20 : 19}${s}`;
  }
  return null;
}

/**
 * One bracketed actor code: "ARN", "HOB < 950601", "HOBGOV 19950601 - 19990815",
 * "HOBREB >990816". Several codes joined by "/" are a compound actor.
 */
export function parseDatedCode(inner: string, where: string, problems: Problems): DatedCode[] | null {
  const m = /^\s*([^\s<>]+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$/.exec(inner);
  if (!m) { problems.add(where, `cannot read the actor code "[${inner}]"`); return null; }
  let from: string | null = null;
  let to: string | null = null;
  if (m[2]) {
    const d = normaliseDate(m[3]);
    if (!d) { problems.add(where, `bad date "${m[3]}" in "[${inner}]"`); return null; }
    // "<D": before D; ">D": after D. Stored inclusively as the day before / after.
    if (m[2] === '<') to = shiftDay(d, -1); else from = shiftDay(d, 1);
  } else if (m[4]) {
    const a = normaliseDate(m[4]);
    const b = normaliseDate(m[5]);
    if (!a || !b) { problems.add(where, `bad date range "${m[4]}-${m[5]}" in "[${inner}]"`); return null; }
    from = a; to = b;
  }
  const group = nextGroup++;
  return m[1].split('/').filter(Boolean).map((code) => ({ code: code.toUpperCase(), group, from, to }));
}

let nextGroup = 0;

function shiftDay(yyyymmdd: string, days: number): string {
  const d = new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

// ---------------------------------------------------------------- actors

export interface ActorEntry {
  /** Every name of the actor (the head line and its `+` synonyms), as word lists. */
  names: string[][];
  /** Codes in file order; the first whose dates hold wins, undated ones are defaults. */
  codes: DatedCode[];
  where: string;
}

/**
 * Read an actor file. An entry is a name line, optionally with `[CODE]`, then
 * `+SYNONYM` lines and indented `[CODE …]` lines (codes may come after the synonyms).
 */
export function parseActors(text: string, origin: string, problems: Problems): ActorEntry[] {
  const entries: ActorEntry[] = [];
  let current: ActorEntry | null = null;
  /** Whether the current entry's own line carried a bracket (even one that could not be read). */
  let codeWritten = false;
  const finish = () => {
    if (current && current.codes.length === 0) problems.add(current.where, `actor "${current.names[0].join(' ')}" has no code`);
    else if (current) entries.push(current);
    current = null;
  };
  for (const line of dictionaryLines(text, origin)) {
    const t = line.text.trim();
    if (t.startsWith('[')) {
      if (!current) { problems.add(line.where, 'code line with no actor before it'); continue; }
      readCodes(t, line.where, problems, current.codes);
      continue;
    }
    if (t.startsWith('+')) {
      if (!current) { problems.add(line.where, 'synonym line with no actor before it'); continue; }
      const { name, rest } = splitNameAndCodes(t.slice(1));
      if (name.length) current.names.push(name);
      if (rest) readCodes(rest, line.where, problems, current.codes);
      continue;
    }
    const { name, rest } = splitNameAndCodes(t);
    if (name.length === 0) { problems.add(line.where, `cannot read the actor line "${t}"`); continue; }
    // Name lines in a row with no code between them share the codes that follow.
    if (current && current.codes.length === 0 && !codeWritten) {
      current.names.push(name);
      if (rest) { codeWritten = true; readCodes(rest, line.where, problems, current.codes); }
      continue;
    }
    finish();
    current = { names: [name], codes: [], where: line.where };
    codeWritten = rest !== '';
    if (rest) readCodes(rest, line.where, problems, current.codes);
  }
  finish();
  return entries;
}

function splitNameAndCodes(t: string): { name: string[]; rest: string } {
  const b = t.indexOf('[');
  const namePart = b >= 0 ? t.slice(0, b) : t;
  return { name: phraseWords(namePart.replace(/\{[^}]*\}/g, ' ')), rest: b >= 0 ? t.slice(b) : '' };
}

function readCodes(t: string, where: string, problems: Problems, into: DatedCode[]): void {
  const found = [...t.matchAll(/\[([^\]]*)\]/g)];
  if (found.length === 0) { problems.add(where, `expected "[CODE]" in "${t}"`); return; }
  for (const m of found) {
    const codes = parseDatedCode(m[1], where, problems);
    if (codes) into.push(...codes);
  }
}

/** The codes an actor carries on a date (YYYYMMDD, or null when unknown). */
export function codesOnDate(codes: DatedCode[], date: string | null): string[] {
  if (date) {
    const dated = codes.find((c) => (c.from !== null || c.to !== null) && (c.from === null || date >= c.from) && (c.to === null || date <= c.to));
    if (dated) return codes.filter((c) => c.group === dated.group).map((c) => c.code);
  }
  // Several undated lines ("[IGOUNO]" … "[ELI]"): the first one is the default.
  const undated = codes.find((c) => c.from === null && c.to === null);
  return undated ? codes.filter((c) => c.group === undated.group).map((c) => c.code) : [];
}

// ---------------------------------------------------------------- agents

export interface AgentEntry {
  /** Every form of the agent (singular, plurals, substitutions), as word lists. */
  names: string[][];
  code: string;
  /** `[NGO~]`: the code goes before the actor's; `[~GOV]`: after it. */
  prefix: boolean;
  where: string;
}

/** Regular English plural of one upper-case word. */
export function pluralOf(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return `${word.slice(0, -1)}IES`;
  if (/(S|SH|CH|X|Z)$/.test(word)) return `${word}ES`;
  if (/MAN$/.test(word)) return `${word.slice(0, -3)}MEN`;
  return `${word}S`;
}

/** Read an agent file: `!SET! = A, B` substitutions, then `NAME {PLURALS} [~CODE]` lines. */
export function parseAgents(text: string, origin: string, problems: Problems): AgentEntry[] {
  const subs = new Map<string, string[]>();
  const entries: AgentEntry[] = [];
  for (const line of dictionaryLines(text, origin)) {
    const t = line.text.trim();
    const sub = /^!([^!]+)!\s*=\s*(.*)$/.exec(t);
    if (sub) { subs.set(sub[1].toUpperCase(), sub[2].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)); continue; }
    const m = /^([^{[]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(t);
    if (!m) { problems.add(line.where, `cannot read the agent line "${t}"`); continue; }
    const codeText = m[3].replace(/\s+/g, '');
    const prefix = codeText.endsWith('~') && !codeText.startsWith('~');
    const code = codeText.replace(/~/g, '').toUpperCase();
    if (!codeText.includes('~')) problems.add(line.where, `agent code "[${m[3]}]" has no "~"`);
    const heads = expandSubstitutions(m[1].trim().toUpperCase(), subs, line.where, problems);
    const names: string[][] = [];
    for (const h of heads) {
      const words = phraseWords(h);
      if (!words.length) continue;
      names.push(words);
    }
    if (m[2] !== undefined) {
      // Explicit plurals replace the regular ones; `{}` means "no plural".
      for (const p of m[2].slice(1, -1).trim().split(/\s+/).filter(Boolean)) names.push(phraseWords(p));
    } else {
      for (const words of [...names]) names.push([...words.slice(0, -1), pluralOf(words[words.length - 1])]);
    }
    if (names.length === 0) { problems.add(line.where, `agent line "${t}" has no name`); continue; }
    entries.push({ names, code, prefix, where: line.where });
  }
  return entries;
}

function expandSubstitutions(name: string, subs: Map<string, string[]>, where: string, problems: Problems): string[] {
  const m = /!([^!]+)!/.exec(name);
  if (!m) return [name];
  const values = subs.get(m[1]);
  if (!values) { problems.add(where, `unknown substitution set "!${m[1]}!"`); return []; }
  return values.flatMap((v) => expandSubstitutions(name.replace(m[0], v), subs, where, problems));
}

// ---------------------------------------------------------------- discards

export interface DiscardEntry {
  words: string[];
  /** `+PHRASE`: the whole story is discarded; otherwise only the sentence. */
  story: boolean;
  where: string;
}

export function parseDiscards(text: string, origin: string, problems: Problems): DiscardEntry[] {
  const out: DiscardEntry[] = [];
  for (const line of dictionaryLines(text, origin)) {
    let t = line.text.trim();
    const story = t.startsWith('+');
    if (story) t = t.slice(1);
    t = t.replace(/;.*$/, '');
    const words = phraseWords(t);
    if (!words.length) { problems.add(line.where, `empty discard line`); continue; }
    out.push({ words, story, where: line.where });
  }
  return out;
}

// ---------------------------------------------------------------- verbs

/** One element of a verb pattern. `joined`: the next element must follow at once (`_`). */
export type PatternElement =
  | { kind: 'word'; word: string; joined: boolean }
  | { kind: 'synset'; name: string; joined: boolean }
  /** `$` source, `+` target, `^` skip a noun phrase, `%` compound (source and target). */
  | { kind: 'source' | 'target' | 'skip' | 'compound'; joined: boolean };

export interface EventCode {
  /** CAMEO-style code as written ("064", "1717", "174K"), or null for `[---]`. */
  code: string | null;
  /** The second code of a paired event `[032:033]` (target back to source). */
  back: string | null;
}

export interface VerbPattern {
  /** Elements before the verb, in text order. */
  upper: PatternElement[];
  /** Elements after the verb, in text order. */
  lower: PatternElement[];
  /** Whether the verb is joined to the first lower element (`*_ON`). */
  starJoined: boolean;
  code: EventCode;
  /** The pattern as written, for reports. */
  text: string;
  where: string;
}

export interface VerbBlock {
  /** The block header's name ("ABANDON"). */
  name: string;
  code: EventCode;
  patterns: VerbPattern[];
  where: string;
}

/** A verb form: the word the parser tags as a verb, plus words that must sit beside it. */
export interface VerbForm {
  /** Upper-case verb word as it appears in text ("BROKE"). */
  word: string;
  /** Words that must come right before / after the verb word ("WIRE" TAP, BREAK "DOWN"). */
  before: string[];
  after: string[];
  /** The verb line's own code ("DOWNPLAY [014]") or the block's. */
  code: EventCode;
  block: VerbBlock;
  /** The dictionary word this form was made from ("BREAK"). */
  lemma: string;
  where: string;
}

export interface VerbDictionary {
  /** Verb forms by upper-case verb word. */
  forms: Map<string, VerbForm[]>;
  /** Synonym sets by name (without `&`): each member is a list of pattern elements. */
  synsets: Map<string, PatternElement[][]>;
  blocks: VerbBlock[];
}

export function emptyVerbDictionary(): VerbDictionary {
  return { forms: new Map(), synsets: new Map(), blocks: [] };
}

/** "[064]", "[032:033]", "[---]" → codes; null when the text is not a code. */
export function parseEventCode(inner: string): EventCode | null {
  const t = inner.trim();
  if (t === '' ) return null;
  const [a, b] = t.split(':').map((s) => s.trim());
  const one = (s: string | undefined): string | null => (s === undefined || s === '' || /^-+$/.test(s) ? null : s.toUpperCase());
  return { code: one(a), back: one(b) };
}

/** Regular forms of an upper-case verb: -S, -ED, -ING (and the base). */
export function regularVerbForms(verb: string): string[] {
  const out = new Set([verb]);
  if (/[^AEIOU]Y$/.test(verb)) {
    const stem = verb.slice(0, -1);
    out.add(`${stem}IES`); out.add(`${stem}IED`); out.add(`${verb}ING`);
  } else if (/E$/.test(verb)) {
    out.add(`${verb}S`); out.add(`${verb}D`); out.add(`${verb.slice(0, -1)}ING`);
    if (/EE$/.test(verb)) out.add(`${verb}ING`);
  } else if (/(S|SH|CH|X|Z)$/.test(verb)) {
    out.add(`${verb}ES`); out.add(`${verb}ED`); out.add(`${verb}ING`);
  } else {
    out.add(`${verb}S`); out.add(`${verb}ED`); out.add(`${verb}ING`);
  }
  return [...out];
}

/**
 * Parse a pattern's words into elements. Spaces allow words in between; `_`
 * joins neighbours; a word ending in `_` stands alone. PETRARCH-2 groups
 * (`{noun phrase}`, `(prepositional phrase)`) are read as plain words.
 */
export function parsePatternElements(text: string): { elements: PatternElement[]; star: number; starJoined: boolean } {
  const elements: PatternElement[] = [];
  let star = -1;
  let starJoined = false;
  const chunks = text.replace(/[{}()]/g, ' ').trim().split(/\s+/).filter(Boolean);
  for (const chunk of chunks) {
    const pieces = chunk.split('_');
    pieces.forEach((piece, i) => {
      const joined = i < pieces.length - 1 && pieces[i + 1] !== '';
      if (piece === '') return;
      // "KNOWN_" / "IN_": a stand-alone word; the empty piece after it is no element.
      const p = piece.toUpperCase();
      if (p === '*') { star = elements.length; starJoined = joined; return; }
      if (p === '$') elements.push({ kind: 'source', joined });
      else if (p === '+') elements.push({ kind: 'target', joined });
      else if (p === '^') elements.push({ kind: 'skip', joined });
      else if (p === '%') elements.push({ kind: 'compound', joined });
      else if (p.startsWith('&')) elements.push({ kind: 'synset', name: p.slice(1), joined });
      else if (p.startsWith('+') && p.length > 1) {
        // "ANTI- +" written together ("+X"): a target marker then a word.
        elements.push({ kind: 'target', joined: true });
        elements.push({ kind: 'word', word: p.slice(1), joined });
      } else elements.push({ kind: 'word', word: p, joined });
    });
  }
  return { elements, star, starJoined };
}

/**
 * Read a verb file (PETRARCH-1/TABARI layout, and PETRARCH-2's CAMEO.2.0 file):
 * `&SYNSET` blocks of `+member` lines; `--- NAME [CODE] ---` verb blocks with
 * verb lines (`VERB {IRREGULAR FORMS}`, `+MULTI_WORD`, `WORD_+VERB`, an optional
 * own `[CODE]`) and `- pattern [CODE]` lines.
 */
export function parseVerbs(text: string, origin: string, problems: Problems, into: VerbDictionary = emptyVerbDictionary()): VerbDictionary {
  let block: VerbBlock | null = null;
  let synset: PatternElement[][] | null = null;
  for (const line of dictionaryLines(text, origin)) {
    const t = line.text.trim();
    if (t.startsWith('---')) {
      synset = null;
      const m = /^---\s*(.*?)\s*(\[[^\]]*\])?(?:\s*\[[^\]]*\])*\s*(?:---)?\s*$/.exec(t);
      const name = m ? m[1].trim() : '';
      const code = m?.[2] ? parseEventCode(m[2].slice(1, -1)) : null;
      if (!m || !name) { problems.add(line.where, `cannot read the verb block header "${t}"`); block = null; continue; }
      block = { name: name.toUpperCase(), code: code ?? { code: null, back: null }, patterns: [], where: line.where };
      into.blocks.push(block);
      continue;
    }
    if (t.startsWith('&')) {
      const name = t.slice(1).trim().split(/\s+/)[0].replace(/_+$/, '').toUpperCase();
      if (!name) { problems.add(line.where, 'synonym set with no name'); continue; }
      synset = into.synsets.get(name) ?? [];
      into.synsets.set(name, synset);
      block = null;
      continue;
    }
    if (synset && t.startsWith('+')) {
      const { elements } = parsePatternElements(t.slice(1).replace(/_+$/, ''));
      if (elements.length) synset.push(elements);
      continue;
    }
    synset = null;
    if (!block) { problems.add(line.where, `line outside any verb block: "${t}"`); continue; }
    if (t.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*(.*)$/.exec(t);
      if (!m) { problems.add(line.where, `pattern without "[CODE]": "${t}"`); continue; }
      const code = parseEventCode(m[2]);
      if (!code) { problems.add(line.where, `empty code in "${t}"`); continue; }
      const { elements, star, starJoined } = parsePatternElements(m[1]);
      if (star < 0) { problems.add(line.where, `pattern has no "*" for the verb: "${t}"`); continue; }
      block.patterns.push({
        upper: elements.slice(0, star), lower: elements.slice(star), starJoined, code, text: m[1], where: line.where,
      });
      continue;
    }
    readVerbLine(t, line.where, block, problems, into);
  }
  return into;
}

function readVerbLine(t: string, where: string, block: VerbBlock, problems: Problems, into: VerbDictionary): void {
  const m = /^(.*?)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(t);
  if (!m || !m[1].trim()) { problems.add(where, `cannot read the verb line "${t}"`); return; }
  const own = m[3] !== undefined ? parseEventCode(m[3]) : null;
  const code = own ?? block.code;
  const head = m[1].trim();
  const irregular = m[2] ? m[2].slice(1, -1).trim().split(/\s+/).filter(Boolean) : [];
  const headShape = verbShape(head);
  if (!headShape) { problems.add(where, `cannot read the verb "${head}"`); return; }
  const words = new Set<string>();
  const add = (word: string, before: string[], after: string[]) => {
    const key = `${before.join(' ')}|${word}|${after.join(' ')}`;
    if (words.has(key)) return;
    words.add(key);
    const form: VerbForm = { word, before, after, code, block, lemma: headShape.verb, where };
    const list = into.forms.get(word);
    if (list) list.push(form); else into.forms.set(word, [form]);
  };
  for (const f of regularVerbForms(headShape.verb)) add(f, headShape.before, headShape.after);
  for (const irr of irregular) {
    const s = verbShape(irr);
    if (s) add(s.verb, s.before.length || s.after.length ? s.before : headShape.before, s.before.length || s.after.length ? s.after : headShape.after);
  }
}

/** "BREAK_DOWN" / "+BREAK_DOWN" / "WIRE_+TAP" / "LASH OUT" → verb word and its neighbours. */
function verbShape(phrase: string): { verb: string; before: string[]; after: string[] } | null {
  const parts = phrase.toUpperCase().split(/[_\s]+/).filter(Boolean);
  if (!parts.length) return null;
  let at = parts.findIndex((p) => p.startsWith('+'));
  if (at < 0) at = 0;
  const clean = parts.map((p) => p.replace(/^\+/, ''));
  if (clean.some((p) => p === '')) return null;
  return { verb: clean[at], before: clean.slice(0, at), after: clean.slice(at + 1) };
}
