/**
 * places: whether two reports put their happening in one place, given how precisely each names
 * it. A city is a point a few tens of kilometres wide, a province some hundreds, a sea or a
 * region a thousand; two places are one when their points lie within the reach of both.
 */
import type { Place } from '../doc/types.js';

export type PlaceRelation = 'same' | 'compatible' | 'unknown' | 'apart';

/**
 * How far from its point a place of each precision reaches, in km: a site (a base, a field) a few
 * km; a city with its outskirts 25 (the analyst guidelines score a place right within 161 km, the
 * reach of a city and the next one); a county 60; a province 250; a region or sea 1000.
 */
const REACH_KM: Record<string, number> = { site: 5, city: 25, admin2: 60, admin1: 250, region: 1000 };

/** Places named this precisely, when they agree, say the reports tell one spot (a province or a sea says little). */
const PRECISE = new Set(['site', 'city', 'admin2']);

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const hasPoint = (p: Place): p is Place & { lat: number; lon: number } => typeof p.lat === 'number' && typeof p.lon === 'number';

/**
 * same: both name one precise spot; compatible: neither rules the other out (one within the
 * other's reach, or a country containing the other); unknown: one is unplaced; apart: too far
 * apart, or in two countries.
 */
export function placeRelation(a: Place | null, b: Place | null): PlaceRelation {
  if (!a || !b) return 'unknown';
  const precise = PRECISE.has(a.precision) && PRECISE.has(b.precision);
  if (a.precision === 'country' || b.precision === 'country') {
    if (a.country && b.country && a.country !== b.country && a.precision !== 'region' && b.precision !== 'region') return 'apart';
    return 'compatible';
  }
  if (hasPoint(a) && hasPoint(b)) {
    const reach = (REACH_KM[a.precision] ?? 25) + (REACH_KM[b.precision] ?? 25);
    if (distanceKm(a, b) > reach) return 'apart';
    return precise ? 'same' : 'compatible';
  }
  if (a.name.toLowerCase() === b.name.toLowerCase()) return precise ? 'same' : 'compatible';
  return a.country && b.country && a.country !== b.country ? 'apart' : 'compatible';
}
