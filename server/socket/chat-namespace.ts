import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { IdempotentAnswers } from '../answer/idempotent-answers.ts';
import { toPublicError } from '../http/error-status.ts';
import { parsePayload } from '../http/parse.ts';
import type { RateLimits } from '../http/rate-limits.ts';
import { TurnEvent } from './turn.schema.ts';

const MaybeId = z.object({ id: z.string().max(100) }).partial();

/**
 * Namespace `/chat`: `turn` in; `delta` pieces of the reply in order (live while a model writes), then the
 * complete `reply`, which is authoritative, or `error`. A repeated turn id is answered again from the stored
 * reply and never applied twice.
 */
export function attachChatNamespace(
  io: Server,
  once: IdempotentAnswers,
  logger: Logger,
  limits: RateLimits,
  clientIp: (socket: Socket) => string,
): void {
  io.of('/chat').on('connection', (socket) => {
    socket.on('turn', async (payload: unknown) => {
      const id = MaybeId.safeParse(payload).data?.id ?? '';
      try {
        const turn = parsePayload(TurnEvent, payload, 'turn');
        await limits.turn(clientIp(socket), turn.sessionId);
        // Live pieces while a model writes; each delta carries only what is new.
        let streamed = '';
        const onDelta = (soFar: string) => {
          if (!soFar.startsWith(streamed) || soFar.length === streamed.length) return;
          socket.emit('delta', { id: turn.id, text: soFar.slice(streamed.length) });
          streamed = soFar;
        };
        const pending = once.answer(turn.id, {
          message: turn.message,
          channel: 'socket',
          onDelta,
          ...(turn.sessionId ? { sessionId: turn.sessionId } : {}),
          ...(turn.region ? { region: turn.region } : {}),
        });
        const answer = await pending;
        // A deterministic (or replayed) reply is sent in paragraph pieces. When the streamed text was
        // replaced (the output guard fell back), the final `reply` is what the client must show.
        if (streamed === '')
          for (const text of pieces(answer.reply)) socket.emit('delta', { id: turn.id, text });
        socket.emit('reply', { id: turn.id, ...answer });
      } catch (error) {
        const { status, body } = toPublicError(error);
        if (status >= 500) logger.error({ err: error }, 'socket turn failed');
        socket.emit('error', { id, ...body });
      }
    });
  });
}

/** Splits a reply into paragraph pieces for streaming; joined with '' they give the reply back. */
export function pieces(reply: string): string[] {
  return reply.split(/(?<=\n\n)/).filter((p) => p.length > 0);
}
