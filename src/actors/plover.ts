/**
 * An actor as PLOVER records it. acta codes actors with CAMEO's agent codes
 * (IRQGOV, USAHLH); PLOVER renamed and merged some of them (its MED is health,
 * its JRN is media; insurgents and separatists are rebels) and puts
 * international non-state actors in the code slot (IGO, NGO, IMG, MNC). The
 * correspondence is a column of `data/sectors.tsv`; this file only applies it.
 */
import type { Entity } from '../doc/types.js';
import { sectors } from './knowledge.js';

export interface PloverActor {
  /** ISO 3166 alpha-3, or PLOVER's non-state code (IGO, NGO, IMG, MNC), or null. */
  code: string | null;
  /** PLOVER sector (GOV, MIL, JRN, MED, SOC …), or null. */
  sector: string | null;
}

export function ploverActor(e: Pick<Entity, 'country' | 'sector' | 'type'>): PloverActor {
  const s = e.sector ? sectors().get(e.sector) : undefined;
  if (!s) return { code: e.country, sector: e.sector };
  const sector = (e.type === 'PER' ? s.ploverPersonSector : null) ?? s.ploverSector;
  return { code: e.country ?? s.ploverCode, sector };
}
