import type { Request } from 'express';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import type { SessionState } from '../stores/session.types.ts';
import type { Auth, Principal } from './auth.ts';

/**
 * A session as the caller may see it. Anonymous sessions are reached by their id alone (a random UUID the
 * browser keeps); once a person logged in and the session became theirs, only their token opens it: no token is
 * 401, another person's token 403.
 */
export async function accessSession(
  answers: AnswerService,
  auth: Auth,
  req: Request,
  id: string,
): Promise<{ session: SessionState; principal?: Principal }> {
  const session = await answers.getSession(id);
  const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  const principal = token ? await auth.verify(token) : undefined;
  if (session.owner) assertOwner(session, principal);
  return { session, ...(principal ? { principal } : {}) };
}

/** The one rule: an owned session is its owner's alone (401 without a login, 403 for anyone else). */
export function assertOwner(session: SessionState, principal: Principal | undefined, area = 'session'): void {
  if (!principal) throw new YishiError('unauthorized', 'auth', '需要登录后访问');
  if (session.owner && session.owner !== principal.subject)
    throw new YishiError('forbidden', area, '这个会话不属于当前登录的用户');
}
