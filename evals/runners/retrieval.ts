import { join } from 'node:path';
import { buildKnowledge, type Knowledge, loadCatalog } from '../../knowledge/index.ts';
import { SEARCH_CONFIG } from '../../knowledge/search/search.config.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { Grade } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { MiniSearchBm25 } from '../peers/minisearch-bm25.ts';
import { RetrievalRow } from './retrieval.schema.ts';

export const RETRIEVAL_DATASET = join(import.meta.dirname, '..', 'datasets', 'retrieval.jsonl');

type System = (query: string) => Promise<string[]>;

/** The three systems compared, over the same chunks, tokenizer and vectors; BM25 is MiniSearch. */
export function systems(
  k: Knowledge,
  bm25: MiniSearchBm25 = new MiniSearchBm25(k.chunks, k.tokenizer),
): Record<string, System> {
  const national = (id: string) => k.lexical.chunk(id)?.region === undefined;
  return {
    hybrid: async (q) => (await k.search.search(q, { k: 5 })).map((h) => h.id),
    bm25: async (q) => bm25.search(q, 5, national).map((h) => h.id),
    dense: async (q) => k.dense.bruteForce(await k.embeddings.embedQuery(q), 5, national).map((h) => h.id),
  };
}

/** Rank of the first relevant chunk (1-based), or 0 when none is in the list. */
export function firstRelevant(ids: readonly string[], relevant: readonly string[]): number {
  const i = ids.findIndex((id) => relevant.includes(id));
  return i === -1 ? 0 : i + 1;
}

export function gradeRetrieval(row: RetrievalRow, ids: readonly string[]): Grade {
  if (row.relevant.length === 0) {
    return ids.length === 0
      ? { pass: true, score: 1, reason: 'nothing relevant' }
      : { pass: false, score: 0, reason: `returned ${ids[0]}` };
  }
  const rank = firstRelevant(ids, row.relevant);
  return rank === 0
    ? { pass: false, score: 0, reason: 'no relevant chunk in top 5' }
    : { pass: rank === 1, score: 1 / rank, reason: `rank ${rank}` };
}

export interface SystemQuality {
  r1: number;
  r5: number;
  mrr: number;
  /** Share of unanswerable queries that got "nothing relevant". */
  none: number;
  byTag: Record<string, number[]>;
  /** recall@5 hits over odd and even dataset rows (numbered from 1): weights were tuned looking at all rows. */
  halves: [number[], number[]];
}

/** Recall@1, recall@5, MRR and no-answer rate of each system over the dataset rows, plus every graded row. */
export async function evaluateSystems(
  all: Record<string, System>,
  rows: readonly RetrievalRow[],
): Promise<{ results: Record<string, SystemQuality>; graded: unknown[] }> {
  const answerable = rows.filter((r) => r.relevant.length > 0).length;
  const none = rows.length - answerable;
  const results: Record<string, SystemQuality> = {};
  const graded: unknown[] = [];
  for (const [name, search] of Object.entries(all)) {
    let r1 = 0;
    let r5 = 0;
    let mrr = 0;
    let noneOk = 0;
    const byTag: Record<string, number[]> = {};
    const halves: [number[], number[]] = [[], []];
    for (const [i, row] of rows.entries()) {
      const ids = await search(row.query);
      const grade = gradeRetrieval(row, ids);
      graded.push({ system: name, id: row.id, ids, grade });
      if (row.relevant.length === 0) {
        if (grade.pass) noneOk += 1;
        continue;
      }
      const rank = firstRelevant(ids, row.relevant);
      if (rank === 1) r1 += 1;
      if (rank > 0) r5 += 1;
      mrr += rank > 0 ? 1 / rank : 0;
      for (const t of row.tags) byTag[t] = [...(byTag[t] ?? []), rank > 0 ? 1 : 0];
      halves[i % 2]?.push(rank > 0 ? 1 : 0);
    }
    results[name] = {
      r1: r1 / Math.max(1, answerable),
      r5: r5 / Math.max(1, answerable),
      mrr: mrr / Math.max(1, answerable),
      none: noneOk / Math.max(1, none),
      byTag,
      halves,
    };
  }
  return { results, graded };
}

export async function retrievalTask(): Promise<void> {
  // Authored catalog only: the dataset's chunk ids are the authored guides'.
  const knowledge = await buildKnowledge(loadCatalog());
  const rows = readJsonl(RETRIEVAL_DATASET, RetrievalRow);
  const answerable = rows.filter((r) => r.relevant.length > 0);
  const none = rows.filter((r) => r.relevant.length === 0);
  const { results, graded } = await evaluateSystems(systems(knowledge), rows);
  const f = (x: number) => x.toFixed(3);
  const head = ['system', 'recall@1', 'recall@5', 'MRR', 'no-answer ok'];
  const body = Object.entries(results).map(([n, r]) => [n, f(r.r1), f(r.r5), f(r.mrr), f(r.none)]);
  console.log(
    `\nretrieval — ${answerable.length} answerable + ${none.length} unanswerable queries\n${table([head, ...body])}`,
  );
  const tags = [...new Set(answerable.flatMap((r) => r.tags))].sort();
  const tagRows = tags.map((t) => [t, ...Object.values(results).map((r) => f(avg(r.byTag[t] ?? [])))]);
  console.log(`\nrecall@5 by tag\n${table([['tag', ...Object.keys(results)], ...tagRows])}`);
  // Rows numbered from 1: odd rows are halves[0].
  const halfRows = (['odd rows', 'even rows'] as const).map((label, h) => [
    label,
    ...Object.values(results).map((r) => f(avg(r.halves[h] ?? []))),
  ]);
  console.log(
    `\nrecall@5 by half of the dataset\n${table([['half', ...Object.keys(results)], ...halfRows])}`,
  );
  console.log(
    `report: ${writeReport('retrieval', { config: SEARCH_CONFIG, aggregate: results, rows: graded })}`,
  );
}

export function avg(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
