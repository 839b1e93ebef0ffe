import type { FieldSpec } from './field-spec.ts';
import { ENTITY_SUFFIX } from './names.ts';

/** Bank names as people write them, with the branch when they give one. */
const BANK =
  /(?:中国工商银行|工商银行|中国农业银行|农业银行|中国建设银行|建设银行|中国银行|交通银行|中国邮政储蓄银行|邮政储蓄银行|邮储银行|招商银行|长沙银行|湖南银行|华融湘江银行|兴业银行|中信银行|光大银行|民生银行|浦发银行|平安银行|华夏银行|广发银行|\p{Script=Han}{2,4}(?:农商银行|农商行|农村商业银行|村镇银行))(?:\p{Script=Han}{2,8}?(?:分行|支行))?/u;

/** An address: what follows 住在/地址是/户口在 …, or a span that reads like one (…市…区…路…号). */
export function addressIn(clause: string): string | undefined {
  const cue =
    /(?:户籍地址是?|经营场所是?|营业场所是?|住所是?|住在|住址是?|地址是?|户口在|户籍在|户籍地是?|家住|家在|寄到|送到|开在|店在|位于|门面在|现住|住)[:：]?\s*(.{4,60})$/u.exec(
      clause,
    );
  const value =
    cue?.[1] ??
    /(\p{Script=Han}{2,}(?:省|市|州|县|区).{2,50}(?:号|栋|室|楼|村|组|小区|单元|弄|巷)(?:\d+(?:室|号)?)?)(?![区县市镇])/u.exec(
      clause,
    )?.[1];
  if (!value || !/省|市|州|县|区|镇|乡|街|路|巷|村|号|栋|小区/.test(value)) return undefined;
  // 长沙市不动产权第0123456号 and 居住证编号… are certificate numbers, not places.
  if (/不动产|权证|第\d+号|证号|编号|证明/.test(value)) return undefined;
  return startOfPlace(value).replace(/[的了]$/, '');
}

/** What comes before the place name is the way it was said (我们住, 户籍地址, 房子在): cut at the last such word. */
function startOfPlace(value: string): string {
  const place = /省|市|州|县|区|镇|乡/.exec(value);
  if (!place) return value;
  const head = value.slice(0, place.index);
  const cue =
    /.*(?:住在|住址是?|地址是?|户口在|户籍在|户籍地址是?|户籍地是?|户口|户籍|家住|家在|寄到|送到|开在|店在|位于|门面在|坐落于?|住所|经营场所|营业场所|场所在|房子在|现住|老家|住|在|是|为|：|:)/u.exec(
      head,
    );
  return cue ? value.slice(cue[0].length) : value;
}

/** Places named by what they are: a hospital, a marriage office, a school, a bank. */
export function placeName(field: FieldSpec, clause: string): string | undefined {
  if (/殡仪馆/.test(field.label)) {
    const m = /(\p{Script=Han}{2,16}?殡仪馆)/u.exec(clause);
    if (m?.[1]) return trimLead(m[1]);
  }
  if (/机构|地点/.test(field.label)) {
    const place = /(\p{Script=Han}{1,20}?(?:医院|妇幼保健院|妇幼|卫生院|卫生服务中心|保健院))/u;
    // 出生医院是湘潭市中心医院: the name after 是, not the words before it.
    const said = clause.replace(/^.*(?:是|为|[:：])/u, '');
    const m = new RegExp(`在${place.source}`, 'u').exec(clause) ?? place.exec(said) ?? place.exec(clause);
    const name = m?.[1]?.replace(/^.*?(?:是|在|于)(?=\p{Script=Han}{3})/u, '');
    // 冒得送医院, 证件到医院: words about a hospital, not its name.
    if (name && !/[送去到没冒不拿取领]/.test(name)) return name;
  }
  if (/婚姻登记/.test(field.label)) {
    const m = /(\p{Script=Han}{2,14}?婚姻登记(?:处|中心|机关|服务中心))/u.exec(clause);
    if (m?.[1]) return trimLead(m[1]);
  }
  if (/学校/.test(field.label)) {
    const m = /(\p{Script=Han}{2,14}?(?:小学|中学|学校))/u.exec(clause);
    if (m?.[1] && !/^(上|读)/.test(m[1]) && !/名学校$|想.*上小学|缓/.test(m[1])) return trimLead(m[1]);
  }
  if (/单位(?:名称)?$/.test(field.label) && /退休|上班|工作|单位|参保/.test(clause)) {
    // 她在湘潭市恒达纺织有限公司上班: the employer by how its name ends.
    const m = ENTITY_SUFFIX.exec(clause)?.[1];
    if (m) return trimLead(m);
  }
  if (/部门|机关|单位$/.test(field.label) && !/姓名|账号|编号/.test(field.label)) {
    // 长沙市市场监督管理局罚的: an authority is named by how such names end, before or after the verb.
    const m =
      /(\p{Script=Han}{2,24}?(?:管理局|监督局|保障局|税务局|公安局|分局|局|委员会|厅|办公室|人民法院|法院))/u.exec(
        clause,
      );
    if (m?.[1]) return trimLead(m[1]);
  }
  if (/账号|卡号/.test(field.label) && /开户行|银行/.test(field.label)) {
    // 本人银行账号及开户行: the bank and the account as said together (中国银行长沙芙蓉支行6216…).
    // …in either order (6217… 中国建设银行株洲荷塘支行).
    const branch = `(?:${BANK.source})(?:营业部|分理处|储蓄所)?`;
    const m =
      new RegExp(`${branch}[\\s\\u2060]*\\d{12,22}`, 'u').exec(clause) ??
      new RegExp(`\\d{12,22}[\\s\\u2060]*${branch}`, 'u').exec(clause);
    if (m?.[0]) return m[0];
  }
  if (/银行/.test(field.label) && !/账号|卡号/.test(field.label)) {
    const m = BANK.exec(clause);
    // The characters before 农商银行 are the place (浏阳), not the words before it (开户行, 卡银行选, 在).
    if (m?.[0])
      return m[0].replace(
        /^\p{Script=Han}*(?:行|选|在|到|是|为|通|填|办|用)(?=\p{Script=Han}{0,4}(?:农商银行|农商行|农村商业银行|村镇银行))/u,
        '',
      );
  }
  return undefined;
}

/** What comes before a place's name in speech: a time, a verb (下周三去, 想预约, 填, 报名学校). */
function trimLead(value: string): string {
  return value
    .replace(/^.*(?:去|到|在|填|报|选|是|为|校|叫|名称|名字|单位)[:：]?(?=\p{Script=Han}{4})/u, '')
    .replace(/^(?:想|预约|去|到|在)+/, '');
}
