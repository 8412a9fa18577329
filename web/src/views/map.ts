/**
 * The map: Leaflet over a base map of country outlines that ships with the page (Natural Earth
 * 1:50m via world-atlas, drawn as a GeoJSON layer; no tile server, nothing fetched from
 * elsewhere). The events matching the filters come from one aggregate request (/places):
 *
 * - an event placed finer than its country is a point coloured by its type and sized by its
 *   reports (mentions), gathered into clusters when zoomed out (supercluster); clicking a point
 *   opens its evidence, clicking a cluster zooms into it;
 * - an event known only to its country is drawn as the country: the outline shaded by how many
 *   such events it has, never a pin on the country's reference point;
 * - clicking a country filters by it (again: drops the filter).
 *
 * Points and clusters are Leaflet markers, so Tab reaches them and Enter acts as a click.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { interpolateLab } from 'd3';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { getJson } from '../api.js';
import { byTypeOrder, typeColour } from '../colours.js';
import type { ViewContext } from '../context.js';
import { el, swatch } from '../dom.js';
import { filterQuery, sameFilters, type ViewState } from '../state.js';
import './chart.css';
import './map.css';

/** GET /api/v1/places. */
interface PlacesAnswer {
  points: { id: string; event: string; date: string | null; lat: number; lon: number; reports: number }[];
  points_total: number;
  countries: { country: string; count: number }[];
  unplaced: number;
}

/** GET /api/v1/countries. */
interface CountriesAnswer { countries: { iso3: string; iso2: string; numeric: string | null; name: string }[] }

type PointProps = { id: string; event: string; date: string | null; reports: number };
type ClusterProps = { reports: number; types: Record<string, number> };

/** Points the map asks for at most: the most reported first; the rest are counted, not drawn. */
export const MAP_POINTS = 10000;
/** Beyond this zoom every point stands alone (points at one spot are set in a ring around it). */
const CLUSTER_MAX_ZOOM = 8;

const LAND = '#eceee8';
const SHADE_LOW = '#c9d6e6';
const SHADE_HIGH = '#26476e';
const shade = interpolateLab(SHADE_LOW, SHADE_HIGH);

/** A point's diameter in pixels: grows with the square root of its reports. */
export const pointSize = (reports: number) => Math.round(Math.min(30, 9 + 5 * Math.sqrt(Math.max(0, reports - 1))));
const clusterSize = (count: number) => Math.round(Math.min(48, 20 + 6 * Math.log2(count)));

/** A marker's action on a click, and on Enter or Space when it has the focus (Leaflet's own Enter only opens a popup). */
function onActivate(marker: L.Marker, act: () => void): void {
  marker.on('click', act);
  marker.on('keypress', (e) => {
    const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
    if (key === 'Enter' || key === ' ') { (e as L.LeafletKeyboardEvent).originalEvent.preventDefault(); act(); }
  });
}

/** The most frequent type of a cluster (ties: the table's order), which colours it. */
function dominantType(types: Record<string, number>): string {
  return Object.entries(types).sort((a, b) => b[1] - a[1] || byTypeOrder(a[0], b[0]))[0]?.[0] ?? '';
}

