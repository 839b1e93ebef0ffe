/** The knowledge layer's public surface: catalog, planner, search and routing. No HTTP, no sessions. */

import type { Embeddings } from '@langchain/core/embeddings';
import { DenseIndex } from './embed/dense-index.ts';
import { HashedNgramEmbeddings } from './embed/hashed-ngram-embeddings.ts';
import type { Catalog } from './load/catalog.ts';
import { loadCatalog } from './load/load-catalog.ts';
import { BundleRouter } from './route/bundle-router.ts';
import { catalogTerms } from './route/catalog-terms.ts';
import { buildChunks, type Chunk } from './search/chunks.ts';
import { HybridSearch } from './search/hybrid-search.ts';
import { LexicalSearch } from './search/lexical-search.ts';
import { SectionLookup } from './search/section-lookup.ts';
import { Tokenizer } from './search/tokenizer.ts';

export type { Catalog } from './load/catalog.ts';
export { DEFAULT_CATALOG_DIR, loadCatalog } from './load/load-catalog.ts';
export type { Facts } from './plan/condition.ts';
export { plan } from './plan/plan.ts';
export type * from './plan/plan.types.ts';
export type { RankedBundle, RouteDecision } from './route/bundle-router.ts';
export type { Chunk } from './search/chunks.ts';
export type { HybridHit } from './search/hybrid-search.ts';
export type { SearchHit } from './search/lexical-search.ts';
export { YishiError } from './yishi-error.ts';

/** Everything the answer pipeline needs from the catalog, built once at start-up. */
export interface Knowledge {
  catalog: Catalog;
  tokenizer: Tokenizer;
  router: BundleRouter;
  /** Hybrid retrieval (BM25 + dense, fused): what answers use. */
  search: HybridSearch;
  /** The BM25 side alone. */
  lexical: LexicalSearch;
  /** The guide chunks every index is built over. */
  chunks: readonly Chunk[];
  dense: DenseIndex;
  embeddings: Embeddings;
  /** Seconds each part took to build (dense: embedding and HNSW, or loading them). */
  buildSeconds: { tokenizer: number; lexical: number; dense: number; lookup: number };
}

export interface KnowledgeOptions {
  /** Where the dense index is persisted (rebuilt only when the catalog or embedding changes); none = memory only. */
  indexDir?: string;
  /** Any LangChain embeddings; default: the local hashed n-gram embedding. */
  embeddings?: Embeddings;
  /** A stable name of the embeddings, part of the index key. */
  embeddingsId?: string;
  /** Chunks added to the catalog's (benchmarks add synthetic ones); they are part of the index key. */
  extraChunks?: readonly Chunk[];
}

/** Builds routing, lexical and dense indexes over a catalog. */
export async function buildKnowledge(
  catalog: Catalog = loadCatalog(),
  options: KnowledgeOptions = {},
): Promise<Knowledge> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - t) / 1000;
    t = now;
    return seconds;
  };
  const tokenizer = new Tokenizer(catalogTerms(catalog));
  const chunks = [...buildChunks(catalog), ...(options.extraChunks ?? [])];
  const tokenizerSeconds = lap();
  const lexical = new LexicalSearch(chunks, tokenizer);
  const lexicalSeconds = lap();
  const embeddings = options.embeddings ?? new HashedNgramEmbeddings();
  const embeddingsId = options.embeddingsId ?? 'hashed-ngram-1024-c123-pinyin';
  const extra = options.extraChunks?.length ? `-x${options.extraChunks.length}` : '';
  const dense = await DenseIndex.build(chunks, embeddings, {
    ...(options.indexDir ? { dir: options.indexDir } : {}),
    key: `${catalog.hash.slice(0, 16)}${extra}-${embeddingsId}`,
  });
  const denseSeconds = lap();
  const lookup = new SectionLookup(catalog, chunks, tokenizer);
  const lookupSeconds = lap();
  const imported = (c: Chunk) => {
    const owner = c.bundleId ? catalog.bundles.get(c.bundleId) : undefined;
    return owner?.scope !== undefined || (c.matterId?.startsWith('hn-') ?? false);
  };
  return {
    catalog,
    tokenizer,
    router: new BundleRouter(catalog, tokenizer),
    search: new HybridSearch(lexical, dense, embeddings, imported, lookup),
    lexical,
    chunks,
    dense,
    embeddings,
    buildSeconds: {
      tokenizer: tokenizerSeconds,
      lexical: lexicalSeconds,
      dense: denseSeconds,
      lookup: lookupSeconds,
    },
  };
}
