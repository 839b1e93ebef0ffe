import pino, { type Logger } from 'pino';

/** JSON logs to stdout. Callers never log message text, identity numbers or client addresses. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'yishi' } });
}
