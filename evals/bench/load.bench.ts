/**
 * Load: N concurrent socket.io chats against one yishi process on embedded defaults (started here as its own
 * process, so the clients do not share its CPU budget): each connects, asks, thinks, follows up, and stays
 * connected. Reports turn latency p50/p95/p99, errors, and the server's memory per idle session.
 * Usage: npm run bench -- load [--chats 1000] [--arrival-s 20]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { Auth } from '../../server/auth/auth.ts';
import { type ServerProcess, startServerProcess } from '../../server/testing/server-process.ts';
import { numberFlag, quantile } from './bench-args.ts';

const FIRST = [
  '宝宝刚出生，要办哪些证',
  '我快退休了，要准备什么材料',
  '想开一家餐馆，要办什么手续',
  '家里老人去世了，后事要办哪些',
  '社保卡丢了怎么补办',
  '孩子要上小学了，报名要带什么',
  '公司不做了，怎么注销',
  '退伍回来了要办哪些手续',
];
const FOLLOW = ['要跑几次？', '多久能办好？', '在哪里办？', '要收费吗？', '户口在本地的'];

async function startServer(): Promise<ServerProcess> {
  return startServerProcess(
    {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'yishi-load-')),
      // One address opens every chat here: the per-IP limits would stop the test, not a real crowd.
      RATE_LIMIT_IP_PER_MIN: '1000000',
      RATE_LIMIT_TURNS_PER_IP_PER_MIN: '1000000',
      AUTH_JWT_SECRET: SECRET,
    },
    ['--expose-gc'],
  );
}

const SECRET = 'load-bench-secret-of-at-least-32-characters';

/** The server's memory after a full garbage collection (the admin diagnostics route of a --expose-gc process). */
async function serverMemory(url: string): Promise<{ heap: number; rss: number }> {
  const token = await Auth.withSecret(SECRET, false).issue('bench', ['admin']);
  const res = await fetch(`${url}/api/admin/gc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const { heapUsed, rss } = (await res.json()) as { heapUsed: number; rss: number };
  return { heap: heapUsed, rss };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function loadBench(args: string[]): Promise<void> {
  const chats = numberFlag(args, 'chats', 1000);
  const arrival = numberFlag(args, 'arrival-s', 20) * 1000;
  const { url, proc } = await startServer();
  try {
    // Warm up (first turns build caches), then the baseline.
    for (const q of FIRST)
      await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: q }),
      });
    await sleep(1000);
    const before = await serverMemory(url);
    const latencies: number[] = [];
    let errors = 0;
    const sockets: Socket[] = [];
    const turn = (socket: Socket, id: string, message: string, sessionId?: string) =>
      new Promise<{ sessionId?: string }>((resolve) => {
        const started = performance.now();
        const timer = setTimeout(() => {
          errors += 1;
          resolve({});
        }, 15_000);
        const done = (reply: { id: string; sessionId?: string; error?: unknown }) => {
          if (reply.id !== id) return;
          clearTimeout(timer);
          socket.off('reply', done);
          socket.off('error', done);
          if (reply.error) errors += 1;
          else latencies.push(performance.now() - started);
          resolve(reply);
        };
        socket.on('reply', done);
        socket.on('error', done);
        socket.emit('turn', { id, message, ...(sessionId ? { sessionId } : {}) });
      });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: chats }, async (_, i) => {
        await sleep(Math.random() * arrival);
        const socket = connect(`${url}/chat`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.push(socket);
        const up = await new Promise<boolean>((resolve) => {
          socket.once('connect', () => resolve(true));
          socket.once('connect_error', () => resolve(false));
        });
        if (!up) {
          errors += 1;
          return;
        }
        const first = await turn(socket, `c${i}-1`, FIRST[i % FIRST.length] as string);
        await sleep(500 + Math.random() * 2500);
        await turn(socket, `c${i}-2`, FOLLOW[i % FOLLOW.length] as string, first.sessionId);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await sleep(2000);
    const after = await serverMemory(url);
    const connected = sockets.filter((s) => s.connected).length;
    latencies.sort((a, b) => a - b);
    const perSession = (after.heap - before.heap) / chats;
    console.log(
      `load: ${chats} concurrent socket.io chats (arrivals over ${arrival / 1000} s), ${latencies.length} turns in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  turn latency ms  p50 ${quantile(latencies, 0.5).toFixed(1)}  p95 ${quantile(latencies, 0.95).toFixed(1)}  p99 ${quantile(latencies, 0.99).toFixed(1)}  max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
    );
    console.log(`  errors ${errors}; still connected (idle) ${connected}`);
    console.log(
      `  server memory: heap ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB, rss ${(before.rss / 1e6).toFixed(1)} → ${(after.rss / 1e6).toFixed(1)} MB; ${(perSession / 1024).toFixed(1)} KB heap per idle session`,
    );
    console.log(
      `  targets: p95 ≤ 300 ms ${quantile(latencies, 0.95) <= 300 ? 'met' : 'MISSED'}, 0 errors ${errors === 0 ? 'met' : 'MISSED'}, ≤ 50 KB per idle session ${perSession <= 50 * 1024 ? 'met' : 'MISSED'}`,
    );
    for (const s of sockets) s.close();
  } finally {
    proc.kill('SIGTERM');
  }
}
