/**
 * Measure the places stage against gold toponyms: LGL (local US news) and
 * GeoVirus (disease news worldwide), from <shared>/eval/geo/ (ACTA_SHARED, default
 * ../shared). Reports toponym precision/recall (overlapping spans, and exact
 * spans), and for matched toponyms the share resolved within 161 km (100 miles)
 * of the gold point, with mean and median error. Run: node dist/places/measure.js
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Span } from '../doc/types.js';
import { packageRoot } from '../util/data.js';
import { segment } from '../segment/index.js';
import { gazetteerSize } from './gazetteer.js';
import { findPlaces } from './index.js';

interface GoldToponym extends Span {
  lat: number | null;
  lon: number | null;
}

interface GoldArticle {
  text: string;
  toponyms: GoldToponym[];
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

function field(block: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(block);
  if (!m) return null;
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[1].trim());
  return cdata ? cdata[1] : decodeXml(m[1]);
}

function numberOrNull(s: string | null): number | null {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** LGL: <article><text>…</text><toponyms><toponym><start><end><gaztag><lat><lon>. */
export function readLgl(xml: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const a of xml.matchAll(/<article[\s>][\s\S]*?<\/article>/g)) {
    const text = field(a[0], 'text') ?? '';
    const toponyms: GoldToponym[] = [];
    for (const t of a[0].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const start = numberOrNull(field(t[1], 'start'));
      const end = numberOrNull(field(t[1], 'end'));
      if (start === null || end === null) continue;
      toponyms.push({ start, end, lat: numberOrNull(field(t[1], 'lat')), lon: numberOrNull(field(t[1], 'lon')) });
    }
    out.push({ text, toponyms });
  }
  return out;
}

/** GeoVirus: <article><text>…</text><locations><location><start><end><lat><lon>. */
export function readGeoVirus(xml: string): GoldArticle[] {
  const clean = xml.replace(/<!--[\s\S]*?-->/g, '');
  const out: GoldArticle[] = [];
  for (const a of clean.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const text = field(a[1], 'text') ?? '';
    const toponyms: GoldToponym[] = [];
    for (const t of a[1].matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      let start = numberOrNull(field(t[1], 'start'));
      let end = numberOrNull(field(t[1], 'end'));
      if (start === null || end === null) continue;
      // GeoVirus offsets are often one character late: re-anchor on the gold name nearby.
      const name = field(t[1], 'name');
      if (name && text.slice(start, end) !== name) {
        for (const shift of [-1, 1, -2, 2]) {
          if (text.slice(start + shift, start + shift + name.length) === name) {
            start += shift; end = start + name.length; break;
          }
        }
      }
      toponyms.push({ start, end, lat: numberOrNull(field(t[1], 'lat')), lon: numberOrNull(field(t[1], 'lon')) });
    }
    out.push({ text, toponyms });
  }
  return out;
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2
    + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface GeoScores {
  articles: number;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  exactPrecision: number;
  exactRecall: number;
  resolved: number;
  accuracy161: number;
  /** Accuracy within 161 km for places resolved below country level (cities, divisions, sites). */
  accuracy161BelowCountry: number;
  resolvedBelowCountry: number;
  meanKm: number;
  medianKm: number;
  ms: number;
}

export function measure(articles: GoldArticle[]): GeoScores {
  let gold = 0; let predicted = 0; let hitPred = 0; let hitGold = 0; let exactHits = 0;
  const errors: number[] = [];
  const belowCountry: number[] = [];
  const t0 = performance.now();
  for (const a of articles) {
    const seg = segment({ text: a.text, body: [{ start: 0, end: a.text.length }] });
    const places = findPlaces({ text: a.text, sentences: seg.sentences, tokens: seg.tokens });
    gold += a.toponyms.length;
    predicted += places.length;
    for (const p of places) if (a.toponyms.some((g) => g.start < p.end && p.start < g.end)) hitPred++;
    for (const g of a.toponyms) {
      const p = places.find((x) => x.start < g.end && g.start < x.end);
      if (!p) continue;
      hitGold++;
      if (p.start === g.start && p.end === g.end) exactHits++;
      if (g.lat !== null && g.lon !== null && p.lat !== null && p.lon !== null) {
        const km = haversineKm(g.lat, g.lon, p.lat, p.lon);
        errors.push(km);
        if (p.precision !== 'country' && p.precision !== 'region') belowCountry.push(km);
      }
    }
  }
  const ms = performance.now() - t0;
  errors.sort((x, y) => x - y);
  return {
    articles: articles.length, gold, predicted,
    precision: predicted ? hitPred / predicted : 0, recall: gold ? hitGold / gold : 0,
    exactPrecision: predicted ? exactHits / predicted : 0, exactRecall: gold ? exactHits / gold : 0,
    resolved: errors.length,
    accuracy161: errors.length ? errors.filter((e) => e <= 161).length / errors.length : 0,
    accuracy161BelowCountry: belowCountry.length ? belowCountry.filter((e) => e <= 161).length / belowCountry.length : 0,
    resolvedBelowCountry: belowCountry.length,
    meanKm: errors.length ? errors.reduce((s, e) => s + e, 0) / errors.length : 0,
    medianKm: errors.length ? errors[Math.floor(errors.length / 2)] : 0,
    ms,
  };
}

function sharedGeo(file: string): string | null {
  const setting = process.env.ACTA_SHARED && process.env.ACTA_SHARED.trim() !== '' ? process.env.ACTA_SHARED : '../shared';
  const root = isAbsolute(setting) ? setting : resolve(packageRoot, setting);
  const p = join(root, 'eval', 'geo', file);
  return existsSync(p) ? p : null;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function main(): void {
  const t = performance.now();
  const size = gazetteerSize();
  const loadMs = performance.now() - t;
  console.log(`gazetteer: ${size} places, loaded in ${loadMs.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  for (const [name, file, reader] of [['LGL', 'lgl.xml', readLgl], ['GeoVirus', 'GeoVirus.xml', readGeoVirus]] as const) {
    const path = sharedGeo(file);
    if (!path) { console.log(`${name}: skipped (${file} not found; set ACTA_SHARED)`); continue; }
    const s = measure(reader(readFileSync(path, 'utf8')));
    console.log(`${name}: ${s.articles} articles, ${s.gold} gold toponyms, ${s.predicted} found`
      + ` | P ${pct(s.precision)} R ${pct(s.recall)} (exact span P ${pct(s.exactPrecision)} R ${pct(s.exactRecall)})`
      + ` | ${s.resolved} resolved: acc@161km ${pct(s.accuracy161)}, mean ${s.meanKm.toFixed(0)} km, median ${s.medianKm.toFixed(0)} km`
      + ` | below country level: ${s.resolvedBelowCountry}, acc@161km ${pct(s.accuracy161BelowCountry)}`
      + ` | ${s.ms.toFixed(0)} ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
