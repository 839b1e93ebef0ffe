import { chineseNumber } from '../../text/chinese-number.ts';

/** Amounts as people write them: 50万元, 126.5万, 8千, 3000元, 1.2亿, 五十万 → yuan. */
export interface FoundAmount {
  value: number;
  start: number;
  end: number;
}

const UNIT: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3, k: 1e3, K: 1e3, 百: 100 };
const NUM = '\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百]+';
/**
 * 12万9千8百元, 12万9千8 (= 129800), 9万8 (= 98000), 126.5万, 3000元: a number with its unit, then smaller parts
 * with theirs; a last bare digit counts in the unit below the one before it.
 */
const AMOUNT = new RegExp(
  `(${NUM})\\s*(亿|万|千|k|K|百)?((?:(?:${NUM})\\s*(?:千|百))*)(?:(\\d{1,4}|[一二两三四五六七八九])(?![\\d.]|\\s*(?:年|个?月|日|号|岁|个|平|期|天|层|楼|栋|人|套|辆)))?\\s*(元|块钱|块|rmb)?`,
  'g',
);
const PART = new RegExp(`(${NUM})\\s*(千|百)`, 'g');

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [whole, num, unit, parts, last, yuan] = m;
    if (!num || (!unit && !yuan)) continue;
    const n = numberOf(num);
    if (n === undefined) continue;
    let value = n * (unit ? (UNIT[unit] ?? 1) : 1);
    let lowest = unit ? (UNIT[unit] ?? 1) : 1;
    for (const p of (parts ?? '').matchAll(PART)) {
      const v = numberOf(p[1] ?? '');
      lowest = UNIT[p[2] ?? ''] ?? 1;
      if (v !== undefined) value += v * lowest;
    }
    // 9万8, 12万9千8: a last digit is in the next unit down; a longer number is yuan (5万2000元).
    const tail = last && unit ? (numberOf(last) ?? 0) : 0;
    if (last && last.length === 1) value += tail * (lowest / 10);
    else if (last && tail < lowest) value += tail;
    out.push({ value: Math.round(value * 100) / 100, start: m.index, end: m.index + whole.length });
  }
  return out;
}

function numberOf(s: string): number | undefined {
  const n = /\d/.test(s) ? Number(s) : chineseNumber(s);
  return n === undefined || Number.isNaN(n) ? undefined : n;
}
