import { Bm25Index } from './bm25-index.ts';
import type { Chunk } from './chunks.ts';
import { HomophoneCorrector } from './homophones.ts';
import { expandQuery } from './query-expansion.ts';
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
 * BM25 over guide chunks (title, FAQ question and text fields) with the jieba tokenizer and the reviewed synonyms: the
 * lexical side of hybrid search. Ranks as MiniSearch does, on our typed-array index (bm25-index.ts).
 * Relevance gating happens in the fusion (hybrid-search.ts).
 */
export class LexicalSearch {
  private readonly index: Bm25Index;
  private readonly chunks: readonly Chunk[];
  private readonly position: Map<string, number>;
  private readonly homophones: HomophoneCorrector;

  constructor(
    chunks: readonly Chunk[],
    private readonly tokenizer: Tokenizer,
  ) {
    this.chunks = chunks;
    this.position = new Map(chunks.map((c, i) => [c.id, i]));
    const { title, question, text } = SEARCH_CONFIG.chunks.boost;
    this.index = new Bm25Index(
      chunks.map((c) => ({
        fields: [tokenizer.tokens(c.title), tokenizer.tokens(c.question ?? ''), tokenizer.tokens(c.text)],
      })),
      [title, question, text],
    );
    this.homophones = new HomophoneCorrector(this.index.terms());
  }

  /** The query's terms as the index sees them: tokens of the query, its synonyms and its homophone corrections. */
  terms(query: string): string[] {
    return [...this.tokenizer.tokens(expandQuery(query)), ...this.homophones.corrections(query)];
  }

  /** Raw BM25 ranking (no section weights, no minimum): the lexical list fusion starts from. */
  candidates(query: string, n: number, allow?: (id: string) => boolean): { id: string; score: number }[] {
    return this.rank(this.terms(query), n, allow);
  }

  /** BM25 ranking of chunks for terms already tokenized. */
  rank(
    terms: readonly string[],
    n: number,
    allow?: (id: string) => boolean,
  ): { id: string; score: number }[] {
    const chunks = this.chunks;
    const accept = allow ? (d: number) => allow((chunks[d] as Chunk).id) : undefined;
    return this.index
      .search(terms, n, accept)
      .map((m) => ({ id: (chunks[m.doc] as Chunk).id, score: m.score }));
  }

  /** The BM25 score of one chunk for terms already tokenized (0 when none matches). */
  scoreOf(terms: readonly string[], id: string): number {
    const doc = this.position.get(id);
    return doc === undefined ? 0 : this.index.scoreOf(terms, doc);
  }

  hasRegionalChunks(): boolean {
    for (const c of this.chunks) if (c.region !== undefined) return true;
    return false;
  }

  chunk(id: string): Chunk | undefined {
    const doc = this.position.get(id);
    return doc === undefined ? undefined : this.chunks[doc];
  }
}
