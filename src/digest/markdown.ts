/** The Markdown digest: the same content as tables and text; the charts are left out, with a note. */
import type { Digest, Figures } from './model.js';
import { METHOD_NOTE, changeText, FIGURE_NAMES, percent, tollText } from './text.js';

/**
 * Text in a Markdown table cell or line: line breaks made spaces, and the characters that would
 * start markup (emphasis, code, links, HTML, table cells) escaped, so an article's words stay words.
 */
export function mdText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function digestMarkdown(d: Digest): string {
  const lines: string[] = [`# ${mdText(d.title)}`, '', `${mdText(d.described)}. Compared with ${d.previous.from} to ${d.previous.to}. Made by acta on ${d.generated.slice(0, 10)}.`, ''];
  if (d.figures.reports === 0) {
    lines.push('## Nothing in this selection', '', 'The store holds no event that happened in this period and matches this selection. Widen the period or the filters.', '');
  } else {
    lines.push('## In figures', '', '| figure | this period | change |', '|---|---:|---|');
    for (const k of Object.keys(FIGURE_NAMES) as (keyof Figures)[]) lines.push(`| ${FIGURE_NAMES[k]} | ${d.figures[k]} | ${changeText(d.figures[k], d.previousFigures[k])} |`);
    const toll = tollText(d.toll);
    if (toll) lines.push('', `Casualties: ${toll}.`);
    lines.push('', '_The timeline and the map are in the HTML and PDF digests._', '', '## Key happenings', '');
    d.key.forEach((k, i) => {
      lines.push(`${i + 1}. ${mdText(k.sentence)}`, `   > “${mdText(k.quote)}”`, `   Sources: ${mdText(k.sources.join('; ') || 'not named')}${k.novel ? ' · sides new this period' : ''}`, '');
    });
    lines.push('## Who', '', '| actor | happenings |', '|---|---:|', ...d.actors.map((a) => `| ${mdText(a.name)} | ${a.happenings} |`), '');
    lines.push('## Who against whom', '', '| actor | recipient | happenings | mean Goldstein |', '|---|---|---:|---:|', ...d.dyads.map((x) => `| ${mdText(x.actor)} | ${mdText(x.recipient)} | ${x.happenings} | ${x.goldstein} |`), '');
    const q = d.quality;
    lines.push('## How sure', '', `- ${percent(q.undated, q.events)} of the ${q.events} reports give no day for what they tell.`, `- ${percent(q.unplaced, q.events)} name no place finer than a country.`, `- ${percent(q.singleSourced, d.figures.happenings)} of the happenings rest on a single article.`, '');
  }
  lines.push('## Method', '', METHOD_NOTE, '');
  if (d.sources.length) lines.push('## Sources', '', ...d.sources.map((s) => `- ${mdText(s.name)} (${s.articles})`), '');
  return lines.join('\n');
}
