import { Router } from 'express';
import { z } from 'zod';
import type { Knowledge } from '../../../knowledge/index.ts';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { AnswerService } from '../../answer/answer-service.ts';
import { formView } from '../../form/form-view.ts';
import { parsePayload } from '../parse.ts';
import { ChatRequest } from './chat.schema.ts';

const SessionParams = z.object({ id: z.uuid('会话编号格式不正确') });

/** `POST /api/chat` and `GET /api/sessions/:id/form`. */
export function chatRoutes(answers: AnswerService, knowledge: Knowledge): Router {
  const router = Router();

  router.post('/chat', async (req, res) => {
    const body = parsePayload(ChatRequest, req.body, 'chat');
    res.json(await answers.answer({ ...body, channel: 'api' }));
  });

  router.get('/sessions/:id/form', async (req, res) => {
    const { id } = parsePayload(SessionParams, req.params, 'session');
    const session = await answers.getSession(id);
    if (!session.bundleId) throw new YishiError('not_found', 'form', '这个会话还没有确定要办的事，暂无表单');
    res.json(formView(knowledge.catalog, session.form?.bundleId ?? session.bundleId, session.form));
  });

  return router;
}
