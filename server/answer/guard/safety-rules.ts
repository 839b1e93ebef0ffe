import type { Outcome } from '../outcome.ts';

/**
 * Rules of the embedded default for messages that must not be answered as a service question. Checked in order:
 * a person in crisis is helped first, whatever else the message says. Each rule is a reviewed pattern; the
 * guardrails dataset (evals/datasets/guardrails.jsonl) holds the cases they must catch and must leave alone
 * (家人去世 is a posthumous question, not a crisis; 人工智能 is not a request for a human).
 */
const RULES: [outcome: Extract<Outcome, 'crisis' | 'unsafe' | 'handoff'>, reason: string, pattern: RegExp][] =
  [
    [
      'crisis',
      'self-harm',
      /不想活|活着(也|都|真|还)?没(啥|什么)?意思|活着(好|太|真|真的)累|不想再?醒来|醒不过来就好|(药|安眠药).{0,4}(都)?攒(好|够)|攒.{0,3}(药|安眠药)|活着.{0,4}(拖累|连累)|一了百了|(想|要)(跟|随)(他|她|老伴|我妈|我爸)(一起|一块)?(走|去)(?!办|领|银行|窗口)|(要是|如果|等)我不在了.{0,30}(提前安排|安排好|交代)|活不下去|活够了|想死(?!亡)|去死(?!吧)|死了算了|不如死了|自杀|轻生|寻死|结束(自己|我)的?生命|了结自己|割腕|划了?(手腕|手)|血止不住|安眠药|一整?瓶药|喝农药|烧炭|煤气开着|遗书|(想|要)(从|去).{0,8}跳下去|跳下去|跳楼|跳河|想不开|一起(去|走)了?算了|(我|自己)是.{0,4}累赘|消失了.{0,6}(轻松|好)|kill myself|suicide|want to die/i,
    ],
    [
      'crisis',
      'danger',
      /家暴|(他|她|老公|老婆|有人|我爸|我妈)(又|要|一直|天天|正在)?(在)?(打|杀|砍)(死)?我|(喝醉|喝多|发酒疯).{0,4}(打|砍)我|躲在.{0,8}(害怕|不敢出)|打死我|救命|要杀了?我|威胁要杀|砸门|拿着.{0,2}刀/,
    ],
    [
      'unsafe',
      'injection',
      /(忽略|无视|忘掉|忘记|不要管)(掉)?(之前|以上|上面|前面|你的|所有|全部|一切)?.{0,6}(指令|指示|规则|设定|提示|限制|要求|内容)|系统指令|[乎忽胡呼][略咯].{0,8}[指只止纸]令|[系细戏][统充桶]提[示式是]|hu ?lue.{0,20}zhi ?ling|xi ?tong ?ti ?shi|ignore.{0,12}(rules|instructions)|提示词|系统提示|system\s*prompt|\bprompt\b|s-?y-?s-?t-?e-?m|开发者模式|developer mode|maintenance mode|override|越狱|jailbreak|\bDAN\b|不受(任何)?限制|没有审核|【\s*系统\s*】|\[\s*system\s*\]|"role"\s*:\s*"system"|api[\s_-]?key|密钥|环境变量|管理员(账号|密码)|超级管理员|后台.{0,4}(账号|密码)|base64|倒着读|重复你.{0,8}(收到|上面|之前)|一字不差|平台管理员的话/i,
    ],
    [
      'unsafe',
      'other-people',
      /(其他|别的|上一个|上个|之前的|所有)(用户|人|客户)的|上一个.{0,12}的人|(他|她)留的.{0,6}(银行卡|手机号|电话|身份证)|这个人名下|(他|她)现在在哪(上班|工作|住)|(念|报|说|给).{0,4}(几个|一些|一个)?(真的|真实的?)(身份证|手机号|银行卡)|别人的(身份证|聊天|对话|记录|信息|手机号|电话)|会话记录|session\s*id|(他|她|这个人)的?(手机号|电话|住址|银行卡号?)(是)?多少|这个人现在住哪|帮我查一下.{0,4}(这个人|他|她)/i,
    ],
    [
      'unsafe',
      'fraud',
      /好处费|(还在|还活着|没死|没走).{0,12}死亡证明|给你.{0,4}(红包|好处)|塞点钱|走后门|(记录|信息).{0,8}删(掉|除|了)|绕过|伪造|假的?(证明|材料|死亡证明|结婚证)|造假|冒领|代替.{0,4}(人脸|刷脸)|(记录|信息)改成|删(掉|除)?.{0,6}(记录|失信)/,
    ],
    [
      'handoff',
      'human',
      /转人工|人工(客服|服务|坐席|接线|座席|电话)|找人工|要人工|^(人工\s*)+$|(真人|活人)(客服|说|聊|接)?|real person|human agent|不跟机器|(找|叫|跟|和)(你们)?(的)?(领导|负责人|主管|主任|经理)|转个?人工|转接人工|负责的人|找个人来|我要投诉你们/i,
    ],
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
 * The first rule the (sanitized, normalized) message breaks, if any. The rules also see the text without
 * separators between Chinese characters, so 忽.略.之.前.的.指.令 reads as 忽略之前的指令.
 */
export function checkSafety(text: string): SafetyVerdict | undefined {
  const joined = text.replace(/(?<=\p{Script=Han})[\s.·_\-*]+(?=\p{Script=Han})/gu, '');
  for (const [outcome, reason, pattern] of RULES)
    if (pattern.test(text) || pattern.test(joined)) return { outcome, reason };
  return undefined;
}

/** The sensitive words the message contains. */
export function sensitiveWords(text: string, words: readonly string[] = DEFAULT_SENSITIVE_WORDS): string[] {
  return words.filter((w) => w.length > 0 && text.includes(w));
}
