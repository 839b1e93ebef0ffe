import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Reads a JSONL dataset, validating every row; a bad row stops the run naming its line. */
export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const result = schema.safeParse(JSON.parse(line));
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`${path}:${i + 1}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    rows.push(result.data);
  });
  return rows;
}
