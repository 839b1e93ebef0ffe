import { fieldWords } from './choose-field.ts';
import { type FieldSpec, type FieldValue, personNameField } from './field-spec.ts';

/**
 * 经办人也是我 / 清算组负责人就是我: the person named for the field is the one the speaker just said they are — the last
 * person's name given in this message, or else the one the form already has for the speaker.
 */
export function alsoMe(
  clause: string,
  fields: readonly FieldSpec[],
  values: readonly { key: string; value: FieldValue }[],
  speakerName: string | undefined,
  set: (key: string, value: FieldValue) => void,
): void {
  const left = /^(.{2,12}?)(?:也|就|还)?是我(?:本人|自己)?$/u.exec(clause)?.[1];
  if (!left) return;
  const nameFields = fields.filter(personNameField);
  const target = nameFields
    .map((f) => ({ f, score: fieldWords(f).filter((w) => left.includes(w)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)[0]?.f;
  if (!target) return;
  const said = [...values]
    .reverse()
    .find((v) => v.key !== target.key && nameFields.some((f) => f.key === v.key));
  if (said) set(target.key, said.value);
  else if (speakerName) set(target.key, speakerName);
}
