import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import type { ChatAnswer } from '../answer/chat-answer.ts';
import { toPublicError } from '../http/error-status.ts';
import { parsePayload } from '../http/parse.ts';
import type { SessionStore } from '../stores/session.types.ts';
import { TurnEvent } from './turn.schema.ts';

const MaybeId = z.object({ id: z.string().max(100) }).partial();

/**
 * Namespace `/chat`: `turn` in; `delta` pieces of the reply in order (live while a model writes), then the
 * complete `reply`, which is authoritative, or `error`. A repeated turn id is answered again from the stored
 * reply and never applied twice.
 */
export function attachChatNamespace(
  io: Server,
  answers: AnswerService,
  store: SessionStore,
  logger: Logger,
): void {
  const inFlight = new Map<string, Promise<StoredAnswer>>();

  io.of('/chat').on('connection', (socket) => {
    socket.on('turn', async (payload: unknown) => {
      const id = MaybeId.safeParse(payload).data?.id ?? '';
      try {
        const turn = parsePayload(TurnEvent, payload, 'turn');
        let pending = inFlight.get(turn.id);
        // Live pieces while a model writes; each delta carries only what is new.
        let streamed = '';
        const onDelta = (soFar: string) => {
          if (!soFar.startsWith(streamed) || soFar.length === streamed.length) return;
          socket.emit('delta', { id: turn.id, text: soFar.slice(streamed.length) });
          streamed = soFar;
        };
        if (!pending) {
          pending = answerOnce(turn, answers, store, onDelta);
          inFlight.set(turn.id, pending);
          void pending.finally(() => inFlight.delete(turn.id)).catch(() => undefined);
        }
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

async function answerOnce(
  turn: z.infer<typeof TurnEvent>,
  answers: AnswerService,
  store: SessionStore,
  onDelta: (soFar: string) => void,
): Promise<StoredAnswer> {
  const stored = await store.getReply(turn.id);
  if (stored !== undefined) return storedAnswer(stored);
  const answer = await answers.answer({
    message: turn.message,
    channel: 'socket',
    onDelta,
    ...(turn.sessionId ? { sessionId: turn.sessionId } : {}),
    ...(turn.region ? { region: turn.region } : {}),
  });
  await store.saveReply(turn.id, answer.sessionId, answer);
  return answer;
}

/** A reply as stored for idempotency: the ChatAnswer fields the socket needs, the rest passed through. */
const StoredAnswer = z.looseObject({ sessionId: z.string(), outcome: z.string(), reply: z.string() });
type StoredAnswer = z.infer<typeof StoredAnswer> | ChatAnswer;

function storedAnswer(value: unknown): StoredAnswer {
  const parsed = StoredAnswer.safeParse(value);
  if (!parsed.success)
    throw new YishiError('internal', 'turn-store', 'stored reply is malformed', { cause: parsed.error });
  return parsed.data;
}

/** Splits a reply into paragraph pieces for streaming; joined with '' they give the reply back. */
export function pieces(reply: string): string[] {
  return reply.split(/(?<=\n\n)/).filter((p) => p.length > 0);
}
