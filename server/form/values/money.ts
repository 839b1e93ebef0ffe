import { chineseNumber } from '../../text/chinese-number.ts';

/** Amounts as people write them: 50万元, 126.5万, 8千, 3000元, 1.2亿, 五十万 → yuan. */
export interface FoundAmount {
  value: number;
  start: number;
  end: number;
}

const UNIT: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3, k: 1e3, K: 1e3, 百: 100 };
const AMOUNT = /(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(亿|万|千|k|K|百)?\s*(元|块钱|块|rmb)?/g;

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [whole, num, unit, yuan] = m;
    if (!num || (!unit && !yuan)) continue;
    const n = /\d/.test(num) ? Number(num) : chineseNumber(num);
    if (n === undefined || Number.isNaN(n)) continue;
    out.push({
      value: Math.round(n * (unit ? (UNIT[unit] ?? 1) : 1) * 100) / 100,
      start: m.index,
      end: m.index + whole.length,
    });
  }
  return out;
}
