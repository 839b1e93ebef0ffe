import { fieldWords, LABEL_NOISE, roleField } from './choose-field.ts';
import { type FieldSpec, personNameField } from './field-spec.ts';
import { escapeRegExp } from './option-words.ts';
import { placeName } from './places.ts';

/** A text field named by its label or a catalog cue: 经营范围是…, 结婚证字号…, 在X医院出生, 开户银行是…. */
export function labelledText(
  clause: string,
  fields: readonly FieldSpec[],
  prefix: string | undefined,
  rest = '',
): { key: string; value: string } | undefined {
  const found: { key: string; value: string; at: number; length: number }[] = [];
  const places: { key: string; value: string; score: number }[] = [];
  for (const field of fields.filter((f) => f.type === 'text' && !f.pattern)) {
    const other = prefix !== undefined && roleField(field.key) && !field.key.startsWith(`${prefix}.`);
    // A place goes to the field the clause names most (补助金打到X银行…6228 is the 补助金 account, not the
    // card's bank), whoever the clause is about when it names it (堂客在X医院生哒 is the child's birth institution).
    const special = placeName(field, clause);
    const score = fieldWords(field).filter((w) => clause.includes(w)).length;
    if (special && (!other || score > 0)) places.push({ key: field.key, value: special, score });
    if (other) continue;
    const label = field.label.replace(/（[^）]*）|\([^)]*\)/g, '').replace(LABEL_NOISE, '');
    if (/民族/.test(field.label)) continue;
    // A 名称 field by the words before 名称 (参保单位名称 → 参保单位是…); person names are nameIn's.
    const stem = label.replace(/名称$/, '');
    const personName = personNameField(field);
    const ownLabel =
      personName || (/名称/.test(field.label) && stem.length < 3)
        ? []
        : [label, stem, label.slice(-4), label.slice(-3), label.slice(-2)];
    // The label or its last words (工作岗位 → 岗位), and the catalog's cues, longest first.
    const names = [...new Set([...ownLabel, ...(personName ? [] : (field.cues ?? []))])]
      .filter((l) => l.length >= 2 && l !== '名称')
      .sort((a, b) => b.length - a.length);
    for (const name of names) {
      // A long label may run straight into its value (决定书文号长市监处罚〔2025〕1234号), and so may one that
      // starts the clause (岗位服务员).
      const at = clause.indexOf(name);
      if (at < 0) continue;
      const bare = name.length >= 4 || at === 0;
      const sep = bare
        ? '(?:还|也|就|都)?(?:是|为|叫|填|选|写|[:：])?'
        : '(?:还|也|就|都)?(?:是|为|叫|填|选|写|[:：])';
      const m = new RegExp(`${escapeRegExp(name)}${sep}\\s*(.{1,60})$`).exec(clause.slice(at));
      const said = m?.[1] ? spokenValue(m[1]) : undefined;
      // An account field without its bank takes the account alone (还款卡是邮储银行的6217… → 6217…).
      const digits =
        /账号|卡号/.test(field.label) && !/开户|及/.test(field.label) ? /\d{12,22}/.exec(said ?? '') : null;
      const value = digits ? digits[0] : said;
      // A name field takes a name, not what was done (单位交的社保 is no 参保单位名称).
      if (value && /名称|单位/.test(field.label) && /^(?:交|缴|的|在|是|了|给)|交的|缴的/.test(value))
        continue;
      if (value && rest.includes(value.slice(0, 2)))
        found.push({ key: field.key, value, at, length: name.length });
      if (value) break;
    }
  }
  const place = places.sort((a, b) => b.score - a.score)[0];
  if (place) return { key: place.key, value: place.value };
  // The label nearest the value names it (新车发票号码… beats 发票号码 earlier in the clause).
  const best = found.sort((a, b) => b.at + b.length - (a.at + a.length) || b.length - a.length)[0];
  return best ? { key: best.key, value: best.value } : undefined;
}

/** A value as said: without the verbs and quotes around it (就写“茶语时光” → 茶语时光). */
function spokenValue(raw: string): string | undefined {
  if (/^(?:写|填)?(?:错|不对)/.test(raw)) return undefined;
  const v = raw
    // The rest of a label said before a colon (特殊工种岗位：…, 死亡地点就写屋里：…).
    .replace(/^[^：:，,]{1,6}[:：]\s*(?=\S)/u, '')
    .replace(/^(?:就|也|还|都|要|想)*(?:是|为|填|选|写|叫|在|用|选择)*[:：]?\s*/, '')
    .replace(/^[“"「『]|[”"」』]$/g, '')
    .replace(/[的了吧啊呀哦]$/, '')
    .trim();
  return v.length > 0 ? v : undefined;
}
