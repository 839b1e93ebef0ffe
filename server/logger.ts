import pino, { type Logger } from 'pino';

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** JSON logs to stdout. Callers never log message text, identity numbers or client addresses. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'yishi' } });
}
