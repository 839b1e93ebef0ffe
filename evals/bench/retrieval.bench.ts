import os from 'node:os';
import { buildKnowledge, type Catalog, loadCatalog } from '../../knowledge/index.ts';
import { catalogTerms } from '../../knowledge/route/catalog-terms.ts';
import { buildChunks, type Chunk } from '../../knowledge/search/chunks.ts';
import { Tokenizer } from '../../knowledge/search/tokenizer.ts';
import { readJsonl } from '../lib/dataset.ts';
import { table } from '../lib/report.ts';
import { MiniSearchBm25 } from '../peers/minisearch-bm25.ts';
import { RetrievalRow } from '../runners/retrieval.schema.ts';
import { evaluateSystems, RETRIEVAL_DATASET, type SystemQuality, systems } from '../runners/retrieval.ts';
import { numberFlag } from './bench-args.ts';
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

interface Row {
  system: string;
  quality?: SystemQuality;
  speed: Measured;
  buildSeconds: number;
}

async function benchAt(
  label: string,
  catalog: Catalog,
  extra: Chunk[],
  rows: readonly RetrievalRow[],
  rounds: number,
) {
  const queries = rows.map((r) => r.query);
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  // The same build answers use (tokenizer, BM25, HNSW, section lookup), with the synthetic chunks added.
  const k = await buildKnowledge(catalog, { extraChunks: extra });
  const memory = {
    heapMB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
    rssMB: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
  };
  let t = performance.now();
  const minisearch = new MiniSearchBm25(k.chunks, k.tokenizer);
  const minisearchSeconds = (performance.now() - t) / 1000;
  const b = k.buildSeconds;
  const yishiSeconds = b.tokenizer + b.lexical + b.dense + b.lookup;
  const national = (id: string) => k.lexical.chunk(id)?.region === undefined;
  // Quality only where the dataset's chunk ids are the whole corpus (the catalog); speed everywhere.
  const quality =
    extra.length === 0
      ? (await evaluateSystems(systems(k, minisearch), rows)).results
      : ({} as Record<string, SystemQuality>);
  t = performance.now();
  const measured: Row[] = [
    {
      system: 'hybrid',
      quality: quality.hybrid,
      speed: await measure(queries, (q) => k.search.search(q, { k: 5 }), rounds),
      buildSeconds: yishiSeconds,
    },
    {
      system: 'bm25 (MiniSearch)',
      quality: quality.bm25,
      speed: await measure(queries, (q) => minisearch.search(q, 5, national), rounds),
      buildSeconds: b.tokenizer + minisearchSeconds,
    },
    {
      system: 'dense (brute-force cosine)',
      quality: quality.dense,
      speed: await measure(
        queries,
        async (q) => k.dense.bruteForce(await k.embeddings.embedQuery(q), 5, national),
        rounds,
      ),
      buildSeconds: b.dense,
    },
    {
      system: 'bm25 (yishi typed-array index)',
      speed: await measure(queries, (q) => k.lexical.candidates(q, 5, national), rounds),
      buildSeconds: b.tokenizer + b.lexical,
    },
    {
      system: 'dense (HNSW)',
      speed: await measure(
        queries,
        async (q) => k.dense.search(await k.embeddings.embedQuery(q), 5, national),
        rounds,
      ),
      buildSeconds: b.dense,
    },
  ];
  const f = (x: number | undefined, d = 2) => (x === undefined ? '—' : x.toFixed(d));
  console.log(
    `\n${label}: ${k.chunks.length} chunks — yishi build ${f(yishiSeconds)} s (tokenizer ${f(b.tokenizer)}, BM25 ${f(b.lexical)}, dense ${f(b.dense)}, lookup ${f(b.lookup)}); memory +${f(memory.heapMB, 0)} MB heap, +${f(memory.rssMB, 0)} MB RSS`,
  );
  console.log(
    table([
      ['system', 'recall@1', 'recall@5', 'MRR', 'p50 ms', 'p95 ms', 'p99 ms', 'queries/s', 'build s'],
      ...measured.map((m) => [
        m.system,
        f(m.quality?.r1, 3),
        f(m.quality?.r5, 3),
        f(m.quality?.mrr, 3),
        f(m.speed.p50),
        f(m.speed.p95),
        f(m.speed.p99),
        f(m.speed.qps, 0),
        f(m.buildSeconds),
      ]),
    ]),
  );
}

/**
 * Quality, latency and throughput of yishi hybrid, BM25 alone (MiniSearch) and dense alone, at the catalog's size
 * and at a large synthetic corpus, with build times and memory: one run, one table per size.
 * Usage: npm run bench -- retrieval [--size 100000]
 */
export async function retrievalBench(args: string[]): Promise<void> {
  const size = numberFlag(args, 'size', 100_000);
  const catalog = loadCatalog();
  const rows = readJsonl(RETRIEVAL_DATASET, RetrievalRow);
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, ${rows.length} queries (${RETRIEVAL_DATASET})`,
  );
  await benchAt('catalog', catalog, [], rows, 5);
  if (size > 0) {
    const tokenizer = new Tokenizer(catalogTerms(catalog));
    const real = buildChunks(catalog);
    await benchAt(
      `synthetic ${size}`,
      catalog,
      syntheticChunks(real, tokenizer, size - real.length),
      rows,
      1,
    );
  }
}
