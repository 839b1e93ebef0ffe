import MiniSearch from 'minisearch';
import { regionChain } from '../regions/divisions.ts';
import type { Chunk } from './chunks.ts';
import { normalizeText } from './normalize.ts';
import { SEARCH_CONFIG } from './search.config.ts';
import type { Tokenizer } from './tokenizer.ts';

export interface SearchHit extends Chunk {
  score: number;
}

export interface SearchOptions {
  k?: number;
  /** Keep national chunks and those of this region (or its city/province). */
  region?: string;
  /** Keep only chunks of these bundles or matters. */
  within?: ReadonlySet<string>;
}

/**
 * BM25 over guide chunks with the jieba tokenizer (MiniSearch). It returns nothing rather than weak
 * hits: results under `minScore` are dropped, so "nothing relevant" is an answer callers can act on.
 */
export class LexicalSearch {
  private readonly index: MiniSearch<Chunk>;
  private readonly byId: Map<string, Chunk>;

  constructor(
    chunks: readonly Chunk[],
    private readonly tokenizer: Tokenizer,
  ) {
    this.byId = new Map(chunks.map((c) => [c.id, c]));
    this.index = new MiniSearch<Chunk>({
      fields: ['title', 'text'],
      tokenize: (text) => this.tokenizer.tokens(text),
      processTerm: (term) => term,
    });
    this.index.addAll([...chunks]);
  }

  /** Adds the configured synonyms of the query's words. */
  private expand(query: string): string {
    const extra = this.tokenizer
      .tokens(query)
      .concat([...query])
      .flatMap((t) => SEARCH_CONFIG.chunks.synonyms[t] ?? []);
    return extra.length > 0 ? `${query} ${[...new Set(extra)].join(' ')}` : query;
  }

  /** Raw BM25 ranking (no section weights, no minimum): the lexical list fusion starts from. */
  candidates(query: string, n: number, allow?: (id: string) => boolean): { id: string; score: number }[] {
    return this.index
      .search(this.expand(normalizeText(query)), {
        boost: SEARCH_CONFIG.chunks.boost,
        combineWith: 'OR',
        ...(allow ? { filter: (r) => allow(String(r.id)) } : {}),
      })
      .slice(0, n)
      .map((r) => ({ id: String(r.id), score: r.score }));
  }

  hasRegionalChunks(): boolean {
    for (const c of this.byId.values()) if (c.region !== undefined) return true;
    return false;
  }

  chunk(id: string): Chunk | undefined {
    return this.byId.get(id);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const k = options.k ?? 5;
    const regions = options.region ? regionChain(options.region) : undefined;
    const results = this.index.search(this.expand(normalizeText(query)), {
      boost: SEARCH_CONFIG.chunks.boost,
      combineWith: 'OR',
      filter: (r) => {
        const c = this.byId.get(String(r.id));
        if (!c) return false;
        if (options.within && !options.within.has(c.bundleId ?? c.matterId ?? '')) return false;
        return c.region === undefined || (regions?.includes(c.region) ?? false);
      },
    });
    return results
      .flatMap((r) => {
        const c = this.byId.get(String(r.id));
        if (!c) return [];
        const score = r.score * SEARCH_CONFIG.chunks.sectionWeight[c.section];
        return score >= SEARCH_CONFIG.chunks.minScore
          ? [{ ...c, score: Math.round(score * 1000) / 1000 }]
          : [];
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }
}
