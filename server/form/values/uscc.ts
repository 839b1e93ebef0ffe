/** The 31 characters of a unified social credit code (GB 32100-2015), in value order: no I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { ok: true; value: string } | { ok: false; message: string };

/** A 统一社会信用代码: 18 characters of the charset and the GB 32100 check character. */
export function checkUscc(raw: string): UsccCheck {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !CHARSET.includes(c)))
    return {
      ok: false,
      message: '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z），请再核对一下',
    };
  const sum = WEIGHTS.reduce((s, w, i) => s + w * CHARSET.indexOf(code[i] ?? ''), 0);
  const check = CHARSET[(31 - (sum % 31)) % 31];
  if (check !== code[17])
    return { ok: false, message: '这个统一社会信用代码校验不通过，可能有一位输错了，请再核对一下' };
  return { ok: true, value: code };
}
