/**
 * Validates the catalog and prints every problem with its file and path, or the counts when clean.
 * Usage: npm run catalog:check [-- <catalog dir>]
 */
import { formatIssue } from '../load/catalog-issue.ts';
import { DEFAULT_CATALOG_DIR, inspectCatalog } from '../load/load-catalog.ts';

const root = process.argv[2] ?? DEFAULT_CATALOG_DIR;
const { catalog, issues } = inspectCatalog(root);
for (const issue of issues) console.error(formatIssue(issue));
console.log(
  `${catalog.bundles.size} bundles, ${catalog.matters.size} matters, ${catalog.materials.size} materials, ` +
    `${catalog.facts.size} facts, ${catalog.sharedSources.size} shared sources, ${catalog.overlays.length} region overlays`,
);
if (issues.length > 0) {
  console.error(`${issues.length} problem(s)`);
  process.exit(1);
}
