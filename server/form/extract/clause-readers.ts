import { chineseNumber } from '../../text/chinese-number.ts';
import { findDates } from '../values/chinese-date.ts';
import { checkIdNumber } from '../values/id-number.ts';
import { findAmounts } from '../values/money.ts';
import { checkUscc } from '../values/uscc.ts';
import { fieldWords, roleField } from './choose-field.ts';
import type { FieldSpec, FieldValue } from './field-spec.ts';
import { saysOption } from './option-words.ts';
import { prefixOf } from './roles.ts';
import { addressIn, ETHNIC, labelledText, nameIn, phoneValue } from './word-values.ts';

/** One clause being read: who it is about, how to pick a field, where values go. */
export interface Reader {
  clause: string;
  /** The clause with identifiers and phones taken out, for the number readers. */
  rest: string;
  /** The key prefix of the person or entity the clause is about. */
  current: string | undefined;
  /** The prefix of the role the clause itself names, if it names one (not carried from the clause before). */
  own: string | undefined;
  fields: readonly FieldSpec[];
  asking: FieldSpec | undefined;
  today: Date;
  pick(type: FieldSpec['type'], hint?: (f: FieldSpec) => boolean): FieldSpec | undefined;
  set(key: string, value: FieldValue): void;
  reject(key: string, raw: string, message: string): void;
  /** The last address read in this message and where it went, for 也住这里. */
  lastAddress?: { key: string; value: string } | undefined;
}

/**
 * Values of fields that have a shape in the catalog (号牌 湘A3K8Q7, 车架号, 卡号, 账号): each match goes to the
 * field named nearest before it in the clause (of the clause's role when several are named alike); a match
 * no field is named for goes to the only field of that shape, unless it is all digits (an account number
 * without its name could be anything).
 */
function readPatterns(r: Reader): void {
  const shaped = r.fields.filter((f) => f.pattern);
  const found: { field: FieldSpec; value: string; at: number }[] = [];
  for (const field of shaped) {
    const re = new RegExp(`(?<![0-9A-Za-z])(?:${field.pattern})(?![0-9A-Za-z])`, 'gu');
    for (const m of r.rest.matchAll(re)) found.push({ field, value: m[0], at: m.index });
  }
  const taken = new Set<string>();
  for (const value of [...new Set(found.map((f) => f.value))]) {
    const candidates = found.filter((f) => f.value === value && !taken.has(f.field.key));
    const at = candidates[0]?.at ?? 0;
    const named = candidates
      .map((c) => ({
        c,
        cue: lastCue(c.field, r.clause.slice(0, at)),
        cueLength: cueLength(c.field, r.clause.slice(0, at)),
        mine: ofRole(c.field.key, r.current),
      }))
      .filter((x) => x.cue >= 0)
      .sort((a, b) => Number(b.mine) - Number(a.mine) || b.cue - a.cue || b.cueLength - a.cueLength);
    const only = candidates.length === 1 && /\D/.test(value) ? candidates[0] : undefined;
    const chosen = named[0]?.c ?? only;
    if (!chosen) continue;
    taken.add(chosen.field.key);
    r.set(chosen.field.key, value);
    r.rest = r.rest.replace(value, ' '.repeat(value.length));
  }
}

/** Whether the clause names a text field right before `at` (回收证明编号…). */
function namesOtherText(r: Reader, at: number): boolean {
  const before = r.clause.slice(0, at);
  return r.fields.some((f) => f.type === 'text' && lastCue(f, before) === at);
}

/** Where the last of a field's words ends in the text, or -1. */
function lastCue(field: FieldSpec, text: string): number {
  return Math.max(
    -1,
    ...fieldWords(field).map((w) => {
      const i = text.lastIndexOf(w);
      return i < 0 ? -1 : i + w.length;
    }),
  );
}

/** The length of the longest of a field's words ending where its last one ends (认定部门 beats 部门). */
function cueLength(field: FieldSpec, text: string): number {
  const end = lastCue(field, text);
  return Math.max(
    0,
    ...fieldWords(field)
      .filter((w) => text.lastIndexOf(w) + w.length === end)
      .map((w) => w.length),
  );
}

function ofRole(key: string, current: string | undefined): boolean {
  return current !== undefined && (key.startsWith(`${current}.`) || prefixOf(key) === current);
}

