/**
 * The HTML digest: one self-contained file (styles inline, charts and map as inline SVG, no
 * script, no request outside it — its own Content-Security-Policy says so), laid out for reading
 * on screen and in print. Every text from the store is escaped.
 */
import { xmlText as esc } from '../export/network.js';
import type { Digest, Figures } from './model.js';
import { mapSvg, timelineSvg, typeColour } from './svg.js';
import { EMPTY_NOTE, METHOD_NOTE, changeText, FIGURE_NAMES, qualityLines, selectionLine, tollText } from './text.js';

const CSS = `body{font:15px/1.45 Georgia,'DejaVu Serif',serif;color:#1d232b;max-width:50rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
.sel{color:#555}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
td.n,th.n{text-align:right}.figs{display:flex;gap:1rem;flex-wrap:wrap}.fig{border:1px solid #dde;border-radius:4px;padding:.5rem .8rem;min-width:9rem}
.fig b{font-size:1.5rem;display:block}.fig small{color:#555}ol li{margin-bottom:.8rem}blockquote{margin:.3rem 0 0 0;padding-left:.7rem;border-left:3px solid #ccd;color:#444;font-size:.9rem}
.key{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}svg{max-width:100%;height:auto}
.legend span{margin-right:.8rem;font-size:.85rem;white-space:nowrap}.note{color:#555;font-size:.88rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}li,tr,svg{break-inside:avoid}}`;

function figureBoxes(now: Figures, before: Figures): string {
  return (Object.keys(FIGURE_NAMES) as (keyof Figures)[]).map((k) =>
    `<div class="fig"><b>${now[k]}</b>${esc(FIGURE_NAMES[k])}<br><small>${esc(changeText(now[k], before[k]))}</small></div>`).join('');
}

export function digestHtml(d: Digest): string {
  const empty = d.figures.reports === 0;
  const legend = d.timeline.series.map((s) => `<span><i class="key" style="background:${typeColour(s.event)}"></i>${esc(s.event)}</span>`).join('');
  const sections: string[] = [
    `<h1>${esc(d.title)}</h1>`,
    `<p class="sel">${esc(selectionLine(d))}</p>`,
  ];
  if (empty) {
    sections.push(`<h2>Nothing in this selection</h2><p>${esc(EMPTY_NOTE)}</p>`);
  } else {
    const toll = tollText(d.toll);
    sections.push(`<h2>In figures</h2><div class="figs">${figureBoxes(d.figures, d.previousFigures)}</div>${toll ? `<p>Casualties: ${esc(toll)}.</p>` : ''}`);
    sections.push(`<h2>Over time</h2>${timelineSvg(d)}<p class="legend">${legend}</p>`);
    sections.push(`<h2>Where</h2>${mapSvg(d)}<p class="note">Countries are shaded by happenings placed in them (a happening known only to its country shades it); points are the towns and sites named.</p>`);
    sections.push('<h2>Key happenings</h2><ol>' + d.key.map((k) => `<li>${esc(k.sentence)}<blockquote>“${esc(k.quote)}”</blockquote><small class="note">Sources: ${esc(k.sources.join('; ') || 'not named')}${k.novel ? ' · sides new this period' : ''}</small></li>`).join('') + '</ol>');
    sections.push('<h2>Who</h2><table><tr><th>Actor</th><th class="n">Happenings</th></tr>' + d.actors.map((a) => `<tr><td>${esc(a.name)}</td><td class="n">${a.happenings}</td></tr>`).join('') + '</table>');
    sections.push('<h2>Who against whom</h2><table><tr><th>Actor</th><th>Recipient</th><th class="n">Happenings</th><th class="n">Mean Goldstein</th></tr>' + d.dyads.map((x) => `<tr><td>${esc(x.actor)}</td><td>${esc(x.recipient)}</td><td class="n">${x.happenings}</td><td class="n">${x.goldstein}</td></tr>`).join('') + '</table>');
    sections.push(`<h2>How sure</h2><ul>${qualityLines(d).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
  }
  sections.push(`<h2>Method</h2><p class="note">${esc(METHOD_NOTE)}</p>`);
  if (d.sources.length) sections.push('<h2>Sources</h2><ul>' + d.sources.map((s) => `<li>${esc(s.name)} (${s.articles})</li>`).join('') + '</ul>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title><style>${CSS}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
}
