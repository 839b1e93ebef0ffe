/**
 * A person's data: only their own sessions, drafts and audit entries open for them (others get 401/403/404);
 * DELETE /api/sessions/:id removes transcript and draft and records it; and after a full filling flow, logged
 * at trace level, no ID number, phone, name or token appears in the logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { loadRegistry } from '../shared-data/sandbox/sandbox-exchange.ts';
import { type RunningApp, startApp, TEST_AUTH } from '../testing/start-app.ts';

const registry = loadRegistry();
const father = registry.people[0];
const birth = registry.births[0];
const logs: string[] = [];
let running: RunningApp;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _e, done) {
      logs.push(String(chunk));
      done();
    },
  });
  running = await startApp(':memory:', {}, [], { logger: createLogger('trace', sink) });
});
afterAll(async () => running.close());

async function send(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}

describe('privacy', () => {
  it('keeps a person’s session, draft and audit entries theirs, deletes on request, and logs no identifiers', async () => {
    if (!father || !birth) throw new Error('sandbox registry empty');
    const token = await TEST_AUTH.issue('citizen-lin', ['citizen'], '1h', father.idNumber);
    const other = await TEST_AUTH.issue('citizen-other', ['citizen'], '1h', registry.people[2]?.idNumber);
    const say = async (message: string, sessionId?: string) =>
      (await send('POST', '/api/chat', undefined, { message, ...(sessionId ? { sessionId } : {}) })).body;
    const { sessionId } = await say('宝宝出生了要办哪些手续');
    await say('帮我填表', sessionId);
    await say('孩子叫林小满，女孩，联系电话13912345678', sessionId);
    for (const source of ['population-register', 'elicence-marriage', 'birth-record'])
      expect(
        (await send('POST', `/api/sessions/${sessionId}/consents`, token, { source, purpose: '预填申请表' }))
          .status,
      ).toBe(201);
    expect((await send('POST', `/api/sessions/${sessionId}/form/prefill`, token)).status).toBe(200);
    expect(
      (await send('PUT', `/api/sessions/${sessionId}/form/fields/child.name`, token, { value: '林小曼' }))
        .status,
    ).toBe(200);

    // Theirs alone now: no token 401, another citizen 403, the owner 200.
    for (const path of [`/api/sessions/${sessionId}`, `/api/sessions/${sessionId}/form`]) {
      expect((await send('GET', path)).status).toBe(401);
      expect((await send('GET', path, other)).status).toBe(403);
      expect((await send('GET', path, token)).status).toBe(200);
    }
    expect((await send('DELETE', `/api/sessions/${sessionId}`, other)).status).toBe(403);
    const mine = await send('GET', '/api/me/audit', token);
    expect(mine.body.entries.some((e: { action: string }) => e.action === 'shared-read')).toBe(true);
    const theirs = await send('GET', '/api/me/audit', other);
    expect(theirs.body.entries.filter((e: { sessionId?: string }) => e.sessionId === sessionId)).toEqual([]);

    // Deleted on request, and the deletion recorded.
    expect((await send('DELETE', `/api/sessions/${sessionId}`, token)).status).toBe(204);
    expect((await send('GET', `/api/sessions/${sessionId}`, token)).status).toBe(404);
    expect(await running.app.store.listTurns(sessionId)).toEqual([]);
    const audit = await running.app.store.listAudit();
    expect(audit.at(-1)).toMatchObject({ action: 'session-deleted', actor: 'citizen-lin', sessionId });

    // Nothing personal in the logs of all that.
    const out = logs.join('');
    expect(out.length).toBeGreaterThan(1000);
    for (const secret of [
      father.idNumber,
      father.name,
      birth.母亲公民身份号码,
      '林小满',
      '林小曼',
      '13912345678',
      token,
    ])
      expect(out).not.toContain(secret);
  });
});
