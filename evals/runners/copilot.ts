import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { copilotPanels } from '../../server/copilot/panels.ts';
import { draftWorkOrder } from '../../server/copilot/work-order.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { GradedRow } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { CopilotCallRow } from './copilot.schema.ts';

export const COPILOT_DATASET = join(import.meta.dirname, '..', 'datasets', 'copilot-calls.jsonl');
/** Written blind by another author after the copilot was built; its first figure is the honest one. */
export const COPILOT_HOLDOUT = join(import.meta.dirname, '..', 'datasets', 'copilot-calls-holdout.jsonl');

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/**
 * Plays each hotline call through the pipeline (channel copilot), then reads the panels and the work-order
 * draft the agent would see: the bundle chosen, the next question, the category, the warnings.
 */
interface CallResult {
  got: { bundle: string | null; nextQuestion: string | null; category: string; warnings: string[] };
  ok: { bundle: boolean; next: boolean; category: boolean };
  missing: string[];
  extra: string[];
}

/** One call through the pipeline (channel copilot), read as the agent's panels and work-order draft. */
async function playCall(
  knowledge: Knowledge,
  answers: AnswerService,
  row: CopilotCallRow,
): Promise<CallResult> {
  const session = await answers.openSession();
  const outcomes: string[] = [];
  let answer: Awaited<ReturnType<AnswerService['answer']>> | undefined;
  for (const message of row.turns) {
    answer = await answers.answer({ sessionId: session.id, message, channel: 'copilot' });
    outcomes.push(answer.outcome);
  }
  const panels = copilotPanels(knowledge, await answers.getSession(session.id), answer);
  const draft = draftWorkOrder({ lines: row.turns, warnings: panels.warnings, plan: panels.plan, outcomes });
  const got = {
    bundle: panels.bundles.find((b) => b.chosen)?.id ?? null,
    nextQuestion: panels.nextQuestion?.fact ?? null,
    category: draft.category,
    warnings: panels.warnings,
  };
  return {
    got,
    ok: {
      bundle: got.bundle === row.expect.bundle,
      next: got.nextQuestion === row.expect.nextQuestion,
      category: got.category === row.expect.category,
    },
    missing: row.expect.warnings.filter((w) => !got.warnings.includes(w)),
    extra: got.warnings.filter((w) => !(row.expect.warnings as string[]).includes(w) && w !== 'handoff'),
  };
}

function grade(row: CopilotCallRow, { got, ok, missing, extra }: CallResult): GradedRow<CopilotCallRow> {
  const faults = [
    ok.bundle ? '' : `bundle ${got.bundle} ≠ ${row.expect.bundle}`,
    ok.next ? '' : `next ${got.nextQuestion} ≠ ${row.expect.nextQuestion}`,
    ok.category ? '' : `category ${got.category} ≠ ${row.expect.category}`,
    missing.length ? `missed ${missing.join(',')}` : '',
    extra.length ? `extra ${extra.join(',')}` : '',
  ].filter(Boolean);
  const score = (Number(ok.bundle) + Number(ok.next) + Number(ok.category)) / 3;
  return {
    row,
    grade: { pass: faults.length === 0, score, reason: faults.join('; ') || 'as expected' },
    got,
  };
}

export async function copilotTask(
  knowledge: Knowledge,
  dataset = COPILOT_DATASET,
  name = 'copilot',
): Promise<void> {
  const rows = readJsonl(dataset, CopilotCallRow);
  const answers = new AnswerService(knowledge, await openStore({ sqlite: ':memory:' }));
  const results: CallResult[] = [];
  for (const row of rows) results.push(await playCall(knowledge, answers, row));
  const graded = rows.map((row, i) => grade(row, results[i] as CallResult));
  const n = rows.length;
  const count = (f: (r: CallResult) => number) => results.reduce((sum, r) => sum + f(r), 0);
  const expectedWarnings = rows.reduce((sum, r) => sum + r.expect.warnings.length, 0);
  const aggregate = {
    calls: n,
    allCorrect: graded.filter((g) => g.grade.pass).length,
    bundleAccuracy: ratio(
      count((r) => Number(r.ok.bundle)),
      n,
    ),
    nextQuestionAccuracy: ratio(
      count((r) => Number(r.ok.next)),
      n,
    ),
    categoryAccuracy: ratio(
      count((r) => Number(r.ok.category)),
      n,
    ),
    warningRecall: ratio(expectedWarnings - count((r) => r.missing.length), expectedWarnings),
    extraWarnings: count((r) => r.extra.length),
  };
  const path = writeReport(name, { config: { dataset }, aggregate, rows: graded });
  console.log(
    table([
      [
        'copilot calls',
        'all right',
        'bundle',
        'next question',
        'category',
        'warning recall',
        'extra warnings',
      ],
      [
        n,
        aggregate.allCorrect,
        aggregate.bundleAccuracy,
        aggregate.nextQuestionAccuracy,
        aggregate.categoryAccuracy,
        aggregate.warningRecall,
        aggregate.extraWarnings,
      ],
    ]),
  );
  for (const g of graded.filter((x) => !x.grade.pass)) console.log(`  ✗ ${g.row.id} ${g.grade.reason}`);
  console.log(`report: ${path}`);
}
