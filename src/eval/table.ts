/** Plain-text tables for the harness's output. */
import type { DatasetResult } from './common.js';

export function formatValue(v: number | null | undefined, key = ''): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  if (/_km$/.test(key)) return v.toFixed(0);
  if (Number.isInteger(v) && Math.abs(v) > 1) return String(v);
  return v.toFixed(3);
}

export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line per dataset and system: status, size, time and every metric as key=value. */
export function resultsTable(results: DatasetResult[]): string {
  const rows = results.map((r) => [
    r.dataset, r.system, r.status, String(r.n), r.seconds.toFixed(1),
    r.status === 'ok'
      ? Object.entries(r.metrics).map(([k, v]) => `${k}=${formatValue(v, k)}`).join(' ')
      : r.reason ?? '',
  ]);
  return renderTable(['dataset', 'system', 'status', 'n', 'sec', 'metrics'], rows);
}
