import { LABEL_NOISE, roleField } from './choose-field.ts';
import type { FieldSpec } from './field-spec.ts';
import { escapeRegExp } from './option-words.ts';
import { ROLE_RULES } from './roles.ts';

const SURNAMES =
  '萧王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const COMPOUND_SURNAMES =
  /^(欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|长孙|宇文|司徒|夏侯|端木|公孙|澹台|钟离)/;
const NAME_STOP = /[的是在今身电手住，,。男女家和跟与了要想我他她你号年月日岁]/;
export const ETHNIC =
  /(汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族/;
/** Bank names as people write them, with the branch when they give one. */
const BANK =
  /(?:中国工商银行|工商银行|中国农业银行|农业银行|中国建设银行|建设银行|中国银行|交通银行|中国邮政储蓄银行|邮政储蓄银行|邮储银行|招商银行|长沙银行|湖南银行|华融湘江银行|兴业银行|中信银行|光大银行|民生银行|浦发银行|平安银行|华夏银行|广发银行|\p{Script=Han}{2,4}(?:农商银行|农商行|农村商业银行|村镇银行))(?:\p{Script=Han}{2,8}?(?:分行|支行))?/u;

/** Words after which a person's name follows (妈妈王芳, 负责人杨振东, 户主是我爸谭建国), besides 叫/名字是. */
const PERSON_INTRO = new RegExp(
  `(?:${[
    ...ROLE_RULES.filter((r) => !['entity', 'self', 'oldVehicle', 'newVehicle'].includes(r.role)).map(
      (r) => r.words.source,
    ),
    '法人|联系人|户主|经办人|代办人|代办|员工|儿子|女儿|老伴|丈夫|妻子|我妹|我姐|我哥|我弟|我崽|我妈|我爸|哥哥|姐姐|弟弟|妹妹',
    '申请人|借款人|主贷人|负责人|经营者|投资人|执行事务合伙人|合伙人|退役军人|持卡人|残疾人|新郎|新娘|监护人',
  ].join('|')})`,
  'u',
);

/** Job titles before a name (财务罗晓敏): the same person the clause is about, not someone else. */
const TITLE = /(?:财务|会计|出纳|人事|老板|行政|办事员)(?:是|叫)?[:：]?(\p{Script=Han}{2,4})/u;

/** An entity's name: what follows 叫/名称是…, or a span ending the way names of entities end. */
const ENTITY_NAME =
  /(?:店名叫|店名是|名称是|名称叫|名字叫|名字是|字号是|字号叫|单位是|单位叫|公司是|公司叫|企业是|企业叫|名为|叫做|公司名|叫|店名|名称|字号|单位)[:：]?\s*([\p{Script=Han}A-Za-z0-9（）()]{2,40})/u;
const ENTITY_SUFFIX =
  /(\p{Script=Han}{4,30}?(?:股份有限公司|有限责任公司|有限公司|分公司|合作社|中心|商行|经营部|门市部|店|馆|厂|坊)(?:[（(](?:普通合伙|有限合伙|特殊普通合伙)[)）])?)/u;

/**
 * A person's name after 叫/名字是 or a role word (妈妈王芳); an entity's name after 叫/名称是 or by its ending.
 * `byRoleWord` says the name came after a role word, which may be someone the form has no place for (她爷爷林国栋).
 */
export function nameIn(
  clause: string,
  prefix: string | undefined,
): { name: string; byRoleWord?: true } | undefined {
  const found = nameSaid(clause, prefix);
  if (found) return { name: found };
  const byRole = nameAfterRoleWord(clause);
  return byRole ? { name: byRole, byRoleWord: true } : undefined;
}

function nameSaid(clause: string, prefix: string | undefined): string | undefined {
  const entity = prefix !== undefined && /^(enterprise|entity|individual|taxpayer)/.test(prefix);
  if (entity) {
    // A name that ends like one (…有限公司) wins; otherwise what follows 叫/名称 (店名叫湘味小厨).
    const said = ENTITY_NAME.exec(clause)?.[1];
    const m = (ENTITY_SUFFIX.exec(clause)?.[1] ?? said)?.replace(
      /^.*(?:名称|名字|店名|字号|公司名|单位名|叫做|叫|是|为|[:：])/u,
      '',
    );
    if (!m || m.length < 2 || /写错|不对|^改|账号|编号|代码|^[\dA-Za-z]/.test(m)) return undefined;
    // NFKC made the official full-width brackets half-width: （普通合伙） as registered.
    return m.replace(/\(([^)]*)\)/g, '（$1）');
  }
  const said =
    /(?:我叫|名叫|叫做|叫|名字是|名字叫|名字|姓名是?)[:：]?\s*(\p{Script=Han}{2,4})/u.exec(clause) ??
    // 我是X only when X is all that follows (我是周静, not 我是单位参保的).
    /我是\s*(\p{Script=Han}{2,4})$/u.exec(clause);
  const fromSaid = said?.[1] ? personName(said[1]) : undefined;
  if (fromSaid) return fromSaid;
  const titled = TITLE.exec(clause)?.[1];
  if (titled && personName(titled)) return personName(titled);
  // 名字写错了，应该是覃志宏: a correction that is only the right name.
  const corrected = /^(?:应该|其实)?是\s*(\p{Script=Han}{2,4})$/u.exec(clause)?.[1];
  if (corrected && personName(corrected)) return personName(corrected);
  // A clause that is only a name (周静), as people answer 您叫什么.
  const alone = /^(\p{Script=Han}{2,3})$/u.exec(clause)?.[1];
  return alone ? personName(alone) : undefined;
}

