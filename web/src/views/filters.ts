/**
 * The filter bar: one control per filter of the URL state (the API's own parameter names), each
 * showing the state and changing it (PageState.set, so the back button goes back through
 * filters). The choices come from GET /api/v1/facets. A filter the API refuses (a 400 naming
 * its parameter) is said in the status line and on the control it names.
 */
import './filters.css';
import { ApiError, getJson } from '../api.js';
import type { Facets } from '../api-types.js';
import type { ViewContext } from '../context.js';
import { filterQuery, FILTER_KEYS, INTERVALS, type FilterKey, type Interval, type ViewState } from '../state.js';
import { el } from '../safe-text.js';

interface Choice { value: string; label: string; title?: string }

/** A control of the bar: its element, and how it shows a value of the state. */
interface Control { key: FilterKey | 'interval'; input: HTMLInputElement | HTMLSelectElement; error: HTMLElement }

/** Replace a select's options; a value the state holds but the list lacks is kept as a choice of its own, so the control never lies. */
export function setChoices(select: HTMLSelectElement, choices: Choice[], current: string): void {
  const all = current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: current }] : choices;
  select.replaceChildren(...all.map((c) => {
    const o = document.createElement('option');
    o.value = c.value;
    o.textContent = c.label;
    if (c.title) o.title = c.title;
    return o;
  }));
  select.value = current;
}

function labelled(key: string, caption: string, input: HTMLInputElement | HTMLSelectElement): { wrap: HTMLElement; error: HTMLElement } {
  const wrap = el('label', `filter filter-${key}`);
  input.name = key;
  input.id = `filter-${key}`;
  const error = el('span', 'filter-error');
  error.id = `filter-${key}-error`;
  error.hidden = true;
  input.setAttribute('aria-describedby', error.id);
  wrap.append(el('span', 'filter-caption', caption), input, error);
  return { wrap, error };
}

function textInput(type: 'text' | 'search', placeholder: string, maxLength: number): HTMLInputElement {
  const input = document.createElement('input');
  input.type = type;
  input.placeholder = placeholder;
  input.maxLength = maxLength;
  input.autocomplete = 'off';
  input.spellcheck = false;
  return input;
}

/** What each realis value means, for the choices' tooltips. */
const REALIS_TITLES: Record<string, string> = {
  actual: 'what the articles say happened', future: 'planned or announced', hypothetical: 'wished, feared, conditional or intended',
  negated: 'said not to have happened', any: 'all of them',
};

