/**
 * Two yishi processes on one PostgreSQL and one Redis: a citizen chatting on node A and a hotline agent on node B
 * follow the same case live. Skipped, saying why, only where PostgreSQL or Redis cannot be reached.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Auth } from '../auth/auth.ts';
import { startServerProcess } from '../testing/server-process.ts';
import { postgresReachable, TEST_DATABASE_URL, testSchema } from '../testing/test-postgres.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'two-nodes-test-secret-of-at-least-32-chars';

async function redisReachable(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    await client.destroy();
  }
}

const ready = (await postgresReachable()) && (await redisReachable());
if (!ready)
  console.warn(
    `two-node test skipped: PostgreSQL (${TEST_DATABASE_URL}) or Redis (${REDIS_URL}) unreachable`,
  );

const startNode = (env: Record<string, string>) => startServerProcess(env);

describe.skipIf(!ready)('two nodes on one PostgreSQL and one Redis', () => {
  const schema = testSchema();
  const nodes: ChildProcess[] = [];
  let a = '';
  let b = '';
  beforeAll(async () => {
    await schema.create();
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL,
      AUTH_JWT_SECRET: SECRET,
      // One data folder: node A builds the retrieval index, node B loads it.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-nodes-')),
    };
    const first = await startNode(env);
    nodes.push(first.proc);
    const second = await startNode(env);
    nodes.push(second.proc);
    a = first.url;
    b = second.url;
  }, 240_000);
  afterAll(async () => {
    for (const p of nodes) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await schema.drop();
  });

  it('shows the citizen on node A live to the agent on node B', async () => {
    const citizen: Socket = connect(`${a}/chat`, { transports: ['websocket'], forceNew: true });
    const agentToken = await Auth.withSecret(SECRET).issue('agent-042', ['agent']);
    const agent: Socket = connect(`${b}/copilot`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: agentToken },
    });
    try {
      const turn = (id: string, message: string, sessionId?: string) =>
        new Promise<any>((resolve) => {
          citizen.on('reply', (r) => r.id === id && resolve(r));
          citizen.emit('turn', { id, message, ...(sessionId ? { sessionId } : {}) });
        });
      const first = await turn('t1', '我快退休了，要准备哪些材料');
      expect(first.bundle.id).toBe('retirement');
      // The citizen reads out the case code; the agent on the other node opens it with consent.
      const code = await (
        await fetch(`${a}/api/sessions/${first.sessionId}/case-code`, { method: 'POST' })
      ).json();
      const joined = await fetch(`${b}/api/copilot/cases/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
        body: JSON.stringify({ code: code.code, consent: true }),
      });
      expect(joined.status).toBe(200);
      expect((await agent.emitWithAck('watch', { sessionId: first.sessionId })).ok).toBe(true);
      const events: any[] = [];
      agent.on('case', (e) => events.push(e));
      await turn('t2', '我是企业职工，单位交的社保', first.sessionId);
      await expect.poll(() => events.some((e) => e.kind === 'panels'), { timeout: 10_000 }).toBe(true);
      expect(events.find((e) => e.kind === 'line' && e.speaker === 'caller')?.text).toContain('企业职工');
      expect(events.find((e) => e.kind === 'panels')?.panels.bundles[0].id).toBe('retirement');
    } finally {
      citizen.close();
      agent.close();
    }
  }, 60_000);
});
