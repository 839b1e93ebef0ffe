import type { Catalog } from '../../knowledge/index.ts';

export type FieldStatus = 'prefilled' | 'confirmed' | 'needs_input' | 'invalid';

export interface FormFieldState {
  key: string;
  label: string;
  type: string;
  required: boolean;
  section?: string;
  value: string | null;
  source: string | null;
  status: FieldStatus;
  matters: string[];
}

/** The bundle's unified form (一表申请) with nothing filled in yet. */
export function emptyForm(
  catalog: Catalog,
  bundleId: string,
): { bundleId: string; fields: FormFieldState[] } {
  const bundle = catalog.bundles.get(bundleId);
  const fields = (bundle?.form.fields ?? []).map(
    (f): FormFieldState => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.section ? { section: f.section } : {}),
      value: null,
      source: null,
      status: 'needs_input',
      matters: f.matters,
    }),
  );
  return { bundleId, fields };
}
