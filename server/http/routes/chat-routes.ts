import { Router } from 'express';
import type { AnswerService } from '../../answer/answer-service.ts';
import type { IdempotentAnswers } from '../../answer/idempotent-answers.ts';
import { parsePayload } from '../parse.ts';
import type { RateLimits } from '../rate-limits.ts';
import { ChatRequest } from './chat.schema.ts';

/** `POST /api/chat` (the form of a session is in form-routes.ts); with `id`, answered once per key. */
export function chatRoutes(answers: AnswerService, once: IdempotentAnswers, limits: RateLimits): Router {
  const router = Router();

  router.post('/chat', async (req, res) => {
    const { id, ...body } = parsePayload(ChatRequest, req.body, 'chat');
    await limits.turn(req.ip ?? 'unknown', body.sessionId);
    const request = { ...body, channel: 'api' };
    res.json(id ? await once.answer(id, request) : await answers.answer(request));
  });

  return router;
}
