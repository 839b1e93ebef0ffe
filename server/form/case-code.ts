import { randomInt } from 'node:crypto';
import type { SessionStore } from '../stores/session.types.ts';

/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** A case code such as K7Q-4MR: six characters, read out on the phone or typed on another device. */
export function newCaseCode(): string {
  const chars = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}

/** A new code for the session, valid for `days`; it resumes the case on another device or channel. */
export async function issueCaseCode(
  store: Pick<SessionStore, 'saveCaseCode' | 'findCaseCode'>,
  sessionId: string,
  days = 7,
): Promise<{ code: string; expiresAt: string }> {
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  let code = newCaseCode();
  while (await store.findCaseCode(code)) code = newCaseCode();
  await store.saveCaseCode(code, sessionId, expiresAt);
  return { code, expiresAt };
}

/** The session a code resumes, while it is valid. */
export async function sessionOfCaseCode(
  store: Pick<SessionStore, 'findCaseCode'>,
  raw: string,
): Promise<string | undefined> {
  const code = normalizeCaseCode(raw);
  const found = code ? await store.findCaseCode(code) : undefined;
  return found && new Date(found.expiresAt).getTime() >= Date.now() ? found.sessionId : undefined;
}

/** 'k7q4mr', 'K7Q 4MR' → 'K7Q-4MR'; undefined when it cannot be a code. */
export function normalizeCaseCode(raw: string): string | undefined {
  const chars = raw.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 6 || [...chars].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}
