/**
 * Reading TimeML files (TimeBank, AQUAINT) for evaluation: the TEXT
 * element as plain text, the gold TIMEX3 spans inside it, and the document
 * creation time (the TIMEX3 with functionInDocument="CREATION_TIME").
 * All other tags are dropped; character entities are decoded.
 */

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  text: string;
  dct: string | null;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp('\\b' + name + '\\s*=\\s*("([^"]*)"|\'([^\']*)\')').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3]) : null;
}

export function parseTimeml(xml: string): TimemlDoc {
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    if (attr(m[0], 'functionInDocument') === 'CREATION_TIME') {
      const v = attr(m[0], 'value');
      dct = v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : v;
      break;
    }
  }
  const body = /<TEXT\b[^>]*>([\s\S]*?)<\/TEXT>/.exec(xml);
  const inner = body ? body[1] : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const tagRe = /<(\/?)([A-Za-z0-9_]+)\b([^>]*?)(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(inner); m; m = tagRe.exec(inner)) {
    text += decodeEntities(inner.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (name !== 'TIMEX3' || selfClosing) continue;
    if (!closing) open.push({ start: text.length, type: attr(m[0], 'type') ?? '', value: attr(m[0], 'value') ?? '' });
    else {
      const o = open.pop();
      if (o) timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.type, value: o.value });
    }
  }
  text += decodeEntities(inner.slice(last));
  return { text, dct, timexes: timexes.sort((a, b) => a.start - b.start) };
}
