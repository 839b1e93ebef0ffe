/** Headers, CORS allow-list, body size and rate limits, on the real app. */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type RunningApp, startApp } from '../testing/start-app.ts';

const PORTAL = 'https://zwfw.example.gov.cn';
let running: RunningApp;

beforeAll(async () => {
  running = await startApp(':memory:', {}, [PORTAL], {
    limits: { ipPerMinute: 1000, turnsPerSessionPerMinute: 3, turnsPerIpPerMinute: 1000 },
  });
});
afterAll(async () => running.close());

describe('security', () => {
  it('sends helmet headers with a strict CSP, and no X-Frame-Options (frame-ancestors decides)', async () => {
    for (const path of ['/', '/api/bundles']) {
      const res = await fetch(`${running.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('answers CORS only for allowed portal origins, never with *', async () => {
    const ask = (origin: string) =>
      fetch(`${running.url}/api/chat`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await ask(PORTAL)).headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect((await ask('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    const plain = await fetch(`${running.url}/api/bundles`, {
      headers: { origin: 'https://evil.example.com' },
    });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an over-large body with the error shape', async () => {
    const res = await postJson(`${running.url}/api/chat`, { message: '长'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toMatch(/payload_too_large/);
  });

  it('limits turns per session over HTTP and the socket, with Retry-After', async () => {
    const first = await postJson(`${running.url}/api/chat`, { message: '我要退休了' });
    const sessionId = first.body.sessionId;
    for (let i = 0; i < 3; i++)
      await postJson(`${running.url}/api/chat`, { sessionId, message: '要什么材料' });
    const res = await fetch(`${running.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, message: '多久' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('rate_limited:rate');
    const socket = connect(`${running.url}/chat`, { transports: ['websocket'], forceNew: true });
    const error = await new Promise<any>((resolve) => {
      socket.on('error', resolve);
      socket.emit('turn', { id: 'over', sessionId, message: '还要什么' });
    });
    socket.close();
    expect(error).toMatchObject({ id: 'over', error: { code: 'rate_limited:rate' } });
  });
});
