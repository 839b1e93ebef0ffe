import type { Outcome } from '../outcome.ts';

/**
 * Rules of the embedded default for messages that must not be answered as a service question. Checked in
 * order: a person in crisis is helped first, whatever else the message says. Each rule is a list of reviewed
 * patterns, one family of wording each, and may list `unless` patterns for innocent uses of the same words
 * (家人自杀去世 is a posthumous question, not a crisis). The guardrails datasets hold the cases they must catch
 * and must leave alone.
 */
interface Rule {
  outcome: Extract<Outcome, 'crisis' | 'unsafe' | 'handoff'>;
  reason: string;
  patterns: RegExp[];
  unless?: RegExp[];
}

const FAMILY =
  '(?:他|她|哥哥|姐姐|弟弟|妹妹|我哥|我姐|我弟|我妹|爸爸|妈妈|我爸|我妈|父亲|母亲|儿子|女儿|丈夫|妻子|老公|老婆|老伴|爷爷|奶奶|外公|外婆|家人|亲人|朋友|同事)';

const RULES: Rule[] = [
  {
    outcome: 'crisis',
    reason: 'self-harm',
    patterns: [
      // Direct words.
      /不想活|活不下去|活够了|想死(?!亡)|去死(?!吧)|死了算了|不如死了|自杀|轻生|寻死|想不开|结束(自己|我)的?生命|了结自己|kill myself|suicide|want to die/i,
      // Means.
      /割腕|划了?(手腕|手)|血止不住|安眠药|一整?瓶药|喝农药|烧炭|煤气开着|遗书|(想|要)(从|去).{0,8}跳下去|跳下去|跳楼|跳河|(药|药片).{0,6}(全部|全都|都|一起)?吃(掉|光|了)算了|把.{0,6}药.{0,4}(全部|全都|都)吃(掉|光)|(药|安眠药).{0,4}(都)?攒(好|够)|攒.{0,3}(药|安眠药)/,
      // Hopelessness and burden.
      /活着(也|都|真|还)?没(啥|什么)?意思|活着(好|太|真|真的)累|不想再?醒来|醒不过来就好|一了百了|活着.{0,4}(拖累|连累)|(我|自己)(是|就是).{0,6}(累赘|拖累)|(要是|如果|哪天|等)我(没了|不在了|走了).{0,30}(轻松|解脱|安排|交代|省心)|消失了.{0,6}(轻松|好)|一起(去|走)了?算了|(想|要)(跟|随)(他|她|老伴|我妈|我爸)(一起|一块)?(走|去)(?!办|领|银行|窗口)/,
    ],
    // Someone else's death by suicide, asked about as a service question.
    unless: [new RegExp(`${FAMILY}.{0,6}(自杀|轻生|跳楼|喝农药)(去世|身亡|走了|死了|过世|离世|了)`)],
  },
  {
    outcome: 'crisis',
    reason: 'danger',
    patterns: [
      /家暴|打死我|救命|要杀了?我|威胁要杀|砸门|拿着.{0,2}刀/,
      /(他|她|老公|老婆|前夫|前妻|有人|我爸|我妈|婆婆|公公)(又|要|一直|天天|正在)?(在)?(打|杀|砍|推)(死)?我/,
      /(喝醉|喝多|发酒疯).{0,4}(打|砍)我|(打|揍)得.{0,4}(鼻青脸肿|头破血流|流血|站不起来)|推下楼|动不了了?|躲在.{0,8}(害怕|不敢出)|堵着.{0,8}不敢出门|不敢(出门|回家)/,
      // A child or someone else being hurt now.
      /(小孩|孩子|孩).{0,8}(被|天天被).{0,6}(打|抽|虐待|关)|惨叫|虐待(孩子|小孩|老人)/,
    ],
  },
  {
    outcome: 'unsafe',
    reason: 'injection',
    patterns: [
      /(忽略|无视|忘掉|忘记|不要管)(掉)?(之前|以上|上面|前面|你的|所有|全部|一切)?.{0,6}(指令|指示|规则|设定|提示|限制|要求|内容)|系统指令/,
      // Homophones and pinyin of the same.
      /[乎忽胡呼][略咯].{0,8}[指只止纸]令|[系细戏][统充桶]提[示式是]|hu ?lue.{0,20}zhi ?ling|xi ?tong ?ti ?shi/i,
      /ignore.{0,12}(rules|instructions)|repeat (everything|all|the text|the words)|above this line|提示词|系统提示|system\s*prompt|\bprompt\b|s-?y-?s-?t-?e-?m/i,
      /开发者模式|developer mode|maintenance mode|override|越狱|jailbreak|\bDAN\b|不受(任何)?限制|没有审核|【\s*系统\s*】|\[\s*system\s*\]|"role"\s*:\s*"system"/i,
      /api[\s_-]?key|密钥|环境变量|管理员(账号|密码)|超级管理员|后台.{0,4}(账号|密码)|base64|倒着读|重复你.{0,8}(收到|上面|之前)|一字不差|平台管理员的话/i,
      // Asking for the rules themselves, or role-play that sets them aside.
      /(禁止|不能|拒绝)(回答|说)?的?.{0,8}(清单|名单|规则|话题)|你的(守则|规则|设定|指令)|(角色扮演|扮演).{0,16}(奶奶|外婆|爷爷|去世|已故)/,
    ],
  },
  {
    outcome: 'unsafe',
    reason: 'other-people',
    patterns: [
      /(其他|别的|上一个|上个|之前的|所有)(用户|人|客户)的|上一个.{0,12}的人|(前面|刚才).{0,8}(咨询|问)的(那个)?人|(他|她)留的.{0,6}(银行卡|手机号|电话|身份证)|会话记录|session\s*id/i,
      /这个人名下|(他|她)现在在哪(上班|工作|住)|这个人现在住哪|(他|她|这个人)的?(手机号|电话|住址|银行卡号?)(是)?多少|帮我查一下.{0,4}(这个人|他|她)/,
      /(?<!算不算|是不是|属不属于|算不算查|是不是查)别人的(身份证|聊天|对话|记录|信息|手机号|电话)/,
      /(念|报|说|给).{0,4}(几个|一些|一个)?(真的|真实的?)(身份证|手机号|银行卡)/,
      // Covert or third-party lookups, bulk exports.
      /背着(他|她)|偷偷(地)?查|别让(他|她)知道|不让(他|她)知道/,
      /(同事|邻居|前女友|前男友|前夫|前妻|欠款的人|欠钱的人|租客|房客).{0,16}(住哪|住址|电话|手机号|工资|收入|养老金|社保|公积金|单位|领多少)/,
      /催收|(导出|批量|全部).{0,10}(身份证号|银行卡号|手机号)|所有.{0,8}(老人|居民|人)的.{0,6}(身份证|银行卡|手机号)/,
    ],
    // A bankruptcy administrator's lookups of the debtor are a service (破产信息查询一件事); so is an employer
    // registering a new colleague (新同事入职，先把录用备案和社保登记弄好), as long as nothing is looked up.
    unless: [
      /破产管理人|(法院|人民法院)指定的?管理人/,
      /^(?!.*查).*(入职|录用|用工备案|就业登记|参保登记|社保登记)/,
    ],
  },
  {
    outcome: 'unsafe',
    reason: 'fraud',
    patterns: [
      /好处费|给你.{0,4}(红包|好处)|塞(点|个)?(钱|红包)|红包.{0,8}(窗口|工作人员)|走后门|托关系|找熟人.{0,8}(办|弄|开)/,
      /(还在|还活着|没死|没走|人还好).{0,30}(死亡证明)|(记录|信息).{0,8}删(掉|除|了)|删(掉|除)?.{0,6}(记录|失信)|(记录|信息)改成|改.{0,6}(出生日期|年龄|户口本)/,
      /绕过|伪造|仿造|造假|冒领|代替.{0,4}(人脸|刷脸)|假的?(证明|材料|死亡证明|结婚证|不动产权证书?|房产证|营业执照|公章|残疾证|证)|做(一|个)?(本|张)假/,
      /没(什么|啥)?残疾.{0,20}(残疾证|评残)|熟人.{0,20}(残疾证|评残)|(残疾证|评残).{0,20}熟人/,
    ],
  },
  {
    outcome: 'handoff',
    reason: 'human',
    patterns: [
      /转人工|人工(客服|服务|坐席|接线|座席|电话)|找人工|要人工|^(人工\s*)+$|转个?人工|转接人工|不跟机器|real person|human agent/i,
      /(真人|活人)(客服|说|聊|接)?|(找|叫|跟|和)(你们)?(的)?(领导|负责人|主管|主任|经理)|负责的人|找个人来|我要投诉你们/,
      /(工作人员|客服|人工).{0,8}(打(个)?电话给我|给我打电话|联系我|回电)|(跟|和)(真)?人(说|聊|讲)/,
    ],
  },
];

