import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { chooseField } from './choose-field.ts';
import { type Reader, readCodes, readQuantities, readWords } from './clause-readers.ts';
import type { FieldSpec, FieldValue } from './field-spec.ts';
import { formPrefixes, genderOf, prefixOf, rolesIn } from './roles.ts';

export type { FieldSpec, FieldValue } from './field-spec.ts';

export interface Extraction {
  values: { key: string; value: FieldValue }[];
  /** Values said but refused (a wrong ID number or credit code), with the message for the person. */
  rejected: { key: string; raw: string; message: string }[];
  /** The message corrects an earlier value (不对，电话是…). */
  correction: boolean;
}

export interface ExtractOptions {
  fields: readonly FieldSpec[];
  today: Date;
  /** The field yishi just asked for: a bare value answers it. */
  asking?: string | undefined;
}

const CORRECTION = /不对|错了|改成|改为|应该是|更正|说错了|写错了|搞错了|重新填/;
/**
 * Reads form values from one message: who each clause is about (孩子/妈妈/法人/我 …, carried to the next clause),
 * then the values in it — ID numbers and credit codes (checked; wrong ones are refused with a message),
 * phones, dates (relative ones against today), amounts, names, gender, ethnicity, addresses, choice options
 * and labelled text — each put in the field of that role whose label fits the clause best.
 */
export function extractFields(message: string, options: ExtractOptions): Extraction {
  // Values are read from the message as written (NFKC only: 黎国樑 stays 黎国樑); roles from its simplified form.
  const text = message
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![0-9a-z])[0-9a-z]{18}(?![0-9a-z])/gi, (v) => v.toUpperCase())
    // 135-4872-6190 and 135 4872 6190 are one mobile number.
    .replace(/(?<!\d)(1[3-9]\d)[- ](\d{4})[- ](\d{4})(?!\d)/g, '$1$2$3');
  const fields = options.fields;
  const prefixes = formPrefixes(fields.map((f) => f.key));
  const asking = options.asking ? fields.find((f) => f.key === options.asking) : undefined;
  const out: Extraction = { values: [], rejected: [], correction: CORRECTION.test(text) };
  const set = (key: string, value: FieldValue) => {
    out.values = out.values.filter((v) => v.key !== key);
    out.values.push({ key, value });
  };

  let prefix: string | undefined;
  for (const clause of clauses(text)) {
    const roles = rolesIn(normalizeText(clause), prefixes);
    if (roles[0]) prefix = roles[0].prefix;
    // 父亲叫… says the deceased is a man; 是个妹坨 that the baby is a girl.
    const named = roles[0];
    const kin = named && !/^(我|本人)/.test(named.word) ? genderOf(named.word) : undefined;
    const genderField = kin ? fields.find((f) => f.key === `${named?.prefix}.gender`) : undefined;
    if (kin && genderField) set(genderField.key, kin);
    const current = prefix ?? (asking ? prefixOf(asking.key) : undefined);
    const reader: Reader = {
      clause,
      rest: clause,
      current,
      own: roles[0]?.prefix,
      fields,
      asking,
      today: options.today,
      pick: (type, hint) => chooseField(fields, type, current, clause, asking, hint),
      set,
      reject: (key, raw, message) => out.rejected.push({ key, raw, message }),
    };
    readCodes(reader);
    readQuantities(reader);
    readWords(reader);
  }
  return out;
}

/** Clauses split at punctuation and spaces, without empty ones. */
function clauses(text: string): string[] {
  return text
    .split(/[,，。;；!！?？\n、]|\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
