/** Health, readiness, metrics and the per-channel kill switch, on the real app. */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type RunningApp, startApp, TEST_AUTH } from '../testing/start-app.ts';
import { ChannelSwitch } from './channel-switch.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp(':memory:', {}, [], {
    channels: new ChannelSwitch(['voice'], '服务维护中，请拨打12345。'),
  });
});
afterAll(async () => running.close());

describe('operations', () => {
  it('reports health and readiness of store and index', async () => {
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { store: { ok: true }, index: { ok: true } },
    });
  });

  it('turns 503 when a dependency fails', async () => {
    running.app.checks.broken = async () => ({ ok: false, detail: 'down for the test' });
    const res = await fetch(`${running.url}/readyz`);
    delete running.app.checks.broken;
    expect(res.status).toBe(503);
    expect((await res.json()).checks.broken.detail).toBe('down for the test');
  });

  it('counts turns by outcome and channel, step latencies and requests by route pattern', async () => {
    await postJson(`${running.url}/api/chat`, { message: '宝宝刚出生，要办哪些证' });
    const text = await (await fetch(`${running.url}/metrics`)).text();
    expect(text).toMatch(/yishi_turns_total\{outcome="answered",channel="api"\} [1-9]/);
    expect(text).toMatch(/yishi_step_seconds_bucket\{le="[^"]+",step="retrieve"\}/);
    expect(text).toMatch(/yishi_http_requests_total\{method="POST",route="\/api\/chat",status="2xx"\}/);
    expect(text).toContain('yishi_turns_in_flight 0');
    expect(text).toContain('yishi_node_process_cpu_seconds_total');
  });

  it('switches a channel off and on: a prepared message instead of the pipeline', async () => {
    const admin = await TEST_AUTH.issue('ops', ['admin']);
    const toggle = (channel: string, on: boolean, token = admin) =>
      fetch(`${running.url}/api/admin/channels`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, on }),
      });
    expect((await toggle('widget', false, await TEST_AUTH.issue('x', ['citizen']))).status).toBe(403);
    expect((await (await toggle('widget', false)).json()).channels).toMatchObject({
      widget: false,
      api: true,
      voice: false,
    });
    const socket = connect(`${running.url}/chat`, { transports: ['websocket'], forceNew: true });
    const reply = await new Promise<any>((resolve) => {
      socket.on('reply', resolve);
      socket.emit('turn', { id: 'k1', message: '宝宝刚出生，要办哪些证' });
    });
    expect(reply).toMatchObject({ outcome: 'handoff', reply: '服务维护中，请拨打12345。' });
    // The API channel is still on.
    expect((await postJson(`${running.url}/api/chat`, { message: '我要退休了' })).body.outcome).toBe(
      'answered',
    );
    await toggle('widget', true);
    const back = await new Promise<any>((resolve) => {
      socket.off('reply');
      socket.on('reply', resolve);
      socket.emit('turn', { id: 'k2', message: '宝宝刚出生，要办哪些证' });
    });
    socket.close();
    expect(back.outcome).toBe('answered');
  });

  it('answers a call on a switched-off voice channel with the message, then hangs up', async () => {
    const gateway = connect(`${running.url}/voice`, { transports: ['websocket'], forceNew: true });
    const said = new Promise<any>((resolve) => gateway.on('say', resolve));
    const hangup = new Promise<any>((resolve) => gateway.on('hangup', resolve));
    gateway.emit('call:start', { callId: 'off-1' });
    expect((await said).text).toContain('一二三四五');
    expect((await hangup).reason).toBe('channel-off');
    gateway.close();
  });
});

describe('OpenAPI document', () => {
  it('lists every route with the zod schemas as JSON Schema', async () => {
    const doc = await (await fetch(`${running.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    const chat = doc.paths['/api/chat'].post;
    expect(chat.requestBody.content['application/json'].schema.properties.message.type).toBe('string');
    expect(
      doc.paths['/api/copilot/cases/{id}/work-order'].post.requestBody.content['application/json'].schema
        .properties.category.enum,
    ).toContain('投诉');
    expect(doc.paths['/api/sessions/{id}'].delete['x-role']).toBe('owner');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
  });
});
