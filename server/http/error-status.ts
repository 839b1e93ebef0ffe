import type { ErrorKind } from '../../knowledge/yishi-error.ts';
import { YishiError } from '../../knowledge/yishi-error.ts';

/** The HTTP status of every error kind; socket replies carry the same code. */
export const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** Kinds whose message is written for the client; for the rest a generic message is sent. */
const CLIENT_KINDS = new Set<ErrorKind>([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'invalid',
  'rate_limited',
]);

/** Turns anything thrown into the public `{ code, message }` and a status; internals never leave. */
export function toPublicError(error: unknown): {
  status: number;
  body: { error: { code: string; message: string } };
} {
  if (error instanceof YishiError && CLIENT_KINDS.has(error.kind)) {
    return { status: STATUS[error.kind], body: { error: { code: error.code, message: error.message } } };
  }
  const kind = error instanceof YishiError ? error.kind : 'internal';
  const code = error instanceof YishiError ? error.code : 'internal:server';
  return { status: STATUS[kind], body: { error: { code, message: '服务暂时出现问题，请稍后再试。' } } };
}
