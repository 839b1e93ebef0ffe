import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { Grade, GradedRow } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { SentinelRow } from './sentinel.schema.ts';

export const SENTINEL_DATASET = join(import.meta.dirname, '..', 'datasets', 'sentinel.jsonl');

/**
 * Whether `text` states `fact`. A fact starting with a digit must not be preceded by one, so "1个工作日"
 * is not found inside "11个工作日".
 */
export function states(rawText: string, rawFact: string): boolean {
  const text = sameFact(rawText);
  const fact = sameFact(rawFact);
  if (!/^\d/.test(fact)) return text.includes(fact);
  let at = text.indexOf(fact);
  while (at !== -1) {
    if (at === 0 || !/\d/.test(text[at - 1] ?? '')) return true;
    at = text.indexOf(fact, at + 1);
  }
  return false;
}

const NUMERAL: Record<string, string> = {
  一: '1',
  两: '2',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

/** Writes one fact one way: 六个月 = 6个月, 20天 = 20日, full-width dashes as ASCII. */
function sameFact(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[一二两三四五六七八九十](?=个月|个工作日|年|日|天|次)/g, (c) => NUMERAL[c] ?? c)
    .replace(/(\d)天/g, '$1日');
}

export function gradeSentinel(row: SentinelRow, got: { bundleId?: string; reply: string }): Grade {
  if (got.bundleId !== row.bundleId)
    return { pass: false, score: 0, reason: `reply is about ${got.bundleId ?? 'no bundle'}` };
  const missing = row.expect.includes.filter((f) => !states(got.reply, f));
  const present = (row.expect.excludes ?? []).filter((f) => states(got.reply, f));
  if (missing.length === 0 && present.length === 0)
    return { pass: true, score: 1, reason: 'states the fact' };
  const parts = [
    missing.length ? `missing ${missing.join('、')}` : '',
    present.length ? `wrongly says ${present.join('、')}` : '',
  ];
  return { pass: false, score: 0, reason: parts.filter(Boolean).join('; ') };
}

export async function runSentinel(knowledge: Knowledge, dataset = SENTINEL_DATASET) {
  const rows = readJsonl(dataset, SentinelRow);
  const store = await openStore({ sqlite: ':memory:' });
  const answers = new AnswerService(knowledge, store);
  const graded: GradedRow<SentinelRow>[] = [];
  for (const row of rows) {
    const first = await answers.answer({
      message: row.setup,
      channel: 'eval',
      ...(row.region ? { region: row.region } : {}),
    });
    const second = await answers.answer({
      sessionId: first.sessionId,
      message: row.message,
      channel: 'eval',
    });
    const got = { ...(second.bundle ? { bundleId: second.bundle.id } : {}), reply: second.reply };
    graded.push({
      row,
      got: { ...got, outcome: second.outcome, catalogVersion: second.catalogVersion },
      grade: gradeSentinel(row, got),
    });
  }
  await store.close();
  const by = (key: (r: SentinelRow) => string[]) => {
    const out: Record<string, { n: number; pass: number }> = {};
    for (const g of graded) {
      for (const k of key(g.row)) {
        const e = out[k] ?? { n: 0, pass: 0 };
        e.n += 1;
        if (g.grade.pass) e.pass += 1;
        out[k] = e;
      }
    }
    return out;
  };
  const passed = graded.filter((g) => g.grade.pass).length;
  return {
    summary: {
      total: graded.length,
      passed,
      accuracy: Math.round((passed / graded.length) * 1000) / 1000,
      perBundle: by((r) => [r.bundleId]),
      perTag: by((r) => r.tags),
      withRegion: by((r) => [r.region ? 'region' : 'baseline']),
    },
    graded,
  };
}

export async function sentinelTask(knowledge: Knowledge): Promise<void> {
  const { summary, graded } = await runSentinel(knowledge);
  const rows: (string | number)[][] = [['bundle / tag', 'n', 'pass', 'accuracy']];
  for (const [group, entries] of [
    ['', summary.perBundle],
    ['tag:', summary.perTag],
    ['', summary.withRegion],
  ] as const) {
    for (const [k, v] of Object.entries(entries).sort())
      rows.push([`${group}${k}`, v.n, v.pass, (v.pass / v.n).toFixed(3)]);
  }
  rows.push(['overall', summary.total, summary.passed, summary.accuracy.toFixed(3)]);
  console.log(
    `\nsentinel — ${summary.total} simple questions (expected facts from the source guides)\n${table(rows)}`,
  );
  for (const g of graded.filter((x) => !x.grade.pass))
    console.log(
      `  ✗ ${g.row.id} [${g.row.bundleId}${g.row.region ? ` ${g.row.region}` : ''}] ${g.row.message} → ${g.grade.reason}`,
    );
  console.log(
    `report: ${writeReport('sentinel', { config: { dataset: SENTINEL_DATASET, catalogVersion: knowledge.catalog.hash.slice(0, 12) }, aggregate: summary, rows: graded })}`,
  );
}
