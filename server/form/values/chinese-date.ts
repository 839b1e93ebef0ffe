/**
 * Dates as people write them, resolved against `today`: 2026年11月3日, 2026-11-3, 2026.11.3, 2026/11/3,
 * 11月3号 (this year), 十一月三日, 二〇二六年十一月三日, 今天/昨天/前天/大前天/明天/后天, 上个月5号, 这个月5号,
 * 今年3月1日, 去年3月1日, 前年…. Returns ISO dates (YYYY-MM-DD) with where they were found.
 */
import { chineseNumber } from '../../text/chinese-number.ts';

export interface FoundDate {
  value: string;
  start: number;
  end: number;
}

const NUM = '[0-9]{1,4}|[〇零一二两三四五六七八九十]{1,4}';
const YEAR_WORD = '今年|去年|前年|明年';
const FULL = new RegExp(`(?:(${NUM})(?:年|[-./])|(${YEAR_WORD}))(${NUM})(?:月|[-./])(${NUM})(?:日|号)?`, 'g');
const MONTH_DAY = new RegExp(`(上个?月|这个?月|本月|下个?月)?(${NUM})(?:月)(${NUM})(?:日|号)`, 'g');
const DAY_OF_MONTH = new RegExp(`(上个?月|这个?月|本月|下个?月)(${NUM})(?:日|号)`, 'g');
const RELATIVE: Record<string, number> = {
  今天: 0,
  昨天: -1,
  前天: -2,
  大前天: -3,
  明天: 1,
  后天: 2,
  今儿: 0,
  昨儿: -1,
};

export function findDates(text: string, today: Date): FoundDate[] {
  const out: FoundDate[] = [];
  const taken = (start: number, end: number) => out.some((d) => start < d.end && end > d.start);
  const push = (y: number, m: number, d: number, start: number, end: number) => {
    if (taken(start, end)) return;
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return;
    out.push({ value: iso(date), start, end });
  };
  const year0 = today.getUTCFullYear();
  for (const m of text.matchAll(FULL)) {
    const y = yearOf(m[1] ?? m[2] ?? '', year0);
    const mo = chineseNumber(m[3] ?? '');
    const d = chineseNumber(m[4] ?? '');
    if (y !== undefined && mo !== undefined && d !== undefined)
      push(y, mo, d, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const mo = chineseNumber(m[2] ?? '');
    const d = chineseNumber(m[3] ?? '');
    if (mo !== undefined && d !== undefined) push(year0, mo, d, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(DAY_OF_MONTH)) {
    const d = chineseNumber(m[2] ?? '');
    if (d === undefined) continue;
    const shift = /上/.test(m[1] ?? '') ? -1 : /下/.test(m[1] ?? '') ? 1 : 0;
    const base = new Date(Date.UTC(year0, today.getUTCMonth() + shift, 1));
    push(base.getUTCFullYear(), base.getUTCMonth() + 1, d, m.index, m.index + m[0].length);
  }
  // 上个月底, 这个月底, 月底, 二月底: the last day of that month.
  for (const m of text.matchAll(new RegExp(`(?:(上个?|这个?|本|下个?)|(${NUM}))?月底`, 'g'))) {
    const named = m[2] ? chineseNumber(m[2]) : undefined;
    const shift = /上/.test(m[1] ?? '') ? -1 : /下/.test(m[1] ?? '') ? 1 : 0;
    const month = named !== undefined ? named - 1 : today.getUTCMonth() + shift;
    const last = new Date(Date.UTC(year0, month + 1, 0));
    push(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate(), m.index, m.index + m[0].length);
  }
  // 下周一, 这周三, 上周五: weeks start on Monday.
  for (const m of text.matchAll(/(上|这|本|下)(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g)) {
    const weekday = '一二三四五六日'.indexOf(m[2] === '天' ? '日' : (m[2] ?? '')) + 1 || Number(m[2]);
    const shift = m[1] === '上' ? -7 : m[1] === '下' ? 7 : 0;
    const todayWeekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
    const date = new Date(today.getTime() + (shift + weekday - todayWeekday) * 86_400_000);
    push(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), m.index, m.index + m[0].length);
  }
  for (const [word, days] of Object.entries(RELATIVE)) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if (word === '前天' && text[at - 1] === '大') continue;
      const date = new Date(today.getTime() + days * 86_400_000);
      push(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), at, at + word.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function yearOf(s: string, current: number): number | undefined {
  if (s === '今年') return current;
  if (s === '去年') return current - 1;
  if (s === '前年') return current - 2;
  if (s === '明年') return current + 1;
  const n = chineseNumber(s);
  if (n === undefined) return undefined;
  if (n < 100) return n + (n > (current % 100) + 1 ? 1900 : 2000);
  return n;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
