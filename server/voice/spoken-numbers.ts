/** Numbers as a Mandarin speaker says them on the phone: digit strings one by one, quantities as numbers. */

const DIGITS = '零一二三四五六七八九';

/** 12345 → 一二三四五; 0 → 零 (years and codes are read this way); X (ID check digit) → 叉. */
export function digitsSingly(digits: string): string {
  return [...digits].map((d) => (/\d/.test(d) ? DIGITS[Number(d)] : /x/i.test(d) ? '叉' : d)).join('');
}

/** 2026 → 二〇二六, as years are read. */
export function yearSpoken(year: string): string {
  return [...year].map((d) => (d === '0' ? '〇' : DIGITS[Number(d)])).join('');
}

/** 0 ≤ n < 10⁸ as a quantity: 30 → 三十, 15 → 十五, 105 → 一百零五, 20000 → 两万. */
export function quantitySpoken(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return digitsSingly(String(n));
  if (n === 0) return '零';
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    const head = `${high === 2 ? '两' : belowTenThousand(high)}万`;
    return low === 0 ? head : `${head}${low < 1000 ? '零' : ''}${belowTenThousand(low)}`;
  }
  return belowTenThousand(n);
}

function belowTenThousand(n: number): string {
  const units = ['千', '百', '十', ''];
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += `${DIGITS[d]}${units[i]}`;
  });
  // 一十五 is said 十五 at the start.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** A quantity before a measure word: 2个 → 两个 (but 12个 → 十二个). */
export function countSpoken(n: number, measure: string): string {
  if (n === 2 && !/^(号|日|楼|层|%|月)/.test(measure)) return '两';
  return quantitySpoken(n);
}

/** 3.5 → 三点五. */
export function decimalSpoken(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  return `${quantitySpoken(Number(whole))}点${digitsSingly(fraction)}`;
}
