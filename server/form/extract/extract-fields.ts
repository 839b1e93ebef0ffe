import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { findDates } from '../values/chinese-date.ts';
import { checkIdNumber } from '../values/id-number.ts';
import { findAmounts } from '../values/money.ts';
import { checkUscc } from '../values/uscc.ts';
import { formPrefixes, genderOf, rolesIn } from './roles.ts';

/** What the extractor needs of a form field. */
export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'idNumber' | 'uscc' | 'phone' | 'date' | 'address' | 'number' | 'choice' | 'boolean';
  options?: string[] | undefined;
}

export type FieldValue = string | number | boolean;

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
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const COMPOUND_SURNAMES =
  /^(欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|长孙|宇文|司徒|夏侯|端木|公孙|澹台|钟离)/;
const NAME_STOP = /[的是在今身电手住，,。男女生家和跟与了要想我他她你号年月日岁]/;
const ETHNIC =
  /(汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族/;
/** Bank names as people write them, with the branch when they give one. */
const BANK =
  /(?:中国工商银行|工商银行|中国农业银行|农业银行|中国建设银行|建设银行|中国银行|交通银行|中国邮政储蓄银行|邮政储蓄银行|邮储银行|招商银行|长沙银行|湖南银行|华融湘江银行|兴业银行|中信银行|光大银行|民生银行|浦发银行|平安银行|华夏银行|广发银行|\p{Script=Han}{2,4}(?:农商银行|农村商业银行|村镇银行))(?:\p{Script=Han}{2,8}?(?:分行|支行))?/u;

/** What people say for an option (个体户 for 个体工商户, 租的 for 租赁). */
const OPTION_WORDS: Record<string, RegExp> = {
  个体工商户: /个体工商户|个体户|个体经营/,
  有限责任公司: /有限责任公司|有限公司/,
  个人独资企业: /个人独资/,
  合伙企业: /合伙企业|合伙/,
  自有: /自有|自己的房|自家的?房|自己家的?|自己买的/,
  租赁: /租赁|租的|租来的|租了|租房|租用|门面是租/,
  邮寄: /邮寄|寄到|快递|寄给/,
  现场自取: /自取|自己去拿|现场取|自己拿|去窗口拿/,
  随父落户: /随父|跟爸爸|跟着爸爸|随爸爸|落在爸爸|上在爸爸|跟父亲/,
  随母落户: /随母|跟妈妈|跟着妈妈|随妈妈|落在妈妈|上在妈妈|跟母亲/,
  未婚: /未婚|没结过婚|头婚|第一次结婚/,
  离婚: /离婚|离异|离过婚/,
  丧偶: /丧偶/,
  子女: /我是.{0,3}(儿子|女儿|闺女|子女|孩子)|子女/,
  母亲: /我是.{0,3}(妈妈|母亲)|孩子(他|的)?妈/,
  父亲: /我是.{0,3}(爸爸|父亲)|孩子(他|的)?爸/,
  到派出所领取: /派出所领|派出所拿|去派出所取/,
  女方迁入男方户: /女方.{0,6}迁(入|到|进).{0,2}男方|迁到男方/,
  男方迁入女方户: /男方.{0,6}迁(入|到|进).{0,2}女方|迁到女方/,
  不迁移: /不迁|户口不动|不用迁/,
  小学一年级: /上小学|小学一年级|读一年级|上一年级/,
  初中一年级: /上初中|初一|初中一年级|小升初/,
  以灵活就业人员身份参加职工养老保险: /灵活就业.{0,6}养老|养老.{0,6}灵活就业/,
  以灵活就业人员身份参加职工医保: /灵活就业.{0,6}医保|医保.{0,6}灵活就业/,
  配偶: /我是.{0,3}(老伴|丈夫|妻子|爱人|老公|老婆|堂客|配偶)|配偶/,
  固定期限: /(?<!无)固定期限|签.{0,3}[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年(的)?(劳动)?合同/,
  无固定期限: /无固定期限|长期合同|签到退休/,
};

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
    const pick = (type: FieldSpec['type'], hint?: (f: FieldSpec) => boolean) =>
      chooseField(fields, type, current, clause, asking, hint);
    let rest = clause;

    for (const m of clause.matchAll(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g)) {
      rest = rest.replace(m[0], ' ');
      const field = pick('idNumber');
      if (!field) continue;
      const check = checkIdNumber(m[0], options.today);
      if (check.ok) set(field.key, check.value);
      else out.rejected.push({ key: field.key, raw: m[0], message: check.message });
    }
    for (const m of clause.matchAll(/(?<![\dA-Z])[0-9A-Z]{18}(?![\dA-Z])/g)) {
      if (!/[A-Z]/.test(m[0]) && /^\d{17}[\dX]$/.test(m[0])) continue;
      rest = rest.replace(m[0], ' ');
      const field = pick('uscc');
      if (!field) continue;
      const check = checkUscc(m[0]);
      if (check.ok) set(field.key, check.value);
      else out.rejected.push({ key: field.key, raw: m[0], message: check.message });
    }
    for (const m of rest.matchAll(/(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/g)) {
      const field = pick('phone');
      const raw = m[1] ?? '';
      if (field) set(field.key, phoneValue(raw));
      rest = rest.replace(raw, ' ');
    }
    for (const d of findDates(rest, options.today)) {
      const field = pick('date');
      if (field) set(field.key, d.value);
    }
    const years = /(?<![\d.])(\d{1,2})\s*年(?!\d|月)/.exec(rest);
    if (years?.[1]) {
      const field = pick('number', (f) => /年限|期限|年数|工龄/.test(f.label));
      if (field) set(field.key, Number(years[1]));
    }
    const area = /(\d+(?:\.\d+)?)\s*(平方米|平米|平方|㎡|个平方)/.exec(rest);
    if (area?.[1]) {
      const field = pick('number', (f) => /面积/.test(f.label));
      if (field) set(field.key, Number(area[1]));
    }
    const amounts = findAmounts(rest);
    for (const a of amounts) {
      const field = pick('number', (f) => /元|金额|价|资本|收入|工资|基数|额/.test(f.label));
      if (field) set(field.key, a.value);
    }
    // 缴费工资按每月8500报: a bare number where a money field's word is said.
    const bare =
      amounts.length === 0
        ? /(?<![\d.])(\d{3,9})(?![\d.]|\s*(?:平|号|栋|年|月|日|岁|个|辆|人))/.exec(rest)
        : null;
    if (bare?.[1]) {
      const field = pick(
        'number',
        (f) =>
          /金额|价|资本|收入|工资|基数|额/.test(f.label) && keywords(f.label).some((w) => clause.includes(w)),
      );
      if (field) set(field.key, Number(bare[1]));
    }
    const name = nameIn(clause, current);
    if (name) {
      const field = pick('text', (f) => /姓名|名称|字号|户主/.test(f.label) || /name$/i.test(f.key));
      if (field) set(field.key, name);
    }
    const gender = /(男孩|男宝|男娃|儿子|男的|男性|是男|性别男|男生)|^男$/.test(clause)
      ? '男'
      : /(女孩|女宝|女娃|女儿|闺女|女的|女性|是女|性别女|女生|千金)|^女$/.test(clause)
        ? '女'
        : undefined;
    if (gender) {
      const field = pick('choice', (f) => /性别/.test(f.label));
      if (field) set(field.key, gender);
    }
    const ethnic = ETHNIC.exec(clause);
    if (ethnic) {
      const field = pick('text', (f) => /民族/.test(f.label));
      if (field) set(field.key, ethnic[0]);
    }
    const address = addressIn(clause);
    if (address) {
      const field = pick('address');
      if (field) set(field.key, address);
    }
    for (const field of fields.filter((f) => f.type === 'choice' && f.options)) {
      if (/性别/.test(field.label)) continue;
      const option = (field.options ?? []).find((o) => (OPTION_WORDS[o] ?? literal(o)).test(clause));
      if (option && (!current || field.key.startsWith(`${current}.`) || !roleField(field.key)))
        set(field.key, option);
    }
    if (asking?.type === 'boolean') {
      if (/^(是|是的|对|要|需要|有|好)$/.test(clause)) set(asking.key, true);
      else if (/^(不是|不|不要|不需要|没有|无)$/.test(clause)) set(asking.key, false);
    }
    const labelled = labelledText(clause, fields, current);
    if (labelled) set(labelled.key, labelled.value);
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

function prefixOf(key: string): string {
  const camel = /^(.*\.[a-z]+(?:[A-Z][a-z]+)*?)(Name|IdNumber|Phone|Uscc)$/.exec(key);
  return camel?.[1] ?? key.split('.')[0] ?? key;
}

/** Fields that belong to a person or entity role (child.name), not to the application (delivery.method). */
function roleField(key: string): boolean {
  return /^(child|mother|father|applicant|person|borrower|coBorrower|operator|legalRep|contact|agent|deceased|groom|bride|guardian|employee|veteran|enterprise|entity|individual|taxpayer)\./.test(
    key,
  );
}

/**
 * The field for a value of `type`: one of the clause's role (the asked field first when it fits), the one
 * whose label fits the clause best among several; without a role, the asked field or the only one of the type.
 */
function chooseField(
  fields: readonly FieldSpec[],
  type: FieldSpec['type'],
  prefix: string | undefined,
  clause: string,
  asking: FieldSpec | undefined,
  hint?: (f: FieldSpec) => boolean,
): FieldSpec | undefined {
  const ofType = fields.filter((f) => f.type === type && (!hint || hint(f)));
  if (
    asking &&
    ofType.includes(asking) &&
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
  const pool =
    mine.length > 0 ? mine : general.length > 0 ? general : !prefix && ofType.length === 1 ? ofType : [];
  if (pool.length <= 1) return pool[0];
  return [...pool].sort((a, b) => labelScore(b, clause) - labelScore(a, clause))[0];
}

/** How many of a label's meaningful characters the clause has. */
function labelScore(field: FieldSpec, clause: string): number {
  const words = keywords(field.label);
  return words.filter((w) => clause.includes(w)).length;
}

/** A mobile as 11 digits; a landline as 区号-号码 (010 and 02x have three-digit area codes, the rest four). */
function phoneValue(raw: string): string {
  if (raw.startsWith('1')) return raw;
  if (raw.includes('-')) return raw;
  const area = /^0(10|2\d)/.test(raw) ? 3 : 4;
  return `${raw.slice(0, area)}-${raw.slice(area)}`;
}

const LABEL_NOISE =
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

function keywords(label: string): string[] {
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
    [/居住|现住|住址/, ['住在', '现住', '住址', '家住']],
    [/经营场所/, ['店在', '开在', '门面', '场所']],
    [/出生/, ['出生', '生的', '生于']],
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

/** A person's name after 叫/是/名字是, or right after a role word (妈妈王芳); an entity's name after 叫/名称是. */
function nameIn(clause: string, prefix: string | undefined): string | undefined {
  const entity = prefix !== undefined && /^(enterprise|entity|individual|taxpayer)/.test(prefix);
  if (entity) {
    const m =
      /(?:店名叫|店名是|名称是|名称叫|名字叫|名字是|字号是|字号叫|单位是|单位叫|公司是|公司叫|企业是|企业叫|名为|叫做|叫|店名|名称|字号)[:：]?\s*([\p{Script=Han}A-Za-z0-9（）()]{2,30})/u.exec(
        clause,
      );
    return m?.[1];
  }
  const m =
    /(?:我叫|名叫|叫做|叫|名字是|名字叫|姓名是?)[:：]?\s*(\p{Script=Han}{2,4})/u.exec(clause) ??
    // 我是X only when X is all that follows (我是周静, not 我是单位参保的).
    /我是\s*(\p{Script=Han}{2,4})$/u.exec(clause) ??
    /(?:妈妈|爸爸|母亲|父亲|孩子|宝宝|法人|联系人|男方|女方|老公|老婆|户主|经办人|代办人|财务|会计|出纳|人事|老板|员工|填我|堂客|儿子|女儿|老伴|丈夫|妻子|爷爷|奶奶|外公|外婆|孙子|孙女)(?:是|的名字是|叫)?\s*(?:孩子|他|她)?(?:的)?(?:爷爷|奶奶|外公|外婆|爸爸|妈妈)?(\p{Script=Han}{2,4})$/u.exec(
      clause,
    ) ??
    // A clause that is only a name (周静), as people answer 您叫什么.
    /^(\p{Script=Han}{2,3})$/u.exec(clause);
  return m?.[1] ? personName(m[1]) : undefined;
}

/** Words that start like a name but are not one (单位, 万一, 周末 …). */
const NOT_NAME =
  /参保|单位|公司|个体|本人|外地|本地|户口|独生|退休|农村|城镇|周末|万一|时候|高兴|方便|文件|金额|毛病|安全|程序|白天|包括/;

function personName(raw: string): string | undefined {
  if (NOT_NAME.test(raw)) return undefined;
  const compound = COMPOUND_SURNAMES.exec(raw);
  const surnameLength = compound ? 2 : 1;
  if (!compound && !SURNAMES.includes(raw[0] ?? '')) return undefined;
  let end = surnameLength;
  while (end < raw.length && end < surnameLength + 2 && !NAME_STOP.test(raw[end] ?? '')) end += 1;
  const name = raw.slice(0, end);
  return name.length >= 2 ? name : undefined;
}

/** An address: what follows 住在/地址是/户口在 …, or a span that reads like one (…市…区…路…号). */
function addressIn(clause: string): string | undefined {
  const cue =
    /(?:住在|住址是?|地址是?|户口在|户籍在|户籍地是?|家住|家在|寄到|送到|开在|店在|位于|门面在|现住|住)[:：]?\s*(.{4,60})$/u.exec(
      clause,
    );
  const value =
    cue?.[1] ??
    /(\p{Script=Han}{2,}(?:省|市|州|县|区).{2,50}(?:号|栋|室|楼|村|组|小区|单元|弄|巷)(?:\d+(?:室|号)?)?)/u.exec(
      clause,
    )?.[1];
  if (!value || !/省|市|州|县|区|镇|乡|街|路|巷|村|号|栋|小区/.test(value)) return undefined;
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

function literal(option: string): RegExp {
  const core = option.replace(/（[^）]*）|\([^)]*\)/g, '');
  const inner = /（([^）]{3,})）|\(([^)]{3,})\)/.exec(option);
  const parts = [core, inner?.[1] ?? inner?.[2] ?? ''].filter((p) => p.length >= 2 && !/[、，,]/.test(p));
  return parts.length > 0 ? new RegExp(parts.map(escapeRegExp).join('|')) : /(?!)/;
}

/** A text field named by its label: 经营范围是…, 结婚证字号…, 在X医院出生, 开户银行是…. */
function labelledText(
  clause: string,
  fields: readonly FieldSpec[],
  prefix: string | undefined,
): { key: string; value: string } | undefined {
  for (const field of fields.filter((f) => f.type === 'text')) {
    if (prefix && roleField(field.key) && !field.key.startsWith(`${prefix}.`)) continue;
    if (/机构/.test(field.label)) {
      const place = /(\p{Script=Han}{1,20}?(?:医院|妇幼保健院|妇幼|卫生院|卫生服务中心|保健院))/u;
      const m = new RegExp(`在${place.source}`, 'u').exec(clause) ?? place.exec(clause);
      if (m?.[1]) return { key: field.key, value: m[1] };
    }
    if (/婚姻登记/.test(field.label)) {
      const m = /(\p{Script=Han}{2,14}?婚姻登记(?:处|中心|机关|服务中心))/u.exec(clause);
      if (m?.[1]) return { key: field.key, value: m[1].replace(/^(?:想|预约|去|到|在)+/, '') };
    }
    if (/学校/.test(field.label)) {
      const m = /(\p{Script=Han}{2,14}?(?:小学|中学|学校))/u.exec(clause);
      if (m?.[1] && !/^(上|读)/.test(m[1]))
        return { key: field.key, value: m[1].replace(/^(?:填|报|选|想报|去)+/, '') };
    }
    if (/银行/.test(field.label) && !/账号|卡号/.test(field.label)) {
      const m = BANK.exec(clause);
      if (m?.[0]) return { key: field.key, value: m[0] };
    }
    const label = field.label.replace(/（[^）]*）|\([^)]*\)/g, '').replace(LABEL_NOISE, '');
    if (label.length < 2 || /民族/.test(field.label)) continue;
    // A 名称 field by the words before 名称 (参保单位名称 → 参保单位是…); person names are nameIn's.
    const stem = label.replace(/名称$/, '');
    if (/姓名/.test(field.label) || (/名称/.test(field.label) && stem.length < 3)) continue;
    // The label or its last words (工作岗位 → 岗位), longest first.
    const names = [...new Set([label, stem, label.slice(-4), label.slice(-3), label.slice(-2)])].filter(
      (l) => l.length >= 2 && l !== '名称',
    );
    for (const name of names) {
      // A long label may run straight into its value (决定书文号长市监处罚〔2025〕1234号).
      const sep = name.length >= 4 ? '(?:是|为|叫|填|选|[:：])?' : '(?:是|为|叫|填|选|[:：])';
      const m = new RegExp(`${escapeRegExp(name)}${sep}\\s*(.{1,60})$`).exec(clause);
      if (m?.[1]) return { key: field.key, value: m[1] };
    }
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
