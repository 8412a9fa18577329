/**
 * The PDF digest, made without a browser (pdfkit) with DejaVu fonts embedded, so that names such
 * as Erdoğan, Łódź or al-Muhandis print as written: the same content as the HTML digest, the
 * timeline and map drawn as vectors.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Digest, Figures } from './model.js';
import { countryShades, geometryPath, project, timelineMax, typeColour, worldOutlines } from './svg.js';
import { EMPTY_NOTE, METHOD_NOTE, changeText, FIGURE_NAMES, qualityLines, selectionLine, tollText } from './text.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor('#1d232b').text(text).moveDown(0.3).font(FONT).fontSize(10);
}

function timeline(doc: Doc, d: Digest, x: number, y: number, w: number, h: number): void {
  const { periods, series } = d.timeline;
  const max = timelineMax(d);
  const bw = w / Math.max(1, periods.length);
  periods.forEach((_, i) => {
    let top = y + h;
    for (const s of series) {
      const c = s.counts[i];
      if (!c) continue;
      const bh = (c / max) * h;
      top -= bh;
      doc.rect(x + i * bw + 0.5, top, Math.max(0.5, bw - 1), bh).fill(typeColour(s.event));
    }
  });
  doc.moveTo(x, y + h).lineTo(x + w, y + h).strokeColor('#444').lineWidth(0.5).stroke();
  doc.fillColor('#333').fontSize(8).text(String(max), x - 30, y - 3, { width: 26, align: 'right' }).text('0', x - 30, y + h - 6, { width: 26, align: 'right' });
  if (periods.length) doc.text(periods[0], x, y + h + 3, { lineBreak: false });
  if (periods.length > 1) doc.text(periods[periods.length - 1], x + w - 80, y + h + 3, { width: 80, align: 'right', lineBreak: false });
  let lx = x;
  let ly = y + h + 16;
  for (const s of series) {
    const label = s.event;
    const lw = doc.widthOfString(label) + 18;
    if (lx + lw > x + w) { lx = x; ly += 12; }
    doc.rect(lx, ly + 1, 8, 8).fill(typeColour(s.event));
    doc.fillColor('#333').text(label, lx + 11, ly, { lineBreak: false });
    lx += lw;
  }
  doc.x = x;
  doc.y = ly + 16;
}

function map(doc: Doc, d: Digest, x: number, y: number, w: number, h: number): void {
  // Outlines are named by ISO numeric code; a country without one (Kosovo) is left unshaded rather than matched to every unnamed outline.
  const shade = countryShades(d);
  doc.save().translate(x, y);
  doc.rect(0, 0, w, h).fill('#f8fbff');
  for (const f of worldOutlines().features) {
    const path = geometryPath(f.geometry, w, h);
    if (!path) continue;
    const { share } = shade(f.id);
    doc.path(path).lineWidth(0.3).fillOpacity(share ? 0.15 + 0.6 * share : 1).fillAndStroke(share ? '#a50f15' : '#eeeeee', '#999999');
  }
  doc.fillOpacity(1);
  for (const p of d.points) {
    const [px, py] = project(p.lon, p.lat, w, h);
    doc.circle(px, py, 2 + Math.min(5, Math.sqrt(p.reports))).lineWidth(0.4).fillAndStroke(typeColour(p.event), '#ffffff');
  }
  doc.restore();
  doc.x = x;
  doc.y = y + h + 8;
}

function table(doc: Doc, head: string[], rows: (string | number)[][], widths: number[]): void {
  const x0 = doc.page.margins.left;
  const line = (cells: (string | number)[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    let bottom = y;
    doc.font(bold ? BOLD : FONT).fontSize(9).fillColor('#1d232b');
    cells.forEach((c, i) => {
      doc.text(String(c), x, y, { width: widths[i] - 6 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i];
    });
    doc.x = x0;
    doc.y = bottom + 2;
  };
  line(head, true);
  for (const r of rows) line(r, false);
  doc.font(FONT).fontSize(10);
}

/** The digest as PDF bytes. */
export function digestPdf(d: Digest): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: d.title, Creator: 'acta', Producer: 'acta (pdfkit)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const width = doc.page.width - 100;
  doc.font(BOLD).fontSize(18).text(d.title);
  doc.font(FONT).fontSize(10).fillColor('#555').text(selectionLine(d));
  if (d.figures.reports === 0) {
    heading(doc, 'Nothing in this selection');
    doc.text(EMPTY_NOTE);
  } else {
    heading(doc, 'In figures');
    for (const k of Object.keys(FIGURE_NAMES) as (keyof Figures)[]) {
      doc.font(BOLD).text(`${d.figures[k]} ${FIGURE_NAMES[k]}`, { continued: true }).font(FONT).fillColor('#555').text(`  ${changeText(d.figures[k], d.previousFigures[k])}`).fillColor('#1d232b');
    }
    const toll = tollText(d.toll);
    if (toll) doc.moveDown(0.3).font(FONT).fillColor('#1d232b').text(`Casualties: ${toll}.`);
    heading(doc, 'Over time');
    timeline(doc, d, doc.x + 30, doc.y + 6, width - 30, 120);
    if (doc.y > doc.page.height - 330) doc.addPage();
    heading(doc, 'Where');
    map(doc, d, doc.page.margins.left, doc.y + 4, width, width / 2);
    heading(doc, 'Key happenings');
    d.key.forEach((k, i) => {
      if (doc.y > doc.page.height - 110) doc.addPage();
      doc.font(FONT).fontSize(10).fillColor('#1d232b').text(`${i + 1}. ${k.sentence}`);
      doc.fontSize(9).fillColor('#444').text(`“${k.quote}”`, { indent: 14 });
      doc.fillColor('#666').text(`Sources: ${k.sources.join('; ') || 'not named'}${k.novel ? ' · sides new this period' : ''}`, { indent: 14 }).moveDown(0.4);
    });
    heading(doc, 'Who');
    table(doc, ['Actor', 'Happenings'], d.actors.map((a) => [a.name, a.happenings]), [width - 90, 90]);
    heading(doc, 'Who against whom');
    table(doc, ['Actor', 'Recipient', 'Happenings', 'Goldstein'], d.dyads.map((x) => [x.actor, x.recipient, x.happenings, x.goldstein]), [(width - 150) / 2, (width - 150) / 2, 80, 70]);
    heading(doc, 'How sure');
    doc.text(qualityLines(d).join(' '));
  }
  heading(doc, 'Method');
  doc.fontSize(9).fillColor('#444').text(METHOD_NOTE);
  if (d.sources.length) {
    heading(doc, 'Sources');
    doc.fontSize(9).fillColor('#1d232b').text(d.sources.map((s) => `${s.name} (${s.articles})`).join('; '));
  }
  doc.end();
  return done;
}
