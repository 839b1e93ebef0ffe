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
