import { ROLE_RULES } from './roles.ts';

const SURNAMES =
  '萧王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const COMPOUND_SURNAMES =
  /^(欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|长孙|宇文|司徒|夏侯|端木|公孙|澹台|钟离)/;
const NAME_STOP = /[的是在今身电手住，,。男女家和跟与了要想我他她你号年月日岁]/;
export const ETHNIC =
  /(汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族/;

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
const TITLE = /(?:财务|会计|出纳|人事|老板|行政|办事员)(?:的|是|叫)?[:：]?(\p{Script=Han}{2,4})/u;

/** An entity's name: what follows 叫/名称是…, or a span ending the way names of entities end. */
const ENTITY_NAME =
  /(?:店名叫|店名是|名称是|名称叫|名字叫|名字是|字号是|字号叫|单位是|单位叫|公司是|公司叫|企业是|企业叫|名为|叫做|公司名|叫|店名|名称|字号|单位)[:：]?\s*([\p{Script=Han}A-Za-z0-9（）()]{2,40})/u;
export const ENTITY_SUFFIX =
  /(\p{Script=Han}{4,30}?(?:股份有限公司|有限责任公司|有限公司|分公司|合作社|中心|商行|经营部|门市部|店|馆|厂|坊)(?:[（(](?:普通合伙|有限合伙|特殊普通合伙)[)）])?)/u;

/**
 * A person's name after 叫/名字是, a title or a role word (妈妈王芳), or alone when a name was asked.
 * `byRoleWord` says the name came after a role word, which may be someone the form has no place for (她爷爷林国栋).
 */
export function nameIn(clause: string, askingName = false): { name: string; byRoleWord?: true } | undefined {
  const found = nameSaid(clause);
  if (found) return { name: found };
  // A clause that is only a name (周静) answers 您叫什么 — only when a name was asked (楼层和 is not 楼层).
  const alone = askingName ? /^(\p{Script=Han}{2,3})$/u.exec(clause)?.[1] : undefined;
  if (alone && personName(alone)) return { name: personName(alone) ?? alone };
  const byRole = nameAfterRoleWord(clause);
  return byRole ? { name: byRole, byRoleWord: true } : undefined;
}

/** An entity's name: one that ends like one (…有限公司) wins; otherwise what follows 叫/名称 (店名叫湘味小厨). */
export function entityNameIn(clause: string): string | undefined {
  const said = ENTITY_NAME.exec(clause)?.[1];
  const m = (ENTITY_SUFFIX.exec(clause)?.[1] ?? said)?.replace(
    /^.*(?:名称|名字|店名|字号|公司名|单位名|叫做|叫|是|为|[:：])/u,
    '',
  );
  if (!m || m.length < 2 || /写错|不对|^改|账号|编号|代码|^[\dA-Za-z]/.test(m)) return undefined;
  // Official names use full-width brackets: （普通合伙） as registered.
  return m.replace(/\(([^)]*)\)/g, '（$1）');
}

function nameSaid(clause: string): string | undefined {
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
  return undefined;
}

function nameAfterRoleWord(clause: string): string | undefined {
  for (const m of clause.matchAll(new RegExp(`${PERSON_INTRO.source}`, 'gu'))) {
    const after = clause
      .slice(m.index + m[0].length)
      .replace(
        /^(?:也|就|还)?(?:是|叫|为|写|填|[:：])?\s*(?:\p{Script=Han}{1,4}(?:部|科|处|室|组)的)?(?:我的?|他的?|她的?|孩子的?)?(?:爷爷|奶奶|外公|外婆|爸爸|妈妈|我爸|我妈|爱人|老公|老婆|崽)?[:：]?/u,
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
