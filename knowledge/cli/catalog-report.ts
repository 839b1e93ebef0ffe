/**
 * Coverage report: for each bundle, how complete it is — matters, materials, steps, limits, fees, channels,
 * form fields, source — and the totals. Loads the authored catalog plus imported ones (KNOWLEDGE_DIRS or
 * DATA_DIR/catalogs/*), like the server.
 * Usage: npm run catalog:report [-- --authored]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { table } from '../../evals/lib/report.ts';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../load/load-catalog.ts';
import { bundleCoverage } from '../report/coverage.ts';

const authoredOnly = process.argv.includes('--authored');
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const extra = authoredOnly
  ? []
  : process.env.KNOWLEDGE_DIRS
    ? process.env.KNOWLEDGE_DIRS.split(',').map((d) => resolve(d.trim()))
    : existsSync(join(dataDir, 'catalogs'))
      ? readdirSync(join(dataDir, 'catalogs')).map((d) => join(dataDir, 'catalogs', d))
      : [];
const catalog = loadCatalog([DEFAULT_CATALOG_DIR, ...extra]);
const rows = [...catalog.bundles.values()].map((b) => bundleCoverage(catalog, b));
rows.sort((a, b) => Number(a.imported) - Number(b.imported) || a.id.localeCompare(b.id));

const header = [
  'bundle',
  'name',
  'list',
  'matters',
  'materials',
  'steps',
  'limits',
  'fees',
  'channels',
  'form',
  'facts',
  'aliases',
  'regions',
  'complete',
  'source',
];
const body = rows.map((r) => [
  r.id,
  r.name,
  r.list ?? '—',
  r.matters,
  r.materials,
  `${r.stepsComplete}/${r.matters}`,
  `${r.limitsComplete}/${r.matters}`,
  `${r.feesComplete}/${r.matters}`,
  `${r.channelsComplete}/${r.matters}`,
  r.formFields,
  r.facts,
  r.aliases,
  r.regions,
  `${Math.round(r.completeness * 100)}%`,
  r.source,
]);
console.log(table([header, ...body]));
const authored = rows.filter((r) => !r.imported);
const imported = rows.filter((r) => r.imported);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `\ntotals: ${rows.length} bundles (${authored.length} authored, ${imported.length} imported regional), ` +
    `${catalog.matters.size} matters, ${catalog.materials.size} materials, ${catalog.facts.size} facts, ` +
    `${catalog.overlays.length} region overlays over ${new Set(catalog.overlays.map((o) => o.bundle)).size} bundles in ` +
    `${new Set(catalog.overlays.map((o) => o.region)).size} regions; ` +
    `on a national list: ${authored.filter((r) => r.list).length}; authored completeness ${Math.round((sum(authored.map((r) => r.completeness)) / Math.max(1, authored.length)) * 100)}%; ` +
    `bundles without a source: ${rows.filter((r) => !r.source).length}`,
);
