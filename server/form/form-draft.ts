import type { Catalog } from '../../knowledge/index.ts';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { SessionState } from '../stores/session.types.ts';
import { checkFieldValue } from './field-value.ts';
import { newForm } from './fill.ts';
import type { FieldSource, FieldState, FormState } from './form-state.ts';

/** The 一件事 whose form a session fills: the draft's, or the one in focus; 404 when there is none yet. */
export function formBundleOf(session: SessionState): string {
  const bundleId = session.form?.bundleId ?? session.bundleId;
  if (!bundleId) throw new YishiError('not_found', 'form', '这个会话还没有确定要办的事，暂无表单');
  return bundleId;
}

/** The session's form draft for its 一件事, started empty when there is none (or it was for another one). */
export function draftOf(session: SessionState): FormState {
  const bundleId = formBundleOf(session);
  if (!session.form || session.form.bundleId !== bundleId) session.form = newForm(bundleId);
  return session.form;
}

/** The catalog's definition of a field of the draft's form; 404 for a key the form does not have. */
export function fieldOf(catalog: Catalog, form: FormState, key: string) {
  const field = catalog.bundles.get(form.bundleId)?.form.fields.find((f) => f.key === key);
  if (!field) throw new YishiError('not_found', 'form', `表单里没有“${key}”这一项`);
  return field;
}

/** Refuses changes to a submitted form. */
export function assertEditable(form: FormState): void {
  if (form.submission) throw new YishiError('conflict', 'form', '申请已提交，不能再修改');
}

/**
 * A value typed in by someone (the person, or a hotline agent for them): checked by the field's type, stored
 * with its source and the given status. Refused values are a 422 with the field's own message.
 */
export function setFieldValue(
  catalog: Catalog,
  form: FormState,
  key: string,
  value: string | number | boolean,
  by: FieldSource['kind'],
  status: FieldState['status'],
): void {
  assertEditable(form);
  const checked = checkFieldValue(fieldOf(catalog, form, key), value);
  if (!checked.ok) throw new YishiError('invalid', 'form', checked.message);
  form.fields[key] = { value: checked.value, source: { kind: by, at: new Date().toISOString() }, status };
}
