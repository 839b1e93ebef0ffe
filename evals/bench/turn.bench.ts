/**
 * Per-step time of a chat turn on the embedded default: every turn of the dialogues dataset (multi-turn,
 * so follow-ups, fact updates and switches are all in the mix) and every first message of the routing
 * datasets, through the whole answer pipeline with an in-memory SQLite store. Prints median, p95 and p99
 * per step and for the whole turn. `--rounds N` repeats the set (default 3; the first round is warm-up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledge, DEFAULT_CATALOG_DIR, loadCatalog } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { table } from '../lib/report.ts';
import { numberFlag, quantile } from './bench-args.ts';

const DATASETS = join(import.meta.dirname, '..', 'datasets');

function conversations(): string[][] {
  const lines = (file: string) =>
    readFileSync(join(DATASETS, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const dialogues = lines('dialogues.jsonl').map((d) => (d.turns as { user: string }[]).map((t) => t.user));
  const firsts = ['routing.jsonl', 'routing-2.jsonl'].flatMap((f) =>
    lines(f).map((r) => [String(r.message)]),
  );
  return [...dialogues, ...firsts];
}

export async function turnBench(args: string[]): Promise<void> {
  const rounds = numberFlag(args, 'rounds', 3);
  const dirs = [DEFAULT_CATALOG_DIR];
  const knowledge = await buildKnowledge(loadCatalog(dirs));
  const store = await openStore({ sqlite: ':memory:' });
  const answers = new AnswerService(knowledge, store);
  const convs = conversations();
  const steps = new Map<string, number[]>();
  const totals: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const turns of convs) {
      let sessionId: string | undefined;
      for (const message of turns) {
        const started = performance.now();
        const { answer, context } = await answers.run({
          message,
          channel: 'bench',
          ...(sessionId ? { sessionId } : {}),
        });
        const total = performance.now() - started;
        sessionId = answer.sessionId;
        if (round === 0) continue;
        totals.push(total);
        for (const [step, ms] of Object.entries(context.timings)) {
          const list = steps.get(step) ?? [];
          list.push(ms);
          steps.set(step, list);
        }
      }
    }
  }
  await store.close();
  const rows: (string | number)[][] = [['step', 'median ms', 'p95 ms', 'p99 ms', 'max ms']];
  const add = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    rows.push([
      name,
      quantile(sorted, 0.5).toFixed(2),
      quantile(sorted, 0.95).toFixed(2),
      quantile(sorted, 0.99).toFixed(2),
      (sorted.at(-1) ?? 0).toFixed(2),
    ]);
  };
  for (const [step, values] of steps) add(step, values);
  add('whole turn', totals);
  console.log(
    `\nturn — ${totals.length} measured turns (${convs.length} conversations × ${rounds - 1} rounds after a warm-up), embedded default, node ${process.version}\n${table(rows)}`,
  );
}
