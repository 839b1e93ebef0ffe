import { LABEL_NOISE, roleField } from './choose-field.ts';
import type { FieldSpec } from './field-spec.ts';
import { escapeRegExp } from './option-words.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const COMPOUND_SURNAMES =
  /^(欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|长孙|宇文|司徒|夏侯|端木|公孙|澹台|钟离)/;
const NAME_STOP = /[的是在今身电手住，,。男女生家和跟与了要想我他她你号年月日岁]/;
export const ETHNIC =
  /(汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族/;
/** Bank names as people write them, with the branch when they give one. */
const BANK =
  /(?:中国工商银行|工商银行|中国农业银行|农业银行|中国建设银行|建设银行|中国银行|交通银行|中国邮政储蓄银行|邮政储蓄银行|邮储银行|招商银行|长沙银行|湖南银行|华融湘江银行|兴业银行|中信银行|光大银行|民生银行|浦发银行|平安银行|华夏银行|广发银行|\p{Script=Han}{2,4}(?:农商银行|农村商业银行|村镇银行))(?:\p{Script=Han}{2,8}?(?:分行|支行))?/u;

/** A person's name after 叫/是/名字是, or right after a role word (妈妈王芳); an entity's name after 叫/名称是. */
export function nameIn(clause: string, prefix: string | undefined): string | undefined {
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
export function addressIn(clause: string): string | undefined {
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

/** A text field named by its label: 经营范围是…, 结婚证字号…, 在X医院出生, 开户银行是…. */
export function labelledText(
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

/** A mobile as 11 digits; a landline as 区号-号码 (010 and 02x have three-digit area codes, the rest four). */
export function phoneValue(raw: string): string {
  if (raw.startsWith('1')) return raw;
  if (raw.includes('-')) return raw;
  const area = /^0(10|2\d)/.test(raw) ? 3 : 4;
  return `${raw.slice(0, area)}-${raw.slice(area)}`;
}
