import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import type { Chunk } from '../search/chunks.ts';
import { HashedNgramEmbeddings } from './hashed-ngram-embeddings.ts';

export interface DenseHit {
  id: string;
  cosine: number;
}

const Sidecar = z.object({
  ids: z.array(z.string()),
  dimensions: z.number().int(),
  state: z.object({ dimensions: z.number(), documents: z.number(), df: z.array(z.number()) }).nullable(),
});

/** Unit length, so inner product is cosine whatever the embedding model returns. */
function normalize(v: readonly number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm > 0 ? v.map((x) => x / norm) : [...v];
}

function dot(v: Float32Array, q: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < v.length; j++) sum += (v[j] ?? 0) * (q[j] ?? 0);
  return sum;
}

/**
 * Text embedded for a chunk: its title gives the passage its context; an FAQ's question is given twice, since
 * people ask in the words of the question more than of the answer.
 */
export function chunkText(c: Chunk): string {
  return c.question ? `${c.title}\n${c.question}\n${c.text}` : `${c.title}\n${c.text}`;
}

/**
 * Chunk vectors in an HNSW index (hnswlib-node, inner product over L2-normalized vectors = cosine), persisted
 * under `dir` by `key` (catalog hash + embedding) and rebuilt only when that key changes. The raw vectors are kept
 * for exact brute-force search, the baseline ANN is measured against.
 */
export class DenseIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    private readonly ids: string[],
    private readonly vectors: Float32Array[],
    readonly dimensions: number,
    /** Whether this instance was read from disk rather than built. */
    readonly loaded: boolean,
  ) {}

  static async build(
    chunks: readonly Chunk[],
    embeddings: Embeddings,
    options: { dir?: string; key: string },
  ): Promise<DenseIndex> {
    const texts = chunks.map(chunkText);
    const files = options.dir
      ? { index: join(options.dir, `${options.key}.hnsw`), side: join(options.dir, `${options.key}.json`) }
      : undefined;
    if (files && existsSync(files.index) && existsSync(files.side)) {
      const side = Sidecar.parse(JSON.parse(readFileSync(files.side, 'utf8')));
      if (side.state && embeddings instanceof HashedNgramEmbeddings) embeddings.load(side.state);
      const index = new hnswlib.HierarchicalNSW('ip', side.dimensions);
      index.readIndexSync(files.index);
      const vectors = side.ids.map((_, i) => Float32Array.from(index.getPoint(i)));
      return new DenseIndex(index, side.ids, vectors, side.dimensions, true);
    }
    const state = embeddings instanceof HashedNgramEmbeddings ? embeddings.fit(texts) : null;
    const raw = (await embeddings.embedDocuments(texts)).map(normalize);
    const dimensions = raw[0]?.length ?? 1;
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.initIndex({ maxElements: Math.max(1, raw.length), m: 16, efConstruction: 200, randomSeed: 42 });
    for (const [i, v] of raw.entries()) index.addPoint(v, i);
    index.setEf(64);
    const ids = chunks.map((c) => c.id);
    if (files && options.dir) {
      mkdirSync(options.dir, { recursive: true });
      index.writeIndexSync(files.index);
      writeFileSync(files.side, JSON.stringify({ ids, dimensions, state }));
    }
    return new DenseIndex(
      index,
      ids,
      raw.map((v) => Float32Array.from(v)),
      dimensions,
      false,
    );
  }

  /** Approximate nearest neighbours (HNSW), optionally only among ids `allow` accepts. */
  search(query: readonly number[], k: number, allow?: (id: string) => boolean): DenseHit[] {
    const vector = normalize(query);
    const n = Math.min(k, this.ids.length);
    if (n === 0) return [];
    const filter = allow ? (label: number) => allow(this.ids[label] ?? '') : undefined;
    const result = this.index.searchKnn([...vector], n, filter);
    return result.neighbors.map((label, i) => ({
      id: this.ids[label] ?? '',
      cosine: 1 - (result.distances[i] ?? 1),
    }));
  }

  /** Cosines of the query with the given chunks' vectors (unknown ids are left out). */
  cosinesOf(query: readonly number[], ids: Iterable<string>): Map<string, number> {
    this.positions ??= new Map(this.ids.map((x, i) => [x, i]));
    const q = normalize(query);
    const out = new Map<string, number>();
    for (const id of ids) {
      const v = this.vectors[this.positions.get(id) ?? -1];
      if (v) out.set(id, dot(v, q));
    }
    return out;
  }

  private positions: Map<string, number> | undefined;

  /** Exact cosine over every vector: the "dense alone" baseline and the check on HNSW recall. */
  bruteForce(query: readonly number[], k: number, allow?: (id: string) => boolean): DenseHit[] {
    const vector = normalize(query);
    const hits: DenseHit[] = [];
    this.vectors.forEach((v, i) => {
      const id = this.ids[i] ?? '';
      if (allow && !allow(id)) return;
      hits.push({ id, cosine: dot(v, vector) });
    });
    return hits.sort((a, b) => b.cosine - a.cosine).slice(0, k);
  }

  get size(): number {
    return this.ids.length;
  }
}
