/** What the extractor needs of a form field. */
export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'idNumber' | 'uscc' | 'phone' | 'date' | 'address' | 'number' | 'choice' | 'boolean';
  options?: string[] | undefined;
  optionCues?: Record<string, string[]> | undefined;
  cues?: string[] | undefined;
  pattern?: string | undefined;
}

export type FieldValue = string | number | boolean;

/** A field for a person's name: 母亲姓名, 被投靠人（落户户主）姓名 — not 结婚证字号 or 企业名称. */
export function personNameField(f: Pick<FieldSpec, 'label'>): boolean {
  return /姓名/.test(f.label);
}

/** A field for an entity's name: 企业名称, 经营主体名称（字号）. */
export function entityNameField(f: Pick<FieldSpec, 'key' | 'label'>): boolean {
  return /名称|字号/.test(f.label) && /name$/i.test(f.key);
}
