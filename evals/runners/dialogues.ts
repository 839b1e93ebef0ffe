import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { Grade, GradedRow } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { type DialogueRow, DialogueRow as DialogueSchema, type DialogueTurn } from './dialogues.schema.ts';
import { states } from './sentinel.ts';

export const DIALOGUES_DATASET = join(import.meta.dirname, '..', 'datasets', 'dialogues.jsonl');

interface Got {
  outcome: string;
  bundleId?: string;
  facts: Record<string, unknown>;
  intents: string[];
  reply: string;
}

/** A turn passes when outcome, bundle in focus, known facts, asked intent and reply facts all hold. */
export function gradeTurn(turn: DialogueTurn, got: Got): Grade {
  const e = turn.expect;
  const problems: string[] = [];
  if (got.outcome !== e.outcome) problems.push(`${got.outcome} instead of ${e.outcome}`);
  if (e.bundleId && got.bundleId !== e.bundleId) problems.push(`focus ${got.bundleId ?? 'none'}`);
  for (const [fact, value] of Object.entries(e.facts ?? {}))
    if (got.facts[fact] !== value)
      problems.push(`${fact}=${String(got.facts[fact] ?? '?')} not ${String(value)}`);
  if (e.intent && !got.intents.includes(e.intent)) problems.push(`intent ${got.intents.join('+') || 'none'}`);
  const missing = (e.replyIncludes ?? []).filter((f) => !states(got.reply, f));
  if (missing.length) problems.push(`reply lacks ${missing.join('、')}`);
  return problems.length === 0
    ? { pass: true, score: 1, reason: 'ok' }
    : { pass: false, score: 0, reason: problems.join('; ') };
}

export interface DialogueSummary {
  dialogues: number;
  turns: number;
  turnAccuracy: number;
  /** Dialogues whose every turn passed. */
  dialogueAccuracy: number;
  perOutcome: Record<string, { n: number; passed: number }>;
}

interface GradedTurn {
  dialogue: string;
  index: number;
  turn: DialogueTurn;
  got: Got;
  grade: Grade;
}

/** Plays each dialogue in its own session, turn by turn, and grades every turn. */
export async function runDialogues(
  knowledge: Knowledge,
  dataset = DIALOGUES_DATASET,
): Promise<{ summary: DialogueSummary; turns: GradedTurn[]; graded: GradedRow<DialogueRow>[] }> {
  const rows = readJsonl(dataset, DialogueSchema);
  const store = await openStore({ sqlite: ':memory:' });
  const answers = new AnswerService(knowledge, store);
  const turns: GradedTurn[] = [];
  const graded: GradedRow<DialogueRow>[] = [];
  for (const row of rows) {
    let sessionId: string | undefined;
    const mine: GradedTurn[] = [];
    for (const [index, turn] of row.turns.entries()) {
      const { answer, context } = await answers.run({
        message: turn.user,
        channel: 'eval',
        ...(sessionId ? { sessionId } : {}),
      });
      sessionId = answer.sessionId;
      const got: Got = {
        outcome: answer.outcome,
        ...(context.session.bundleId ? { bundleId: context.session.bundleId } : {}),
        facts: { ...context.session.facts },
        intents: context.intents.map((i) => i.kind),
        reply: answer.reply,
      };
      mine.push({ dialogue: row.id, index, turn, got, grade: gradeTurn(turn, got) });
    }
    turns.push(...mine);
    const failed = mine.filter((t) => !t.grade.pass);
    graded.push({
      row,
      got: mine.map((t) => ({ ...t.got, reason: t.grade.reason })),
      grade: {
        pass: failed.length === 0,
        score: (mine.length - failed.length) / mine.length,
        reason: failed.map((t) => `turn ${t.index + 1}: ${t.grade.reason}`).join(' | ') || 'all turns pass',
      },
    });
  }
  await store.close();
  const perOutcome: DialogueSummary['perOutcome'] = {};
  for (const t of turns) {
    const entry = perOutcome[t.turn.expect.outcome] ?? { n: 0, passed: 0 };
    perOutcome[t.turn.expect.outcome] = entry;
    entry.n += 1;
    if (t.grade.pass) entry.passed += 1;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    summary: {
      dialogues: rows.length,
      turns: turns.length,
      turnAccuracy: round(turns.filter((t) => t.grade.pass).length / turns.length),
      dialogueAccuracy: round(graded.filter((g) => g.grade.pass).length / graded.length),
      perOutcome,
    },
    turns,
    graded,
  };
}

export async function dialoguesTask(knowledge: Knowledge): Promise<void> {
  const { summary, turns, graded } = await runDialogues(knowledge);
  const rows: (string | number)[][] = [['expected outcome', 'turns', 'passed']];
  for (const [k, v] of Object.entries(summary.perOutcome).sort()) rows.push([k, v.n, v.passed]);
  rows.push(['overall', summary.turns, turns.filter((t) => t.grade.pass).length]);
  console.log(`\ndialogues — ${summary.dialogues} dialogues, ${summary.turns} turns\n${table(rows)}`);
  console.log(
    `turn accuracy ${summary.turnAccuracy.toFixed(3)}; dialogues with every turn right ${summary.dialogueAccuracy.toFixed(3)}`,
  );
  for (const t of turns.filter((x) => !x.grade.pass))
    console.log(`  ✗ ${t.dialogue}#${t.index + 1} ${t.turn.user.slice(0, 50)} → ${t.grade.reason}`);
  const path = writeReport('dialogues', { config: {}, aggregate: summary, rows: graded });
  console.log(`report: ${path}`);
}
