import type { Catalog } from '../../knowledge/index.ts';
import type { FieldSource, FormState } from './form-state.ts';

export type FieldStatus = 'prefilled' | 'confirmed' | 'needs_input' | 'invalid';

export interface FormFieldState {
  key: string;
  label: string;
  type: string;
  required: boolean;
  section?: string;
  value: string | number | boolean | null;
  /** Where the value came from (conversation turn, shared record, correction), or null when empty. */
  source: FieldSource | null;
  status: FieldStatus;
  /** Why a value was refused (invalid). */
  message?: string;
  matters: string[];
  /** The shared source that can fill it under consent. */
  shared?: { source: string; name: string };
}

/**
 * The bundle's unified form (一表申请) as the person sees it: every field with its value, source and status
 * from the draft, `needs_input` where nothing is known yet.
 */
export function formView(
  catalog: Catalog,
  bundleId: string,
  draft?: FormState,
): { bundleId: string; asking?: string; fields: FormFieldState[] } {
  const bundle = catalog.bundles.get(bundleId);
  const state = draft?.bundleId === bundleId ? draft : undefined;
  const fields = (bundle?.form.fields ?? []).map((f): FormFieldState => {
    const s = state?.fields[f.key];
    return {
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.section ? { section: f.section } : {}),
      value: s?.value ?? null,
      source: s?.source ?? null,
      status: s ? s.status : 'needs_input',
      ...(s?.message ? { message: s.message } : {}),
      matters: f.matters,
      ...(f.shared
        ? {
            shared: {
              source: f.shared.source,
              name: catalog.sharedSources.get(f.shared.source)?.name ?? f.shared.source,
            },
          }
        : {}),
    };
  });
  return { bundleId, ...(state?.asking ? { asking: state.asking } : {}), fields };
}
