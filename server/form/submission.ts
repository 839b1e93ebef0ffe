import { randomBytes } from 'node:crypto';
import type { Catalog } from '../../knowledge/index.ts';
import { findPii, maskPii } from '../answer/guard/pii.ts';
import { checkFieldValue } from './field-value.ts';
import type { FieldSource, FormState } from './form-state.ts';

/** The application package (申请材料包) produced on submission. */
export interface Submission {
  receipt: string;
  bundleId: string;
  bundleName: string;
  submittedAt: string;
  fields: { key: string; label: string; value: string | number | boolean; source: FieldSource }[];
  /** Each member matter with the fields it receives. */
  matters: { id: string; name: string; fields: string[] }[];
}

export type SubmitResult =
  | { ok: true; submission: Submission }
  | { ok: false; problems: { key: string; label: string; message: string }[] };

/**
 * Validates every field (required ones present, every value valid by its type) and, when all is well,
 * produces the package with a receipt number. The draft then records the submission and stops filling.
 */
export function submitForm(catalog: Catalog, form: FormState, now = new Date()): SubmitResult {
  const bundle = catalog.bundles.get(form.bundleId);
  const fields = bundle?.form.fields ?? [];
  const problems: { key: string; label: string; message: string }[] = [];
  const values: Submission['fields'] = [];
  for (const field of fields) {
    const state = form.fields[field.key];
    if (state?.value == null) {
      if (field.required)
        problems.push({
          key: field.key,
          label: field.label,
          message: state?.message ?? `请填写“${field.label}”`,
        });
      continue;
    }
    const checked = checkFieldValue(field, state.value, now);
    if (!checked.ok) problems.push({ key: field.key, label: field.label, message: checked.message });
    else values.push({ key: field.key, label: field.label, value: checked.value, source: state.source });
  }
  if (problems.length > 0) return { ok: false, problems };
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const submission: Submission = {
    receipt: `YS${day}${randomBytes(4).toString('hex').toUpperCase()}`,
    bundleId: form.bundleId,
    bundleName: bundle?.name ?? form.bundleId,
    submittedAt: now.toISOString(),
    fields: values,
    matters: (bundle?.matters ?? []).map((m) => ({
      id: m.id,
      name: catalog.matters.get(m.id)?.name ?? m.id,
      fields: fields
        .filter((f) => f.matters.includes(m.id) && values.some((v) => v.key === f.key))
        .map((f) => f.key),
    })),
  };
  return { ok: true, submission };
}

/** A read-back of the whole form, identifiers masked, for the person to check before confirming. */
export function readBack(catalog: Catalog, form: FormState): string {
  const fields = catalog.bundles.get(form.bundleId)?.form.fields ?? [];
  const lines = fields.map((f) => {
    const v = form.fields[f.key]?.value;
    const shown =
      v == null
        ? '（未填）'
        : typeof v === 'boolean'
          ? v
            ? '是'
            : '否'
          : maskPii(String(v), findPii(String(v)));
    return `· ${f.label}：${shown}`;
  });
  return `请核对“${catalog.bundles.get(form.bundleId)?.name ?? ''}”申请表（证件号已部分隐去）：\n${lines.join('\n')}\n\n核对无误请回复“确认提交”；需要修改请直接说，例如“电话改成13800001111”。`;
}

const ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPE[c] ?? c);

/** A printable HTML summary of the package (identifiers masked), for the person to keep. */
export function receiptHtml(s: Submission): string {
  const rows = s.fields
    .map((f) => {
      const v =
        typeof f.value === 'boolean'
          ? f.value
            ? '是'
            : '否'
          : maskPii(String(f.value), findPii(String(f.value)));
      return `<tr><th scope="row">${esc(f.label)}</th><td>${esc(v)}</td></tr>`;
    })
    .join('\n');
  const matters = s.matters.map((m) => `<li>${esc(m.name)}</li>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(s.bundleName)} 申请回执 ${esc(s.receipt)}</title>
<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}th{width:40%;background:#f3f3f3}</style>
</head><body>
<h1>${esc(s.bundleName)} · 申请回执</h1>
<p>回执编号：<strong>${esc(s.receipt)}</strong>　提交时间：${esc(s.submittedAt.replace('T', ' ').slice(0, 19))}</p>
<h2>申请表</h2><table>${rows}</table>
<h2>一并办理的事项</h2><ul>${matters}</ul>
<p>请保存回执编号，凭此查询办理进度。证件号码已部分隐去。</p>
</body></html>
`;
}
