/**
 * The one error type of yishi. `code` is `kind:area`, e.g. `bad_request:chat` or `invalid:catalog`;
 * the kind decides the HTTP status and socket reply (server/http/error-status.ts). `message` is safe
 * to show a client only for client-side kinds; the original error is kept as `cause`.
 */
export type ErrorKind =
  | 'bad_request'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'unavailable'
  | 'internal';

export class YishiError extends Error {
  readonly kind: ErrorKind;
  readonly area: string;
  readonly details: unknown;

  constructor(
    kind: ErrorKind,
    area: string,
    message: string,
    options: { cause?: unknown; details?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'YishiError';
    this.kind = kind;
    this.area = area;
    this.details = options.details;
  }

  /** `kind:area`, e.g. `bad_request:chat`. */
  get code(): string {
    return `${this.kind}:${this.area}`;
  }
}
