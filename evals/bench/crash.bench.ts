/**
 * Crash: kill -9 the server in the middle of filling flows, restart it on the same database, and count what was
 * lost: every draft value and consent the server had acknowledged (2xx) must be there, and every conversation must
 * go on. Runs on SQLite (a file) and, when it answers, PostgreSQL (a schema of its own).
 * Usage: npm run bench -- crash [--sessions 20] [--kill-after-ms 2500]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Auth } from '../../server/auth/auth.ts';
import { loadRegistry } from '../../server/shared-data/sandbox/sandbox-exchange.ts';
import { type ServerProcess, startServerProcess } from '../../server/testing/server-process.ts';
import { postgresReachable, TEST_DATABASE_URL, testSchema } from '../../server/testing/test-postgres.ts';
import { numberFlag } from './bench-args.ts';

const SECRET = 'crash-bench-secret-of-at-least-32-characters';
const SOURCES = ['population-register', 'elicence-marriage', 'birth-record'];
const NAMES = ['林小满', '周安然', '吴一诺', '郑可心', '王乐天'];

interface Acked {
  sessionId: string;
  turns: number;
  fields: Record<string, string>;
  consents: string[];
}

async function call(url: string, method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    ok: res.ok,
    status: res.status,
    body: res.ok && res.status !== 204 ? await res.json() : undefined,
  };
}

/** One person filling the newborn form, step by step, noting each write the server acknowledged. */
async function fillingFlow(url: string, token: string, i: number, acked: Acked[]): Promise<void> {
  const first = await call(url, 'POST', '/api/chat', undefined, { message: '宝宝出生了要办哪些手续' });
  if (!first.ok) return;
  const entry: Acked = { sessionId: first.body.sessionId, turns: 1, fields: {}, consents: [] };
  acked.push(entry);
  const say = async (message: string) => {
    const r = await call(url, 'POST', '/api/chat', undefined, { sessionId: entry.sessionId, message });
    if (r.ok) entry.turns += 1;
    return r.ok;
  };
  if (!(await say('帮我填表'))) return;
  for (const source of SOURCES) {
    const r = await call(url, 'POST', `/api/sessions/${entry.sessionId}/consents`, token, {
      source,
      purpose: '预填申请表',
    });
    if (!r.ok) return;
    entry.consents.push(r.body.id);
  }
  for (let step = 0; step < 50; step++) {
    const name = `${NAMES[(i + step) % NAMES.length]}${step}`;
    const r = await call(url, 'PUT', `/api/sessions/${entry.sessionId}/form/fields/child.name`, token, {
      value: name,
    });
    if (!r.ok) return;
    entry.fields['child.name'] = name;
    if (!(await say(`电话是1391234${String(5000 + step).padStart(4, '0')}`))) return;
  }
}

async function verify(url: string, token: string, acked: Acked[]) {
  let lostFields = 0;
  let lostConsents = 0;
  let lostTurns = 0;
  let resumed = 0;
  for (const a of acked) {
    const session = await call(url, 'GET', `/api/sessions/${a.sessionId}`, token);
    if (!session.ok) {
      lostTurns += a.turns;
      lostConsents += a.consents.length;
      continue;
    }
    if (session.body.turns.length < a.turns) lostTurns += a.turns - session.body.turns.length;
    const form = await call(url, 'GET', `/api/sessions/${a.sessionId}/form`, token);
    for (const [key, value] of Object.entries(a.fields)) {
      const field = form.body?.fields.find((f: { key: string }) => f.key === key);
      if (field?.value !== value) lostFields += 1;
    }
    const consents = await call(url, 'GET', `/api/sessions/${a.sessionId}/consents`, token);
    const have = new Set((consents.body?.consents ?? []).map((c: { id: string }) => c.id));
    lostConsents += a.consents.filter((id) => !have.has(id)).length;
    const next = await call(url, 'POST', '/api/chat', undefined, {
      sessionId: a.sessionId,
      message: '要跑几次？',
    });
    if (next.ok && next.body.turn > session.body.turns.length) resumed += 1;
  }
  return { lostFields, lostConsents, lostTurns, resumed };
}

async function crashOnce(
  engine: string,
  env: Record<string, string>,
  sessions: number,
  killAfter: number,
): Promise<void> {
  const registry = loadRegistry();
  const father = registry.people[0];
  if (!father) throw new Error('sandbox registry empty');
  const token = await Auth.withSecret(SECRET, false).issue(
    'crash-citizen',
    ['citizen'],
    '1h',
    father.idNumber,
  );
  const first: ServerProcess = await startServerProcess(env);
  const acked: Acked[] = [];
  const flows = Array.from({ length: sessions }, (_, i) =>
    fillingFlow(first.url, token, i, acked).catch(() => undefined),
  );
  await new Promise((r) => setTimeout(r, killAfter));
  first.proc.kill('SIGKILL');
  await Promise.all(flows);
  const fields = acked.reduce((n, a) => n + Object.keys(a.fields).length, 0);
  const consents = acked.reduce((n, a) => n + a.consents.length, 0);
  const turns = acked.reduce((n, a) => n + a.turns, 0);
  const second = await startServerProcess(env);
  try {
    const lost = await verify(second.url, token, acked);
    console.log(
      `crash (${engine}): kill -9 after ${killAfter} ms of ${sessions} filling flows; acknowledged before the kill: ${turns} turns, ${fields} draft values (latest each), ${consents} consents`,
    );
    console.log(
      `  after restart: lost ${lost.lostTurns} turns, ${lost.lostFields} draft values, ${lost.lostConsents} consents; conversations resumed ${lost.resumed}/${acked.length}`,
    );
    if (lost.lostFields + lost.lostConsents + lost.lostTurns > 0 || lost.resumed < acked.length)
      process.exitCode = 1;
  } finally {
    second.proc.kill('SIGTERM');
  }
}

export async function crashBench(args: string[]): Promise<void> {
  const sessions = numberFlag(args, 'sessions', 20);
  const killAfter = numberFlag(args, 'kill-after-ms', 2500);
  const base = {
    AUTH_JWT_SECRET: SECRET,
    RATE_LIMIT_IP_PER_MIN: '1000000',
    RATE_LIMIT_TURNS_PER_IP_PER_MIN: '1000000',
    RATE_LIMIT_TURNS_PER_SESSION_PER_MIN: '1000000',
  };
  await crashOnce(
    'SQLite',
    { ...base, DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-crash-')) },
    sessions,
    killAfter,
  );
  if (!(await postgresReachable())) {
    console.log(`crash (PostgreSQL): skipped, ${TEST_DATABASE_URL} unreachable`);
    return;
  }
  const schema = testSchema();
  await schema.create();
  try {
    await crashOnce(
      'PostgreSQL',
      {
        ...base,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-crash-')),
        DATABASE_URL: schema.url,
      },
      sessions,
      killAfter,
    );
  } finally {
    await schema.drop();
  }
}
