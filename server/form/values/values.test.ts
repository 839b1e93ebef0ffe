import { describe, expect, it } from 'vitest';
import { findDates } from './chinese-date.ts';
import { checkIdNumber } from './id-number.ts';
import { findAmounts } from './money.ts';
import { checkUscc } from './uscc.ts';

const TODAY = new Date('2026-11-23T08:00:00Z');

describe('form values', () => {
  it('accepts a valid ID number with its birth date and gender, and says what is wrong with a bad one', () => {
    expect(checkIdNumber('430104199203154416', TODAY)).toEqual({
      ok: true,
      value: '430104199203154416',
      birthDate: '1992-03-15',
      gender: '男',
    });
    expect(checkIdNumber('11010519900307451x', TODAY)).toMatchObject({
      ok: true,
      value: '11010519900307451X',
    });
    expect(checkIdNumber('430104199203154417', TODAY)).toMatchObject({ ok: false, reason: 'checksum' });
    expect(checkIdNumber('430104199202304416', TODAY)).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(checkIdNumber('990104199203154416', TODAY)).toMatchObject({ ok: false, reason: 'region' });
    expect(checkIdNumber('4301041992031544', TODAY)).toMatchObject({ ok: false, reason: 'format' });
  });

  it('checks the GB 32100 character of a unified social credit code', () => {
    expect(checkUscc('91430104ma4l123454')).toEqual({ ok: true, value: '91430104MA4L123454' });
    expect(checkUscc('91430104MA4L123455').ok).toBe(false);
    expect(checkUscc('91430104MA4L12345O').ok).toBe(false);
  });

  it('reads dates in the common written forms and relative to today', () => {
    const values = (t: string) => findDates(t, TODAY).map((d) => d.value);
    expect(values('2026年11月3日、2026-11-3、2026.11.3、2026/11/3')).toEqual([
      '2026-11-03',
      '2026-11-03',
      '2026-11-03',
      '2026-11-03',
    ]);
    expect(values('11月3号出生')).toEqual(['2026-11-03']);
    expect(values('十一月三日')).toEqual(['2026-11-03']);
    expect(values('二〇二五年三月十二日')).toEqual(['2025-03-12']);
    expect(values('昨天')).toEqual(['2026-11-22']);
    expect(values('大前天')).toEqual(['2026-11-20']);
    expect(values('前天')).toEqual(['2026-11-21']);
    expect(values('上个月5号')).toEqual(['2026-10-05']);
    expect(values('去年3月1日')).toEqual(['2025-03-01']);
    expect(values('今年2月30日')).toEqual([]);
  });

  it('reads amounts in yuan', () => {
    expect(
      findAmounts('注册资本50万元，月收入8千，总价126.5万，押金3000元，贷款1.2亿').map((a) => a.value),
    ).toEqual([500000, 8000, 1265000, 3000, 120000000]);
    expect(findAmounts('五十万')).toEqual([{ value: 500000, start: 0, end: 3 }]);
    expect(findAmounts('3个孩子')).toEqual([]);
    // A smaller part after the unit: one digit counts in the next unit down, more digits are yuan.
    expect(findAmounts('9万8千元、9万8、3万5千、5万2000元').map((a) => a.value)).toEqual([
      98000, 98000, 35000, 52000,
    ]);
  });

  it('reads the end of a month (上个月底, 二月底) as its last day', () => {
    const today = new Date('2026-03-10T00:00:00Z');
    expect(findDates('清算是上个月底结束的', today).map((d) => d.value)).toEqual(['2026-02-28']);
    expect(findDates('二月底', today).map((d) => d.value)).toEqual(['2026-02-28']);
    expect(findDates('这个月底', today).map((d) => d.value)).toEqual(['2026-03-31']);
    expect(findDates('到底是哪天', today)).toEqual([]);
  });
});
