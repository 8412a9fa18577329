/**
 * Loaded with `node --import` into an `acta` process the benchmark starts (process-figures.ts):
 * at exit it writes the process's resource use (peak RSS, CPU time) and when its first output
 * was written, as JSON, to the file ACTA_EXIT_REPORT names.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.ACTA_EXIT_REPORT;
if (file) {
  let firstOutputMs: number | null = null;
  const write = process.stdout.write.bind(process.stdout) as (...a: unknown[]) => boolean;
  process.stdout.write = ((...a: unknown[]) => {
    // performance.now() counts from the process's start.
    firstOutputMs ??= performance.now();
    return write(...a);
  }) as typeof process.stdout.write;
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ first_output_ms: firstOutputMs, exit_ms: performance.now(), max_rss_kb: u.maxRSS, cpu_ms: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
