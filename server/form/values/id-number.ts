import { isValidIdNumber } from '../../answer/guard/pii.ts';

/** Province-level codes of GB/T 2260 that begin a resident ID number. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

export type IdCheck =
  | { ok: true; value: string; birthDate: string; gender: '男' | '女' }
  | { ok: false; reason: 'format' | 'region' | 'birth-date' | 'checksum'; message: string };

/**
 * A resident ID number (GB 11643-1999): 18 characters, a province code, a real birth date not in the future,
 * and the check character. The reason and a Chinese message say what is wrong; a wrong number is never a value.
 */
export function checkIdNumber(raw: string, today = new Date()): IdCheck {
  const id = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return fail('format', '身份证号应为18位（最后一位可以是X），请再核对一下');
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return fail('region', '身份证号开头的地区码不对，请再核对一下');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1900 || birth.getTime() > today.getTime())
    return fail('birth-date', '身份证号里的出生日期不对，请再核对一下');
  if (!isValidIdNumber(id)) return fail('checksum', '这个身份证号校验不通过，可能有一位输错了，请再核对一下');
  return {
    ok: true,
    value: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}

function fail(reason: Extract<IdCheck, { ok: false }>['reason'], message: string): IdCheck {
  return { ok: false, reason, message };
}