/** Shaped values, ID numbers and credit codes (checked; wrong ones refused with a message), mobiles and landlines. */
export function readCodes(r: Reader): void {
  readPatterns(r);
  for (const m of r.rest.matchAll(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g)) {
    r.rest = r.rest.replace(m[0], ' '.repeat(m[0].length));
    const field = r.pick('idNumber');
    if (!field) continue;
    const check = checkIdNumber(m[0], r.today);
    if (check.ok) r.set(field.key, check.value);
    else r.reject(field.key, m[0], check.message);
  }
  for (const m of r.rest.matchAll(/(?<![\dA-Z])[0-9A-Z]{18}(?![\dA-Z])/g)) {
    if (!/[A-Z]/.test(m[0]) && /^\d{17}[\dX]$/.test(m[0])) continue;
    const field = r.pick('uscc');
    if (!field) {
      r.rest = r.rest.replace(m[0], ' '.repeat(m[0].length));
      continue;
    }
    const check = checkUscc(m[0]);
    // 回收证明编号HB4301…: an 18-character code that is not a credit code, said under another field's name, is
    // that field's (read as labelled text); a bad one said as a credit code is refused.
    if (!check.ok && !/代码|信用/.test(r.clause) && namesOtherText(r, m.index)) continue;
    r.rest = r.rest.replace(m[0], ' '.repeat(m[0].length));
    if (check.ok) r.set(field.key, check.value);
    else r.reject(field.key, m[0], check.message);
  }
  for (const m of r.rest.matchAll(/(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/g)) {
    const field = r.pick('phone');
    const raw = m[1] ?? '';
    if (field) r.set(field.key, phoneValue(raw));
    r.rest = r.rest.replace(raw, ' '.repeat(raw.length));
  }
}

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
    const field = r.pick('number', (f) => /面积/.test(f.label));
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

/** A field for a person's name: 母亲姓名, 被投靠人（落户户主）姓名 — not 结婚证字号 or 企业名称. */
function personNameField(f: FieldSpec): boolean {
  return /姓名/.test(f.label);
}

/** A field for an entity's name: 企业名称, 经营主体名称（字号）. */
function entityNameField(f: FieldSpec): boolean {
  return /名称|字号/.test(f.label) && /name$/i.test(f.key);
}

/** A clause that points back at the address just said. */
const SAME_PLACE =
  /(?:也|就|都|还)(?:住|在|是)(?:在)?(?:这里|这儿|这个|那里|这|同一个|一样)|同一个地址|地址一样|同上/;

/** Names, gender, ethnicity, addresses, choice options, yes/no to the asked field and labelled text. */
export function readWords(r: Reader): void {
  const { clause } = r;
  const entityPrefix = r.current !== undefined && /^(enterprise|entity|individual|taxpayer)/.test(r.current);
  // An entity only asked about or carried over may still be followed by a person (…管理员是我老婆刘小燕).
  const entityName = entityPrefix ? nameIn(clause, r.current) : undefined;
  const name = entityName ?? nameIn(clause, entityPrefix && r.own === undefined ? undefined : r.current);
  if (name) {
    const entity = entityName !== undefined;
    // After a role word this form has no role for (她爷爷林国栋), only a field the clause names takes the name.
    const named = (f: FieldSpec) =>
      !name.byRoleWord || r.own !== undefined || fieldWords(f).some((w) => clause.includes(w));
    const field = r.pick('text', (f) => (entity ? entityNameField(f) : personNameField(f)) && named(f));
    if (field) r.set(field.key, name.name);
  }
  const gender = /(男孩|男宝|男娃|儿子|男的|男性|是男|性别男|男生|孙子|外孙(?!女))|^男$/.test(clause)
    ? '男'
    : /(女孩|女宝|女娃|女儿|闺女|女的|女性|是女|性别女|女生|千金)|^女$/.test(clause)
      ? '女'
      : undefined;
  if (gender) {
    const field = r.pick('choice', (f) => /性别/.test(f.label));
    if (field) r.set(field.key, gender);
  }
  const ethnic = ETHNIC.exec(clause);
  if (ethnic) {
    // A form with one 民族 field takes it whoever was named last (民族随爸爸，是土家族 is the child's).
    const ethnicFields = r.fields.filter((f) => f.type === 'text' && /民族/.test(f.label));
    const field =
      r.pick('text', (f) => /民族/.test(f.label)) ??
      (ethnicFields.length === 1 ? ethnicFields[0] : undefined);
    if (field) r.set(field.key, ethnic[0]);
  }
  const address = addressIn(clause);
  if (address) {
    const field = r.pick('address');
    if (field) r.set(field.key, address);
    if (field) r.lastAddress = { key: field.key, value: address };
  } else if (r.lastAddress && SAME_PLACE.test(clause)) {
    // 户口在X，就住这里 / 户籍地址也是这个: the address just said, for the field this clause names.
    const said = r.lastAddress;
    const field = r.pick('address', (f) => f.key !== said.key);
    if (field) r.set(field.key, said.value);
  }
  for (const field of r.fields.filter((f) => f.type === 'choice' && f.options)) {
    if (/性别/.test(field.label)) continue;
    const named =
      r.asking?.key === field.key ||
      fieldWords(field).some((w) => clause.includes(w)) ||
      (r.current !== undefined && field.key.startsWith(`${r.current}.`));
    const option = (field.options ?? []).find((o) => saysOption(o, clause, field.optionCues?.[o], named));
    // A clause about someone else leaves this person's choice alone when that someone has the same field
    // (离异 after 女方 is the bride's, not the groom's); otherwise the choice is the only one it can be.
    // A clause naming its own role (新车是新能源…) leaves other roles' choices alone; 两个人都未婚 sets both.
    const sibling = r.current ? `${r.current}.${field.key.split('.').slice(1).join('.')}` : undefined;
    const both = /两个?人都|俩都|双方都|我们都|都是/.test(clause);
    const ofOther =
      !both &&
      roleField(field.key) &&
      ((r.own !== undefined && !field.key.startsWith(`${r.own}.`)) ||
        (r.current !== undefined &&
          !field.key.startsWith(`${r.current}.`) &&
          r.fields.some((f) => f.key === sibling)));
    if (option && !ofOther) r.set(field.key, option);
  }
  // A yes/no field the catalog gives words for (低保户): said is yes, said with a negation (不是低保) is no.
  for (const field of r.fields.filter((f) => f.type === 'boolean' && f.cues)) {
    const cue = (field.cues ?? []).find((c) => clause.includes(c));
    if (!cue) continue;
    const before = clause.slice(0, clause.indexOf(cue));
    r.set(field.key, !/(不是|没有|没|不|无|非|未)[\p{Script=Han}]{0,2}$/u.test(before));
  }
  if (r.asking?.type === 'boolean') {
    if (/^(是|是的|对|要|需要|有|好)$/.test(clause)) r.set(r.asking.key, true);
    else if (/^(不是|不|不要|不需要|没有|无)$/.test(clause)) r.set(r.asking.key, false);
  }
  const labelled = labelledText(clause, r.fields, r.own, r.rest);
  if (labelled) r.set(labelled.key, labelled.value);
}
