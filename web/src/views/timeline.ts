/**
 * The timeline: counts of the events matching by PLOVER type per day, week or month (the API's
 * /counts, one aggregate request), stacked bars coloured by type, with a legend and axes.
 * Brushing a run of periods sets the period filter (from/to); clicking the chart outside the
 * selection, or "Clear period", drops it. The chart shows every period whatever the period
 * filter (a chart does not filter itself), so the selection is seen in its context.
 *
 * The keyboard does the same: the chart takes focus, the arrow keys walk the periods (Shift
 * widens the run), Enter selects the run as the period and Delete clears it.
 */
import { axisBottom, axisLeft, brushX, scaleLinear, scaleUtc, select, utcFormat, type BrushBehavior, type D3BrushEvent, type ScaleTime } from 'd3';
import { ApiError, getJson } from '../api.js';
import { byTypeOrder, typeColour } from '../colours.js';
import type { ViewContext } from '../context.js';
import { el, swatch } from '../dom.js';
import { filteredRange, periodEnd, periodFilter, periodIndexAt, periodStart } from '../periods.js';
import { filterQuery, INTERVALS, type Filters, type Interval, type ViewState } from '../state.js';
import './chart.css';
import './timeline.css';

/** GET /api/v1/counts?by=event. */
interface CountsAnswer {
  interval: Interval;
  periods: string[];
  series: { key: string | null; total: number; counts: number[] }[];
  imprecise: number;
  undated: number;
}

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 180;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 36 };

/** The state's filters but the period, which this chart sets and so must not narrow itself by. */
function withoutPeriod(filters: Filters): Filters {
  const { from: _from, to: _to, ...rest } = filters;
  return rest;
}

const samePeriod = (a: ViewState, b: ViewState) => a.filters.from === b.filters.from && a.filters.to === b.filters.to;
const sameQuery = (a: ViewState, b: ViewState) => a.interval === b.interval
  && filterQuery(withoutPeriod(a.filters)).toString() === filterQuery(withoutPeriod(b.filters)).toString();

