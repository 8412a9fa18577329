/**
 * Toponym resolution on LGL (geo/lgl.xml) and GeoVirus (geo/GeoVirus.xml):
 * toponym precision and recall (span overlap with gold, one-to-one), and for
 * matched toponyms with gold coordinates the geocoding error in km: accuracy
 * within 161 km (100 miles), mean and median error, and the AUC of the error
 * curve as Gritta et al. (2017, 2018) compute it — errors sorted, each taken as
 * ln(1 + km), the area under that curve (trapezoids) divided by the area of
 * the worst case, ln(1 + 20039 km, half the earth's circumference) per toponym.
 * Lower AUC is better. A matched toponym that acta left without coordinates
 * counts as the worst error (20039 km).
 */
import { readFileSync } from 'node:fs';
import {
  analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, mean, median, prf, ratio, skipped, stripXmlComments, xmlChild, xmlChildren, xmlText,
  type DatasetResult, type RunOptions,
} from './common.js';
import { matchSpans } from './spans.js';

export const EARTH_RADIUS_KM = 6371.0088;
export const MAX_ERROR_KM = 20039;

/** Great-circle distance (haversine), km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Area under the log error curve, normalised to 0 (all exact) .. 1 (all worst). */
export function errorAuc(errorsKm: number[]): number | null {
  if (errorsKm.length === 0) return null;
  // ln(1 + worst) rather than ln(worst) so that the scale ends at exactly 1.
  const scale = Math.log(1 + MAX_ERROR_KM);
  const ys = errorsKm.map((e) => Math.log(1 + Math.min(e, MAX_ERROR_KM))).sort((a, b) => a - b);
  if (ys.length === 1) return ys[0] / scale;
  let area = 0;
  for (let i = 1; i < ys.length; i++) area += (ys[i - 1] + ys[i]) / 2;
  return area / (scale * (ys.length - 1));
}

export function accuracyWithin(errorsKm: number[], km = 161): number | null {
  return ratio(errorsKm.filter((e) => e <= km).length, errorsKm.length);
}

export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface GeoArticle {
  id: string;
  text: string;
  published: string | null;
  toponyms: GoldToponym[];
}

const num = (s: string | null): number | null => {
  if (s === null || s.trim() === '') return null;
  const v = Number(s.trim());
  return Number.isFinite(v) ? v : null;
};

/**
 * Places a gold span on the text: as given, else shifted by one (GeoVirus
 * counts from 1), else the occurrence of the name nearest to the given start.
 * Returns null when the name is nowhere in the text.
 */
export function alignSpan(text: string, start: number, end: number, name: string): { start: number; end: number } | null {
  if (text.slice(start, end) === name) return { start, end };
  if (text.slice(start - 1, end - 1) === name) return { start: start - 1, end: end - 1 };
  let best = -1;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
  }
  return best >= 0 ? { start: best, end: best + name.length } : null;
}

/** LGL: <article docid> with <text> (CDATA) and <toponyms><toponym> start/end/phrase/gaztag lat lon. */
export function readLgl(xml: string): GeoArticle[] {
  const out: GeoArticle[] = [];
  const re = /<article\b([^>]*)>([\s\S]*?)<\/article>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const body = m[2];
    const text = xmlText(xmlChild(body, 'text') ?? '');
    const id = /docid="([^"]*)"/.exec(m[1])?.[1] ?? String(out.length);
    const dl = xmlChild(body, 'dltime');
    const published = dl && /^\d{4}-\d{2}-\d{2}/.test(dl) ? dl.slice(0, 10) : null;
    const toponyms: GoldToponym[] = [];
    for (const t of xmlChildren(body, 'toponym')) {
      const name = xmlText(xmlChild(t, 'phrase') ?? '');
      const span = alignSpan(text, num(xmlChild(t, 'start')) ?? -1, num(xmlChild(t, 'end')) ?? -1, name);
      if (!span) continue;
      const gaz = xmlChild(t, 'gaztag');
      toponyms.push({ ...span, name, lat: gaz ? num(xmlChild(gaz, 'lat')) : null, lon: gaz ? num(xmlChild(gaz, 'lon')) : null });
    }
    out.push({ id, text, published, toponyms });
  }
  return out;
}

