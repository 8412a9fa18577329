/**
 * The page's state lives in the URL's query string, so a view can be shared as a link and the
 * back button goes back through filters. The filter names are the API's own (/api/v1/events),
 * so a state becomes an API query as it stands.
 */

/** Filters the page passes to the API as they are. */
export const FILTER_KEYS = ['from', 'to', 'country', 'actor', 'event', 'realis', 'certainty', 'text'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface ViewState {
  filters: Filters;
  /** The timeline's bucket. */
  interval: Interval;
  /** The event whose evidence is open, or null. */
  open: string | null;
}

const isInterval = (s: string | null): s is Interval => s !== null && (INTERVALS as readonly string[]).includes(s);

/** The state a query string says (unknown keys and empty values are ignored). */
export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k);
    if (v !== null && v.trim() !== '') filters[k] = v.trim();
  }
  const interval = q.get('interval');
  return { filters, interval: isInterval(interval) ? interval : 'day', open: q.get('open') || null };
}

/** The query string of a state ("" when it is the default), keys in a fixed order so equal states give equal URLs. */
export function writeState(s: ViewState): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s.filters[k]) q.set(k, s.filters[k] as string);
  if (s.interval !== 'day') q.set('interval', s.interval);
  if (s.open) q.set('open', s.open);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The API query of a state's filters (realis defaults to the API's own default, actual). */
export function filterQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) q.set(k, filters[k] as string);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q;
}

export type Listener = (now: ViewState, before: ViewState) => void;

/** One state for the page: views read it, change it with set(), and hear every change (back button included). */
export class PageState {
  private current: ViewState;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly win: Window) {
    this.current = readState(win.location.search);
    win.addEventListener('popstate', () => this.replaceFromUrl());
  }

  get(): ViewState {
    return this.current;
  }

  /** Change the state: filters given as undefined or "" are removed; a new history entry unless `replace`. */
  set(patch: { filters?: Filters; interval?: Interval; open?: string | null }, opts: { replace?: boolean } = {}): void {
    const before = this.current;
    const filters: Filters = { ...before.filters };
    for (const [k, v] of Object.entries(patch.filters ?? {}) as [FilterKey, string | undefined][]) {
      if (v === undefined || v === '') delete filters[k];
      else filters[k] = v;
    }
    const now: ViewState = {
      filters,
      interval: patch.interval ?? before.interval,
      open: patch.open === undefined ? before.open : patch.open,
    };
    const url = writeState(now);
    if (url === writeState(before)) return;
    this.current = now;
    const target = `${this.win.location.pathname}${url}${this.win.location.hash}`;
    if (opts.replace) this.win.history.replaceState(null, '', target);
    else this.win.history.pushState(null, '', target);
    this.emit(now, before);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private replaceFromUrl(): void {
    const before = this.current;
    this.current = readState(this.win.location.search);
    this.emit(this.current, before);
  }

  private emit(now: ViewState, before: ViewState): void {
    for (const fn of this.listeners) fn(now, before);
  }
}

/** Whether two states ask the API for the same events (the filters), whatever else differs. */
export function sameFilters(a: ViewState, b: ViewState): boolean {
  return filterQuery(a.filters).toString() === filterQuery(b.filters).toString();
}
