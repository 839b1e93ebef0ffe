import type { NextFunction, Request, Response } from 'express';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { Auth, Principal, Role } from './auth.ts';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Express middleware: a valid bearer token with one of `roles`, or 401 (no/bad token) / 403 (wrong role). */
export function requireRole(auth: Auth, ...roles: Role[]) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new YishiError('unauthorized', 'auth', '需要登录后访问');
    const principal = await auth.verify(token);
    if (!principal.roles.some((r) => roles.includes(r)))
      throw new YishiError('forbidden', 'auth', '您没有访问这个页面的权限');
    req.principal = principal;
    next();
  };
}
