import { createHash } from 'node:crypto';

/** A short stable kebab-case id from any text (portal ids mix case and underscores). */
export function stableId(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha1').update(text).digest('hex').slice(0, 10)}`;
}

/** Strips quotes, brackets' content and spaces so names written differently compare equal. */
export function canonicalName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"'‘’《》〈〉\s]/g, '')
    .replace(/一件事$/, '')
    .trim();
}

/** Character-bigram Jaccard similarity of two names. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const cs = [...s];
    return new Set(cs.slice(0, -1).map((c, i) => c + (cs[i + 1] ?? '')));
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let inter = 0;
  for (const g of x) if (y.has(g)) inter += 1;
  return inter / (x.size + y.size - inter);
}

/** Splits a long portal text (numbered clauses, line breaks, semicolons) into items. */
export function splitItems(text: string | undefined, max = 12): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n|；|;(?=\S)/)
    .map((s) => s.replace(/^\s*([（(]?[一二三四五六七八九十\d]+[)）.、．]|[①-⑳])\s*/, '').trim())
    .filter((s) => s.length >= 2)
    .slice(0, max);
}

export const HUNAN_PORTAL = 'https://zwfw-new.hunan.gov.cn/';
