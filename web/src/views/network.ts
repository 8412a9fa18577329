/**
 * The actor network (Cytoscape.js): the sides of the events matching as nodes sized by their
 * events, dyads actor → recipient as edges as wide as their count and coloured by their mean
 * Goldstein value from cooperation (blue) to conflict (red). One request (/network) capped to
 * the strongest dyads, so the picture stays readable and quick on a large store. Clicking a
 * node filters by that actor (again: drops the filter); the actors are listed as buttons too,
 * for the keyboard and for readers of text.
 */
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import { getJson } from '../api.js';
import { CONFLICT_COLOUR, COOPERATION_COLOUR, goldsteinColour, NEUTRAL_COLOUR, QUAD_CLASS_NAMES } from '../colours.js';
import type { ViewContext } from '../context.js';
import { el } from '../dom.js';
import { filterQuery, sameFilters, type ViewState } from '../state.js';
import './chart.css';
import './network.css';

type Cytoscape = typeof import('cytoscape');
type Quads = Record<'1' | '2' | '3' | '4', number>;

/** GET /api/v1/network. */
interface NetworkAnswer {
  nodes: { id: string; events: number }[];
  edges: { source: string; target: string; count: number; by_quad_class: Quads; goldstein: number }[];
  dyads_total: number;
}

/** The dyads drawn at most: beyond some dozens a force layout is a hairball and slow to settle. */
export const NETWORK_DYADS = 60;
/** The closest a fitted network is drawn, so that a handful of nodes keep a readable size. */
const MAX_FIT_ZOOM = 1.4;
/** Actors listed as buttons under the graph. */
const LISTED_ACTORS = 12;

/**
 * Cytoscape puts a <style> element in the page for one rule (its container positioned), which
 * the page's CSP refuses (a console error). It skips that when an element with its id exists,
 * so the page marks it present and network.css carries the rule instead.
 */
function forestallCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  marker.name = 'cytoscape-stylesheet-in-network-css';
  document.head.append(marker);
}

/** The dyad in words: who to whom, how many events of which kind, its tone. */
function dyadText(e: NetworkAnswer['edges'][number]): string {
  const kinds = (['1', '2', '3', '4'] as const).filter((q) => e.by_quad_class[q] > 0)
    .map((q) => `${QUAD_CLASS_NAMES[Number(q) as 1 | 2 | 3 | 4]} ${e.by_quad_class[q]}`);
  return `${e.source} → ${e.target}: ${e.count} event${e.count === 1 ? '' : 's'} (${kinds.join(', ')}), mean Goldstein ${e.goldstein}`;
}