/** GeoVirus: <article> with <source>, <text> and <locations><location> name/start/end/lat/lon. */
export function readGeoVirus(xml: string): GeoArticle[] {
  const out: GeoArticle[] = [];
  for (const body of xmlChildren(stripXmlComments(xml), 'article')) {
    const text = xmlText(xmlChild(body, 'text') ?? '');
    const toponyms: GoldToponym[] = [];
    for (const l of xmlChildren(body, 'location')) {
      const name = xmlText(xmlChild(l, 'name') ?? '');
      const span = alignSpan(text, num(xmlChild(l, 'start')) ?? -1, num(xmlChild(l, 'end')) ?? -1, name);
      if (!span) continue;
      toponyms.push({ ...span, name, lat: num(xmlChild(l, 'lat')), lon: num(xmlChild(l, 'lon')) });
    }
    out.push({ id: `geovirus-${out.length}`, text, published: null, toponyms });
  }
  return out;
}

export interface PredictedPlace {
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
}

export interface GeoCounts {
  nGold: number;
  nPred: number;
  matched: number;
  /** Errors (km) of matched toponyms whose gold has coordinates. */
  errors: number[];
  /** Matched toponyms that acta gave no coordinates. */
  unresolved: number;
}

export function emptyGeoCounts(): GeoCounts {
  return { nGold: 0, nPred: 0, matched: 0, errors: [], unresolved: 0 };
}

export function countGeo(gold: GoldToponym[], pred: PredictedPlace[], into: GeoCounts = emptyGeoCounts()): GeoCounts {
  into.nGold += gold.length;
  into.nPred += pred.length;
  for (const [g, p] of matchSpans(gold, pred, 'overlap')) {
    into.matched++;
    const a = gold[g];
    const b = pred[p];
    if (a.lat === null || a.lon === null) continue;
    if (b.lat === null || b.lon === null) { into.unresolved++; into.errors.push(MAX_ERROR_KM); continue; }
    into.errors.push(haversineKm(a.lat, a.lon, b.lat, b.lon));
  }
  return into;
}

export function geoMetrics(c: GeoCounts): Record<string, number | null> {
  const s = prf(c.matched, c.nPred, c.nGold);
  return {
    toponym_p: s.precision, toponym_r: s.recall, toponym_f1: s.f1,
    acc_161km: accuracyWithin(c.errors), mean_km: mean(c.errors), median_km: median(c.errors),
    auc: errorAuc(c.errors),
  };
}

export async function evaluateGeo(dataset: string, rel: string, opts: RunOptions): Promise<DatasetResult> {
  const path = evalPath(rel, opts.env);
  if (!path) return skipped(dataset, `${rel} not found under ACTA_SHARED/eval`);
  const t0 = performance.now();
  const analyze = await loadAnalyzer();
  const xml = readFileSync(path, 'utf8');
  const articles = capped(rel.toLowerCase().includes('lgl') ? readLgl(xml) : readGeoVirus(xml), opts.limit);
  const c = emptyGeoCounts();
  const failures = newFailures();
  for (const a of articles) {
    const doc = await analyzeSafely(analyze, { text: a.text, published: a.published, id: a.id }, failures);
    countGeo(a.toponyms, (doc?.places ?? []).map((p) => ({ start: p.start, end: p.end, lat: p.lat, lon: p.lon })), c);
  }
  return {
    dataset, system: 'acta', status: 'ok', n: articles.length, seconds: (performance.now() - t0) / 1000,
    metrics: geoMetrics(c),
    details: { failures, gold: c.nGold, predicted: c.nPred, matched: c.matched, scoredErrors: c.errors.length, unresolved: c.unresolved },
  };
}