function nameAfterRoleWord(clause: string): string | undefined {
  for (const m of clause.matchAll(new RegExp(`${PERSON_INTRO.source}`, 'gu'))) {
    const after = clause
      .slice(m.index + m[0].length)
      .replace(
        /^(?:是|叫|为|写|填|[:：])?\s*(?:\p{Script=Han}{1,4}(?:部|科|处|室|组)的)?(?:我的?|他的?|她的?|孩子的?)?(?:爷爷|奶奶|外公|外婆|爸爸|妈妈|我爸|我妈|爱人|老公|老婆|崽)?[:：]?/u,
        '',
      );
    const raw = /^(\p{Script=Han}{2,4})/u.exec(after)?.[1];
    const name = raw ? personName(raw) : undefined;
    if (name) return name;
  }
  return undefined;
}

/** Words that start like a name but are not one (单位, 万一, 周末 …). */
const NOT_NAME =
  /参保|单位|公司|个体|本人|外地|本地|户口|独生|退休|农村|城镇|周末|万一|时候|高兴|方便|文件|金额|毛病|安全|程序|白天|包括/;

function personName(raw: string): string | undefined {
  if (NOT_NAME.test(raw) || /族$/.test(raw)) return undefined;
  const compound = COMPOUND_SURNAMES.exec(raw);
  const surnameLength = compound ? 2 : 1;
  if (!compound && !SURNAMES.includes(raw[0] ?? '')) return undefined;
  let end = surnameLength;
  while (end < raw.length && end < surnameLength + 2 && !NAME_STOP.test(raw[end] ?? '')) end += 1;
  // 生 ends a name only as a word of its own (王芳生的, 2013年生), not in 付春生.
  if (/生$/.test(raw.slice(0, end)) && /^生[的于在了]/.test(raw.slice(end - 1))) end -= 1;
  const name = raw.slice(0, end);
  return name.length >= 2 ? name : undefined;
}

