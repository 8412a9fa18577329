/** The shapes of the API answers the page reads (src/server/*.ts makes them; see /api/v1/openapi.json). */

export interface Span { start: number; end: number; text?: string }

export interface Party extends Span {
  text: string; name: string; type: string;
  country: string | null; sector: string | null; code: string | null;
}

export interface Place extends Span {
  text: string; name: string; country: string | null; admin1: string | null;
  lat: number | null; lon: number | null; precision?: string;
}

export interface Attribution { source: Party | null; cue: (Span & { text: string }) | null; certainty: string }

export interface EventRecord {
  id: string; article_id: string; event: string; mode: string[]; context: string[];
  cameo: string | null; goldstein: number | null; quad_class: number | null;
  date: string | null; date_precision: string | null; date_text: string | null;
  actor: Party[]; recipient: Party[]; location: Place | null; attribution: Attribution;
  negated: boolean; realis: string;
  sentence: Span & { index: number };
  trigger: Span & { text: string };
  mentions: { sentence: Span & { index: number }; trigger: Span & { text: string } }[];
  confidence: number;
}

export interface EventPageAnswer { events: EventRecord[]; next_cursor: string | null }

type WithWords<T> = T & { words: string };

export interface Evidence {
  sentences: (Span & { index: number; text: string })[];
  trigger: WithWords<Span & { text: string }>;
  mentions: { sentence: Span & { index: number }; trigger: WithWords<Span & { text: string }> }[];
  actor: WithWords<Party>[];
  recipient: WithWords<Party>[];
  /** Null offsets when the date's words are not in the event's sentences as written. */
  time: { text: string; start: number | null; end: number | null } | null;
  place: WithWords<Place> | null;
  source: WithWords<Party> | null;
  cue: WithWords<Span & { text: string }> | null;
  certainty: string;
}

export interface ArticleMeta {
  hash: string; id: string | null; title: string | null; author: string | null;
  published: string | null; source: string | null; url: string | null;
}

export interface EventAnswer { event: EventRecord; article: ArticleMeta; evidence: Evidence; reports: EventRecord[] }

export interface ArticleAnswer { meta: ArticleMeta; text: string }

export interface Facets {
  event_types: { event: string; quad_class: number; description: string }[];
  realis: string[];
  certainty: string[];
  countries: { code: string; name: string; events: number }[];
}
