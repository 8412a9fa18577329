/** The Markdown digest: the same content as tables and text; the charts are left out, with a note. */
import type { Digest, Figures } from './model.js';
import { EMPTY_NOTE, METHOD_NOTE, changeText, FIGURE_NAMES, qualityLines, selectionLine, tollText } from './text.js';

/**
 * Text in a Markdown table cell or line: line breaks made spaces, and the characters that would
 * start markup (emphasis, code, links, HTML, table cells) escaped, so an article's words stay words.
 */
export function mdText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function digestMarkdown(d: Digest): string {
  const lines: string[] = [`# ${mdText(d.title)}`, '', mdText(selectionLine(d)), ''];
  if (d.figures.reports === 0) {
    lines.push('## Nothing in this selection', '', EMPTY_NOTE, '');
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
    lines.push('## How sure', '', ...qualityLines(d).map((l) => `- ${l}`), '');
  }
  lines.push('## Method', '', METHOD_NOTE, '');
  if (d.sources.length) lines.push('## Sources', '', ...d.sources.map((s) => `- ${mdText(s.name)} (${s.articles})`), '');
  return lines.join('\n');
}
