import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../evals/lib/dataset.ts';
import { MiniSearchBm25 } from '../../evals/peers/minisearch-bm25.ts';
import { RetrievalRow } from '../../evals/runners/retrieval.schema.ts';
import { RETRIEVAL_DATASET } from '../../evals/runners/retrieval.ts';
import { loadCatalog } from '../load/load-catalog.ts';
import { catalogTerms } from '../route/catalog-terms.ts';
import { Bm25Index } from './bm25-index.ts';
import { buildChunks } from './chunks.ts';
import { LexicalSearch } from './lexical-search.ts';
import { expandQuery } from './query-expansion.ts';
import { Tokenizer } from './tokenizer.ts';

describe('Bm25Index', () => {
  const docs = [
    { fields: [['退休'], ['养老金', '领取', '退休', '手续']] },
    { fields: [['出生'], ['出生', '医学', '证明', '邮寄']] },
    { fields: [['退休'], ['公积金', '提取']] },
    { fields: [['户口'], ['出生', '登记', '户口']] },
  ];
  const index = new Bm25Index(docs, [2, 1]);

  it('counts a document once however many fields hold the term', () => {
    expect(index.documentFrequency('退休')).toBe(2);
    expect(index.documentFrequency('出生')).toBe(2);
    expect(index.documentFrequency('社保')).toBe(0);
  });

  it('ranks documents matching more query terms first and keeps only k', () => {
    const hits = index.search(['退休', '公积金'], 2);
    expect(hits.map((h) => h.doc)).toEqual([2, 0]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
    expect(index.search(['社保'], 5)).toEqual([]);
  });

  it('asks the filter only about documents that would be kept, and skips refused ones', () => {
    const asked: number[] = [];
    const hits = index.search(['出生'], 1, (d) => {
      asked.push(d);
      return d !== 1;
    });
    expect(hits.map((h) => h.doc)).toEqual([3]);
    expect(asked).toContain(1);
  });

  it('leaves no state behind between queries', () => {
    const first = index.search(['出生', '户口'], 4);
    index.search(['退休'], 4);
    expect(index.search(['出生', '户口'], 4)).toEqual(first);
  });
});

describe('LexicalSearch against MiniSearch (the reference BM25)', () => {
  const catalog = loadCatalog();
  const tokenizer = new Tokenizer(catalogTerms(catalog));
  const chunks = buildChunks(catalog);
  const ours = new LexicalSearch(chunks, tokenizer);
  const reference = new MiniSearchBm25(chunks, tokenizer);
  const queries = readJsonl(RETRIEVAL_DATASET, RetrievalRow).map((r) => r.query);

  it('ranks the same terms as MiniSearch does, with the same scores, for every retrieval eval query', () => {
    let compared = 0;
    for (const q of queries) {
      const a = ours.rank(tokenizer.tokens(expandQuery(q)), 10);
      const b = reference.search(q, 10);
      expect(a.length, q).toBe(b.length);
      a.forEach((hit, i) => {
        const ref = b[i];
        expect(hit.score, q).toBeCloseTo(ref?.score ?? Number.NaN, 3);
        // Equal scores may come in either order; distinct ones must be the same chunk.
        const tied = b.some((o, j) => j !== i && Math.abs(o.score - (ref?.score ?? 0)) < 1e-3);
        if (!tied) expect(hit.id, q).toBe(ref?.id);
      });
      compared += a.length;
    }
    expect(compared).toBeGreaterThan(queries.length * 5);
  });
});
