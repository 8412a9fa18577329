/**
 * The digest's charts as SVG text, for the HTML digest (inline) and the Markdown digest (files
 * beside it): a timeline of happenings by type, stacked, and a map of Natural Earth's country
 * outlines (world-atlas, shipped) with countries shaded by happenings and points by place. Every
 * text is XML-escaped; nothing refers outside the SVG.
 */
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { xmlText } from '../export/network.js';
import { countryCodes } from '../export/country-codes.js';
import type { Digest } from './model.js';

/** A colour per PLOVER type, in families by QuadClass: blues cooperate, oranges and reds conflict. */
export const TYPE_COLOURS: Record<string, string> = {
  AGREE: '#9ecae1', CONSULT: '#6baed6', SUPPORT: '#4292c6', CONCEDE: '#2171b5',
  COOPERATE: '#74c476', AID: '#31a354', RETREAT: '#006d2c',
  REQUEST: '#fdd0a2', ACCUSE: '#fdae6b', REJECT: '#fd8d3c', THREATEN: '#e6550d', PROTEST: '#a63603',
  SANCTION: '#fcbba1', MOBILIZE: '#fb6a4a', COERCE: '#de2d26', ASSAULT: '#a50f15',
};
export const typeColour = (t: string) => TYPE_COLOURS[t] ?? '#888888';

/** The tallest stack of the timeline (at least 1): its bars' scale. */
export function timelineMax(d: Digest): number {
  const { periods, series } = d.timeline;
  return Math.max(1, ...periods.map((_, i) => series.reduce((n, s) => n + s.counts[i], 0)));
}

/**
 * How much each outline is shaded: its country's happenings over the most any country has, 0 for
 * none. Outlines are named by ISO numeric code; a country without one (Kosovo) is left unshaded
 * rather than matched to every unnamed outline.
 */
export function countryShades(d: Digest): (outlineId: string | number | undefined) => { happenings: number; share: number } {
  const counts = new Map(d.countries.flatMap((c) => { const n = countryCodes(c.iso3)?.isoNumeric; return n ? [[n, c.happenings] as const] : []; }));
  const max = Math.max(1, ...d.countries.map((c) => c.happenings));
  return (id) => {
    const happenings = id === undefined ? 0 : counts.get(String(id)) ?? 0;
    return { happenings, share: happenings / max };
  };
}

/** Stacked bars of happenings a period, by type, with the first and last period named. */
export function timelineSvg(d: Digest, width = 720, height = 200): string {
  const { periods, series } = d.timeline;
  const max = timelineMax(d);
  const left = 36;
  const bottom = 24;
  const plotW = width - left - 8;
  const plotH = height - bottom - 8;
  const bw = plotW / Math.max(1, periods.length);
  const parts: string[] = [];
  periods.forEach((p, i) => {
    let y = 8 + plotH;
    for (const s of series) {
      const c = s.counts[i];
      if (!c) continue;
      const h = (c / max) * plotH;
      y -= h;
      parts.push(`<rect x="${(left + i * bw + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${typeColour(s.event)}"><title>${xmlText(`${p}: ${c} ${s.event}`)}</title></rect>`);
    }
  });
  const axis = [
    `<line x1="${left}" y1="${8 + plotH}" x2="${width - 8}" y2="${8 + plotH}" stroke="#444"/>`,
    `<text x="${left - 4}" y="14" text-anchor="end" font-size="10">${max}</text>`,
    `<text x="${left - 4}" y="${8 + plotH}" text-anchor="end" font-size="10">0</text>`,
    periods.length ? `<text x="${left}" y="${height - 6}" font-size="10">${xmlText(periods[0])}</text>` : '',
    periods.length > 1 ? `<text x="${width - 8}" y="${height - 6}" text-anchor="end" font-size="10">${xmlText(periods[periods.length - 1])}</text>` : '',
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Happenings by type, ${xmlText(d.interval)} by ${xmlText(d.interval)}">${axis.join('')}${parts.join('')}</svg>`;
}

let outlines: FeatureCollection<Geometry, { name: string }> | null = null;

/** Natural Earth's countries at 1:110m, as GeoJSON (read once). */
export function worldOutlines(): FeatureCollection<Geometry, { name: string }> {
  if (!outlines) {
    const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    outlines = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  }
  return outlines;
}

/** Equirectangular: longitude and latitude straight to x and y. */
export const project = (lon: number, lat: number, w: number, h: number) => [((lon + 180) / 360) * w, ((90 - lat) / 180) * h] as const;

/** A ring as path data; a step across the antimeridian (Russia's east, Fiji) moves rather than draws a line round the world. */
function ringPath(ring: number[][], w: number, h: number): string {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat, w, h);
    const jump = i > 0 && Math.abs(lon - ring[i - 1][0]) > 180;
    return `${i && !jump ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join('') + 'Z';
}

export function geometryPath(g: Geometry | null, w: number, h: number): string {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map((r) => ringPath(r, w, h)).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p.map((r) => ringPath(r, w, h)).join('')).join('');
  return '';
}

/** The world with countries shaded by happenings (a country-only event shades its country) and points by place. */
export function mapSvg(d: Digest, width = 720, height = 360): string {
  const shade = countryShades(d);
  const shapes = worldOutlines().features.map((f) => {
    const { happenings: n, share } = shade(f.id);
    const fill = share ? `rgba(165,15,21,${(0.15 + 0.6 * share).toFixed(2)})` : '#eeeeee';
    return `<path d="${geometryPath(f.geometry, width, height)}" fill="${fill}" stroke="#999" stroke-width="0.4"><title>${xmlText(`${f.properties.name}${n ? `: ${n}` : ''}`)}</title></path>`;
  });
  const dots = d.points.map((p) => {
    const [x, y] = project(p.lon, p.lat, width, height);
    const r = 2.5 + Math.min(6, Math.sqrt(p.reports) * 1.5);
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${typeColour(p.event)}" stroke="#fff" stroke-width="0.6"><title>${xmlText(`${p.label}: ${p.event}, ${p.reports} report(s)`)}</title></circle>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of the happenings"><rect width="${width}" height="${height}" fill="#f8fbff"/>${shapes.join('')}${dots.join('')}</svg>`;
}
