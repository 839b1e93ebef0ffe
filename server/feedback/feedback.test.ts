import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type RunningApp, startApp, TEST_AUTH } from '../testing/start-app.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.close();
});

async function adminGet(path: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(
    `${running.url}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: res.status, body: await res.json() };
}

describe('feedback (好差评)', () => {
  it('rates answers, lists bad ratings, no_answer and unplaced questions by bundle for admins only', async () => {
    const first = await postJson(`${running.url}/api/chat`, { message: '我明年退休，要准备什么' });
    expect(first.body.turn).toBe(1);
    const second = await postJson(`${running.url}/api/chat`, {
      sessionId: first.body.sessionId,
      message: '退休后的旅游优惠有哪些',
    });
    expect(second.body.outcome).toBe('no_answer');
    await postJson(`${running.url}/api/chat`, { message: '我想办个证' });

    const bad = await postJson(`${running.url}/api/feedback`, {
      sessionId: first.body.sessionId,
      turn: 1,
      rating: 'bad',
      reason: 'too_long',
      text: '太长了，我电话13912345678',
    });
    expect(bad.status).toBe(201);
    const missingReason = await postJson(`${running.url}/api/feedback`, {
      sessionId: first.body.sessionId,
      turn: 1,
      rating: 'bad',
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.message).toMatch(/差评请选择原因/);
    const unknownTurn = await postJson(`${running.url}/api/feedback`, {
      sessionId: first.body.sessionId,
      turn: 9,
      rating: 'good',
    });
    expect(unknownTurn.status).toBe(404);

    expect((await adminGet('/api/admin/feedback')).status).toBe(401);
    expect((await adminGet('/api/admin/feedback', 'not.a.token')).status).toBe(401);
    const citizen = await TEST_AUTH.issue('c1', ['citizen']);
    expect((await adminGet('/api/admin/feedback', citizen)).status).toBe(403);

    const admin = await TEST_AUTH.issue('ops', ['admin']);
    const report = await adminGet('/api/admin/feedback', admin);
    expect(report.status).toBe(200);
    expect(report.body.totals).toMatchObject({ rated: 1, bad: 1, good: 0, noAnswer: 1, unplaced: 1 });
    const retirement = report.body.bundles.find((b: { bundleId: string }) => b.bundleId === 'retirement');
    expect(retirement.bad).toBe(1);
    expect(retirement.badRated[0]).toMatchObject({
      turn: 1,
      reason: 'too_long',
      message: '我明年退休，要准备什么',
    });
    expect(retirement.badRated[0].text).not.toContain('13912345678');
    expect(retirement.noAnswer[0].message).toBe('退休后的旅游优惠有哪些');
    expect(report.body.unplaced[0]).toMatchObject({ message: '我想办个证', outcome: 'clarify' });

    // A second rating of the same turn replaces the first.
    await postJson(`${running.url}/api/feedback`, {
      sessionId: first.body.sessionId,
      turn: 1,
      rating: 'good',
    });
    const again = await adminGet('/api/admin/feedback', admin);
    expect(again.body.totals).toMatchObject({ rated: 1, good: 1, bad: 0 });
  });
});
