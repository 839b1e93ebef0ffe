import type { Embeddings } from '@langchain/core/embeddings';
import type { DenseIndex } from '../embed/dense-index.ts';
import { regionChain } from '../regions/divisions.ts';
import type { Chunk } from './chunks.ts';
import type { LexicalSearch, SearchHit, SearchOptions } from './lexical-search.ts';
import { SEARCH_CONFIG } from './search.config.ts';

/** Why a hit ranks where it does. */
export interface HitSignals {
  rrf: number;
  bm25?: { rank: number; score: number };
  dense?: { rank: number; cosine: number };
  sectionWeight: number;
  authority: number;
}

export interface HybridHit extends SearchHit {
  signals: HitSignals;
}

/**
 * Hybrid retrieval: BM25 (MiniSearch + jieba) and dense (embeddings + HNSW) candidates fused by reciprocal
 * rank, then weighted by chunk section and authority. A hit needs real lexical or dense evidence; when none
 * has, the result is empty — "nothing relevant", which the answer pipeline turns into `no_answer`.
 */
export class HybridSearch {
  constructor(
    private readonly lexical: LexicalSearch,
    private readonly dense: DenseIndex,
    private readonly embeddings: Embeddings,
    private readonly isImported: (chunk: Chunk) => boolean = () => false,
  ) {}

  async search(query: string, options: SearchOptions = {}): Promise<HybridHit[]> {
    const cfg = SEARCH_CONFIG.hybrid;
    const allow = this.filter(options);
    const lexical = this.lexical.candidates(query, cfg.candidates, allow);
    const vector = await this.embeddings.embedQuery(query);
    const dense = this.dense.search(vector, cfg.candidates, allow);

    const fused = new Map<string, HitSignals>();
    const entry = (id: string): HitSignals => {
      const existing = fused.get(id);
      if (existing) return existing;
      const fresh: HitSignals = { rrf: 0, sectionWeight: 1, authority: 1 };
      fused.set(id, fresh);
      return fresh;
    };
    lexical.forEach((h, i) => {
      const e = entry(h.id);
      e.rrf += cfg.weights.lexical / (cfg.rrfK + i + 1);
      e.bm25 = { rank: i + 1, score: round(h.score) };
    });
    dense.forEach((h, i) => {
      const e = entry(h.id);
      e.rrf += cfg.weights.dense / (cfg.rrfK + i + 1);
      e.dense = { rank: i + 1, cosine: round(h.cosine) };
    });

    // Score light entries first; build hit objects only for the k that are returned.
    const scored: { chunk: Chunk; signals: HitSignals; score: number }[] = [];
    for (const [id, signals] of fused) {
      if ((signals.bm25?.score ?? 0) < cfg.minBm25 && (signals.dense?.cosine ?? 0) < cfg.minCosine) continue;
      const chunk = this.lexical.chunk(id);
      if (!chunk) continue;
      signals.sectionWeight = SEARCH_CONFIG.chunks.sectionWeight[chunk.section];
      signals.authority = this.isImported(chunk) ? cfg.authority.imported : cfg.authority.authored;
      scored.push({ chunk, signals, score: signals.rrf * signals.sectionWeight * signals.authority });
    }
    scored.sort((a, b) => b.score - a.score);
    return scored
      .slice(0, options.k ?? 5)
      .map(({ chunk, signals, score }) => ({ ...chunk, score: Math.round(score * 1e5) / 1e5, signals }));
  }

  /** Whether any chunk belongs to a region; without any, an unfiltered search needs no filter callback. */
  private get hasRegional(): boolean {
    this.regional ??= this.lexical.hasRegionalChunks();
    return this.regional;
  }

  private regional: boolean | undefined;

  private filter(options: SearchOptions): ((id: string) => boolean) | undefined {
    const regions = options.region ? regionChain(options.region) : undefined;
    if (!options.within && !regions) {
      // Filter callbacks cross from native HNSW into JS for every visited node: only pay when needed.
      return this.hasRegional ? (id) => this.lexical.chunk(id)?.region === undefined : undefined;
    }
    return (id) => {
      const c = this.lexical.chunk(id);
      if (!c) return false;
      if (options.within && !options.within.has(c.bundleId ?? c.matterId ?? '')) return false;
      return c.region === undefined || (regions?.includes(c.region) ?? false);
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
