import { join } from 'node:path';
import type { Knowledge } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { chineseNumber } from '../../server/text/chinese-number.ts';
import { VoiceCall, type VoiceReply } from '../../server/voice/voice-call.ts';
import { readJsonl } from '../lib/dataset.ts';
import type { Grade, GradedRow } from '../lib/grade.ts';
import { table, writeReport } from '../lib/report.ts';
import { VoiceCallRow, type VoiceExpect, type VoiceTurn } from './voice.schema.ts';

export const VOICE_DATASET = join(import.meta.dirname, '..', 'datasets', 'voice-calls.jsonl');
/** Written blind by another author after the runner was fixed; its first figure is the honest one. */
export const VOICE_HOLDOUT = join(import.meta.dirname, '..', 'datasets', 'voice-calls-holdout.jsonl');

/** Properties every spoken reply must have, whatever the call. */
export const LISTENING_LIMITS = { sentenceChars: 48, replyChars: 160 };

/** The listening properties a reply breaks (digits, URL, markup, long sentence or reply, two items at once). */
export function listeningFaults(text: string): string[] {
  const faults: string[] = [];
  if (/\d/.test(text)) faults.push('arabic digits');
  if (/https?:|www\.|\.com|\.cn/i.test(text)) faults.push('url');
  if (/[*#[\]<>`|_]/.test(text)) faults.push('markup');
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [];
  if (sentences.some((s) => [...s].length > LISTENING_LIMITS.sentenceChars)) faults.push('long sentence');
  if ([...text].length > LISTENING_LIMITS.replyChars) faults.push('long reply');
  if ((text.match(/第[一二三四五六七八九十]+项/g) ?? []).length > 1) faults.push('two items');
  if ((text.match(/第[一二三四五六七八九十]+步/g) ?? []).length > 1) faults.push('two stages');
  return faults;
}

interface TurnResult {
  input: string;
  text: string;
  action: string;
  bundle?: string;
  faults: string[];
}

function turnFaults(
  expect: VoiceExpect | undefined,
  got: TurnResult,
  previous: string | undefined,
): string[] {
  const faults = [...got.faults];
  if (!expect) return faults;
  if (expect.walk) {
    const mark = expect.walk === 'checklist' ? '项' : '步';
    const items = [...got.text.matchAll(new RegExp(`第([一二三四五六七八九十]+)${mark}`, 'g'))];
    if (items.length !== 1) faults.push(`expected one ${expect.walk} item, read ${items.length}`);
    else if (expect.item && chineseNumber(items[0]?.[1] ?? '') !== expect.item)
      faults.push(`expected item ${expect.item}, read 第${items[0]?.[1]}${mark}`);
  }
  if (expect.same && got.text !== previous) faults.push('not a repeat of the previous reply');
  if (expect.action && expect.action !== got.action)
    faults.push(`action ${got.action}, expected ${expect.action}`);
  for (const s of expect.contains ?? []) if (!got.text.includes(s)) faults.push(`missing “${s}”`);
  if (expect.bundle && expect.bundle !== got.bundle)
    faults.push(`bundle ${got.bundle ?? 'none'}, expected ${expect.bundle}`);
  return faults;
}

async function play(call: VoiceCall, turn: VoiceTurn): Promise<{ input: string; reply: VoiceReply }> {
  if ('say' in turn) return { input: turn.say, reply: await call.hear(turn.say) };
  if ('dtmf' in turn) return { input: `[dtmf ${turn.dtmf}]`, reply: await call.dtmf(turn.dtmf) };
  return { input: '[silence]', reply: call.silence() };
}

/** One call through VoiceCall (the object the /voice namespace drives), every reply checked; stops at hangup. */
async function playCall(answers: AnswerService, row: VoiceCallRow): Promise<TurnResult[]> {
  const session = await answers.openSession();
  const call = new VoiceCall(answers, session.id, row.region);
  let previous = call.greet().text;
  const results: TurnResult[] = [];
  for (const turn of row.turns) {
    const { input, reply } = await play(call, turn);
    const bundle = (await answers.getSession(session.id)).bundleId;
    const got: TurnResult = {
      input,
      text: reply.text,
      action: reply.action ?? 'none',
      ...(bundle ? { bundle } : {}),
      faults: listeningFaults(reply.text),
    };
    got.faults = turnFaults(turn.expect, got, previous);
    results.push(got);
    previous = reply.text;
    if (reply.action === 'hangup') break;
  }
  return results;
}

function gradeCall(row: VoiceCallRow, results: TurnResult[]): Grade {
  const failed = results.filter((r) => r.faults.length > 0);
  return {
    pass: failed.length === 0 && results.length === row.turns.length,
    score: results.filter((r) => r.faults.length === 0).length / row.turns.length,
    reason:
      failed.length === 0
        ? 'every reply as expected'
        : failed.map((r) => `${r.input}: ${r.faults.join('; ')}`).join(' | '),
  };
}

/** Plays each call and grades every reply; the aggregate counts calls, turns and faults by kind. */
export async function voiceTask(
  knowledge: Knowledge,
  dataset = VOICE_DATASET,
  name = 'voice',
): Promise<void> {
  const rows = readJsonl(dataset, VoiceCallRow);
  const answers = new AnswerService(knowledge, await openStore({ sqlite: ':memory:' }));
  const graded: GradedRow<VoiceCallRow>[] = [];
  for (const row of rows) {
    const results = await playCall(answers, row);
    graded.push({ row, grade: gradeCall(row, results), got: results });
  }
  const all = graded.flatMap((g) => g.got as TurnResult[]);
  const turns = all.length;
  const turnsPassed = all.filter((r) => r.faults.length === 0).length;
  const faultCounts = new Map<string, number>();
  for (const f of all.flatMap((r) => r.faults)) {
    const kind = f.replace(/“.*”|\d+|第.+[项步]/g, '…');
    faultCounts.set(kind, (faultCounts.get(kind) ?? 0) + 1);
  }
  const passed = graded.filter((g) => g.grade.pass).length;
  const aggregate = {
    calls: rows.length,
    callsPassed: passed,
    turns,
    turnsPassed,
    turnAccuracy: Math.round((turnsPassed / Math.max(1, turns)) * 1000) / 1000,
    faults: Object.fromEntries([...faultCounts].sort((a, b) => b[1] - a[1])),
  };
  const path = writeReport(name, {
    config: { dataset, limits: LISTENING_LIMITS },
    aggregate,
    rows: graded,
  });
  console.log(
    table([
      ['voice calls', 'passed', 'turns', 'turns passed'],
      [rows.length, passed, turns, `${turnsPassed} (${aggregate.turnAccuracy})`],
    ]),
  );
  for (const [kind, n] of Object.entries(aggregate.faults)) console.log(`  ${n}× ${kind}`);
  for (const g of graded.filter((x) => !x.grade.pass).slice(0, 40))
    console.log(`  ✗ ${g.row.id} ${g.grade.reason}`);
  console.log(`report: ${path}`);
}
