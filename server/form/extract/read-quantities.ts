import { chineseNumber } from '../../text/chinese-number.ts';
import { findDates } from '../values/chinese-date.ts';
import { findAmounts } from '../values/money.ts';
import { fieldWords } from './choose-field.ts';
import type { FieldSpec } from './field-spec.ts';
import type { Reader } from './reader.ts';

/** Dates (relative ones against today), years of a term, areas, amounts, and a bare amount beside a money word. */
export function readQuantities(r: Reader): void {
  for (const d of findDates(r.rest, r.today)) {
    const field = r.pick('date');
    if (field) r.set(field.key, d.value);
  }
  const years =
    /(?<![\d.一二三四五六七八九十])(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年(?!\d|月|级|度)/.exec(r.rest);
  const yearCount = years?.[1]
    ? /\d/.test(years[1])
      ? Number(years[1])
      : chineseNumber(years[1])
    : undefined;
  if (yearCount !== undefined) {
    const field = r.pick('number', (f) => /年限|期限|年数|工龄/.test(f.label));
    if (field) r.set(field.key, yearCount);
  }
  const litres = /(\d+(?:\.\d+)?)\s*(?:升|L|l)(?![a-z])/.exec(r.rest);
  if (litres?.[1]) {
    const field = r.pick('number', (f) => /排量|升/.test(f.label));
    if (field) {
      r.set(field.key, Number(litres[1]));
      r.rest = r.rest.replace(litres[0], ' '.repeat(litres[0].length));
    }
  }
  const area = /(\d+(?:\.\d+)?)\s*(平方米|平米|平方|㎡|个平方|平(?![方米台安常时日]))/.exec(r.rest);
  if (area?.[1]) {
    // 建筑面积80平方米 is not the 使用面积 field's: a qualified area only fills a field qualified alike.
    const said = /(\p{Script=Han}{2})面积/u.exec(r.clause.slice(0, area.index))?.[1];
    const fits = (f: FieldSpec) =>
      /面积/.test(f.label) &&
      (!said || !/\p{Script=Han}{2}面积/u.test(f.label) || f.label.includes(`${said}面积`));
    const field = r.pick('number', fits);
    if (field) r.set(field.key, Number(area[1]));
    r.rest = r.rest.replace(area[0], ' '.repeat(area[0].length));
  }
  const amounts = findAmounts(r.rest);
  const money = (f: FieldSpec) => /元|金额|价|资本|收入|工资|基数|额/.test(f.label);
  // With several money fields, an amount goes to one the clause names (首付30万 is none of 总价 and 贷款金额).
  const moneyFields = r.fields.filter((f) => f.type === 'number' && money(f));
  const named = (f: FieldSpec) =>
    moneyFields.length <= 1 || r.asking?.key === f.key || fieldWords(f).some((w) => r.clause.includes(w));
  for (const a of amounts) {
    const field = r.pick('number', (f) => money(f) && named(f));
    // A field counted in 万元 takes 500万元 as 500.
    if (field) r.set(field.key, /万元/.test(field.label) ? a.value / 10000 : a.value);
  }
  // 缴费工资按每月8500报: a bare number where a money field's word is said.
  const bare =
    amounts.length === 0
      ? /(?<![\d.])(\d{3,9})(?![\d.]|\s*(?:平|号|栋|年|月|日|岁|个|辆|人))/.exec(r.rest)
      : null;
  if (bare?.[1]) {
    const field = r.pick(
      'number',
      (f) =>
        /金额|价|资本|收入|工资|基数|额/.test(f.label) && fieldWords(f).some((w) => r.clause.includes(w)),
    );
    if (field) r.set(field.key, Number(bare[1]));
  }
}
