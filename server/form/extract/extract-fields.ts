import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { alsoMe } from './also-me.ts';
import { chooseField } from './choose-field.ts';
import { colonSpans, withoutSpans } from './colon-spans.ts';
import type { FieldSpec, FieldValue } from './field-spec.ts';
import { clauses, JOINER, messageText } from './message-text.ts';
import { readCodes } from './read-codes.ts';
import { readQuantities } from './read-quantities.ts';
import { readWords } from './read-words.ts';
import type { Reader } from './reader.ts';
import { formPrefixes, genderOf, prefixOf, rolesIn } from './roles.ts';
import { clauseRoles, speakerWord } from './speaker.ts';

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
  /** The speaker's name as the form already has it (for 经办人也是我 in a later message). */
  speakerName?: string | undefined;
  /** The prefix of the values the last message filled (他身份证… follows 申请人是我爸，叫…). */
  recent?: string | undefined;
  /** Whose fields 我 fills (guardian, agent, father …), when the person has said; by default the applicant. */
  speaker?: string | undefined;
}

const CORRECTION =
  /不对|错[了哒啦]|改成|改为|应该是|更正|说错|写错|搞错|抄错|弄错|记错|重新填|重新发|重发|输错|打错|填错/;
/**
 * Reads form values from one message: who each clause is about (孩子/妈妈/法人/我 …, carried to the next clause),
 * then the values in it — ID numbers and credit codes (checked; wrong ones are refused with a message),
 * phones, dates (relative ones against today), amounts, names, gender, ethnicity, addresses, choice options
 * and labelled text — each put in the field of that role whose label fits the clause best.
 */
export function extractFields(message: string, options: ExtractOptions): Extraction {
  // Values are read from the message as written; roles from its simplified form.
  const text = messageText(message);
  const fields = options.fields;
  const prefixes = formPrefixes(fields.map((f) => f.key));
  const asking = options.asking ? fields.find((f) => f.key === options.asking) : undefined;
  const out: Extraction = { values: [], rejected: [], correction: CORRECTION.test(text) };
  const set = (key: string, value: FieldValue) => {
    out.values = out.values.filter((v) => v.key !== key);
    out.values.push({ key, value: typeof value === 'string' ? value.replaceAll(JOINER, ' ') : value });
  };

  // 经营范围：餐饮服务；食品销售 — free text after a label and a colon runs to the end of the sentence, commas and
  // all; it is read once and taken out, so its dates and numbers are not read again.
  const spans = colonSpans(text, fields);
  for (const span of spans) set(span.key, span.value);
  const rest = withoutSpans(text, spans);

  let prefix: string | undefined;
  let lastAddress: Reader['lastAddress'];
  for (const clause of clauses(rest)) {
    const roles = clauseRoles(clause, rolesIn(normalizeText(clause), prefixes), prefixes, options.speaker);
    if (roles[0]) prefix = roles[0].prefix;
    // 父亲叫… says the deceased is a man; 是个妹坨 that the baby is a girl.
    const named = roles[0];
    const kin = named && !/^(我|本人)/.test(named.word) ? genderOf(named.word) : undefined;
    const genderField = kin ? fields.find((f) => f.key === `${named?.prefix}.gender`) : undefined;
    if (kin && genderField) set(genderField.key, kin);
    // Without a role in the clause: the person of the field asked, or of the last values when correcting them
    // (身份证号重新发：… is the ID just given), and the last values' person otherwise.
    const asked = asking ? prefixOf(asking.key) : undefined;
    const current = prefix ?? (out.correction ? (options.recent ?? asked) : (asked ?? options.recent));
    const reader: Reader = {
      clause,
      rest: clause,
      current,
      own: roles[0]?.prefix,
      namedBefore: prefix !== undefined && roles.length === 0,
      speakerWord: speakerWord(options.speaker),
      fields,
      asking,
      today: options.today,
      pick: (type, hint) => chooseField(fields, type, current, clause, asking, hint),
      set,
      reject: (key, raw, message) => out.rejected.push({ key, raw, message }),
    };
    reader.lastAddress = lastAddress;
    readCodes(reader);
    readQuantities(reader);
    readWords(reader);
    lastAddress = reader.lastAddress;
    alsoMe(clause, fields, out.values, options.speakerName, set);
  }
  return out;
}
