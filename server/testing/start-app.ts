import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildKnowledge, type Knowledge } from '../../knowledge/index.ts';
import type { AnswerOptions } from '../answer/answer-service.ts';
import { type App, type AppDeps, createApp } from '../app.ts';
import { Auth } from '../auth/auth.ts';
import { openStore } from '../stores/open-store.ts';

let shared: Promise<Knowledge> | undefined;

/** The test apps' token verifier; `TEST_AUTH.issue(...)` signs tokens they accept. */
export const TEST_AUTH = Auth.withSecret('test-secret-of-at-least-thirty-two-characters');

/** The shipped catalog's knowledge, built once per test file. */
export function testKnowledge(): Promise<Knowledge> {
  shared ??= buildKnowledge();
  return shared;
}

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** Starts the real app on an ephemeral port with a SQLite store at `dbFile` (default in memory). */
export async function startApp(
  dbFile = ':memory:',
  answer: AnswerOptions = {},
  portalOrigins: readonly string[] = [],
  extra: Partial<AppDeps> = {},
): Promise<RunningApp> {
  const app = createApp({
    knowledge: await testKnowledge(),
    store: await openStore({ sqlite: dbFile }),
    logger: pino({ level: 'silent' }),
    answer,
    auth: TEST_AUTH,
    portalOrigins,
    ...extra,
  });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.http.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}
