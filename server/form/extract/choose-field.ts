import type { FieldSpec } from './field-spec.ts';
import { prefixOf, ROLE_RULES } from './roles.ts';

const ROLE_PREFIXES = [...new Set(ROLE_RULES.flatMap((r) => r.prefixes))];

/** Fields that belong to a person, entity or vehicle a clause can be about (child.name), not to the application (delivery.method). */
export function roleField(key: string): boolean {
  return ROLE_PREFIXES.some((p) => key.startsWith(`${p}.`) || prefixOf(key) === p);
}

/**
 * The field for a value of `type`: one of the clause's role (the asked field first when it fits), the one
 * whose label fits the clause best among several; without a role, the asked field or the only one of the type.
 */
export function chooseField(
  fields: readonly FieldSpec[],
  type: FieldSpec['type'],
  prefix: string | undefined,
  clause: string,
  asking: FieldSpec | undefined,
  hint?: (f: FieldSpec) => boolean,
): FieldSpec | undefined {
  const ofType = fields.filter((f) => f.type === type && (!hint || hint(f)));
  // The asked field takes the value unless the clause names another field of the type and not it (住在… while
  // 户籍地址 is asked is the residence).
  const namesOther =
    asking !== undefined &&
    labelScore(asking, clause) === 0 &&
    ofType.some((f) => f !== asking && labelScore(f, clause) > 0);
  if (
    asking &&
    ofType.includes(asking) &&
    !namesOther &&
    (!prefix || asking.key.startsWith(`${prefix}.`) || prefixOf(asking.key) === prefix)
  )
    return asking;
  const mine = prefix
    ? ofType.filter((f) => f.key.startsWith(`${prefix}.`) || prefixOf(f.key) === prefix)
    : [];
  // A clause that names a field's own words (参加工作 → 参加工作时间, 户口 → 户籍地址) goes there, whoever it is about.
  const scored = ofType
    .map((f) => ({ f, score: labelScore(f, clause) + (mine.includes(f) ? 0.5 : 0) }))
    .sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (top && top.score >= 1 && !mine.includes(top.f)) {
    const bestMine = scored.find((x) => mine.includes(x.f));
    if (!bestMine || top.score > bestMine.score) return top.f;
  }
  // Fields of the application itself (premises.area, delivery.address) take values whoever the clause is about.
  // …and the contact's phone is where a phone goes when the person it is about has none (孩子…电话…).
  const general = ofType.filter(
    (f) => !roleField(f.key) || (type === 'phone' && f.key.startsWith('contact.')),
  );
  // A phone or credit code is the form's only such field whoever the clause is about (联系电话留我的 when only the
  // applicant has one; 信用代码我抄错了，是…).
  const only = (!prefix || type === 'phone' || type === 'uscc') && ofType.length === 1 ? ofType : [];
  const pool = mine.length > 0 ? mine : general.length > 0 ? general : only;
  if (pool.length <= 1) return pool[0];
  return [...pool].sort((a, b) => labelScore(b, clause) - labelScore(a, clause))[0];
}

/** How many of a field's words (label bigrams and catalog cues) the clause has. */
function labelScore(field: FieldSpec, clause: string): number {
  return fieldWords(field).filter((w) => clause.includes(w)).length;
}

/** The words that name a field: its label's meaningful bigrams and the catalog's cues for it. */
export function fieldWords(field: FieldSpec): string[] {
  return [...keywords(field.label), ...(field.cues ?? [])];
}

export const LABEL_NOISE =
  /新生儿|申请人|逝者|母亲|父亲|男方|女方|经营者|法定代表人|负责人|（[^）]*）|\([^)]*\)|公民|号码|姓名|联系/g;

const GENERIC_LABEL_WORDS = new Set([
  '身份',
  '份证',
  '证号',
  '号码',
  '电话',
  '手机',
  '地址',
  '姓名',
  '名称',
  '日期',
  '时间',
  '信息',
  '人员',
]);

export function keywords(label: string): string[] {
  const core = label.replace(LABEL_NOISE, ' ');
  const out: string[] = [];
  for (const part of core.split(/\s+/).filter(Boolean)) {
    for (let i = 0; i + 2 <= part.length; i += 1) {
      const word = part.slice(i, i + 2);
      // Words every identity field shares say nothing about which one is meant.
      if (!GENERIC_LABEL_WORDS.has(word)) out.push(word);
    }
  }
  const extra: [RegExp, string[]][] = [
    [/户籍/, ['户籍', '户口']],
    [/邮寄|送达/, ['邮寄', '寄到', '寄']],
    [/居住|现住|住址/, ['住在', '现住', '住址', '家住', '现在住', '住']],
    [/经营场所/, ['店在', '开在', '门面', '场所']],
    [/出生/, ['出生', '生的', '生于', '生了', '生哒', '生咯', '生下']],
    [/死亡|去世/, ['去世', '走的', '死亡', '过世', '走了']],
    [/履行|缴清|缴纳完/, ['缴清', '交清', '履行', '交完', '缴完']],
    [/决定/, ['作出', '决定']],
    [/贷款/, ['贷', '借']],
    [/入职|录用/, ['入职', '上班', '报到']],
    [/参加工作/, ['参加工作', '工作']],
  ];
  for (const [re, words] of extra) if (re.test(label)) out.push(...words);
  return out;
}
