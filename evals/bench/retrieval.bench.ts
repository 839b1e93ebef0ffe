import { existsSync } from 'node:fs';
import { DenseIndex } from '../../knowledge/embed/dense-index.ts';
import { HashedNgramEmbeddings } from '../../knowledge/embed/hashed-ngram-embeddings.ts';
import { loadCatalog } from '../../knowledge/load/load-catalog.ts';
import { catalogTerms } from '../../knowledge/route/catalog-terms.ts';
import { buildChunks, type Chunk } from '../../knowledge/search/chunks.ts';
import { HybridSearch } from '../../knowledge/search/hybrid-search.ts';
import { LexicalSearch } from '../../knowledge/search/lexical-search.ts';
import { Tokenizer } from '../../knowledge/search/tokenizer.ts';
import { readJsonl } from '../lib/dataset.ts';
import { table } from '../lib/report.ts';
import { MiniSearchBm25 } from '../peers/minisearch-bm25.ts';
import { RetrievalRow } from '../runners/retrieval.schema.ts';
import { RETRIEVAL_DATASET } from '../runners/retrieval.ts';
import { RoutingRow } from '../runners/routing.schema.ts';
import { ROUTING_DATASET } from '../runners/routing.ts';
import { syntheticChunks } from './synthetic-chunks.ts';

interface Measured {
  p50: number;
  p95: number;
  p99: number;
  qps: number;
}

async function measure(
  queries: readonly string[],
  run: (q: string) => Promise<unknown> | unknown,
  rounds: number,
): Promise<Measured> {
  for (const q of queries.slice(0, 20)) await run(q); // warm-up
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), qps: (times.length / total) * 1000 };
}

async function benchAt(
  label: string,
  chunks: Chunk[],
  tokenizer: Tokenizer,
  queries: readonly string[],
  rounds: number,
) {
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const lexical = new LexicalSearch(chunks, tokenizer);
  const lexicalBuild = performance.now() - t;
  t = performance.now();
  const minisearch = new MiniSearchBm25(chunks, tokenizer);
  const minisearchBuild = performance.now() - t;
  const embeddings = new HashedNgramEmbeddings();
  t = performance.now();
  const dense = await DenseIndex.build(chunks, embeddings, { key: 'bench' });
  const denseBuild = performance.now() - t;
  const hybrid = new HybridSearch(lexical, dense, embeddings);
  const memory = {
    heapMB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
    rssMB: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
  };
  const rows: Record<string, Measured> = {
    hybrid: await measure(queries, (q) => hybrid.search(q, { k: 5 }), rounds),
    'bm25 (MiniSearch)': await measure(queries, (q) => minisearch.search(q, 5), rounds),
    'bm25 (yishi typed-array index)': await measure(queries, (q) => lexical.candidates(q, 5), rounds),
    'dense (brute-force cosine)': await measure(
      queries,
      async (q) => dense.bruteForce(await embeddings.embedQuery(q), 5),
      rounds,
    ),
    'dense (HNSW)': await measure(
      queries,
      async (q) => dense.search(await embeddings.embedQuery(q), 5),
      rounds,
    ),
  };
  const f = (x: number) => x.toFixed(2);
  console.log(
    `\n${label}: ${chunks.length} chunks — build: BM25 ${f(lexicalBuild / 1000)} s (MiniSearch ${f(minisearchBuild / 1000)} s), dense ${f(denseBuild / 1000)} s; memory +${f(memory.heapMB)} MB heap, +${f(memory.rssMB)} MB RSS`,
  );
  console.log(
    table([
      ['system', 'p50 ms', 'p95 ms', 'p99 ms', 'queries/s'],
      ...Object.entries(rows).map(([n, m]) => [n, f(m.p50), f(m.p95), f(m.p99), f(m.qps)]),
    ]),
  );
  return { label, chunks: chunks.length, lexicalBuild, minisearchBuild, denseBuild, memory, rows };
}

/**
 * Latency and throughput of hybrid, BM25 alone and dense alone at the catalog's size and at a large synthetic
 * corpus, with build times and memory. Usage: npm run bench -- retrieval [--size 100000]
 */
export async function retrievalBench(args: string[]): Promise<void> {
  const sizeFlag = args.indexOf('--size');
  const size = sizeFlag >= 0 ? Number(args[sizeFlag + 1]) : 100_000;
  const catalog = loadCatalog();
  const t = performance.now();
  const tokenizer = new Tokenizer(catalogTerms(catalog));
  const chunks = buildChunks(catalog);
  console.log(`tokenizer + chunking: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const queries = existsSync(RETRIEVAL_DATASET)
    ? readJsonl(RETRIEVAL_DATASET, RetrievalRow).map((r) => r.query)
    : readJsonl(ROUTING_DATASET, RoutingRow).map((r) => r.message);
  console.log(`node ${process.version}, ${queries.length} queries`);
  await benchAt('catalog', chunks, tokenizer, queries, 5);
  if (size > 0)
    await benchAt(
      `synthetic ${size}`,
      [...chunks, ...syntheticChunks(chunks, tokenizer, size - chunks.length)],
      tokenizer,
      queries,
      1,
    );
}
