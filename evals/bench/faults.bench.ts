/**
 * Faults: the model endpoint down or slow (every turn still answered, deterministically, within 2 s), Redis down
 * (the node starts single-node and says so), the database unreachable at start (a clear message and exit code 3).
 * Usage: npm run bench -- faults [--turns 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge, type Knowledge } from '../../knowledge/index.ts';
import { AnswerService } from '../../server/answer/answer-service.ts';
import { loadConfig } from '../../server/config.ts';
import { createLlmClient } from '../../server/llm/llm-client.ts';
import { startOpenAiTestServer } from '../../server/llm/testing/openai-test-server.ts';
import { openStore } from '../../server/stores/open-store.ts';
import { startServerProcess } from '../../server/testing/server-process.ts';
import { numberFlag } from './bench-args.ts';

const QUESTIONS = [
  '宝宝刚出生，要办哪些证',
  '要跑几次？',
  '我快退休了，要准备什么材料',
  '在哪里办？',
  '社保卡丢了怎么补办',
];

async function modelFault(
  knowledge: Knowledge,
  label: string,
  baseUrl: string,
  turns: number,
): Promise<void> {
  const llm = createLlmClient(
    loadConfig({ OPENAI_MODEL: 'fault-test', OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'k' }),
  );
  const answers = new AnswerService(knowledge, await openStore({ sqlite: ':memory:' }), { llm });
  const times: number[] = [];
  let answered = 0;
  let sessionId: string | undefined;
  for (let i = 0; i < turns; i++) {
    const started = performance.now();
    const answer = await answers.answer({
      message: QUESTIONS[i % QUESTIONS.length] as string,
      channel: 'api',
      ...(sessionId && i % QUESTIONS.length !== 0 ? { sessionId } : {}),
    });
    times.push(performance.now() - started);
    sessionId = answer.sessionId;
    if (answer.outcome === 'answered') answered += 1;
  }
  const max = Math.max(...times);
  console.log(
    `  model ${label}: ${answered}/${turns} answered (deterministic reply), first turn ${(times[0] ?? 0).toFixed(0)} ms, slowest ${max.toFixed(0)} ms — ${max <= 2000 ? 'within' : 'OVER'} 2 s`,
  );
  if (max > 2000 || answered < turns) process.exitCode = 1;
}

async function redisDown(): Promise<void> {
  const started = performance.now();
  const node = await startServerProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-fault-')),
    REDIS_URL: 'redis://127.0.0.1:1',
  });
  try {
    const ready = await fetch(`${node.url}/readyz`);
    const body = (await ready.json()) as { checks: { redis?: { detail?: string } } };
    const chat = await fetch(`${node.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '我快退休了' }),
    });
    console.log(
      `  Redis down: node up in ${((performance.now() - started) / 1000).toFixed(1)} s, /readyz ${ready.status} (${body.checks.redis?.detail ?? 'ok'}), chat ${chat.status}`,
    );
    if (!ready.ok || !chat.ok) process.exitCode = 1;
  } finally {
    node.proc.kill('SIGTERM');
  }
}

function databaseUnreachable(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    let out = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://yishi:secret@127.0.0.1:1/yishi',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-fault-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (d) => {
      out += String(d);
    });
    proc.stderr.on('data', (d) => {
      out += String(d);
    });
    proc.on('exit', (code) => {
      const message = out.match(/"msg":"([^"]+)"/)?.[1] ?? out.trim().slice(0, 160);
      console.log(
        `  database unreachable at start: exit code ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s — “${message}”${out.includes('secret') ? ' (PASSWORD LEAKED)' : ''}`,
      );
      if (code !== 3 || out.includes('secret')) process.exitCode = 1;
      resolve();
    });
  });
}

export async function faultsBench(args: string[]): Promise<void> {
  const turns = numberFlag(args, 'turns', 10);
  console.log('faults:');
  const knowledge = await buildKnowledge();
  await modelFault(knowledge, 'endpoint down (connection refused)', 'http://127.0.0.1:1/v1', turns);
  const slow = await startOpenAiTestServer(() => ({ delayMs: 30_000, content: '{}' }));
  try {
    await modelFault(knowledge, 'endpoint slow (answers after 30 s)', slow.url, turns);
  } finally {
    await slow.close();
  }
  await redisDown();
  await databaseUnreachable();
}
