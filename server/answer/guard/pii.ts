/**
 * Personal identifiers in free text: resident ID numbers (GB 11643, checksum checked), mainland mobile numbers,
 * and bank card numbers (Luhn checked), each allowing the spaces or dashes people type. `maskPii` keeps the first
 * and last few digits so a transcript stays readable without holding the identifier.
 */
export type PiiKind = 'id-number' | 'mobile' | 'bank-card';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  digits: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether 18 characters are a resident ID number with a valid GB 11643 check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Runs of digits (and a final X), with single spaces or dashes between groups, not inside longer digit runs.
const NUMBER_RUN = /(?<![\dA-Za-z])\d(?:[ -]?\d){6,22}(?:[ -]?[Xx])?(?![\dA-Za-z])/g;

export function findPii(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const digits = m[0].replace(/[ -]/g, '');
    const kind = classify(digits);
    if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length, digits });
  }
  return out;
}

function classify(digits: string): PiiKind | undefined {
  if (digits.length === 18 && isValidIdNumber(digits)) return 'id-number';
  if (/^1[3-9]\d{9}$/.test(digits)) return 'mobile';
  if (/^\d{16,19}$/.test(digits) && isLuhnValid(digits)) return 'bank-card';
  return undefined;
}

const KEEP: Record<PiiKind, [head: number, tail: number]> = {
  'id-number': [4, 2],
  mobile: [3, 4],
  'bank-card': [4, 4],
};

/** The text with every identifier masked (4301************4X, 138****5678). */
export function maskPii(text: string, matches: readonly PiiMatch[] = findPii(text)): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    const [head, tail] = KEEP[m.kind];
    out += text.slice(at, m.start) + m.digits.slice(0, head) + '*'.repeat(m.digits.length - head - tail);
    out += m.digits.slice(m.digits.length - tail);
    at = m.end;
  }
  return out + text.slice(at);
}
