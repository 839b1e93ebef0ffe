import pino, { type DestinationStream, type Logger } from 'pino';

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** Keys whose values never reach a log, wherever they sit. */
const SECRET_KEYS = [
  'authorization',
  'token',
  'identityToken',
  'idNumber',
  'idn',
  'phone',
  'mobile',
  'name',
  'message',
  'text',
  'value',
  'values',
  'password',
  'apiKey',
];

/** Identifiers found inside any logged string: ID numbers, USCCs, mobile numbers, bearer tokens, case codes. */
const PATTERNS: [RegExp, string][] = [
  [/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[token]'],
  [/(?<![\dA-Z])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![\dA-Z])/g, '[id]'],
  [/(?<![\dA-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![\dA-Z])/g, '[uscc]'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]'],
  [/\/cases\/[0-9A-Za-z-]{6,8}/g, '/cases/[code]'],
];

/** Masks identifiers in a string (exported for tests and for the few places that log free text on purpose). */
export function maskIdentifiers(text: string): string {
  return PATTERNS.reduce((t, [pattern, mask]) => t.replace(pattern, mask), text);
}

/** Walks a log entry: secret keys replaced, identifiers in strings masked. An error keeps its message, masked. */
function maskDeep(value: unknown, depth = 0, keys = true): unknown {
  if (typeof value === 'string') return maskIdentifiers(value);
  // An Error is left to the err serializer, which masks its message and stack.
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1, keys));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) =>
      keys && SECRET_KEYS.includes(k) ? [k, '[redacted]'] : [k, maskDeep(v, depth + 1, keys && k !== 'err')],
    ),
  );
}

/**
 * JSON logs to stdout. Callers log no message text, ID numbers or client addresses; as a second line of
 * defence every entry is walked before it is written: secret keys (tokens, names, phones, message text) are
 * replaced, and identifiers inside any string (error messages included) masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'yishi' },
    formatters: { log: (entry: Record<string, unknown>) => maskDeep(entry) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskIdentifiers(a) : a)),
        );
      },
    },
    serializers: { err: (err: Error) => maskDeep(pino.stdSerializers.err(err), 0, false) },
  };
  return destination ? pino(options, destination) : pino(options);
}