export function mountTimeline(root: HTMLElement, ctx: ViewContext): void {
  root.dataset.view = 'timeline';
  const { state } = ctx;

  const head = el('div', 'chart-head');
  head.append(el('h2', 'chart-title', 'Events over time'));
  const intervals = el('div', 'timeline-intervals');
  intervals.setAttribute('role', 'group');
  intervals.setAttribute('aria-label', 'Count per');
  const intervalButtons = INTERVALS.map((interval) => {
    const b = el('button', 'chart-toggle', interval);
    b.type = 'button';
    b.dataset.interval = interval;
    b.addEventListener('click', () => state.set({ interval }));
    intervals.append(b);
    return b;
  });
  const period = el('span', 'timeline-period');
  const clear = el('button', 'timeline-clear', 'Clear period');
  clear.type = 'button';
  clear.addEventListener('click', () => state.set({ filters: { from: undefined, to: undefined } }));
  head.append(period, intervals, clear);

  const chart = el('div', 'timeline-chart');
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('timeline-svg');
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'application');
  svg.setAttribute('aria-roledescription', 'timeline');
  svg.setAttribute('aria-label', 'Event counts over time. Drag, or use the arrow keys (Shift to widen) and Enter, to select a period; Delete clears it.');
  chart.append(svg);
  const readout = el('p', 'timeline-readout');
  readout.setAttribute('aria-live', 'polite');
  const legend = el('ul', 'chart-legend timeline-legend');
  legend.setAttribute('aria-label', 'Event types');
  const note = el('p', 'chart-note');
  root.append(head, chart, readout, legend, note);

  let data: CountsAnswer | null = null;
  /** The latest request's number: an answer to an older one (the filters changed meanwhile) is dropped. */
  let latest = 0;
  /** The keyboard's run of periods: where it started and where the cursor is. */
  let anchor: number | null = null;
  let cursor: number | null = null;
  let drawn: { x: ScaleTime<number, number>; brush: BrushBehavior<unknown>; brushLayer: SVGGElement; cursorRect: SVGRectElement } | null = null;

  function showPeriodControls(s: ViewState): void {
    clear.hidden = !s.filters.from && !s.filters.to;
    period.textContent = clear.hidden ? '' : `${s.filters.from ?? '…'} to ${s.filters.to ?? '…'}`;
    for (const b of intervalButtons) b.setAttribute('aria-pressed', String(b.dataset.interval === s.interval));
    for (const b of legend.querySelectorAll<HTMLButtonElement>('button')) b.setAttribute('aria-pressed', String(b.dataset.event === s.filters.event));
  }

  async function load(s: ViewState): Promise<void> {
    const mine = ++latest;
    root.setAttribute('aria-busy', 'true');
    try {
      const answer = await getJson<CountsAnswer>('/counts', filterQuery(withoutPeriod(s.filters), { interval: s.interval, by: 'event' }));
      if (mine !== latest) return;
      data = answer;
      anchor = cursor = null;
      render();
    } catch (err) {
      if (mine !== latest) return;
      const longer = INTERVALS[INTERVALS.indexOf(s.interval) + 1];
      if (err instanceof ApiError && err.parameter === 'interval' && longer) {
        // Too many periods for the API (years of days): take the next longer interval, in place of this one.
        ctx.status(`Timeline: ${err.message}; counting per ${longer} instead.`);
        state.set({ interval: longer }, { replace: true });
        return;
      }
      data = null;
      render(err instanceof ApiError ? err.message : String(err));
      ctx.status(`Timeline: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      if (mine === latest) { root.removeAttribute('aria-busy'); root.dataset.loaded = String(mine); }
    }
  }

  function render(problem?: string): void {
    svg.replaceChildren();
    drawn = null;
    const s = state.get();
    const width = Math.max(320, chart.clientWidth || 600);
    svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(HEIGHT));
    renderLegend();
    if (!data || data.periods.length === 0) {
      const t = select(svg).append('text').attr('class', 'timeline-empty').attr('x', width / 2).attr('y', HEIGHT / 2).attr('text-anchor', 'middle');
      t.text(problem ?? 'No dated events match the filters.');
      note.textContent = data ? leftOut(data) : '';
      showPeriodControls(s);
      return;
    }
    const { periods, interval } = data;
    const x = scaleUtc()
      .domain([periodStart(periods[0], interval), periodEnd(periods[periods.length - 1], interval)])
      .range([MARGIN.left, width - MARGIN.right]);
    const series = [...data.series].sort((a, b) => byTypeOrder(a.key ?? '', b.key ?? ''));
    const totals = periods.map((_, i) => series.reduce((n, ser) => n + ser.counts[i], 0));
    const y = scaleLinear().domain([0, Math.max(1, ...totals)]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const root3 = select(svg);

    const bars = root3.append('g').attr('class', 'timeline-bars');
    const below = new Array<number>(periods.length).fill(0);
    for (const ser of series) {
      const g = bars.append('g').attr('fill', typeColour(ser.key)).attr('data-event', ser.key ?? '');
      ser.counts.forEach((count, i) => {
        if (count === 0) return;
        const x0 = x(periodStart(periods[i], interval));
        const x1 = x(periodEnd(periods[i], interval));
        const gap = x1 - x0 > 3 ? 1 : 0;
        g.append('rect')
          .attr('x', x0).attr('width', Math.max(1, x1 - x0 - gap))
          .attr('y', y(below[i] + count)).attr('height', Math.max(0, y(below[i]) - y(below[i] + count)))
          .append('title').text(`${periods[i]}: ${count} ${ser.key ?? 'untyped'}`);
        below[i] += count;
      });
    }
    const maxTicks = Math.max(2, Math.floor(width / 90));
    // Few periods: a tick at each, named as the interval names it (a day, a week's Monday, a month), not the hours between.
    const xAxis = periods.length <= maxTicks
      ? axisBottom(x).tickValues(periods.map((p) => periodStart(p, interval))).tickFormat((d) => utcFormat(interval === 'month' ? '%b %Y' : '%b %-d, %Y')(d as Date))
      : axisBottom(x).ticks(maxTicks);
    root3.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(xAxis.tickSizeOuter(0));
    root3.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(Math.min(4, y.domain()[1]), 'd').tickSizeOuter(0));

    const cursorRect = root3.append('rect').attr('class', 'timeline-cursor').attr('y', MARGIN.top)
      .attr('height', HEIGHT - MARGIN.top - MARGIN.bottom).attr('visibility', 'hidden').node() as SVGRectElement;

    const brush = brushX<unknown>()
      .extent([[MARGIN.left, MARGIN.top], [width - MARGIN.right, HEIGHT - MARGIN.bottom]])
      .keyModifiers(false)
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by the page itself, not by a person
        const sel = event.selection as [number, number] | null;
        if (!sel) { state.set({ filters: { from: undefined, to: undefined } }); return; }
        const first = periodIndexAt(periods, interval, x.invert(sel[0]));
        const last = periodIndexAt(periods, interval, new Date(x.invert(sel[1]).getTime() - 1));
        selectRun(first, Math.max(first, last));
      });
    const brushLayer = root3.append('g').attr('class', 'timeline-brush').call(brush).node() as SVGGElement;
    drawn = { x, brush, brushLayer, cursorRect };
    showSelection(s);
    note.textContent = leftOut(data);
    showPeriodControls(s);
  }

  function leftOut(d: CountsAnswer): string {
    const parts: string[] = [];
    if (d.imprecise) parts.push(`${d.imprecise} dated less precisely than a ${d.interval}`);
    if (d.undated) parts.push(`${d.undated} undated`);
    return parts.length ? `Not in the chart: ${parts.join(', ')}.` : '';
  }

  function renderLegend(): void {
    legend.replaceChildren();
    if (!data) return;
    const shown = [...data.series].filter((ser) => ser.total > 0).sort((a, b) => byTypeOrder(a.key ?? '', b.key ?? ''));
    for (const ser of shown) {
      const li = el('li');
      const b = el('button', 'chart-legend-item');
      b.type = 'button';
      b.dataset.event = ser.key ?? '';
      b.title = `Only ${ser.key ?? 'untyped'} events (again to show all)`;
      b.append(swatch(typeColour(ser.key)), el('span', 'chart-legend-name', ser.key ?? 'untyped'), el('span', 'chart-legend-count', String(ser.total)));
      b.addEventListener('click', () => {
        const event = ser.key ?? undefined;
        state.set({ filters: { event: state.get().filters.event === event ? undefined : event } });
      });
      li.append(b);
      legend.append(li);
    }
  }

  /** Set the period filter to the periods first…last. */
  function selectRun(first: number, last: number): void {
    if (!data) return;
    state.set({ filters: periodFilter(data.periods[first], data.periods[last], data.interval) });
    // Snap the brush to whole periods even when the filter was already this one.
    showSelection(state.get());
  }

  /** Draw the period filter as the brush's selection. */
  function showSelection(s: ViewState): void {
    if (!drawn || !data) return;
    const range = filteredRange(data.periods, data.interval, s.filters.from, s.filters.to);
    const { x, brush, brushLayer } = drawn;
    select(brushLayer).call(brush.move, range
      ? [x(periodStart(data.periods[range[0]], data.interval)), x(periodEnd(data.periods[range[1]], data.interval))]
      : null);
  }

  /** The keyboard's run: highlighted, and read out with its counts. */
  function showCursor(): void {
    if (!drawn || !data || cursor === null || anchor === null) return;
    const [a, b] = [Math.min(anchor, cursor), Math.max(anchor, cursor)];
    const { x, cursorRect } = drawn;
    const x0 = x(periodStart(data.periods[a], data.interval));
    cursorRect.setAttribute('x', String(x0));
    cursorRect.setAttribute('width', String(Math.max(2, x(periodEnd(data.periods[b], data.interval)) - x0)));
    cursorRect.setAttribute('visibility', 'visible');
    readout.textContent = describe(a, b);
  }

  function describe(a: number, b: number): string {
    if (!data) return '';
    const byType = data.series
      .map((ser) => ({ key: ser.key ?? 'untyped', n: ser.counts.slice(a, b + 1).reduce((m, c) => m + c, 0) }))
      .filter((t) => t.n > 0);
    const total = byType.reduce((m, t) => m + t.n, 0);
    const span = a === b ? data.periods[a] : `${data.periods[a]} to ${data.periods[b]}`;
    return `${span}: ${total} event${total === 1 ? '' : 's'}${byType.length ? ` (${byType.map((t) => `${t.key} ${t.n}`).join(', ')})` : ''}`;
  }

  svg.addEventListener('focus', () => {
    if (!data || data.periods.length === 0 || cursor !== null) return;
    const range = filteredRange(data.periods, data.interval, state.get().filters.from, state.get().filters.to);
    anchor = range ? range[0] : data.periods.length - 1;
    cursor = range ? range[1] : anchor;
    showCursor();
  });
  svg.addEventListener('blur', () => drawn?.cursorRect.setAttribute('visibility', 'hidden'));
  svg.addEventListener('keydown', (e) => {
    if (!data || data.periods.length === 0 || cursor === null || anchor === null) return;
    const lastIndex = data.periods.length - 1;
    const move = (to: number) => {
      cursor = Math.max(0, Math.min(lastIndex, to));
      if (!e.shiftKey) anchor = cursor;
      showCursor();
    };
    switch (e.key) {
      case 'ArrowLeft': move(cursor - 1); break;
      case 'ArrowRight': move(cursor + 1); break;
      case 'PageUp': move(cursor - 10); break;
      case 'PageDown': move(cursor + 10); break;
      case 'Home': move(0); break;
      case 'End': move(lastIndex); break;
      case 'Enter': case ' ': selectRun(Math.min(anchor, cursor), Math.max(anchor, cursor)); break;
      case 'Delete': case 'Backspace': state.set({ filters: { from: undefined, to: undefined } }); break;
      default: return;
    }
    e.preventDefault();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drawn || !data || data.periods.length === 0 || document.activeElement === svg) return;
    const box = svg.getBoundingClientRect();
    const at = drawn.x.invert((e.clientX - box.left) * (Number(svg.getAttribute('width')) / box.width));
    const i = periodIndexAt(data.periods, data.interval, at);
    readout.textContent = describe(i, i);
  });

  let resizeQueued = false;
  new ResizeObserver(() => {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => { resizeQueued = false; if (data) render(); });
  }).observe(chart);

  state.subscribe((now, before) => {
    if (!sameQuery(now, before)) void load(now);
    else if (!samePeriod(now, before)) showSelection(now);
    showPeriodControls(now);
  });
  showPeriodControls(state.get());
  void load(state.get());
}
