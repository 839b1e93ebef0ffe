/** The knowledge layer's public surface: catalog, planner, search and routing. No HTTP, no sessions. */
import type { Catalog } from './load/catalog.ts';
import { loadCatalog } from './load/load-catalog.ts';
import { BundleRouter } from './route/bundle-router.ts';
import { catalogTerms } from './route/catalog-terms.ts';
import { buildChunks } from './search/chunks.ts';
import { LexicalSearch } from './search/lexical-search.ts';
import { Tokenizer } from './search/tokenizer.ts';

export type { Catalog } from './load/catalog.ts';
export { DEFAULT_CATALOG_DIR, loadCatalog } from './load/load-catalog.ts';
export type { Facts } from './plan/condition.ts';
export { plan } from './plan/plan.ts';
export type * from './plan/plan.types.ts';
export type { RankedBundle, RouteDecision } from './route/bundle-router.ts';
export type { Chunk } from './search/chunks.ts';
export type { SearchHit } from './search/lexical-search.ts';
export { YishiError } from './yishi-error.ts';

/** Everything the answer pipeline needs from the catalog, built once at start-up. */
export interface Knowledge {
  catalog: Catalog;
  tokenizer: Tokenizer;
  router: BundleRouter;
  search: LexicalSearch;
}

export function buildKnowledge(catalog: Catalog = loadCatalog()): Knowledge {
  const tokenizer = new Tokenizer(catalogTerms(catalog));
  return {
    catalog,
    tokenizer,
    router: new BundleRouter(catalog, tokenizer),
    search: new LexicalSearch(buildChunks(catalog), tokenizer),
  };
}