export function mountFilters(form: HTMLElement, ctx: ViewContext): void {
  form.dataset.view = 'filters';
  const controls = new Map<string, Control>();
  const add = (key: Control['key'], caption: string, input: HTMLInputElement | HTMLSelectElement) => {
    const { wrap, error } = labelled(key, caption, input);
    controls.set(key, { key, input, error });
    form.append(wrap);
  };
  const select = () => document.createElement('select');

  add('from', 'From', textInput('text', 'YYYY-MM-DD', 10));
  add('to', 'To', textInput('text', 'YYYY-MM-DD', 10));
  add('country', 'Country', select());
  add('actor', 'Actor', textInput('text', 'name or code', 200));
  add('event', 'Event type', select());
  add('realis', 'Realis', select());
  add('certainty', 'Certainty', select());
  add('text', 'Text', textInput('search', 'words in the articles', 500));
  add('interval', 'Timeline by', select());
  const buttons = el('div', 'filter-buttons');
  const apply = el('button', 'filter-apply', 'Apply');
  apply.type = 'submit';
  const reset = el('button', 'filter-reset', 'Reset');
  reset.type = 'button';
  buttons.append(apply, reset);
  form.append(buttons);

  let facets: Facets | null = null;

  /** The choices of each select: the facets once loaded, and the state's own value meanwhile. */
  function choicesOf(key: string): Choice[] {
    switch (key) {
      case 'country':
        return [{ value: '', label: 'any country' }, ...(facets?.countries ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code}) · ${c.events}` }))];
      case 'event':
        return [{ value: '', label: 'any type' }, ...(facets?.event_types ?? []).map((t) => ({ value: t.event, label: t.event, title: t.description }))];
      case 'realis':
        // The API's default is actual: the empty choice says so rather than repeat it in the URL.
        return [{ value: '', label: 'actual', title: REALIS_TITLES.actual }, ...(facets?.realis ?? ['future', 'hypothetical', 'negated', 'any'])
          .filter((r) => r !== 'actual').map((r) => ({ value: r, label: r, title: REALIS_TITLES[r] }))];
      case 'certainty':
        return [{ value: '', label: 'any' }, ...(facets?.certainty ?? []).map((c) => ({ value: c, label: c }))];
      case 'interval':
        return INTERVALS.map((i) => ({ value: i, label: i }));
      default:
        return [];
    }
  }

  /** Make every control say what the state says. */
  const valueOf = (s: ViewState, key: Control['key']) => (key === 'interval' ? s.interval : (s.filters[key] ?? ''));

  function show(s: ViewState): void {
    showChoices(s);
    for (const c of controls.values()) {
      const value = valueOf(s, c.key);
      if (!(c.input instanceof HTMLSelectElement) && c.input.value !== value) c.input.value = value;
    }
  }

  /** The choice lists alone: when the facets arrive, words being typed into a text filter stay. */
  function showChoices(s: ViewState): void {
    for (const c of controls.values()) if (c.input instanceof HTMLSelectElement) setChoices(c.input, choicesOf(c.key), valueOf(s, c.key));
  }

  function markBad(parameter: string | null, message: string | null): void {
    for (const c of controls.values()) {
      const bad = message !== null && c.key === parameter;
      c.input.classList.toggle('invalid', bad);
      if (bad) c.input.setAttribute('aria-invalid', 'true');
      else c.input.removeAttribute('aria-invalid');
      c.error.hidden = !bad;
      c.error.textContent = bad ? message : '';
    }
  }

  /** Ask the API whether it takes the state's filters (one id, the cheapest answer); a 400 names the bad one. */
  let checking: AbortController | null = null;
  let saidError = false;
  async function check(s: ViewState): Promise<void> {
    checking?.abort();
    const mine = (checking = new AbortController());
    try {
      await getJson('/events', filterQuery(s.filters, { reports: 'true', limit: 1, fields: 'id' }), mine.signal);
      if (mine.signal.aborted) return;
      markBad(null, null);
      if (saidError) ctx.status('');
      saidError = false;
    } catch (e) {
      if (mine.signal.aborted) return;
      const message = e instanceof Error ? e.message : String(e);
      markBad(e instanceof ApiError ? e.parameter : null, message);
      ctx.status(`The filters cannot be used: ${message}`, 'error');
      saidError = true;
    }
  }

  function change(key: Control['key'], value: string): void {
    if (key === 'interval') ctx.state.set({ interval: value as Interval });
    else ctx.state.set({ filters: { [key]: value.trim() } });
  }

  for (const c of controls.values()) {
    c.input.addEventListener('change', () => change(c.key, c.input.value));
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const filters: Record<string, string> = {};
    for (const c of controls.values()) if (c.key !== 'interval') filters[c.key] = c.input.value.trim();
    ctx.state.set({ filters });
  });
  reset.addEventListener('click', () => {
    ctx.state.set({ filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), interval: 'day' });
  });

  show(ctx.state.get());
  void check(ctx.state.get());
  ctx.state.subscribe((now, before) => {
    show(now);
    if (filterQuery(now.filters).toString() !== filterQuery(before.filters).toString()) void check(now);
  });
  getJson<Facets>('/facets').then((f) => {
    facets = f;
    showChoices(ctx.state.get());
  }, (e) => ctx.status(`The filter choices could not be loaded: ${e instanceof Error ? e.message : e}`, 'error'));
}
