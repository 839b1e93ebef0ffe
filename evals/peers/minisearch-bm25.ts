import MiniSearch from 'minisearch';
import type { Chunk } from '../../knowledge/search/chunks.ts';
import { expandQuery } from '../../knowledge/search/query-expansion.ts';
import { SEARCH_CONFIG } from '../../knowledge/search/search.config.ts';
import type { Tokenizer } from '../../knowledge/search/tokenizer.ts';

/**
 * The BM25 peer yishi is measured against: MiniSearch over the same chunks, fields, boosts, tokenizer and
 * synonyms, queried as an OR of the query's words.
 */
export class MiniSearchBm25 {
  private readonly index: MiniSearch<Chunk>;

  constructor(
    chunks: readonly Chunk[],
    private readonly tokenizer: Tokenizer,
  ) {
    this.index = new MiniSearch<Chunk>({
      fields: ['title', 'question', 'text'],
      tokenize: (text) => this.tokenizer.tokens(text),
      processTerm: (term) => term,
    });
    // Every chunk has every field (empty when absent), so average field lengths are over all chunks.
    this.index.addAll(chunks.map((c) => ({ ...c, question: c.question ?? '' })));
  }

  search(query: string, n: number, allow?: (id: string) => boolean): { id: string; score: number }[] {
    return this.index
      .search(expandQuery(query), {
        boost: SEARCH_CONFIG.chunks.boost,
        combineWith: 'OR',
        ...(allow ? { filter: (r) => allow(String(r.id)) } : {}),
      })
      .slice(0, n)
      .map((r) => ({ id: String(r.id), score: r.score }));
  }
}
