import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../testing/start-app.ts';
import { pieces } from './chat-namespace.ts';

let running: RunningApp;
let socket: Socket;

beforeAll(async () => {
  running = await startApp();
  socket = connect(`${running.url}/chat`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
});
afterAll(async () => {
  socket.close();
  await running.close();
});

/** Sends a turn and collects the deltas until its reply or error. */
function turn(payload: Record<string, unknown>): Promise<{ deltas: string[]; reply?: any; error?: any }> {
  return new Promise((resolve) => {
    const deltas: string[] = [];
    const onDelta = (d: { id: string; text: string }) => d.id === payload.id && deltas.push(d.text);
    const done = (result: { reply?: any; error?: any }) => {
      socket.off('delta', onDelta);
      socket.off('reply', onReply);
      socket.off('error', onError);
      resolve({ deltas, ...result });
    };
    const onReply = (r: { id: string }) => r.id === payload.id && done({ reply: r });
    const onError = (e: { id: string }) => e.id === (payload.id ?? '') && done({ error: e });
    socket.on('delta', onDelta);
    socket.on('reply', onReply);
    socket.on('error', onError);
    socket.emit('turn', payload);
  });
}

describe('socket namespace /chat', () => {
  it('streams deltas in order and then the full reply', async () => {
    const { deltas, reply } = await turn({ id: 't-1', message: '我想开个奶茶店' });
    expect(reply.outcome).toBe('answered');
    expect(reply.bundle.id).toBe('open-restaurant');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(reply.reply);
  });

  it('answers a repeated id again without applying it twice', async () => {
    const first = await turn({ id: 't-2', message: '我爸上周走了，后面要办哪些手续' });
    const again = await turn({ id: 't-2', message: '我爸上周走了，后面要办哪些手续' });
    expect(again.reply).toEqual(first.reply);
    const turns = await running.app.store.listTurns(first.reply.sessionId);
    expect(turns).toHaveLength(1);
  });

  it('continues a session given its id', async () => {
    const first = await turn({ id: 't-3', message: '社保卡丢了怎么办' });
    const next = await turn({ id: 't-4', sessionId: first.reply.sessionId, message: '要多久？' });
    expect(next.reply.sessionId).toBe(first.reply.sessionId);
    expect(next.reply.bundle.id).toBe(first.reply.bundle.id);
  });

  it('answers a bad payload with an error event and keeps the connection', async () => {
    const bad = await turn({ id: 't-5', message: 42 });
    expect(bad.error.error.code).toBe('bad_request:turn');
    const ok = await turn({ id: 't-6', message: '孩子要上小学了要准备什么' });
    expect(ok.reply.outcome).toBe('answered');
  });
});

describe('pieces', () => {
  it('splits on paragraphs and joins back to the same text', () => {
    const text = '第一段\n\n第二段\n第二段续\n\n第三段';
    expect(pieces(text)).toEqual(['第一段\n\n', '第二段\n第二段续\n\n', '第三段']);
    expect(pieces(text).join('')).toBe(text);
  });
});
