import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../../load/catalog.ts';
import { formatIssue } from '../../load/catalog-issue.ts';
import { inspectCatalog } from '../../load/load-catalog.ts';
import type { Matter } from '../../model/matter.schema.ts';
import { buildCatalog, type ImportedCatalog } from './build-catalog.ts';
import { ImportReport } from './import-report.ts';
import { mapMatterGuide } from './map-matter-guide.ts';
import { MaterialIdentity } from './material-identity.ts';
import { type BundleVersion, readBundleVersion } from './read-bundle-version.ts';

export interface ImportOptions {
  /** The portal data: bundle guides in `onething/`, matter guides in `matters/` (or all JSON in one folder). */
  input: string;
  /** Where the catalog is written (replaced): normally `<DATA_DIR>/catalogs/hunan`. */
  output: string;
  /** The authored catalog root, whose bundles imported versions overlay. */
  authoredRoot: string;
  authored: Catalog;
  /** Retrieval date recorded on sources (YYYY-MM-DD). */
  retrieved?: string;
}

/**
 * Imports a folder of Hunan portal guide JSON into a yishi catalog folder and returns the report. A bad
 * file or field is reported and skipped; the rest is imported. The result is validated together with the
 * authored catalog before it is kept.
 */
export function importHunan(options: ImportOptions): { report: ImportReport; catalog: ImportedCatalog } {
  const report = new ImportReport();
  const retrieved = options.retrieved ?? new Date().toISOString().slice(0, 10);
  const identity = new MaterialIdentity(options.authored);
  const versions: BundleVersion[] = [];
  const guides: Matter[] = [];

  for (const path of jsonFiles(options.input)) {
    const file = relative(options.input, path);
    report.counts.files += 1;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      report.counts.failedFiles += 1;
      report.issue(
        file,
        '',
        'malformed',
        `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const data = typeof json === 'object' && json !== null && 'data' in json ? json.data : undefined;
    const isBundle = typeof data === 'object' && data !== null && 'basicInfo' in data;
    const isMatter = typeof data === 'object' && data !== null && 'unifyId' in data;
    if (isBundle) {
      report.counts.bundleFiles += 1;
      const v = readBundleVersion(json, file, report);
      if (v) versions.push(v);
      else report.counts.failedFiles += 1;
    } else if (isMatter) {
      report.counts.matterFiles += 1;
      const m = mapMatterGuide(json, file, report, identity, retrieved);
      if (m) guides.push(m);
      else report.counts.failedFiles += 1;
    } else {
      report.counts.failedFiles += 1;
      report.issue(
        file,
        'data',
        'unmapped',
        'neither a bundle guide (data.basicInfo) nor a matter guide (data.unifyId): not imported',
      );
    }
  }

  const catalog = buildCatalog(versions, guides, options.authored, identity, report, retrieved);
  writeCatalog(options.output, catalog);
  const { issues } = inspectCatalog([options.authoredRoot, options.output]);
  if (issues.length > 0) {
    throw new Error(
      `the imported catalog does not validate (importer bug):\n${issues.slice(0, 20).map(formatIssue).join('\n')}`,
    );
  }
  writeFileSync(join(options.output, 'import-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { report, catalog };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

function writeCatalog(root: string, catalog: ImportedCatalog): void {
  for (const sub of ['bundles', 'matters', 'materials', 'regions']) {
    rmSync(join(root, sub), { recursive: true, force: true });
    mkdirSync(join(root, sub), { recursive: true });
  }
  const write = (path: string, data: unknown) =>
    writeFileSync(join(root, path), stringify(data, { lineWidth: 0 }));
  for (const b of catalog.bundles) write(`bundles/${b.id}.yaml`, b);
  for (const m of catalog.matters) write(`matters/${m.id}.yaml`, m);
  if (catalog.materials.length > 0) write('materials/imported.yaml', catalog.materials);
  for (const [i, o] of catalog.overlays.entries()) write(`regions/${o.region}-${o.bundle}-${i}.yaml`, o);
}
