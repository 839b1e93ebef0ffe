/**
 * Sends the person's turns: over socket.io (streamed `delta`s, then the authoritative `reply`) and, when the socket
 * cannot connect, over POST /api/chat. Turns wait in a queue kept in localStorage while the network is down and
 * go out once, in order, when it returns; every turn carries an idempotency key, so a resend is answered from the
 * stored reply and never applied twice.
 */
import { io, type Socket } from 'socket.io-client';
import type { Answer } from './answer.ts';
import { store } from './storage.ts';

export interface Turn {
  id: string;
  message: string;
  region?: string | undefined;
}

export interface TransportEvents {
  delta(id: string, text: string): void;
  reply(answer: Answer & { id: string }): void;
  failed(id: string, message: string): void;
  /** The turns still waiting (queued offline or in flight), in order. */
  waiting(ids: string[]): void;
  online(online: boolean): void;
}

const QUEUE_KEY = 'yishi.queue';
const REST_AFTER_MS = 4000;

export class Transport {
  private readonly socket: Socket;
  private queue: Turn[];
  private sending: string | undefined;
  private restTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    origin: string,
    private readonly session: { get(): string | undefined; set(id: string): void },
    private readonly on: TransportEvents,
  ) {
    this.queue = load();
    this.socket = io(`${origin}/chat`, { transports: ['websocket', 'polling'] });
    // After a reconnect the turn in flight is sent again: its id makes the resend harmless.
    this.socket.on('connect', () => this.resend());
    this.socket.on('disconnect', () => this.on.online(false));
    this.socket.on('delta', (d: { id: string; text: string }) => this.on.delta(d.id, d.text));
    this.socket.on('reply', (a: Answer & { id: string }) => this.done(a));
    this.socket.on('error', (e: { id: string; error?: { message?: string } }) =>
      this.fail(e.id, e.error?.message),
    );
    window.addEventListener('online', () => this.resend());
    window.addEventListener('offline', () => this.on.online(false));
    queueMicrotask(() => this.on.waiting(this.queue.map((t) => t.id)));
  }

  /** The turns not yet answered, in order. */
  get waitingIds(): string[] {
    return this.queue.map((t) => t.id);
  }

  get online(): boolean {
    return navigator.onLine;
  }

  send(turn: Turn): void {
    this.queue.push(turn);
    save(this.queue);
    this.on.waiting(this.waitingIds);
    this.flush();
  }

  private resend(): void {
    this.sending = undefined;
    this.flush();
  }

  /** Sends the first waiting turn; the next goes when its reply is in (the session id comes from the first). */
  private flush(): void {
    if (!navigator.onLine) {
      this.on.online(false);
      return;
    }
    this.on.online(true);
    const next = this.queue[0];
    if (!next || this.sending === next.id) return;
    this.sending = next.id;
    const sessionId = this.session.get();
    const payload = { ...next, ...(sessionId ? { sessionId } : {}) };
    if (this.socket.connected) this.socket.emit('turn', payload);
    // Without a socket (blocked proxies), the same turn by REST; its id keeps it from being applied twice.
    clearTimeout(this.restTimer);
    this.restTimer = setTimeout(
      () => {
        if (this.sending === next.id && !this.socket.connected) void this.viaRest(payload);
      },
      this.socket.connected ? REST_AFTER_MS * 3 : REST_AFTER_MS,
    );
  }

  private async viaRest(payload: Turn & { sessionId?: string }): Promise<void> {
    try {
      const res = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = await res.json();
      if (res.ok) this.done({ ...body, id: payload.id });
      else this.fail(payload.id, body?.error?.message);
    } catch {
      // Still offline: the turn stays queued and goes when the network is back.
      this.sending = undefined;
      this.on.online(false);
    }
  }

  private done(answer: Answer & { id: string }): void {
    if (!this.queue.some((t) => t.id === answer.id)) return;
    this.session.set(answer.sessionId);
    this.remove(answer.id);
    this.on.reply(answer);
  }

  private fail(id: string, message: string | undefined): void {
    if (!this.queue.some((t) => t.id === id)) return;
    this.remove(id);
    this.on.failed(id, message ?? '');
  }

  private remove(id: string): void {
    this.queue = this.queue.filter((t) => t.id !== id);
    save(this.queue);
    if (this.sending === id) this.sending = undefined;
    clearTimeout(this.restTimer);
    this.on.waiting(this.waitingIds);
    this.flush();
  }
}

function load(): Turn[] {
  try {
    const raw = JSON.parse(store.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(raw)
      ? raw.filter((t) => typeof t?.id === 'string' && typeof t?.message === 'string')
      : [];
  } catch {
    return [];
  }
}

function save(queue: Turn[]): void {
  store.setItem(QUEUE_KEY, JSON.stringify(queue));
}
