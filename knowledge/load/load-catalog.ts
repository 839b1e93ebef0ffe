import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bundle } from '../model/bundle.schema.ts';
import { FactFile } from '../model/fact.schema.ts';
import { MaterialFile } from '../model/material.schema.ts';
import { Matter } from '../model/matter.schema.ts';
import { RegionOverlay } from '../model/region-overlay.schema.ts';
import { SharedSourceFile } from '../model/shared-source.schema.ts';
import type { Catalog } from './catalog.ts';
import { type CatalogIssue, catalogError } from './catalog-issue.ts';
import { crossCheck } from './cross-check.ts';
import { type LoadedFile, readValidated } from './read-files.ts';

/** The catalog shipped with yishi (the embedded default). */
export const DEFAULT_CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalog');

/**
 * Loads every data file under the given catalog roots (the authored catalog first, then imported ones),
 * validates it and cross-checks references across all of them. Throws one `invalid:catalog` error listing
 * every problem, each naming the file and the path inside it.
 */
export function loadCatalog(roots: string | readonly string[] = DEFAULT_CATALOG_DIR): Catalog {
  const { catalog, issues } = inspectCatalog(roots);
  if (issues.length > 0) throw catalogError(issues);
  return catalog;
}

/** Like `loadCatalog` but returns the problems instead of throwing (for the catalog check CLI and tests). */
export function inspectCatalog(roots: string | readonly string[]): {
  catalog: Catalog;
  issues: CatalogIssue[];
} {
  const list = typeof roots === 'string' ? [roots] : roots;
  const issues: CatalogIssue[] = [];
  const hash = createHash('sha256');
  const read = <T>(dir: string, schema: Parameters<typeof readValidated<T>>[2]) =>
    list.flatMap((root) => {
      const label = list.length > 1 ? basename(root) : '';
      const files = readValidated(root, dir, schema, issues, label);
      for (const f of files) hash.update(f.file).update(readFileSync(f.path));
      return files;
    });

  const bundleFiles = read('bundles', Bundle);
  const matterFiles = read('matters', Matter);
  const materialFiles = read('materials', MaterialFile);
  const factFiles = read('facts', FactFile);
  const sourceFiles = read('shared-sources', SharedSourceFile);
  const overlayFiles = read('regions', RegionOverlay);

  const catalog: Catalog = {
    bundles: byId(bundleFiles.map(withFile), issues, true),
    matters: byId(matterFiles.map(withFile), issues, true),
    materials: byId(flatten(materialFiles), issues, false),
    facts: byId(flatten(factFiles), issues, false),
    sharedSources: byId(flatten(sourceFiles), issues, false),
    overlays: overlayFiles.map((f) => f.data),
    hash: hash.digest('hex'),
  };
  crossCheck(catalog, { bundleFiles, matterFiles, overlayFiles }, issues);
  return { catalog, issues };
}

interface WithFile<T> {
  file: string;
  index?: number;
  item: T;
}

function withFile<T>(f: LoadedFile<T>): WithFile<T> {
  return { file: f.file, item: f.data };
}

function flatten<T>(files: LoadedFile<T[]>[]): WithFile<T>[] {
  return files.flatMap((f) => f.data.map((item, index) => ({ file: f.file, index, item })));
}

function byId<T extends { id: string }>(
  entries: WithFile<T>[],
  issues: CatalogIssue[],
  fileNamedById: boolean,
): Map<string, T> {
  const map = new Map<string, T>();
  const seenIn = new Map<string, string>();
  for (const { file, index, item } of entries) {
    const path = index === undefined ? 'id' : `[${index}].id`;
    if (fileNamedById && basename(file, extname(file)) !== item.id) {
      issues.push({ file, path, message: `file name must equal the id "${item.id}"` });
    }
    const first = seenIn.get(item.id);
    if (first !== undefined) {
      issues.push({ file, path, message: `duplicate id "${item.id}" (first defined in ${first})` });
      continue;
    }
    seenIn.set(item.id, file);
    map.set(item.id, item);
  }
  return map;
}
