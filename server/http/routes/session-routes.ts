import { Router } from 'express';
import { z } from 'zod';
import type { AnswerService } from '../../answer/answer-service.ts';
import type { Auth, Principal } from '../../auth/auth.ts';
import { requireRole } from '../../auth/require-role.ts';
import { accessSession } from '../../auth/session-access.ts';
import type { ConsentStore } from '../../shared-data/consent.ts';
import type { SessionStore } from '../../stores/session.types.ts';
import { parsePayload } from '../parse.ts';

const Params = z.object({ id: z.uuid('会话编号格式不正确') });

/**
 * A person's own data: the conversation (`GET /api/sessions/:id`), its deletion (`DELETE`, recorded in the audit
 * log), and the audit entries about them (`GET /api/me/audit`). An owned session opens only with its owner's token.
 */
export function sessionRoutes(deps: {
  answers: AnswerService;
  store: SessionStore & ConsentStore;
  auth: Auth;
}): Router {
  const { answers, store, auth } = deps;
  const router = Router();

  router.get('/sessions/:id', async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'session');
    const { session } = await accessSession(answers, auth, req, id);
    const turns = await store.listTurns(id);
    res.json({
      sessionId: session.id,
      createdAt: session.createdAt,
      bundleId: session.bundleId,
      turns: turns.map((t) => ({
        turn: t.seq,
        channel: t.channel,
        message: t.message,
        reply: t.reply,
        at: t.createdAt,
      })),
      hasForm: Boolean(session.form),
    });
  });

  router.delete('/sessions/:id', async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'session');
    const { principal } = await accessSession(answers, auth, req, id);
    const { turns } = await store.deleteSession(id);
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: principal?.subject ?? 'anonymous',
      action: 'session-deleted',
      sessionId: id,
      purpose: `本人要求删除会话记录与表单草稿（${turns}轮对话）`,
    });
    res.status(204).end();
  });

  router.get('/me/audit', requireRole(auth, 'citizen'), async (req, res) => {
    const principal = req.principal as Principal;
    // What they did, and what others (an agent with their consent) did in their sessions.
    const owners = new Map<string, string | undefined>();
    const ownerOf = async (id: string) => {
      if (!owners.has(id)) owners.set(id, (await store.getSession(id))?.owner);
      return owners.get(id);
    };
    const entries = [];
    for (const e of await store.listAudit())
      if (
        e.actor === principal.subject ||
        (e.sessionId && (await ownerOf(e.sessionId)) === principal.subject)
      )
        entries.push(e);
    res.json({ entries });
  });

  return router;
}