export function mountNetwork(root: HTMLElement, ctx: ViewContext): void {
  root.dataset.view = 'network';
  const { state } = ctx;

  const head = el('div', 'chart-head');
  head.append(el('h2', 'chart-title', 'Actor network'));
  const graph = el('div', 'network-graph');
  graph.setAttribute('role', 'img');
  graph.setAttribute('aria-label', 'Actors as nodes sized by their events; dyads as arrows as wide as their events, blue for cooperation, red for conflict. The actors are listed below as buttons.');
  const readout = el('p', 'network-readout');
  readout.setAttribute('aria-live', 'polite');
  const actors = el('ul', 'chart-legend network-actors');
  actors.setAttribute('aria-label', 'Actors (filter by one)');
  const legend = el('p', 'chart-note network-legend');
  const gradient = el('span', 'chart-gradient');
  gradient.style.backgroundImage = `linear-gradient(to right, ${CONFLICT_COLOUR}, ${NEUTRAL_COLOUR}, ${COOPERATION_COLOUR})`;
  legend.append('Arrows: conflict', gradient, 'cooperation (mean Goldstein); width and node size: events.');
  const note = el('p', 'chart-note');
  root.append(head, graph, readout, actors, legend, note);

  forestallCytoscapeStylesheet();
  let cy: Core | null = null;
  /** The latest request's number: an answer to an older one (the filters changed meanwhile) is dropped. */
  let latest = 0;

  const selectedActor = () => state.get().filters.actor ?? null;
  const toggleActor = (id: string) => state.set({ filters: { actor: selectedActor() === id ? undefined : id } });

  function markSelected(): void {
    const actor = selectedActor();
    cy?.nodes().forEach((n) => { n.toggleClass('selected', n.id() === actor); });
    for (const b of actors.querySelectorAll<HTMLButtonElement>('button')) b.setAttribute('aria-pressed', String(b.dataset.actor === actor));
  }

  /**
   * Cytoscape is over half the page's script: it is fetched (once) when the first network is drawn,
   * so the other views need not wait for it to be read.
   */
  let library: Promise<Cytoscape> | null = null;
  // The package's types say `export =`; its ES build, which Vite bundles, has the function as default.
  const loadCytoscape = () => (library ??= import('cytoscape').then((m) => (m as unknown as { default: Cytoscape }).default));

  function render(answer: NetworkAnswer, cytoscape: Cytoscape): void {
    cy?.destroy();
    cy = null;
    const shown = answer.edges.length;
    note.textContent = shown === 0 ? 'No events with both an actor and a recipient match the filters.'
      : shown < answer.dyads_total ? `The ${shown} dyads with most events, of ${answer.dyads_total}.` : `${shown} dyad${shown === 1 ? '' : 's'}.`;
    if (shown === 0) { listActors(answer); return; }
    const maxEvents = Math.max(...answer.nodes.map((n) => n.events));
    const maxCount = Math.max(...answer.edges.map((e) => e.count));
    const elements: ElementDefinition[] = [
      ...answer.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.id, events: n.events } })),
      ...answer.edges.map((e, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: e.source, target: e.target, count: e.count, colour: goldsteinColour(e.goldstein), text: dyadText(e) },
      })),
    ];
    cy = cytoscape({
      container: graph,
      elements,
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': '#5d6d7e', label: 'data(label)', 'font-size': 11, color: '#1d232b',
            'text-valign': 'bottom', 'text-margin-y': 2, 'text-background-color': '#ffffff', 'text-background-opacity': 0.75,
            'text-background-padding': '1px',
            width: `mapData(events, 1, ${Math.max(2, maxEvents)}, 12, 44)`, height: `mapData(events, 1, ${Math.max(2, maxEvents)}, 12, 44)`,
          },
        },
        { selector: 'node.selected', style: { 'background-color': '#1a5fb4', 'border-width': 3, 'border-color': '#0b2f5c' } },
        {
          selector: 'edge',
          style: {
            width: `mapData(count, 1, ${Math.max(2, maxCount)}, 1.2, 8)`, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.85,
          },
        },
        { selector: 'edge:selected, edge.hover', style: { opacity: 1, 'overlay-opacity': 0.12 } },
      ],
      // Components packed close and pulled in, so a few dozen small dyads do not shrink the picture to dust.
      layout: {
        name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true, padding: 10,
        idealEdgeLength: () => 40, nodeRepulsion: () => 6000, componentSpacing: 20, gravity: 80, numIter: 1500,
      } as LayoutOptions,
    });
    // A few nodes fitted to the box would be drawn huge: no closer than a little above life size.
    if (cy.zoom() > MAX_FIT_ZOOM) { cy.zoom(MAX_FIT_ZOOM); cy.center(); }
    cy.on('tap', 'node', (e) => toggleActor(e.target.id()));
    cy.on('mouseover', 'node', (e) => {
      const n = e.target;
      readout.textContent = `${n.id()}: ${n.data('events')} event${n.data('events') === 1 ? '' : 's'} in the dyads shown; click for the events it did (the actor filter)`;
      graph.classList.add('network-pointing');
    });
    cy.on('mouseout', 'node', () => graph.classList.remove('network-pointing'));
    cy.on('mouseover tap', 'edge', (e) => { readout.textContent = e.target.data('text'); });

    listActors(answer);
    markSelected();
  }

  /**
   * The actors with most events as buttons; the filtered actor always among them (pressed), so
   * the filter can be dropped here even when it leaves no dyad to draw.
   */
  function listActors(answer: NetworkAnswer): void {
    actors.replaceChildren();
    const listed = answer.nodes.slice(0, LISTED_ACTORS);
    const actor = selectedActor();
    if (actor && !listed.some((n) => n.id === actor)) listed.unshift(answer.nodes.find((n) => n.id === actor) ?? { id: actor, events: 0 });
    for (const n of listed) {
      const li = el('li');
      const b = el('button', 'chart-legend-item');
      b.type = 'button';
      b.dataset.actor = n.id;
      b.append(el('span', 'chart-legend-name', n.id), el('span', 'chart-legend-count', String(n.events)));
      b.title = `Only events ${n.id} did, as their actor (again to show all)`;
      b.addEventListener('click', () => toggleActor(n.id));
      li.append(b);
      actors.append(li);
    }
    markSelected();
  }

  async function load(s: ViewState): Promise<void> {
    const mine = ++latest;
    root.setAttribute('aria-busy', 'true');
    try {
      const [answer, cytoscape] = await Promise.all([getJson<NetworkAnswer>('/network', filterQuery(s.filters, { limit: NETWORK_DYADS })), loadCytoscape()]);
      if (mine !== latest) return;
      render(answer, cytoscape);
    } catch (err) {
      if (mine !== latest) return;
      ctx.status(`Network: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      if (mine === latest) { root.removeAttribute('aria-busy'); root.dataset.loaded = String(mine); }
    }
  }

  new ResizeObserver(() => cy?.resize()).observe(graph);
  state.subscribe((now, before) => {
    if (!sameFilters(now, before)) void load(now);
  });
  void load(state.get());
}
