import { Router } from 'express';
import type { AnswerService } from '../../answer/answer-service.ts';
import { parsePayload } from '../parse.ts';
import { ChatRequest } from './chat.schema.ts';

/** `POST /api/chat` (the form of a session is in form-routes.ts). */
export function chatRoutes(answers: AnswerService): Router {
  const router = Router();

  router.post('/chat', async (req, res) => {
    const body = parsePayload(ChatRequest, req.body, 'chat');
    res.json(await answers.answer({ ...body, channel: 'api' }));
  });

  return router;
}
