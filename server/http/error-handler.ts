import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { YishiError } from '../../knowledge/yishi-error.ts';
import { toPublicError } from './error-status.ts';

/** Unknown routes: a 404 in the one error shape. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new YishiError('not_found', 'route', `没有这个接口：${req.method} ${req.path}`));
};

/**
 * Maps anything thrown to `{ error: { code, message } }`. body-parser's own errors (bad JSON,
 * too large) become client errors; everything else is logged and answered generically.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const mapped = fromBodyParser(error) ?? error;
    const { status, body } = toPublicError(mapped);
    if (status >= 500) logger.error({ err: mapped }, 'request failed');
    const retry =
      mapped instanceof YishiError
        ? (mapped.details as { retryAfter?: number } | undefined)?.retryAfter
        : undefined;
    if (retry) res.set('retry-after', String(retry));
    res.status(status).json(body);
  };
}

function fromBodyParser(error: unknown): YishiError | undefined {
  if (!(error instanceof Error) || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new YishiError('bad_request', 'json', '请求体不是合法的JSON', { cause: error });
    case 'entity.too.large':
      return new YishiError('payload_too_large', 'body', '请求体过大', { cause: error });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new YishiError('bad_request', 'encoding', '不支持的请求编码', { cause: error });
    default:
      return undefined;
  }
}
