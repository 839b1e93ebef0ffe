/**
 * Imports a provincial portal's guide JSON (Hunan format) into a catalog in the data directory.
 * Usage: npm run import -- <dir> [--out <dir>]     (default out: $DATA_DIR/catalogs/hunan)
 */
import { join, resolve } from 'node:path';
import { importHunan } from '../import/hunan/import-hunan.ts';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../load/load-catalog.ts';

const args = process.argv.slice(2);
const input = args.find((a) => !a.startsWith('--'));
const outFlag = args.indexOf('--out');
if (!input) {
  console.error('usage: npm run import -- <dir> [--out <dir>]');
  process.exit(2);
}
const output = resolve(
  outFlag >= 0 && args[outFlag + 1]
    ? (args[outFlag + 1] ?? '')
    : join(process.env.DATA_DIR ?? 'data', 'catalogs', 'hunan'),
);
const { report } = importHunan({
  input: resolve(input),
  output,
  authoredRoot: DEFAULT_CATALOG_DIR,
  authored: loadCatalog(),
});
const summary = report.toJSON();
console.log(`imported into ${output}`);
console.log(JSON.stringify(summary.counts));
console.log(`issues: ${JSON.stringify(summary.issuesByKind)} (details in import-report.json)`);
for (const i of summary.issues.filter((x) => x.kind !== 'unmapped' && x.kind !== 'unmatched').slice(0, 20)) {
  console.log(`  ${i.kind} ${i.file} ${i.path}: ${i.message}`);
}
console.log(
  `known fields not imported: ${Object.keys(summary.skippedFields).length} (reasons in import-report.json)`,
);
