import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPORTS_DIR = join(import.meta.dirname, '..', 'reports');

/**
 * Writes `evals/reports/<timestamp>-<task>.json` with the run's config, aggregate numbers and every
 * graded row, and returns its path.
 */
export function writeReport(
  task: string,
  report: { config: unknown; aggregate: unknown; rows: unknown[] },
): string {
  mkdirSync(REPORTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(REPORTS_DIR, `${stamp}-${task}.json`);
  writeFileSync(path, `${JSON.stringify({ task, at: new Date().toISOString(), ...report }, null, 2)}\n`);
  return path;
}

/** A fixed-width table for the console. */
export function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => displayWidth(String(r[c] ?? ''))))) ?? [];
  return rows
    .map((r) =>
      r.map((cell, c) => String(cell) + ' '.repeat((widths[c] ?? 0) - displayWidth(String(cell)))).join('  '),
    )
    .join('\n');
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
