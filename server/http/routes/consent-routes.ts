import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Catalog } from '../../../knowledge/index.ts';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { AnswerService } from '../../answer/answer-service.ts';
import type { Auth, Principal } from '../../auth/auth.ts';
import { requireRole } from '../../auth/require-role.ts';
import { assertOwner } from '../../auth/session-access.ts';
import { formView } from '../../form/form-view.ts';
import { type Consent, ConsentRequest, type ConsentStore } from '../../shared-data/consent.ts';
import type { SharedPrefill } from '../../shared-data/shared-prefill.ts';
import type { SessionState, SessionStore } from '../../stores/session.types.ts';
import { parsePayload } from '../parse.ts';

const Params = z.object({ id: z.uuid('会话编号格式不正确') });
const ConsentParams = Params.extend({ consentId: z.uuid('授权编号格式不正确') });

/**
 * Consent to shared data and prefill from it — citizen role only, and only for the session's own person:
 * the first consent binds the session to the token's subject.
 * POST/GET /api/sessions/:id/consents, DELETE /api/sessions/:id/consents/:consentId, POST /api/sessions/:id/form/prefill
 */
export function consentRoutes(deps: {
  answers: AnswerService;
  store: SessionStore & ConsentStore;
  auth: Auth;
  catalog: Catalog;
  prefill: SharedPrefill;
}): Router {
  const { answers, store, auth, catalog, prefill } = deps;
  const router = Router();
  const citizen = requireRole(auth, 'citizen');

  async function ownSession(
    id: string,
    principal: Principal | undefined,
    bind: boolean,
  ): Promise<SessionState> {
    const session = await answers.getSession(id);
    assertOwner(session, principal, 'consent');
    if (!session.owner && bind && principal) {
      session.owner = principal.subject;
      await store.saveSession(session);
    }
    return session;
  }

  router.post('/sessions/:id/consents', citizen, async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'consent');
    const body = parsePayload(ConsentRequest, req.body, 'consent');
    const source = catalog.sharedSources.get(body.source);
    if (!source) throw new YishiError('bad_request', 'consent', `没有名为 ${body.source} 的共享数据来源`);
    const principal = req.principal as Principal;
    const session = await ownSession(id, principal, true);
    const now = new Date();
    const consent: Consent = {
      id: randomUUID(),
      sessionId: session.id,
      subject: principal.subject,
      source: body.source,
      purpose: body.purpose,
      grantedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + body.days * 86_400_000).toISOString(),
    };
    await store.saveConsent(consent);
    await store.appendAudit(consentAudit(consent, 'consent-granted', principal.subject, consent.grantedAt));
    res.status(201).json({ ...consent, sourceName: source.name });
  });

  router.get('/sessions/:id/consents', citizen, async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'consent');
    await ownSession(id, req.principal, false);
    res.json({ consents: await store.listConsents(id) });
  });

  router.delete('/sessions/:id/consents/:consentId', citizen, async (req, res) => {
    const { id, consentId } = parsePayload(ConsentParams, req.params, 'consent');
    const principal = req.principal as Principal;
    await ownSession(id, principal, false);
    const consent = (await store.listConsents(id)).find((c) => c.id === consentId);
    if (!consent) throw new YishiError('not_found', 'consent', '授权记录不存在');
    if (!consent.revokedAt) {
      consent.revokedAt = new Date().toISOString();
      await store.saveConsent(consent);
      await store.appendAudit(consentAudit(consent, 'consent-revoked', principal.subject, consent.revokedAt));
    }
    res.json(consent);
  });

  router.post('/sessions/:id/form/prefill', citizen, async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'form');
    const principal = req.principal as Principal;
    if (!principal.idNumber)
      throw new YishiError('forbidden', 'form', '登录信息里没有经过实名核验的身份证号，不能读取共享数据');
    const session = await ownSession(id, principal, true);
    if (!session.bundleId && !session.form)
      throw new YishiError('not_found', 'form', '这个会话还没有确定要办的事，暂无表单');
    const filled = await prefill.prefill(session, principal.subject, principal.idNumber);
    await store.saveSession(session);
    const bundleId = session.form?.bundleId ?? session.bundleId ?? '';
    res.json({ filled, form: formView(catalog, bundleId, session.form) });
  });

  return router;
}

/** The audit entry of a consent granted or revoked (what the person agreed to, for which session). */
function consentAudit(
  consent: Consent,
  action: 'consent-granted' | 'consent-revoked',
  actor: string,
  at: string,
) {
  return {
    at,
    actor,
    action,
    source: consent.source,
    consentId: consent.id,
    sessionId: consent.sessionId,
    ...(action === 'consent-granted' ? { purpose: consent.purpose } : {}),
  };
}
