import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { SessionStore } from '../stores/session.types.ts';
import type { AnswerService, TurnInput } from './answer-service.ts';
import type { ChatAnswer } from './chat-answer.ts';

/** A reply as stored for idempotency: the ChatAnswer fields the channels need, the rest passed through. */
const StoredAnswer = z.looseObject({ sessionId: z.string(), outcome: z.string(), reply: z.string() });
export type StoredAnswer = z.infer<typeof StoredAnswer> | ChatAnswer;

/**
 * Answers a client turn once per idempotency key (the socket `turn` id, the `id` of POST /api/chat): a repeated
 * key — a resend after a dropped connection, a queued message sent again — gets the stored reply and is never
 * applied twice; the same key arriving twice at once shares one answer.
 */
export class IdempotentAnswers {
  private readonly inFlight = new Map<string, Promise<StoredAnswer>>();

  constructor(
    private readonly answers: AnswerService,
    private readonly store: SessionStore,
  ) {}

  answer(id: string, request: TurnInput): Promise<StoredAnswer> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const pending = this.once(id, request);
    this.inFlight.set(id, pending);
    void pending.finally(() => this.inFlight.delete(id)).catch(() => undefined);
    return pending;
  }

  private async once(id: string, request: TurnInput): Promise<StoredAnswer> {
    const stored = await this.store.getReply(id);
    if (stored !== undefined) return storedAnswer(stored);
    const answer = await this.answers.answer(request);
    await this.store.saveReply(id, answer.sessionId, answer);
    return answer;
  }
}

function storedAnswer(value: unknown): StoredAnswer {
  const parsed = StoredAnswer.safeParse(value);
  if (!parsed.success)
    throw new YishiError('internal', 'turn-store', 'stored reply is malformed', { cause: parsed.error });
  return parsed.data;
}
