/** Events as GeoJSON (RFC 7946) features, and the projection of an event to the fields asked for. */
import type { CodedEvent } from '../doc/types.js';

/** An event with only the fields asked for, in the order asked. */
export function project(e: CodedEvent, fields: string[] | undefined): Record<string, unknown> {
  if (!fields) return e as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = (e as unknown as Record<string, unknown>)[f];
  return out;
}

/** A GeoJSON Feature: a point where the place has coordinates, else no geometry (RFC 7946 allows null). */
export function geojsonFeature(e: CodedEvent, fields: string[] | undefined) {
  const loc = e.location;
  const geometry = loc && loc.lat !== null && loc.lon !== null ? { type: 'Point', coordinates: [loc.lon, loc.lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties: project(e, fields) };
}
