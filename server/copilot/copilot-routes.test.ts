/**
 * The copilot API as a 12345 agent uses it: open a case for a call, type the caller's words, read the panels,
 * take over a case started in the widget by its code (with consent), and save the work order (exported to a
 * file). Agents see only their own cases.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type RunningApp, startApp, TEST_AUTH } from '../testing/start-app.ts';

let running: RunningApp;
let agent: string;
let otherAgent: string;
const exportFile = join(mkdtempSync(join(tmpdir(), 'yishi-wo-')), 'work-orders.jsonl');

async function api(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${running.url}/api/copilot${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}

beforeAll(async () => {
  running = await startApp(':memory:', {}, [], { workOrders: { file: exportFile } });
  agent = await TEST_AUTH.issue('agent-007', ['agent']);
  otherAgent = await TEST_AUTH.issue('agent-008', ['agent']);
});
afterAll(async () => running.close());

describe('copilot API', () => {
  it('needs an agent token', async () => {
    expect((await api('GET', '/cases', undefined)).status).toBe(401);
    const citizen = await TEST_AUTH.issue('someone', ['citizen']);
    expect((await api('GET', '/cases', citizen)).status).toBe(403);
  });

  it('follows a call turn by turn: bundle with confidence, next question, spoken reply draft, form', async () => {
    const opened = await api('POST', '/cases', agent);
    expect(opened.status).toBe(201);
    const id = opened.body.sessionId;
    const first = await api('POST', `/cases/${id}/turns`, agent, {
      message: '喂，我老婆前天生了，出生证、户口、医保这些怎么办',
    });
    expect(first.status).toBe(200);
    const panels = first.body.panels;
    expect(panels.bundles[0]).toMatchObject({ id: 'newborn', chosen: true });
    expect(panels.bundles[0].confidence).toBeGreaterThan(0.4);
    expect(panels.plan.checklist.length).toBeGreaterThan(3);
    expect(panels.nextQuestion.fact).toBeTruthy();
    expect(panels.replyDraft.text).toContain('新生儿出生');
    expect(panels.replyDraft.text).not.toMatch(/依据|\[\d\]|\*\*/);
    expect(panels.replyDraft.citations.length).toBeGreaterThan(0);
    expect(panels.warnings).toEqual([]);
    // The caller answers the question: it moves on.
    const asked = panels.nextQuestion.fact;
    const second = await api('POST', `/cases/${id}/turns`, agent, {
      message: '户口都在本地，我老婆单位给她交的生育保险',
    });
    expect(second.body.panels.nextQuestion?.fact).not.toBe(asked);
    // The agent fills a field from the call.
    await api('POST', `/cases/${id}/turns`, agent, { message: '帮我填表' });
    const form = await api('PUT', `/cases/${id}/form/fields/child.name`, agent, { value: '林小满' });
    expect(form.status).toBe(200);
    const field = form.body.fields.find((f: { key: string }) => f.key === 'child.name');
    expect(field).toMatchObject({ value: '林小满', source: { kind: 'agent' } });
  });

  it('shows a case only to the agents who opened it, took it by code, or were handed it', async () => {
    const { body } = await api('POST', '/cases', agent);
    expect((await api('GET', `/cases/${body.sessionId}`, otherAgent)).status).toBe(404);
    expect(
      (await api('POST', `/cases/${body.sessionId}/turns`, otherAgent, { message: '你好' })).status,
    ).toBe(404);
    expect((await api('POST', `/cases/${body.sessionId}/hand`, agent, { to: 'agent-008' })).status).toBe(204);
    expect((await api('GET', `/cases/${body.sessionId}`, otherAgent)).status).toBe(200);
  });

  it('opens a case the citizen started in the widget by its code, only with consent, and records it', async () => {
    const chat = await postJson(`${running.url}/api/chat`, { message: '我快退休了，要准备什么材料' });
    const code = await postJson(`${running.url}/api/sessions/${chat.body.sessionId}/case-code`, {});
    const refused = await api('POST', '/cases/join', otherAgent, { code: code.body.code, consent: false });
    expect(refused.status).toBe(422);
    const joined = await api('POST', '/cases/join', otherAgent, {
      code: code.body.code.toLowerCase(),
      consent: true,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.sessionId).toBe(chat.body.sessionId);
    expect(joined.body.panels.bundles[0].id).toBe('retirement');
    const audit = await running.app.store.listAudit();
    expect(audit.at(-1)).toMatchObject({
      actor: 'agent-008',
      action: 'case-access',
      sessionId: chat.body.sessionId,
    });
    const view = await api('GET', `/cases/${chat.body.sessionId}`, otherAgent);
    expect(view.body.transcript[0].caller).toContain('退休');
  });

  it('drafts the work order, takes the agent’s edits, saves and exports it', async () => {
    const { body } = await api('POST', '/cases', agent);
    const id = body.sessionId;
    await api('POST', `/cases/${id}/turns`, agent, {
      message: '我办退休手续跑了好几趟了，窗口工作人员态度很差，我要投诉，叫你们领导来',
    });
    const draft = await api('GET', `/cases/${id}/work-order`, agent);
    expect(draft.body.category).toBe('投诉');
    expect(draft.body.warnings).toEqual(expect.arrayContaining(['complaint', 'supervisor']));
    expect(draft.body.bundle?.id).toBe('retirement');
    const edited = { ...draft.body, summary: `${draft.body.summary}（坐席补充：来电人要求三日内回电）` };
    const saved = await api('POST', `/cases/${id}/work-order`, agent, edited);
    expect(saved.status).toBe(201);
    expect(saved.body.order.id).toMatch(/^GD\d{14}$/);
    expect(saved.body.exported).toEqual({ file: 'written' });
    const line = JSON.parse(readFileSync(exportFile, 'utf8').trim().split('\n').at(-1) ?? '{}');
    expect(line).toMatchObject({ id: saved.body.order.id, category: '投诉', agent: 'agent-007' });
    expect(line.summary).toContain('坐席补充');
    expect(
      (await api('POST', `/cases/${id}/work-order`, agent, { ...edited, category: '闲聊' })).status,
    ).toBe(400);
  });

  it('streams a watched case live to the console: caller lines and panels', async () => {
    const { body } = await api('POST', '/cases', agent);
    const socket = connect(`${running.url}/copilot`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: agent },
    });
    try {
      const ack = await socket.emitWithAck('watch', { sessionId: body.sessionId });
      expect(ack).toEqual({ ok: true });
      const events: { kind: string; speaker?: string; panels?: any }[] = [];
      socket.on('case', (e) => events.push(e));
      await api('POST', `/cases/${body.sessionId}/turns`, agent, { message: '社保卡丢了怎么补' });
      await expect.poll(() => events.some((e) => e.kind === 'panels')).toBe(true);
      expect(events.find((e) => e.speaker === 'caller')).toBeTruthy();
      expect(events.find((e) => e.kind === 'panels')?.panels.bundles[0].id).toBe('social-security-card');
      // Another agent's socket may not watch it.
      const other = connect(`${running.url}/copilot`, {
        transports: ['websocket'],
        forceNew: true,
        auth: { token: otherAgent },
      });
      expect((await other.emitWithAck('watch', { sessionId: body.sessionId })).ok).toBe(false);
      other.close();
    } finally {
      socket.close();
    }
  });
});
