/**
 * Label consistency within a document. A name keeps its type through an
 * article: once "Hamid Zorbak" is tagged a person, a later "Zorbak" is that
 * person even where the sentence alone ("Zorbak said …") makes the model
 * guess an organisation; and a name tagged as one type several times takes
 * that type where the model wavers. The memory reads sentences in order, so it
 * works the same whether a caller tags a whole document or sentence by sentence.
 */
import { spansFromTags, type BioTag, type EntityKind } from './tags.js';
import { isCapitalised } from './shape.js';
import { definitions } from './definitions.js';

/** Words inside names that say nothing on their own. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'of', 'the', 'and', 'mr', 'mrs', 'ms', 'dr']);

function retype(tags: BioTag[], first: number, last: number, type: EntityKind): void {
  tags[first] = `B-${type}` as BioTag;
  for (let k = first + 1; k <= last; k++) tags[k] = `I-${type}` as BioTag;
}

export class DocumentMemory {
  /** Single words that were part of a multi-word person name. */
  private readonly personParts = new Set<string>();
  /** Per name (words joined by spaces): how often it was tagged as each type. */
  private readonly typeCounts = new Map<string, Map<EntityKind, number>>();
  /** Names a sentence defined ("X is a village"): the type the definition gave. */
  private readonly defined = new Map<string, EntityKind>();

  /** Tags of a sentence corrected by what earlier sentences showed; then remembered. */
  apply(words: readonly string[], tags: readonly BioTag[]): BioTag[] {
    const out = [...tags];
    for (const s of spansFromTags(tags)) {
      const name = words.slice(s.first, s.last + 1).join(' ');
      let type: EntityKind | null = null;
      const known = this.defined.get(name);
      if (known) type = known;
      else if (s.first === s.last && s.type !== 'PER' && this.personParts.has(name)) type = 'PER';
      else type = this.majority(name);
      if (type && type !== s.type) retype(out, s.first, s.last, type);
    }
    // What this sentence says a name is (definitions.ts) outweighs the guess, here and later.
    for (const d of definitions(words, out)) {
      retype(out, d.span.first, d.span.last, d.type);
      this.defined.set(words.slice(d.span.first, d.span.last + 1).join(' '), d.type);
    }
    // A surname alone, untagged, after the full name was seen ("… Zorbak said").
    for (let i = 0; i < words.length; i++) {
      if (out[i] !== 'O' || !isCapitalised(words[i]) || !this.personParts.has(words[i])) continue;
      if (i + 1 < words.length && out[i + 1].startsWith('I-')) continue;
      out[i] = 'B-PER';
    }
    this.remember(words, out);
    return out;
  }

  private majority(name: string): EntityKind | null {
    const counts = this.typeCounts.get(name);
    if (!counts) return null;
    let best: EntityKind | null = null;
    let bestCount = 0;
    let total = 0;
    for (const [t, c] of counts) {
      total += c;
      if (c > bestCount) { best = t; bestCount = c; }
    }
    // Only a clear majority overrides the model.
    return bestCount >= 2 && bestCount * 3 >= total * 2 ? best : null;
  }

  private remember(words: readonly string[], tags: readonly BioTag[]): void {
    for (const s of spansFromTags(tags)) {
      const name = words.slice(s.first, s.last + 1).join(' ');
      let counts = this.typeCounts.get(name);
      if (!counts) { counts = new Map(); this.typeCounts.set(name, counts); }
      counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
      if (s.type === 'PER' && s.last > s.first) {
        for (let k = s.first; k <= s.last; k++) {
          const w = words[k];
          if (w.length > 1 && isCapitalised(w) && !PARTICLES.has(w.toLowerCase()) && !w.endsWith('.')) this.personParts.add(w);
        }
      }
    }
  }
}
