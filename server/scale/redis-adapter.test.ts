import { Writable } from 'node:stream';
import pino from 'pino';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { useRedisAdapter } from './redis-adapter.ts';

describe('Redis adapter', () => {
  it('runs single-node with a warning when Redis cannot be reached, instead of crashing', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const io = new Server();
    const adapterBefore = io.of('/').adapter;
    const started = Date.now();
    const redis = await useRedisAdapter(io, 'redis://user:secret@127.0.0.1:1', logger);
    expect(redis).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(io.of('/').adapter).toBe(adapterBefore);
    expect(lines.join('')).toMatch(/single-node/);
    expect(lines.join('')).not.toContain('secret');
  });
});
