const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A number written in Chinese or Arabic digits: 5 → 5, 十 → 10, 十一 → 11, 二十三 → 23, 五十 → 50, 三百 → 300,
 * 二〇二六 / 一九七一 → 2026 / 1971 (digit by digit, as years are written). Two bare digits (两三) are a range,
 * not a number: undefined, as for anything that is not a number.
 */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (chars.length === 0 || chars.some((c) => DIGIT[c] === undefined && UNIT[c] === undefined))
    return undefined;
  if (!chars.some((c) => UNIT[c] !== undefined)) {
    if (chars.length === 2) return undefined;
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const c of chars) {
    const unit = UNIT[c];
    if (unit === undefined) current = DIGIT[c] ?? 0;
    else {
      total += (current || 1) * unit;
      current = 0;
    }
  }
  return total + current;
}
