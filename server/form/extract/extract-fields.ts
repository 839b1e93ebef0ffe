import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { alsoMe } from './also-me.ts';
import { chooseField } from './choose-field.ts';
import { colonSpans } from './colon-spans.ts';
import type { FieldSpec, FieldValue } from './field-spec.ts';
import { readCodes } from './read-codes.ts';
import { readQuantities } from './read-quantities.ts';
import { readWords } from './read-words.ts';
import type { Reader } from './reader.ts';
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
  /** The speaker's name as the form already has it (for 经办人也是我 in a later message). */
  speakerName?: string | undefined;
  /** The prefix of the values the last message filled (他身份证… follows 申请人是我爸，叫…). */
  recent?: string | undefined;
  /** Whose fields 我 fills (guardian, agent, father …), when the person has said; by default the applicant. */
  speaker?: string | undefined;
}

/** How options name the speaker's role: 户口跟我落 said by the father is 跟爸爸. */
const SPEAKER_WORDS: Record<string, string> = {
  father: '爸爸',
  mother: '妈妈',
  groom: '男方',
  bride: '女方',
};

/** Holds a space the clause splitter must not split at (a word joiner, not whitespace). */
const JOINER = '\u2060';

/** Words for the person the form is about when the speaker fills it for them (他, 孩子, 我妈). */
const SUBJECT = /(?<![我你])[他她](?!们)|孩子|小孩|老人|我妈|我爸|我崽|我儿子|我女儿|持卡人|残疾人/;

const CORRECTION =
  /不对|错[了哒啦]|改成|改为|应该是|更正|说错|写错|搞错|抄错|弄错|记错|重新填|重新发|重发|输错|打错|填错/;
/**
 * Reads form values from one message: who each clause is about (孩子/妈妈/法人/我 …, carried to the next clause),
 * then the values in it — ID numbers and credit codes (checked; wrong ones are refused with a message),
 * phones, dates (relative ones against today), amounts, names, gender, ethnicity, addresses, choice options
 * and labelled text — each put in the field of that role whose label fits the clause best.
 */
export function extractFields(message: string, options: ExtractOptions): Extraction {
  // Values are read from the message as written (NFKC only: 黎国樑 stays 黎国樑); roles from its simplified form.
  // Full-width letters and digits fold to ASCII; Chinese punctuation stays, as values keep it (餐饮服务；食品销售).
  const text = message
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![0-9a-z])[0-9a-z]{18}(?![0-9a-z])/gi, (v) => v.toUpperCase())
    // 430602 1995 0716 4028 is one ID number, typed in groups as on the card.
    .replace(/(?<![\dA-Z])(\d{6})[- ](\d{4})[- ]?(\d{4})[- ]?(\d{3}[\dXx])(?![\dA-Z])/g, '$1$2$3$4')
    // 招商银行长沙分行营业部 6214… (or the account first): a bank and its account stay one clause (the space is
    // kept in the value).
    .replace(/(银行|分行|支行|营业部|农商行|信用社)\s+(\d{12,22})(?!\d)/g, `$1${JOINER}$2`)
    .replace(/(?<!\d)(\d{12,22})\s+(?=\p{Script=Han}{2,14}?(?:银行|农商行|信用社))/gu, `$1${JOINER}`)
    // 135-4872-6190 and 135 4872 6190 are one mobile number.
    .replace(/(?<!\d)(1[3-9]\d)[- ](\d{4})[- ](\d{4})(?!\d)/g, '$1$2$3');
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
  let rest = text;
  for (const span of colonSpans(text, fields)) {
    set(span.key, span.value);
    // The words before the label in its clause go too (楼层和建筑面积：… leaves no 楼层和 behind).
    const at = rest.indexOf(span.whole);
    const clauseStart =
      at < 0 ? -1 : Math.max(...[...'，,。;；!！?？\n'].map((c) => rest.lastIndexOf(c, at))) + 1;
    rest = at < 0 ? rest : `${rest.slice(0, clauseStart)} ${rest.slice(at + span.whole.length)}`;
  }

  let prefix: string | undefined;
  let lastAddress: Reader['lastAddress'];
  for (const clause of clauses(rest)) {
    const roles = rolesIn(normalizeText(clause), prefixes).map((r) =>
      r.role === 'self' && options.speaker ? { ...r, prefix: options.speaker } : r,
    );
    // Filling for someone else, 他/孩子 is the person the form is about (the applicant), 我 the speaker.
    const subject = subjectPrefix(prefixes, options.speaker);
    const said = subject ? SUBJECT.exec(clause) : null;
    // …and a clause about them first (她的身份证号我抄错了) is about them, whatever 我 did.
    const selfAt = roles.find((x) => x.role === 'self') ? clause.search(/我/) : -1;
    if (subject && said && (roles.length === 0 || (roles.length === 1 && selfAt > said.index)))
      roles.unshift({ role: 'subject', prefix: subject, word: said[0] });
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
      speakerWord: SPEAKER_WORDS[options.speaker ?? ''],
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

/** The applicant's prefix when the speaker is someone else (a guardian or agent), else none. */
function subjectPrefix(prefixes: ReadonlySet<string>, speaker: string | undefined): string | undefined {
  // Between a couple, 他/她 is the other one.
  if (speaker === 'bride' && prefixes.has('groom')) return 'groom';
  if (speaker === 'groom' && prefixes.has('bride')) return 'bride';
  if (!speaker || !['guardian', 'agent'].includes(speaker)) return undefined;
  return ['applicant', 'person'].find((p) => prefixes.has(p));
}

/** Clauses split at punctuation and spaces, without empty ones. */
function clauses(text: string): string[] {
  return text
    .split(/[,，。;；!！?？\n、]|\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
