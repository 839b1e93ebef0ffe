import { checkIdNumber } from '../values/id-number.ts';
import { checkUscc } from '../values/uscc.ts';
import { fieldWords } from './choose-field.ts';
import type { FieldSpec } from './field-spec.ts';
import type { Reader } from './reader.ts';
import { prefixOf } from './roles.ts';

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

/** An all-digit 18-character code that is a credit code here: named as one, or valid only as one. */
function saidAsCreditCode(r: Reader, code: string): boolean {
  if (!r.fields.some((f) => f.type === 'uscc') || !checkUscc(code).ok) return false;
  const before = r.clause.slice(0, r.clause.indexOf(code));
  if (/信用代码|代码|税号/.test(before)) return true;
  // An ID number with only a wrong check digit is a mistyped ID, whatever else it happens to pass.
  const id = checkIdNumber(code, r.today);
  return !id.ok && id.reason !== 'checksum';
}

function ofRole(key: string, current: string | undefined): boolean {
  return current !== undefined && (key.startsWith(`${current}.`) || prefixOf(key) === current);
}

/** Shaped values, ID numbers and credit codes (checked; wrong ones refused with a message), mobiles and landlines. */
export function readCodes(r: Reader): void {
  readPatterns(r);
  for (const m of r.rest.matchAll(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g)) {
    // A credit code may be all digits (914301045937261487): said as one, or valid as one and not as an ID, it is.
    if (saidAsCreditCode(r, m[0])) continue;
    r.rest = r.rest.replace(m[0], ' '.repeat(m[0].length));
    const field = r.pick('idNumber');
    if (!field) continue;
    const check = checkIdNumber(m[0], r.today);
    if (check.ok) r.set(field.key, check.value);
    else r.reject(field.key, m[0], check.message);
  }
  for (const m of r.rest.matchAll(/(?<![\dA-Z])[0-9A-Z]{18}(?![\dA-Z])/g)) {
    if (!/[A-Z]/.test(m[0]) && /^\d{17}[\dX]$/.test(m[0]) && !saidAsCreditCode(r, m[0])) continue;
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

/** A mobile as 11 digits; a landline as 区号-号码 (010 and 02x have three-digit area codes, the rest four). */
export function phoneValue(raw: string): string {
  if (raw.startsWith('1')) return raw;
  if (raw.includes('-')) return raw;
  const area = /^0(10|2\d)/.test(raw) ? 3 : 4;
  return `${raw.slice(0, area)}-${raw.slice(area)}`;
}
