/**
 * Characters a person cannot see but a model can read: Unicode tag characters (which can spell out hidden
 * instructions), zero-width characters, bidirectional overrides, and control characters other than line breaks
 * and tabs. Stripped before any other step sees the message.
 */
const INVISIBLE: [kind: StrippedKind, pattern: RegExp][] = [
  ['tag', /[\u{E0000}-\u{E007F}]/gu],
  ['zero-width', /[\u200B-\u200D\u2060\uFEFF\u180E\u00AD]/gu],
  ['bidi', /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu],
  ['control', /(?![\n\r\t])\p{Cc}/gu],
];

export type StrippedKind = 'tag' | 'zero-width' | 'bidi' | 'control';

export interface Sanitized {
  text: string;
  /** How many characters of each kind were removed. */
  stripped: Partial<Record<StrippedKind, number>>;
}

export function sanitizeInput(raw: string): Sanitized {
  let text = raw;
  const stripped: Sanitized['stripped'] = {};
  for (const [kind, pattern] of INVISIBLE) {
    const found = text.match(pattern);
    if (found) {
      stripped[kind] = found.length;
      text = text.replace(pattern, '');
    }
  }
  return { text: text.trim(), stripped };
}
