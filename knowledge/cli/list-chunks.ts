/**
 * Lists the guide chunks of the authored catalog (id, section, title, start of text), for writing retrieval
 * evaluation data. Usage: npx tsx knowledge/cli/list-chunks.ts [bundle-id]
 */
import { loadCatalog } from '../load/load-catalog.ts';
import { buildChunks } from '../search/chunks.ts';

const catalog = loadCatalog();
const only = process.argv[2];
const bundle = only ? catalog.bundles.get(only) : undefined;
const within = bundle ? new Set([bundle.id, ...bundle.matters.map((m) => m.id)]) : undefined;
for (const c of buildChunks(catalog)) {
  if (within && !within.has(c.bundleId ?? c.matterId ?? '')) continue;
  console.log(`${c.id}\t${c.section}\t${c.title}\t${c.text.replace(/\s+/g, ' ').slice(0, 120)}`);
}