/** An address: what follows 住在/地址是/户口在 …, or a span that reads like one (…市…区…路…号). */
export function addressIn(clause: string): string | undefined {
  const cue =
    /(?:户籍地址是?|住所是?|住在|住址是?|地址是?|户口在|户籍在|户籍地是?|家住|家在|寄到|送到|开在|店在|位于|门面在|现住|住)[:：]?\s*(.{4,60})$/u.exec(
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
    /.*(?:住在|住址是?|地址是?|户口在|户籍在|户籍地址是?|户籍地是?|户口|户籍|家住|家在|寄到|送到|开在|店在|位于|门面在|坐落于?|住所|营业场所|场所在|房子在|现住|住|在|是|为|：|:)/u.exec(
      head,
    );
  return cue ? value.slice(cue[0].length) : value;
}

/** A text field named by its label or a catalog cue: 经营范围是…, 结婚证字号…, 在X医院出生, 开户银行是…. */
export function labelledText(
  clause: string,
  fields: readonly FieldSpec[],
  prefix: string | undefined,
  rest = '',
): { key: string; value: string } | undefined {
  const found: { key: string; value: string; at: number; length: number }[] = [];
  for (const field of fields.filter((f) => f.type === 'text' && !f.pattern)) {
    if (prefix && roleField(field.key) && !field.key.startsWith(`${prefix}.`)) continue;
    const special = placeName(field, clause);
    if (special) return { key: field.key, value: special };
    const label = field.label.replace(/（[^）]*）|\([^)]*\)/g, '').replace(LABEL_NOISE, '');
    if (/民族/.test(field.label)) continue;
    // A 名称 field by the words before 名称 (参保单位名称 → 参保单位是…); person names are nameIn's.
    const stem = label.replace(/名称$/, '');
    const personName = /姓名/.test(field.label);
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
      const value = m?.[1] ? spokenValue(m[1]) : undefined;
      if (value && rest.includes(value.slice(0, 2)))
        found.push({ key: field.key, value, at, length: name.length });
      if (value) break;
    }
  }
  // The label nearest the value names it (新车发票号码… beats 发票号码 earlier in the clause).
  const best = found.sort((a, b) => b.at + b.length - (a.at + a.length) || b.length - a.length)[0];
  return best ? { key: best.key, value: best.value } : undefined;
}

/** A value as said: without the verbs and quotes around it (就写“茶语时光” → 茶语时光). */
function spokenValue(raw: string): string | undefined {
  if (/^(?:写|填)?(?:错|不对)/.test(raw)) return undefined;
  const v = raw
    .replace(/^(?:就|也|还|都|要|想)*(?:是|为|填|选|写|叫|在|用|选择)*[:：]?\s*/, '')
    .replace(/^[“"「『]|[”"」』]$/g, '')
    .replace(/[的了吧啊呀哦]$/, '')
    .trim();
  return v.length > 0 ? v : undefined;
}

/** Places named by what they are: a hospital, a marriage office, a school, a bank. */
function placeName(field: FieldSpec, clause: string): string | undefined {
  if (/殡仪馆/.test(field.label)) {
    const m = /(\p{Script=Han}{2,16}?殡仪馆)/u.exec(clause);
    if (m?.[1]) return trimLead(m[1]);
  }
  if (/机构|地点/.test(field.label)) {
    const place = /(\p{Script=Han}{1,20}?(?:医院|妇幼保健院|妇幼|卫生院|卫生服务中心|保健院))/u;
    // 出生医院是湘潭市中心医院: the name after 是, not the words before it.
    const said = clause.replace(/^.*(?:是|为|[:：])/u, '');
    const m = new RegExp(`在${place.source}`, 'u').exec(clause) ?? place.exec(said) ?? place.exec(clause);
    if (m?.[1]) return m[1].replace(/^.*?(?:是|在|于)(?=\p{Script=Han}{3})/u, '');
  }
  if (/婚姻登记/.test(field.label)) {
    const m = /(\p{Script=Han}{2,14}?婚姻登记(?:处|中心|机关|服务中心))/u.exec(clause);
    if (m?.[1]) return trimLead(m[1]);
  }
  if (/学校/.test(field.label)) {
    const m = /(\p{Script=Han}{2,14}?(?:小学|中学|学校))/u.exec(clause);
    if (m?.[1] && !/^(上|读)/.test(m[1]) && !/名学校$|想.*上小学|缓/.test(m[1])) return trimLead(m[1]);
  }
  if (/单位$/.test(field.label) && /退休|上班|工作|单位|参保/.test(clause)) {
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
    .replace(/^.*(?:去|到|在|填|报|选|是|为|校)(?=\p{Script=Han}{4})/u, '')
    .replace(/^(?:想|预约|去|到|在)+/, '');
}

/** A mobile as 11 digits; a landline as 区号-号码 (010 and 02x have three-digit area codes, the rest four). */
export function phoneValue(raw: string): string {
  if (raw.startsWith('1')) return raw;
  if (raw.includes('-')) return raw;
  const area = /^0(10|2\d)/.test(raw) ? 3 : 4;
  return `${raw.slice(0, area)}-${raw.slice(area)}`;
}
