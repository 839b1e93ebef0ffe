import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** A case code such as K7Q-4MR: six characters, read out on the phone or typed on another device. */
export function newCaseCode(): string {
  const chars = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}

/** 'k7q4mr', 'K7Q 4MR' → 'K7Q-4MR'; undefined when it cannot be a code. */
export function normalizeCaseCode(raw: string): string | undefined {
  const chars = raw.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 6 || [...chars].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}
