import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../index.ts';
import { loadCatalog } from '../load/load-catalog.ts';
import { expandQuery } from './query-expansion.ts';

const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), 'yishi-index-'));
const knowledge = await buildKnowledge(catalog, { indexDir: dir });

describe('hybrid search over the shipped catalog', () => {
  it('finds the guide passage with both signals and says why', async () => {
    const [hit] = await knowledge.search.search('出生医学证明可以邮寄到家吗', { k: 3 });
    expect(hit?.id).toMatch(/birth-medical-certificate|newborn/);
    expect(hit?.signals.bm25?.rank).toBeGreaterThan(0);
    expect(hit?.signals.dense?.cosine).toBeGreaterThan(0);
    expect(hit?.signals.sectionWeight).toBeGreaterThan(0);
  });

  it('returns nothing relevant for a question the guides do not cover', async () => {
    expect(await knowledge.search.search('明天长沙天气怎么样', { k: 5 })).toEqual([]);
  });

  it('keeps a homophone typo findable through the dense side', async () => {
    const hits = await knowledge.search.search('公司注消要先清税吗', { k: 5 });
    expect(hits.some((h) => h.id.includes('deregistration') || h.id.includes('tax-deregistration'))).toBe(
      true,
    );
  });

  it('understands what people say for what the guides call it (reviewed synonyms)', () => {
    expect(expandQuery('在外地能扯证吗')).toContain('结婚登记');
    const hits = knowledge.lexical.candidates('在外地能扯证吗', 3);
    expect(hits.some((h) => h.id.includes('marriage'))).toBe(true);
  });

  it('agrees with exact cosine on the nearest chunk (HNSW recall)', async () => {
    let same = 0;
    const queries = [
      '退休提取公积金',
      '社保卡丢了',
      '餐饮店消防检查',
      '残疾人证补办',
      '个体户转公司',
      '营业执照变更地址',
    ];
    for (const q of queries) {
      const v = await knowledge.embeddings.embedQuery(q);
      if (knowledge.dense.search(v, 1)[0]?.id === knowledge.dense.bruteForce(v, 1)[0]?.id) same += 1;
    }
    expect(same).toBe(queries.length);
  });

  it('persists the index by catalog hash and loads it instead of rebuilding', async () => {
    expect(readdirSync(dir).some((f) => f.startsWith(catalog.hash.slice(0, 16)) && f.endsWith('.hnsw'))).toBe(
      true,
    );
    const again = await buildKnowledge(catalog, { indexDir: dir });
    expect(again.dense.loaded).toBe(true);
    const q = await again.embeddings.embedQuery('退休提取公积金');
    expect(again.dense.search(q, 3)).toEqual(knowledge.dense.search(q, 3));
  });
});
