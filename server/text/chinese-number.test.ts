import { describe, expect, it } from 'vitest';
import { chineseNumber } from './chinese-number.ts';

describe('chineseNumber', () => {
  it('reads Chinese and Arabic numbers', () => {
    expect(
      ['5', '十', '十一', '二十三', '五十', '三百', '二〇二六', '一九七一', '两'].map(chineseNumber),
    ).toEqual([5, 10, 11, 23, 50, 300, 2026, 1971, 2]);
  });

  it('takes two bare digits for a range and anything else for no number', () => {
    expect(chineseNumber('两三')).toBeUndefined();
    expect(chineseNumber('')).toBeUndefined();
    expect(chineseNumber('几')).toBeUndefined();
  });
});
