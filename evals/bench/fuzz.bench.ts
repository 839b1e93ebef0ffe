/**
 * Fuzz: N generated malformed HTTP bodies, query strings and socket payloads (fast-check) against the real app.
 * Every HTTP reply must be a 4xx in the error shape with no stack trace or internal message; every socket reply
 * to a bad payload must be an `error` in the same shape; the server must stay up.
 * Usage: npm run bench -- fuzz [--runs 10000] [--seed N]
 */
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { CallerTurn, Join } from '../../server/copilot/copilot-routes.ts';
import { WorkOrderInput } from '../../server/copilot/work-order.schema.ts';
import { FeedbackRequest } from '../../server/feedback/feedback.schema.ts';
import { ChatRequest } from '../../server/http/routes/chat.schema.ts';
import { SetValue } from '../../server/http/routes/form-routes.ts';
import { PlanRequest } from '../../server/http/routes/plan.schema.ts';
import { SearchQuery } from '../../server/http/routes/search.schema.ts';
import { ConsentRequest } from '../../server/shared-data/consent.ts';
import { TurnEvent } from '../../server/socket/turn.schema.ts';
import { startApp, TEST_AUTH } from '../../server/testing/start-app.ts';
import { numberFlag } from './bench-args.ts';

/** Signs of internals leaking: stack frames, file paths, JS error names, SQL. */
const LEAK =
  /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|TypeError|ReferenceError|SyntaxError:|SQLITE|relation "|kysely|ECONN/i;

/** Anything JSON or not quite: values, broken text, huge strings, prototype tricks. */
const junk = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue() },
  { weight: 2, arbitrary: fc.object({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ raw: s })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { __proto__: { admin: true } },
      { constructor: { prototype: { x: 1 } } },
      { message: null },
      { message: 'x'.repeat(3000) },
      { sessionId: '../../etc/passwd', message: '你好' },
      { id: { $gt: '' }, message: '你好' },
    ),
  },
);

/** A junk value the route's own schema refuses (so a 2xx would be a real bug, not luck). */
const invalidFor = (schema: z.ZodType) => junk.filter((v) => !schema.safeParse(v).success);

interface Target {
  method: 'POST' | 'PUT' | 'GET';
  path: string;
  body?: fc.Arbitrary<unknown>;
  query?: boolean;
  token?: 'citizen' | 'agent' | 'admin';
}

type Tokens = Record<NonNullable<Target['token']>, string>;

/** The routes fuzzed, with a session and a copilot case to aim at. */
async function fuzzTargets(url: string, tokens: Tokens): Promise<Target[]> {
  const post = async (path: string, headers: Record<string, string>, body?: string) =>
    (await fetch(`${url}${path}`, { method: 'POST', headers, ...(body ? { body } : {}) })).json();
  const sid = (await post('/api/chat', { 'content-type': 'application/json' }, '{"message":"我要退休了"}'))
    .sessionId;
  const caseId = (await post('/api/copilot/cases', { authorization: `Bearer ${tokens.agent}` })).sessionId;
  return [
    { method: 'POST', path: '/api/chat', body: invalidFor(ChatRequest) },
    { method: 'POST', path: '/api/plan', body: invalidFor(PlanRequest) },
    { method: 'POST', path: '/api/feedback', body: invalidFor(FeedbackRequest) },
    { method: 'PUT', path: `/api/sessions/${sid}/form/fields/applicant.name`, body: invalidFor(SetValue) },
    {
      method: 'POST',
      path: `/api/sessions/${sid}/consents`,
      body: invalidFor(ConsentRequest),
      token: 'citizen',
    },
    { method: 'POST', path: '/api/copilot/cases/join', body: invalidFor(Join), token: 'agent' },
    {
      method: 'POST',
      path: `/api/copilot/cases/${caseId}/turns`,
      body: invalidFor(CallerTurn),
      token: 'agent',
    },
    {
      method: 'POST',
      path: `/api/copilot/cases/${caseId}/work-order`,
      body: invalidFor(WorkOrderInput),
      token: 'agent',
    },
    { method: 'GET', path: '/api/search', query: true },
    { method: 'GET', path: '/api/lookup', query: true },
    { method: 'GET', path: '/api/admin/feedback', query: true, token: 'admin' },
    { method: 'GET', path: '/api/sessions/{junk}', query: false },
    { method: 'GET', path: '/api/bundles/{junk}', query: false },
  ];
}

/** Counts statuses and records every reply that is not a 4xx in the error shape, or leaks internals. */
function replyChecker() {
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const check = (what: string, status: number, text: string) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const shaped = typeof body?.error?.code === 'string' && typeof body?.error?.message === 'string';
    if (status < 400 || status >= 500 || !shaped || LEAK.test(text))
      failures.push(`${what} → ${status} ${text.slice(0, 160)}`);
  };
  return { statuses, failures, check };
}

/** A query string the route refuses: junk, made invalid where junk could pass. */
function refusedQuery(path: string, query: Record<string, string>): string {
  const params = new URLSearchParams(query);
  if (path === '/api/search' && SearchQuery.safeParse(Object.fromEntries(params)).success)
    params.set('k', '-1');
  if (path === '/api/lookup' && params.has('matterCode')) params.set('matterCode', '');
  if (path === '/api/admin/feedback') params.set('limit', 'x');
  return `?${params}`;
}

