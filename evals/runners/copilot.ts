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
export async function copilotTask(
  knowledge: Knowledge,
  dataset = COPILOT_DATASET,
  name = 'copilot',
): Promise<void> {
  const rows = readJsonl(dataset, CopilotCallRow);
  const answers = new AnswerService(knowledge, await openStore({ sqlite: ':memory:' }));
  const graded: GradedRow<CopilotCallRow>[] = [];
  const hits = { bundle: 0, next: 0, category: 0 };
  const warn = { expected: 0, found: 0, extra: 0 };
  for (const row of rows) {
    const session = await answers.openSession();
    const outcomes: string[] = [];
    let answer: Awaited<ReturnType<AnswerService['answer']>> | undefined;
    for (const message of row.turns) {
      answer = await answers.answer({ sessionId: session.id, message, channel: 'copilot' });
      outcomes.push(answer.outcome);
    }
    const state = await answers.getSession(session.id);
    const panels = copilotPanels(knowledge, state, answer);
    const draft = draftWorkOrder({
      lines: row.turns,
      warnings: panels.warnings,
      plan: panels.plan,
      outcomes,
    });
    const got = {
      bundle: panels.bundles.find((b) => b.chosen)?.id ?? null,
      nextQuestion: panels.nextQuestion?.fact ?? null,
      category: draft.category,
      warnings: panels.warnings,
    };
    const ok = {
      bundle: got.bundle === row.expect.bundle,
      next: got.nextQuestion === row.expect.nextQuestion,
      category: got.category === row.expect.category,
    };
    const missing = row.expect.warnings.filter((w) => !got.warnings.includes(w));
    const extra = got.warnings.filter((w) => !row.expect.warnings.includes(w) && w !== 'handoff');
    hits.bundle += Number(ok.bundle);
    hits.next += Number(ok.next);
    hits.category += Number(ok.category);
    warn.expected += row.expect.warnings.length;
    warn.found += row.expect.warnings.length - missing.length;
    warn.extra += extra.length;
    const faults = [
      ok.bundle ? '' : `bundle ${got.bundle} ≠ ${row.expect.bundle}`,
      ok.next ? '' : `next ${got.nextQuestion} ≠ ${row.expect.nextQuestion}`,
      ok.category ? '' : `category ${got.category} ≠ ${row.expect.category}`,
      missing.length ? `missed ${missing.join(',')}` : '',
      extra.length ? `extra ${extra.join(',')}` : '',
    ].filter(Boolean);
    graded.push({
      row,
      grade: {
        pass: faults.length === 0,
        score: (Number(ok.bundle) + Number(ok.next) + Number(ok.category)) / 3,
        reason: faults.join('; ') || 'as expected',
      },
      got,
    });
  }
  const n = rows.length;
  const aggregate = {
    calls: n,
    allCorrect: graded.filter((g) => g.grade.pass).length,
    bundleAccuracy: ratio(hits.bundle, n),
    nextQuestionAccuracy: ratio(hits.next, n),
    categoryAccuracy: ratio(hits.category, n),
    warningRecall: ratio(warn.found, warn.expected),
    extraWarnings: warn.extra,
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
        warn.extra,
      ],
    ]),
  );
  for (const g of graded.filter((x) => !x.grade.pass)) console.log(`  ✗ ${g.row.id} ${g.grade.reason}`);
  console.log(`report: ${path}`);
}
