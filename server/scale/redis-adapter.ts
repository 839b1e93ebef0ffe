import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { redactUrl } from '../logger.ts';

/**
 * Puts socket.io on Redis (REDIS_URL) so rooms and broadcasts span every node: a citizen on node A and the agent
 * following the case on node B see the same events. A Redis that cannot be reached at start is not fatal: the
 * node runs alone and says so; one lost later is retried by the client in the background.
 */
export async function useRedisAdapter(
  io: Server,
  url: string,
  logger: Logger,
): Promise<{ ready(): boolean; close(): Promise<void> } | undefined> {
  const pub = createClient({
    url,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) },
  });
  const sub = pub.duplicate();
  let warned = false;
  for (const client of [pub, sub])
    client.on('error', (error: Error) => {
      if (warned) return;
      warned = true;
      logger.warn(
        { err: error.message },
        'Redis connection error; events may not reach other nodes until it is back',
      );
    });
  try {
    await withTimeout(Promise.all([pub.connect(), sub.connect()]), 4000);
  } catch (error) {
    logger.warn(
      { err: (error as Error).message, redis: redactUrl(url) },
      'Redis unreachable at start: running single-node',
    );
    await Promise.allSettled([pub.destroy(), sub.destroy()]);
    return undefined;
  }
  io.adapter(createAdapter(pub, sub));
  logger.info({ redis: redactUrl(url) }, 'socket.io Redis adapter on');
  return {
    ready: () => pub.isReady && sub.isReady,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);
}
