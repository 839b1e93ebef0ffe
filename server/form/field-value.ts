import type { FormField } from '../../knowledge/model/form-field.schema.ts';
import { findDates } from './values/chinese-date.ts';
import { checkIdNumber } from './values/id-number.ts';
import { checkUscc } from './values/uscc.ts';

export type Checked = { ok: true; value: string | number | boolean } | { ok: false; message: string };

/**
 * Validates a value the person typed into a field (or a prefilled one before submission) by the field's type:
 * ID numbers and credit codes by their check characters, phones, dates (also in Chinese forms), numbers,
 * choices among the options, yes/no.
 */
export function checkFieldValue(field: FormField, raw: unknown, today = new Date()): Checked {
  const text = typeof raw === 'string' ? raw.normalize('NFKC').trim() : raw;
  if (text === '' || text === null || text === undefined)
    return { ok: false, message: `请填写“${field.label}”` };
  switch (field.type) {
    case 'idNumber': {
      const c = checkIdNumber(String(text), today);
      return c.ok ? { ok: true, value: c.value } : { ok: false, message: c.message };
    }
    case 'uscc': {
      const c = checkUscc(String(text));
      return c.ok ? { ok: true, value: c.value } : { ok: false, message: c.message };
    }
    case 'phone': {
      const t = String(text).replace(/[\s]/g, '');
      if (/^1[3-9]\d{9}$/.test(t) || /^0\d{2,3}-\d{7,8}$/.test(t)) return { ok: true, value: t };
      return { ok: false, message: '电话号码格式不对：手机号为11位，座机请写成“区号-号码”' };
    }
    case 'date': {
      const t = String(text);
      if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t))) return { ok: true, value: t };
      const [found] = findDates(t, today);
      return found
        ? { ok: true, value: found.value }
        : { ok: false, message: '日期格式不对，例如：2026-11-03 或 2026年11月3日' };
    }
    case 'number': {
      const n = typeof text === 'number' ? text : Number(String(text).replace(/,/g, ''));
      return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, message: '请填写数字' };
    }
    case 'choice': {
      const t = String(text);
      return field.options?.includes(t)
        ? { ok: true, value: t }
        : { ok: false, message: `请从以下选项中选择：${(field.options ?? []).join('、')}` };
    }
    case 'boolean': {
      if (typeof text === 'boolean') return { ok: true, value: text };
      if (/^(是|有|要|true)$/.test(String(text))) return { ok: true, value: true };
      if (/^(否|不是|没有|无|不要|false)$/.test(String(text))) return { ok: true, value: false };
      return { ok: false, message: '请回答“是”或“否”' };
    }
    default: {
      const t = String(text);
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(t))
        return { ok: false, message: `“${field.label}”的格式不对，请对照证件或单据重新填写` };
      return t.length <= 200 ? { ok: true, value: t } : { ok: false, message: '内容过长，请控制在200字以内' };
    }
  }
}
