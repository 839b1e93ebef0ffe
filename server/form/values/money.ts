import { chineseNumber } from '../../text/chinese-number.ts';

/** Amounts as people write them: 50万元, 126.5万, 8千, 3000元, 1.2亿, 五十万 → yuan. */
export interface FoundAmount {
  value: number;
  start: number;
  end: number;
}

const UNIT: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3, k: 1e3, K: 1e3, 百: 100 };
const NUM = '\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百]+';
/** 9万8千元, 9万8 (= 9万8千), 126.5万, 3000元: a leading part with its unit, then an optional smaller part. */
const AMOUNT = new RegExp(
  `(${NUM})\\s*(亿|万|千|k|K|百)?(?:(${NUM})\\s*(千|百)?)?\\s*(元|块钱|块|rmb)?`,
  'g',
);

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [whole, num, unit, tail, tailUnit, yuan] = m;
    if (!num || (!unit && !yuan)) continue;
    const n = numberOf(num);
    if (n === undefined) continue;
    const scale = unit ? (UNIT[unit] ?? 1) : 1;
    // A one-digit smaller part counts in the next unit down (9万8 = 98000, 3万5千 = 35000)…
    const t = unit && tail ? numberOf(tail) : undefined;
    // …but a longer one is already in yuan (5万2000元).
    const tailScale = tailUnit ? (UNIT[tailUnit] ?? 1) : tail && tail.length === 1 ? scale / 10 : 1;
    const rest = t === undefined ? 0 : t * tailScale;
    if (!unit && tail) continue;
    out.push({
      value: Math.round((n * scale + rest) * 100) / 100,
      start: m.index,
      end: m.index + whole.length,
    });
  }
  return out;
}

function numberOf(s: string): number | undefined {
  const n = /\d/.test(s) ? Number(s) : chineseNumber(s);
  return n === undefined || Number.isNaN(n) ? undefined : n;
}
