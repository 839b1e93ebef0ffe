/**
 * The voice channel end to end, as a telephony gateway sees it: socket.io client on `/voice`, text turns
 * (the gateway did ASR), DTMF, silence, transfer and hangup; speech as 8 kHz μ-law from the embedded TTS.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../testing/start-app.ts';

let running: RunningApp;
let gateway: Socket;

beforeAll(async () => {
  running = await startApp();
  gateway = connect(`${running.url}/voice`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) => gateway.on('connect', () => resolve()));
});
afterAll(async () => {
  gateway.close();
  await running.close();
});

/** Emits an event and waits for the next `event` of the call (say, transfer, hangup, error). */
function next(event: string, callId: string): Promise<any> {
  return new Promise((resolve) => {
    const on = (payload: { callId?: string }) => {
      if (payload.callId !== callId) return;
      gateway.off(event, on);
      resolve(payload);
    };
    gateway.on(event, on);
  });
}

async function say(callId: string, emit: string, payload: Record<string, unknown>): Promise<any> {
  const reply = next('say', callId);
  gateway.emit(emit, { callId, ...payload });
  return reply;
}

describe('voice namespace /voice (text-mode call)', () => {
  it('takes a call from greeting through the checklist, repeat, DTMF and silence to a polite end', async () => {
    const callId = 'call-1';
    const started = next('call:started', callId);
    const greeting = await say(callId, 'call:start', { speech: 'mulaw8k' });
    expect((await started).caseCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(greeting.text).toContain('请问您想办什么事');
    expect(greeting.audio.format).toBe('mulaw8k');
    expect(greeting.audio.sampleRate).toBe(8000);
    // A few seconds of telephony audio for the greeting.
    expect(greeting.audio.data.byteLength / 8000).toBeGreaterThan(3);

    const first = await say(callId, 'call:text', { text: '喂，我家宝宝刚出生，要准备哪些材料' });
    expect(first.text).toMatch(/新生儿出生一件事.*第一项/);
    expect(first.text).toMatch(/需要我重复吗？$/);
    expect(first.walk).toMatchObject({ kind: 'checklist', index: 0 });
    expect(first.text).not.toMatch(/\d|https?:/);

    const second = await say(callId, 'call:dtmf', { digit: '2' });
    expect(second.text).toMatch(/^第二项/);
    expect((second.text.match(/第.项/g) ?? []).length).toBe(1);
    expect((await say(callId, 'call:text', { text: '重复一遍' })).text).toBe(second.text);
    expect((await say(callId, 'call:dtmf', { digit: '1' })).text).toBe(second.text);
    expect((await say(callId, 'call:text', { text: '上一项' })).text).toMatch(/^第一项/);
    expect((await say(callId, 'call:text', { text: '不用了' })).text).toMatch(/^第二项/);

    expect((await say(callId, 'call:silence', {})).text).toMatch(/需要我重复吗/);
    expect((await say(callId, 'call:silence', {})).text).toBe('您还在吗？');
    const hangup = next('hangup', callId);
    expect((await say(callId, 'call:silence', {})).text).toMatch(/再见/);
    expect((await hangup).reason).toBe('silence');
    // The call is over: further turns are refused.
    const error = next('error', callId);
    gateway.emit('call:text', { callId, text: '还在' });
    expect((await error).error.code).toBe('not_found:voice');
  });

  it('transfers to a person on 转人工 or key 0, with the case code for the agent', async () => {
    await say('call-2', 'call:start', {});
    await say('call-2', 'call:text', { text: '我快退休了，要办什么' });
    const transfer = next('transfer', 'call-2');
    const reply = await say('call-2', 'call:dtmf', { digit: '0' });
    expect(reply.text).toContain('转接人工');
    const handed = await transfer;
    expect(handed).toMatchObject({ reason: 'dtmf' });
    expect(handed.caseCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    // The case code opens the same case: the retirement plan the call was on.
    const session = await running.app.answers.getSession(handed.sessionId);
    expect(session.bundleId).toBe('retirement');
  });

  it('reads hotline numbers digit by digit', async () => {
    await say('call-3', 'call:start', {});
    await say('call-3', 'call:text', { text: '社保卡丢了怎么补办' });
    const reply = await say('call-3', 'call:text', { text: '咨询电话是多少' });
    expect(reply.text).toMatch(/一二三三三|一二三四五/);
    expect(reply.text).not.toMatch(/\d/);
  });

  it('refuses audio when no ASR is configured, with a clear error', async () => {
    await say('call-4', 'call:start', {});
    const error = next('error', 'call-4');
    gateway.emit('call:audio', { callId: 'call-4', chunk: Buffer.alloc(3200) });
    const { error: e } = await error;
    expect(e.code).toBe('invalid:asr');
    expect(e.message).toContain('ASR_MODEL');
  });
});

describe('voice gateway authentication', () => {
  it('needs VOICE_GATEWAY_KEY when one is configured', async () => {
    const keyed = await startApp(':memory:', {}, [], { voiceGatewayKey: 'gateway-key-0123456789' });
    try {
      const refused = connect(`${keyed.url}/voice`, {
        transports: ['websocket'],
        forceNew: true,
        auth: { key: 'wrong' },
      });
      const reason = await new Promise<string>((resolve) =>
        refused.on('connect_error', (e) => resolve(e.message)),
      );
      expect(reason).toMatch(/unauthorized/);
      refused.close();
      const allowed = connect(`${keyed.url}/voice`, {
        transports: ['websocket'],
        forceNew: true,
        auth: { key: 'gateway-key-0123456789' },
      });
      await new Promise<void>((resolve) => allowed.on('connect', () => resolve()));
      allowed.close();
    } finally {
      await keyed.close();
    }
  });
});

describe('voice namespace with a configured ASR (contract, local OpenAI-compatible test server)', () => {
  it('transcribes the caller’s 16 kHz PCM frames and answers what was said', async () => {
    const { startOpenAiAudioTestServer } = await import('../llm/testing/openai-audio-test-server.ts');
    const { OpenAiAsr } = await import('./speech/asr.ts');
    const { EspeakTts } = await import('./speech/tts.ts');
    const server = await startOpenAiAudioTestServer((file) =>
      file.length > 16_000 ? '社保卡丢了怎么补办' : '',
    );
    const app = await startApp(':memory:', {}, [], {
      speech: {
        tts: new EspeakTts(),
        asr: new OpenAiAsr({ baseURL: server.url, apiKey: 'k', timeoutMs: 5000 }, 'asr-test'),
      },
    });
    const socket = connect(`${app.url}/voice`, { transports: ['websocket'], forceNew: true });
    try {
      const started = new Promise<any>((resolve) => socket.once('call:started', resolve));
      socket.emit('call:start', { callId: 'a1' });
      expect((await started).asr).toBe(true);
      // One second of speech in 20 ms frames, as a gateway streams it.
      for (let i = 0; i < 50; i++) socket.emit('call:audio', { callId: 'a1', chunk: Buffer.alloc(640, i) });
      const heard = new Promise<any>((resolve) => socket.once('heard', resolve));
      const said = new Promise<any>((resolve) => socket.on('say', (s) => s.id === 'u1' && resolve(s)));
      socket.emit('call:audio-end', { callId: 'a1', id: 'u1' });
      expect((await heard).text).toBe('社保卡丢了怎么补办');
      expect((await said).text).toMatch(/社会保障卡/);
      const upload = server.requests.find((r) => r.path === 'transcriptions');
      expect(upload?.file?.length).toBeGreaterThan(32_000);
    } finally {
      socket.close();
      await app.close();
      await server.close();
    }
  });
});