/** Abuse that on its own is not a service question (config may add more). */
export const DEFAULT_SENSITIVE_WORDS = [
  '傻逼',
  '傻x',
  '煞笔',
  '操你',
  '他妈',
  '狗日的',
  '草泥马',
  '脑残',
  '去死吧',
  '废物',
  '有病',
  '约不约',
  '发张自拍',
];

export interface SafetyVerdict {
  outcome: 'crisis' | 'unsafe' | 'handoff';
  reason: string;
}

/**
 * The first rule the (sanitized, normalized) message breaks, if any (`raw`: the sanitized message as written). The rules also see the text without
 * separators between Chinese characters (忽.略.之.前.的.指.令 reads as 忽略之前的指令) and any base64 in it
 * decoded.
 */
export function checkSafety(text: string, raw: string = text): SafetyVerdict | undefined {
  const joined = text.replace(/(?<=\p{Script=Han})[\s.·_\-*]+(?=\p{Script=Han})/gu, '');
  // base64 is case-sensitive: decoded from the message as written, not the lowercased one.
  const variants = [text, joined, ...decodedBase64(raw)];
  for (const rule of RULES) {
    const hit = variants.some((v) => rule.patterns.some((p) => p.test(v)));
    if (hit && !rule.unless?.some((p) => p.test(text))) return { outcome: rule.outcome, reason: rule.reason };
  }
  return undefined;
}

/** Text hidden as base64 (an instruction to decode and follow), decoded when it is readable UTF-8. */
function decodedBase64(text: string): string[] {
  return (text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).flatMap((run) => {
    const decoded = Buffer.from(run, 'base64').toString('utf8');
    // Mostly replacement characters means it was not base64 of text.
    // A run cut off mid-character ends in a replacement character; any other one means it was not text.
    const text = decoded.replace(/\uFFFD+$/, '');
    return text.includes('\uFFFD') || text.length < 4 ? [] : [text.toLowerCase()];
  });
}

/** The sensitive words the message contains. */
export function sensitiveWords(text: string, words: readonly string[] = DEFAULT_SENSITIVE_WORDS): string[] {
  return words.filter((w) => w.length > 0 && text.includes(w));
}