export function mountMap(root: HTMLElement, ctx: ViewContext): void {
  root.dataset.view = 'map';
  const { state } = ctx;

  const head = el('div', 'chart-head');
  head.append(el('h2', 'chart-title', 'Map'));
  const fit = el('button', 'map-fit', 'Fit to events');
  fit.type = 'button';
  head.append(fit);
  const box = el('div', 'map-box');
  box.setAttribute('aria-label', 'Map of the events: points are places, shaded countries are events known only to their country. Tab reaches the points; Enter opens one.');
  const legend = el('ul', 'chart-legend map-legend');
  legend.setAttribute('aria-label', 'Map legend');
  const note = el('p', 'chart-note');
  root.append(head, box, legend, note);

  const map = L.map(box, { minZoom: 1, maxZoom: 12, worldCopyJump: false, zoomSnap: 0.5, attributionControl: true })
    .setView([20, 10], 1.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Countries: Natural Earth, via world-atlas');
  const pointLayer = L.layerGroup().addTo(map);

  /** Country facts by ISO numeric code (the outlines' ids) and by name (for outlines ISO gives no code, Kosovo's). */
  let countries: { byNumeric: Map<string, { iso3: string; name: string }>; byName: Map<string, { iso3: string; name: string }> } | null = null;
  let outlines: L.GeoJSON | null = null;
  /** Each outline's country (ISO alpha-3), once both the atlas and the country table are in. */
  const outlineCountry = new Map<L.Layer, { iso3: string; name: string } | null>();
  let places: PlacesAnswer | null = null;
  let index: Supercluster<PointProps, ClusterProps> | null = null;
  /** The latest request's number: an answer to an older one (the filters changed meanwhile) is dropped. */
  let latest = 0;
  let fitted = false;

  function countryOf(f: Feature<Geometry, { name?: string }>): { iso3: string; name: string } | null {
    if (!countries) return null;
    const id = f.id === undefined ? null : String(f.id).padStart(3, '0');
    return (id && countries.byNumeric.get(id)) || countries.byName.get((f.properties?.name ?? '').toLowerCase()) || null;
  }

  /** Shade each outline by its country-only events and mark the filtered country. */
  function styleOutlines(): void {
    if (!outlines) return;
    const counts = new Map((places?.countries ?? []).map((c) => [c.country, c.count]));
    const max = Math.max(1, ...counts.values());
    const selected = state.get().filters.country?.toUpperCase();
    outlines.eachLayer((layer) => {
      const c = outlineCountry.get(layer) ?? null;
      const n = c ? counts.get(c.iso3) ?? 0 : 0;
      const path = layer as L.Path;
      path.setStyle({ fillColor: n ? shade(0.25 + 0.75 * Math.log1p(n) / Math.log1p(max)) : LAND });
      const elPath = path.getElement() as SVGElement | undefined;
      if (elPath) {
        elPath.classList.toggle('map-country-shaded', n > 0);
        elPath.classList.toggle('map-country-selected', !!c && c.iso3 === selected);
        if (c) elPath.dataset.country = c.iso3;
        if (n) elPath.dataset.events = String(n);
        else delete elPath.dataset.events;
      }
    });
  }

  function drawOutlines(topo: Topology): void {
    const fc = feature(topo, topo.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>;
    outlines = L.geoJSON(fc, {
      style: () => ({ color: '#a9b1ba', weight: 0.6, fillColor: LAND, fillOpacity: 1, className: 'map-country' }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => {
          const c = outlineCountry.get(layer) ?? null;
          const n = c ? places?.countries.find((x) => x.country === c.iso3)?.count ?? 0 : 0;
          const tip = el('span', undefined, c?.name ?? f.properties?.name ?? '');
          if (n) tip.append(el('br'), `${n} event${n === 1 ? '' : 's'} known only to the country`);
          return tip;
        }, { sticky: true });
        layer.on('click', () => {
          const c = outlineCountry.get(layer);
          if (!c) return;
          state.set({ filters: { country: state.get().filters.country?.toUpperCase() === c.iso3 ? undefined : c.iso3 } });
        });
      },
    }).addTo(map);
    (outlines.getPane() as HTMLElement | undefined)?.classList.add('map-outline-pane');
    linkOutlines();
  }

  function linkOutlines(): void {
    if (!outlines || !countries) return;
    outlines.eachLayer((layer) => outlineCountry.set(layer, countryOf((layer as L.GeoJSON & { feature: Feature<Geometry, { name?: string }> }).feature)));
    styleOutlines();
  }

  function pointIcon(p: PointProps): L.DivIcon {
    const size = pointSize(p.reports);
    const dot = el('span', 'map-dot');
    dot.style.backgroundColor = typeColour(p.event);
    return L.divIcon({ className: 'map-point', html: dot, iconSize: [size, size] });
  }

  function clusterIcon(count: number, types: Record<string, number>): L.DivIcon {
    const size = clusterSize(count);
    const disc = el('span', 'map-cluster-disc', String(count));
    disc.style.borderColor = typeColour(dominantType(types));
    return L.divIcon({ className: 'map-cluster', html: disc, iconSize: [size, size] });
  }

  /** Points that share one spot, beyond the clustering zoom, set in a small ring so each can be clicked. */
  function spread(features: PointFeature<PointProps>[]): Map<PointFeature<PointProps>, L.LatLng> {
    const at = new Map<string, PointFeature<PointProps>[]>();
    for (const f of features) {
      const key = f.geometry.coordinates.join(',');
      at.set(key, [...(at.get(key) ?? []), f]);
    }
    const out = new Map<PointFeature<PointProps>, L.LatLng>();
    for (const group of at.values()) {
      const [lon, lat] = group[0].geometry.coordinates;
      if (group.length === 1) { out.set(group[0], L.latLng(lat, lon)); continue; }
      const centre = map.latLngToLayerPoint([lat, lon]);
      const r = 10 + 3 * group.length;
      group.forEach((f, i) => {
        const a = (2 * Math.PI * i) / group.length;
        out.set(f, map.layerPointToLatLng(L.point(centre.x + r * Math.cos(a), centre.y + r * Math.sin(a))));
      });
    }
    return out;
  }

  let draws = 0;
  function drawPoints(): void {
    // Counted on the element, so that a test (or a person's script) can tell when the map has settled.
    root.dataset.drawn = String(++draws);
    pointLayer.clearLayers();
    if (!index) return;
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    const found = index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())], zoom);
    const singles: PointFeature<PointProps>[] = [];
    for (const f of found) {
      const props = f.properties as Partial<ClusterProperties> & ClusterProps & PointProps;
      if (props.cluster) {
        const [lon, lat] = f.geometry.coordinates;
        const id = props.cluster_id as number;
        const m = L.marker([lat, lon], {
          icon: clusterIcon(props.point_count as number, props.types), keyboard: true,
          title: `${props.point_count} events here (${props.reports} reports); Enter zooms in`,
        });
        onActivate(m, () => map.setView([lat, lon], Math.min(index?.getClusterExpansionZoom(id) ?? zoom + 2, map.getMaxZoom())));
        pointLayer.addLayer(m);
      } else singles.push(f as PointFeature<PointProps>);
    }
    for (const [f, at] of spread(singles)) {
      const p = f.properties;
      const m = L.marker(at, {
        icon: pointIcon(p), keyboard: true,
        title: `${p.event}${p.date ? `, ${p.date}` : ''}, ${p.reports} report${p.reports === 1 ? '' : 's'}: open its evidence`,
      });
      onActivate(m, () => state.set({ open: p.id }));
      m.on('add', () => { const e = m.getElement(); if (e) e.dataset.id = p.id; });
      pointLayer.addLayer(m);
    }
  }

  function renderLegend(): void {
    legend.replaceChildren();
    if (!places) return;
    const counts = new Map<string, number>();
    for (const p of places.points) counts.set(p.event, (counts.get(p.event) ?? 0) + 1);
    for (const type of [...counts.keys()].sort(byTypeOrder)) {
      const li = el('li', 'map-legend-item');
      li.append(swatch(typeColour(type)), `${type} ${counts.get(type)}`);
      legend.append(li);
    }
    if (places.countries.length) {
      const li = el('li', 'map-legend-item');
      li.append(swatch(shade(0.6), 'chart-swatch map-legend-country'), 'known only to the country');
      legend.append(li);
    }
  }

  function describe(p: PlacesAnswer): string {
    const inCountries = p.countries.reduce((n, c) => n + c.count, 0);
    const parts = [`${p.points_total} at places`];
    if (p.points.length < p.points_total) parts[0] += ` (the ${p.points.length} most reported drawn)`;
    if (inCountries) parts.push(`${inCountries} known only to their country (shaded)`);
    if (p.unplaced) parts.push(`${p.unplaced} without a place`);
    return `Events: ${parts.join('; ')}. Dot size: reports.`;
  }

  /** Frame the events; at once (no animation) when the page does it itself, so the first view does not swim. */
  function fitToEvents(animate = false): void {
    if (!places) return;
    const bounds = L.latLngBounds([]);
    for (const p of places.points) bounds.extend([p.lat, p.lon]);
    if (outlines) {
      const shaded = new Set(places.countries.map((c) => c.country));
      outlines.eachLayer((layer) => {
        const c = outlineCountry.get(layer);
        if (c && shaded.has(c.iso3)) bounds.extend((layer as L.Polygon).getBounds());
      });
    }
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.1), { maxZoom: 6, animate });
    else map.setView([20, 10], 1.5, { animate });
  }

  async function load(s: ViewState): Promise<void> {
    const mine = ++latest;
    root.setAttribute('aria-busy', 'true');
    try {
      const answer = await getJson<PlacesAnswer>('/places', filterQuery(s.filters, { limit: MAP_POINTS }));
      if (mine !== latest) return;
      places = answer;
      index = new Supercluster<PointProps, ClusterProps>({
        // Leaflet's tiles are 256 px (supercluster counts in 512 by default): radius in screen pixels, about a big cluster's size.
        radius: 52, extent: 256, maxZoom: CLUSTER_MAX_ZOOM,
        map: (p) => ({ reports: p.reports, types: { [p.event]: 1 } }),
        reduce: (acc, p) => {
          acc.reports += p.reports;
          for (const [k, v] of Object.entries(p.types)) acc.types[k] = (acc.types[k] ?? 0) + v;
        },
      }).load(answer.points.map((p) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: p.id, event: p.event, date: p.date, reports: p.reports },
      })));
      note.textContent = describe(answer);
      renderLegend();
      styleOutlines();
      if (!fitted && outlines) { fitted = true; fitToEvents(); }
      drawPoints();
    } catch (err) {
      if (mine !== latest) return;
      note.textContent = '';
      ctx.status(`Map: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      if (mine === latest) { root.removeAttribute('aria-busy'); root.dataset.loaded = String(mine); }
    }
  }

  fit.addEventListener('click', () => fitToEvents(true));
  map.on('moveend', drawPoints);
  new ResizeObserver(() => map.invalidateSize()).observe(box);

  // The outlines and the country table once, beside the first places request.
  void Promise.all([
    fetch(worldUrl).then((r) => r.json() as Promise<Topology>),
    getJson<CountriesAnswer>('/countries'),
  ]).then(([topo, table]) => {
    countries = { byNumeric: new Map(), byName: new Map() };
    for (const c of table.countries) {
      if (c.numeric) countries.byNumeric.set(c.numeric, c);
      countries.byName.set(c.name.toLowerCase(), c);
    }
    drawOutlines(topo);
    if (places && !fitted) { fitted = true; fitToEvents(); }
    root.dataset.outlines = 'drawn';
  }).catch((err) => ctx.status(`Map: the country outlines did not load (${err instanceof Error ? err.message : String(err)})`, 'error'));

  state.subscribe((now, before) => {
    if (now.filters.country !== before.filters.country) fitted = false;
    if (!sameFilters(now, before)) void load(now);
  });
  void load(state.get());
}
