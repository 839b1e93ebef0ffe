import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/index.ts';
import { SEARCH_CONFIG } from '../../knowledge/search/search.config.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { Grade, GradedRow } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { RoutingRow } from './routing.schema.ts';

const DATASETS = join(import.meta.dirname, '..', 'datasets');
/** Part 1 (r001–r103) and part 2 (r104–r223, which adds unsafe, crisis and handoff cases). */
export const ROUTING_DATASETS = [join(DATASETS, 'routing.jsonl'), join(DATASETS, 'routing-2.jsonl')];

interface Got {
  outcome: string;
  bundleId?: string;
}

/** Pass when the outcome matches and, for answers, the bundle does. A wrong bundle scores lowest. */
export function gradeRouting(row: RoutingRow, got: Got): Grade {
  if (row.expect.outcome === 'answered') {
    if (got.outcome === 'answered' && got.bundleId === row.expect.bundleId)
      return { pass: true, score: 1, reason: 'right bundle' };
    if (got.bundleId && got.bundleId !== row.expect.bundleId) {
      return { pass: false, score: 0, reason: `wrong bundle ${got.bundleId}` };
    }
    return { pass: false, score: 0.25, reason: `no bundle (${got.outcome})` };
  }
  if (got.bundleId) return { pass: false, score: 0, reason: `placed in ${got.bundleId}` };
  if (got.outcome === row.expect.outcome) return { pass: true, score: 1, reason: got.outcome };
  return { pass: false, score: 0.5, reason: `${got.outcome} instead of ${row.expect.outcome}` };
}

export interface RoutingSummary {
  total: number;
  accuracy: number;
  /** Rows that must not be answered (off-topic, clarify, unsafe, crisis, handoff) and how many were not. */
  mustNotAnswer: { n: number; correct: number };
  wrongBundle: number;
  perBundle: Record<string, { n: number; correct: number; accuracy: number }>;
}

/** Sends every first message through the whole answer pipeline and grades where it went. */
export async function runRouting(
  knowledge: Knowledge,
  datasets = ROUTING_DATASETS,
): Promise<{ summary: RoutingSummary; graded: GradedRow<RoutingRow>[] }> {
  const rows = datasets.flatMap((d) => readJsonl(d, RoutingRow));
  const store = await openStore({ sqlite: ':memory:' });
  const answers = new AnswerService(knowledge, store);
  const graded: GradedRow<RoutingRow>[] = [];
  for (const row of rows) {
    const answer = await answers.answer({ message: row.message, channel: 'eval' });
    const got: Got = { outcome: answer.outcome, ...(answer.bundle ? { bundleId: answer.bundle.id } : {}) };
    graded.push({ row, got, grade: gradeRouting(row, got) });
  }
  await store.close();

  const perBundle: RoutingSummary['perBundle'] = {};
  for (const { row, grade } of graded) {
    const key = row.expect.outcome === 'answered' ? row.expect.bundleId : `(${row.expect.outcome})`;
    const entry = perBundle[key] ?? { n: 0, correct: 0, accuracy: 0 };
    perBundle[key] = entry;
    entry.n += 1;
    if (grade.pass) entry.correct += 1;
  }
  for (const e of Object.values(perBundle)) e.accuracy = round(e.correct / e.n);
  const summary: RoutingSummary = {
    total: graded.length,
    accuracy: round(graded.filter((g) => g.grade.pass).length / graded.length),
    mustNotAnswer: {
      n: graded.filter((g) => g.row.expect.outcome !== 'answered').length,
      correct: graded.filter((g) => g.row.expect.outcome !== 'answered' && g.grade.pass).length,
    },
    wrongBundle: graded.filter(
      (g) => g.grade.reason.startsWith('wrong bundle') || g.grade.reason.startsWith('placed in'),
    ).length,
    perBundle,
  };
  return { summary, graded };
}

export function routingTask(knowledge: Knowledge): Promise<void> {
  return routingReport(knowledge, ROUTING_DATASETS, 'routing');
}

/** A held-out set (`<set>-routing.jsonl`): written without seeing the rules, never tuned against. */
export async function holdoutRoutingTask(knowledge: Knowledge, set: string): Promise<void> {
  const file = join(DATASETS, `${set}-routing.jsonl`);
  if (existsSync(file)) await routingReport(knowledge, [file], `${set}-routing`);
}

async function routingReport(knowledge: Knowledge, datasets: string[], name: string): Promise<void> {
  const { summary, graded } = await runRouting(knowledge, datasets);
  const rows: (string | number)[][] = [['bundle', 'n', 'correct', 'accuracy']];
  for (const [k, v] of Object.entries(summary.perBundle).sort())
    rows.push([k, v.n, v.correct, v.accuracy.toFixed(3)]);
  rows.push([
    'overall',
    summary.total,
    graded.filter((g) => g.grade.pass).length,
    summary.accuracy.toFixed(3),
  ]);
  console.log(`\n${name} — ${summary.total} questions\n${table(rows)}`);
  console.log(`wrong bundle (the costly error): ${summary.wrongBundle}`);
  console.log(`must not answer: ${summary.mustNotAnswer.correct}/${summary.mustNotAnswer.n}`);
  for (const g of graded.filter((x) => !x.grade.pass))
    console.log(`  ✗ ${g.row.id} ${g.row.message} → ${g.grade.reason}`);
  const path = writeReport(name, { config: SEARCH_CONFIG.routing, aggregate: summary, rows: graded });
  console.log(`report: ${path}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
