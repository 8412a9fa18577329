/**
 * The actor network as the graph tools read it: GEXF 1.3 (Gephi) and GraphML, nodes the sides and
 * edges the dyads actor → recipient with their counts by QuadClass. Text is escaped XML.
 */
import type { Dyad } from '../store/index.js';

/** Text as XML 1.0 character data or attribute value: markup escaped, characters XML cannot hold dropped. */
export function xmlText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The nodes of a dyad list: every side, with the events it takes part in as actor or recipient. */
export function networkNodes(dyads: Dyad[]): { id: string; events: number }[] {
  const count = new Map<string, number>();
  for (const d of dyads) for (const n of [d.actor, d.recipient]) count.set(n, (count.get(n) ?? 0) + d.count);
  return [...count].map(([id, events]) => ({ id, events })).sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
}

const QUADS = ['1', '2', '3', '4'] as const;

/** The network as GEXF 1.3 (Gephi): directed edges actor → recipient weighted by events, QuadClass counts as attributes. */
export function gexf(dyads: Dyad[]): string {
  const nodes = networkNodes(dyads);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '<graph defaultedgetype="directed" mode="static">',
    '<attributes class="node"><attribute id="events" title="events" type="integer"/></attributes>',
    `<attributes class="edge">${QUADS.map((q) => `<attribute id="q${q}" title="quad_class_${q}" type="integer"/>`).join('')}<attribute id="goldstein" title="goldstein" type="double"/></attributes>`,
    '<nodes>',
    ...nodes.map((n) => `<node id="${xmlText(n.id)}" label="${xmlText(n.id)}"><attvalues><attvalue for="events" value="${n.events}"/></attvalues></node>`),
    '</nodes>',
    '<edges>',
    ...dyads.map((d, i) => `<edge id="${i}" source="${xmlText(d.actor)}" target="${xmlText(d.recipient)}" weight="${d.count}"><attvalues>${QUADS.map((q) => `<attvalue for="q${q}" value="${d.byQuadClass[q]}"/>`).join('')}<attvalue for="goldstein" value="${d.goldstein}"/></attvalues></edge>`),
    '</edges>',
    '</graph>',
    '</gexf>',
  ];
  return lines.join('\n') + '\n';
}

/** The network as GraphML: the same nodes and edges with their counts as data keys. */
export function graphml(dyads: Dyad[]): string {
  const nodes = networkNodes(dyads);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="events" for="node" attr.name="events" attr.type="int"/>',
    '<key id="count" for="edge" attr.name="count" attr.type="int"/>',
    ...QUADS.map((q) => `<key id="q${q}" for="edge" attr.name="quad_class_${q}" attr.type="int"/>`),
    '<key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>',
    '<graph id="acta" edgedefault="directed">',
    ...nodes.map((n) => `<node id="${xmlText(n.id)}"><data key="events">${n.events}</data></node>`),
    ...dyads.map((d) => `<edge source="${xmlText(d.actor)}" target="${xmlText(d.recipient)}"><data key="count">${d.count}</data>${QUADS.map((q) => `<data key="q${q}">${d.byQuadClass[q]}</data>`).join('')}<data key="goldstein">${d.goldstein}</data></edge>`),
    '</graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}