async function fuzzHttp(
  url: string,
  targets: Target[],
  tokens: Tokens,
  runs: number,
  seed: number,
  check: ReturnType<typeof replyChecker>['check'],
): Promise<void> {
  // The body is drawn with the target, so a seed replays the same requests.
  const request = fc
    .nat(targets.length - 1)
    .chain((i) =>
      fc.tuple(fc.constant(targets[i] as Target), (targets[i] as Target).body ?? fc.constant(undefined)),
    );
  const queryJunk = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 80 }), { maxKeys: 4 });
  const pathJunk = fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent);
  await fc.assert(
    fc.asyncProperty(
      request,
      queryJunk,
      pathJunk,
      fc.boolean(),
      async ([target, value], query, segment, broken) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (target.token) headers.authorization = `Bearer ${tokens[target.token]}`;
        const path = target.path.replace('{junk}', segment);
        const href = `${url}${path}${target.query ? refusedQuery(target.path, query) : ''}`;
        // Half the time the raw text is broken JSON rather than a wrong value.
        const body = target.body
          ? broken
            ? JSON.stringify(value).slice(0, -1) || '{'
            : JSON.stringify(value)
          : undefined;
        const res = await fetch(href, {
          method: target.method,
          headers,
          ...(body !== undefined ? { body } : {}),
        });
        check(`${target.method} ${target.path}`, res.status, await res.text());
      },
    ),
    { numRuns: runs, seed },
  );
}

const VOICE_EVENTS = [
  'call:start',
  'call:text',
  'call:audio',
  'call:audio-end',
  'call:dtmf',
  'call:silence',
  'call:end',
];

/** Socket payloads the schemas refuse: /chat turns (each must get an error event) and /voice events. */
async function fuzzSockets(url: string, runs: number, seed: number, failures: string[]): Promise<number> {
  const chat: Socket = connect(`${url}/chat`, { transports: ['websocket'], forceNew: true });
  const voice: Socket = connect(`${url}/voice`, { transports: ['websocket'], forceNew: true });
  await Promise.all([chat, voice].map((s) => new Promise((r) => s.on('connect', () => r(undefined)))));
  let answered = 0;
  await fc.assert(
    fc.asyncProperty(
      invalidFor(TurnEvent),
      fc.nat(VOICE_EVENTS.length - 1),
      junk,
      async (turn, e, payload) => {
        const reply = new Promise<unknown>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), 2000);
          chat.once('error', (err) => {
            clearTimeout(timer);
            resolve(err);
          });
        });
        chat.emit('turn', turn);
        const got = (await reply) as { error?: { code?: string; message?: string } } | undefined;
        const text = JSON.stringify(got ?? {});
        if (!got?.error?.code || LEAK.test(text))
          failures.push(`socket turn ${JSON.stringify(turn).slice(0, 80)} → ${text.slice(0, 120)}`);
        else answered += 1;
        voice.emit(VOICE_EVENTS[e] as string, payload);
      },
    ),
    { numRuns: runs, seed },
  );
  chat.close();
  voice.close();
  return answered;
}

export async function fuzzBench(args: string[]): Promise<void> {
  const runs = numberFlag(args, 'runs', 10_000);
  const seed = numberFlag(args, 'seed', 20261124);
  const running = await startApp(':memory:', {}, [], {
    limits: { ipPerMinute: 1e9, turnsPerSessionPerMinute: 1e9, turnsPerIpPerMinute: 1e9 },
  });
  const tokens: Tokens = {
    citizen: await TEST_AUTH.issue('fuzz-citizen', ['citizen']),
    agent: await TEST_AUTH.issue('fuzz-agent', ['agent']),
    admin: await TEST_AUTH.issue('fuzz-admin', ['admin']),
  };
  const { statuses, failures, check } = replyChecker();
  const httpRuns = Math.round(runs * 0.8);
  const socketRuns = runs - httpRuns;
  const started = performance.now();
  await fuzzHttp(running.url, await fuzzTargets(running.url, tokens), tokens, httpRuns, seed, check);
  const socketErrors = await fuzzSockets(running.url, socketRuns, seed, failures);
  const seconds = (performance.now() - started) / 1000;
  const alive = (await fetch(`${running.url}/healthz`)).ok;
  await running.close();
  const byStatus = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `fuzz: ${httpRuns} HTTP + ${socketRuns} socket payloads in ${seconds.toFixed(1)} s (seed ${seed})`,
  );
  console.log(`  HTTP statuses: ${byStatus}`);
  console.log(`  socket turns answered with an error in the shape: ${socketErrors}/${socketRuns}`);
  console.log(
    `  server alive afterwards: ${alive}; failures (non-4xx, bad shape, leaked internals): ${failures.length}`,
  );
  for (const f of failures.slice(0, 15)) console.log(`  ✗ ${f}`);
  if (failures.length > 0 || !alive) process.exitCode = 1;
}
