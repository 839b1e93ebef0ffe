import { fieldWords, keywords, roleField } from './choose-field.ts';
import { entityNameField, type FieldSpec, personNameField } from './field-spec.ts';
import { labelledText } from './labelled-text.ts';
import { ETHNIC, entityNameIn, nameIn } from './names.ts';
import { saysOption } from './option-words.ts';
import { addressIn } from './places.ts';
import type { Reader } from './reader.ts';
import { isEntity } from './roles.ts';

/** Names, gender, ethnicity, addresses, choice options, yes/no and labelled text. */
export function readWords(r: Reader): void {
  readName(r);
  readGenderAndEthnicity(r);
  readAddress(r);
  readChoices(r);
  readYesNo(r);
  const labelled = labelledText(r.clause, r.fields, r.own, r.rest);
  if (labelled) r.set(labelled.key, labelled.value);
}

/** A person's or an entity's name, into a name field of the clause's role. */
function readName(r: Reader): void {
  const { clause } = r;
  const entityPrefix = isEntity(r.current);
  // An entity only asked about or carried over may still be followed by a person (…管理员是我老婆刘小燕).
  const entityName = entityPrefix ? entityNameIn(clause) : undefined;
  const askingName = (r.asking !== undefined && personNameField(r.asking)) || r.namedBefore;
  const name = entityName
    ? { name: entityName }
    : entityPrefix && r.own !== undefined
      ? undefined
      : nameIn(clause, askingName);
  if (!name) return;
  const entity = entityName !== undefined;
  // After a role word this form has no role for (她爷爷林国栋), only a field the clause names takes the name.
  const named = (f: FieldSpec) =>
    !name.byRoleWord || r.own !== undefined || fieldWords(f).some((w) => clause.includes(w));
  const field = r.pick('text', (f) => (entity ? entityNameField(f) : personNameField(f)) && named(f));
  if (field) r.set(field.key, name.name);
}

function readGenderAndEthnicity(r: Reader): void {
  const { clause } = r;
  const gender = /(男孩|男宝|男娃|儿子|男的|男性|是男|性别男|男生|孙子|外孙(?!女)|伢子|满崽)|^男$/.test(
    clause,
  )
    ? '男'
    : /(女孩|女宝|女娃|女儿|闺女|女的|女性|是女|性别女|女生|千金)|^女$/.test(clause)
      ? '女'
      : undefined;
  if (gender) {
    const field = r.pick('choice', (f) => /性别/.test(f.label));
    if (field) r.set(field.key, gender);
  }
  const ethnic = ETHNIC.exec(clause);
  if (ethnic) {
    // A form with one 民族 field takes it whoever was named last (民族随爸爸，是土家族 is the child's).
    const ethnicFields = r.fields.filter((f) => f.type === 'text' && /民族/.test(f.label));
    const field =
      r.pick('text', (f) => /民族/.test(f.label)) ??
      (ethnicFields.length === 1 ? ethnicFields[0] : undefined);
    if (field) r.set(field.key, ethnic[0]);
  }
}

/** A clause that points back at the address just said. */
const SAME_PLACE =
  /(?:也|就|都|还)(?:住|在|是)(?:在)?(?:这里|这儿|这个|那里|这|同一个|一样)|同一个地址|地址一样|同上/;

function readAddress(r: Reader): void {
  const { clause } = r;
  const address = addressIn(clause);
  // 户籍地址和实际居住地址都是X: one address for every address field the clause names.
  const together = address && /都是|都在|都填|都写/.test(clause) ? namedOfType(r, 'address') : [];
  if (address && together.length >= 2) {
    for (const f of together) r.set(f.key, address);
    r.lastAddress = { key: together[0]?.key ?? '', value: address };
  } else if (address) {
    const field = r.pick('address');
    if (field) r.set(field.key, address);
    if (field) r.lastAddress = { key: field.key, value: address };
  } else if (r.lastAddress && SAME_PLACE.test(clause)) {
    // 户口在X，就住这里 / 户籍地址也是这个: the address just said, for the field this clause names.
    const said = r.lastAddress;
    const field = r.pick('address', (f) => f.key !== said.key);
    if (field) r.set(field.key, said.value);
  }
}

/** The fields of a type whose own words the clause has (户籍地址, 居住地址). */
function namedOfType(r: Reader, type: FieldSpec['type']): FieldSpec[] {
  return r.fields.filter(
    (f) => f.type === type && keywords(f.label).some((w) => w.length >= 2 && r.clause.includes(w)),
  );
}

/** Every choice field whose option the clause says, for the role it is about. */
function readChoices(r: Reader): void {
  const { clause } = r;
  // Options name people by role: 户口跟我落 said by the father is 户口跟爸爸落.
  const spoken = r.speakerWord ? clause.replace(/我(?![们])/g, r.speakerWord) : clause;
  const both = /两个?人都|俩都|双方都|我们都|都是/.test(clause);
  for (const field of r.fields.filter((f) => f.type === 'choice' && f.options)) {
    if (/性别/.test(field.label)) continue;
    const named =
      r.asking?.key === field.key ||
      fieldWords(field).some((w) => clause.includes(w)) ||
      (r.current !== undefined && field.key.startsWith(`${r.current}.`));
    const option = (field.options ?? []).find(
      (o) =>
        saysOption(o, clause, field.optionCues?.[o], named) ||
        (spoken !== clause && saysOption(o, spoken, field.optionCues?.[o], named)),
    );
    if (option && (both || !ofOtherRole(r, field))) r.set(field.key, option);
  }
}

/**
 * Whether the clause is about another role than the field's: one it names itself (新车是新能源… leaves the old car's
 * fuel alone), or one carried over that has the same field (离异 after 女方 is the bride's, not the groom's).
 */
function ofOtherRole(r: Reader, field: FieldSpec): boolean {
  if (!roleField(field.key)) return false;
  if (r.own !== undefined && !field.key.startsWith(`${r.own}.`)) return true;
  if (r.current === undefined || field.key.startsWith(`${r.current}.`)) return false;
  const sibling = `${r.current}.${field.key.split('.').slice(1).join('.')}`;
  return r.fields.some((f) => f.key === sibling);
}

/** Yes/no: a field the catalog gives words for (低保户, 不是低保), or a bare 是/不是 to the field asked. */
function readYesNo(r: Reader): void {
  const { clause } = r;
  for (const field of r.fields.filter((f) => f.type === 'boolean' && f.cues)) {
    const cue = (field.cues ?? []).find((c) => clause.includes(c));
    if (!cue) continue;
    const before = clause.slice(0, clause.indexOf(cue));
    r.set(field.key, !/(不是|没有|没|不|无|非|未)[\p{Script=Han}]{0,2}$/u.test(before));
  }
  if (r.asking?.type === 'boolean') {
    if (/^(是|是的|对|要|需要|有|好)$/.test(clause)) r.set(r.asking.key, true);
    else if (/^(不是|不|不要|不需要|没有|无)$/.test(clause)) r.set(r.asking.key, false);
  }
}
