import type { FieldSpec } from './field-spec.ts';
import { escapeRegExp } from './option-words.ts';

/**
 * The text without the spans read as 标签：内容, and without the words before each label in its clause
 * (楼层和建筑面积：… leaves no 楼层和 behind), so their dates and numbers are not read again.
 */
export function withoutSpans(text: string, spans: readonly { whole: string }[]): string {
  let rest = text;
  for (const span of spans) {
    const at = rest.indexOf(span.whole);
    if (at < 0) continue;
    const clauseStart = Math.max(...[...'，,。;；!！?？\n'].map((c) => rest.lastIndexOf(c, at))) + 1;
    rest = `${rest.slice(0, clauseStart)} ${rest.slice(at + span.whole.length)}`;
  }
  return rest;
}

/** Words that start another topic after a free-text value (…食品销售，电话138…). */
const NEXT_TOPIC = '电话|手机|身份证|联系|地址|住在|邮寄|另外|还有|然后';

/** Free-text fields written as 标签：内容 (not names, not shaped values), with the whole span said. */
export function colonSpans(
  text: string,
  fields: readonly FieldSpec[],
): { key: string; value: string; whole: string }[] {
  const out: { key: string; value: string; whole: string }[] = [];
  // A span ends where another field is named after a separator (经营范围：餐饮服务；食品经营项目：…).
  const namesOf = (f: FieldSpec) =>
    [f.label.replace(/（[^）]*）|\([^)]*\)/g, '').slice(-4), ...(f.cues ?? [])].filter((n) => n.length >= 3);
  for (const field of fields) {
    const own = namesOf(field);
    const others = fields
      .filter((f) => f !== field && f.type !== 'boolean')
      .flatMap(namesOf)
      .filter((n) => !own.includes(n));
    const nextField = others.length > 0 ? `|[，,；;]\\s*(?:${others.map(escapeRegExp).join('|')})` : '';
    if (field.type !== 'text' || field.pattern || /姓名|名称|字号|民族|银行$/.test(field.label)) continue;
    const label = field.label.replace(/（[^）]*）|\([^)]*\)/g, '');
    // The label, its last words (情况说明 for 履行义务、纠正失信行为的情况说明) or a cue, before the colon.
    const names = [...new Set([label, label.slice(-4), label.slice(-3), ...(field.cues ?? [])])]
      .filter((n) => n.length >= 2)
      .sort((a, b) => b.length - a.length);
    for (const name of names) {
      const m = new RegExp(
        `${escapeRegExp(name)}\\s*(?:写|填)?[:：]\\s*(.{2,200}?)(?=[。！？!?\\n]|[，,；;]\\s*(?:${NEXT_TOPIC})${nextField}|$)`,
      ).exec(text);
      const value = m?.[1]?.trim().replace(/[，,；;]$/, '');
      if (m && value) {
        out.push({ key: field.key, value, whole: m[0] });
        break;
      }
    }
  }
  return out;
}
