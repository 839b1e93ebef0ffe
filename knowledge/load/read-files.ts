import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { CatalogIssue } from './catalog-issue.ts';

export interface LoadedFile<T> {
  /** Path relative to the catalog root (prefixed by the root's label when several are loaded), for messages. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  data: T;
}

/** Lists `*.yaml`, `*.yml` and `*.json` files of a catalog sub-folder, sorted for determinism. */
export function listDataFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Parses and validates every data file of a folder with `schema`. Problems are collected into
 * `issues` (file + path inside it) instead of stopping at the first one.
 */
export function readValidated<T>(
  root: string,
  dir: string,
  schema: z.ZodType<T>,
  issues: CatalogIssue[],
  label = '',
): LoadedFile<T>[] {
  const out: LoadedFile<T>[] = [];
  for (const path of listDataFiles(join(root, dir))) {
    const file = label ? join(label, relative(root, path)) : relative(root, path);
    let raw: unknown;
    try {
      raw = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      issues.push({
        file,
        path: '',
        message: `cannot parse: ${error instanceof Error ? error.message : error}`,
      });
      continue;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ file, path: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    out.push({ file, path, data: result.data });
  }
  return out;
}

/** Formats a zod issue path as `materials[2].ref`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}
