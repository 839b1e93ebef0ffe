import MiniSearch from 'minisearch';
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
 * BM25 over guide chunks with the jieba tokenizer (MiniSearch): the lexical side of hybrid search and the
 * BM25 peer it is measured against. Relevance gating happens in the fusion (hybrid-search.ts).
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
}
