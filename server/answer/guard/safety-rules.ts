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
      /不想活|活着没意思|活不下去|想死(?!亡)|死了算了|不如死了|自杀|轻生|寻死|结束(自己|我)的?生命|了结自己|割腕|安眠药|喝农药|(想|要)(从|去).{0,8}跳下去|跳楼|跳河|想不开/,
    ],
    [
      'crisis',
      'danger',
      /家暴|(他|她|老公|老婆|有人)(又|要|一直|天天|正在)?(在)?(打|杀|砍)我|救命|要杀了?我|威胁要杀/,
    ],
    [
      'unsafe',
      'injection',
      /(忽略|无视|忘掉|忘记|不要管)(掉)?(之前|以上|上面|前面|你的|所有|全部|一切)?.{0,6}(指令|指示|规则|设定|提示|限制|要求)|提示词|system\s*prompt|\bprompt\b|ignore (all |the )?(previous|prior|above)|开发者模式|developer mode|越狱|jailbreak|\bDAN\b|不受(任何)?限制|【\s*系统\s*】|\[\s*system\s*\]|api[\s_-]?key|密钥/i,
    ],
    [
      'unsafe',
      'other-people',
      /(其他|别的|上一个|上个|之前的)(用户|人|客户)的|别人的(身份证|聊天|对话|记录|信息|手机号|电话)|所有用户/,
    ],
    ['unsafe', 'fraud', /绕过|伪造|假的?(证明|材料|死亡证明|结婚证)|造假|冒领|代替.{0,4}(人脸|刷脸)/],
    [
      'handoff',
      'human',
      /转人工|人工(客服|服务|坐席|接线|座席)|找人工|要人工|(真人|活人)(客服|说|聊|接)?|找(你们)?(领导|负责人|主管)|我要投诉你们/,
    ],
  ];

/** Abuse that on its own is not a service question (config may add more). */
export const DEFAULT_SENSITIVE_WORDS = [
  '傻逼',
  '煞笔',
  '操你',
  '他妈的',
  '狗日的',
  '草泥马',
  '脑残',
  '去死吧',
];

export interface SafetyVerdict {
  outcome: 'crisis' | 'unsafe' | 'handoff';
  reason: string;
}

/** The first rule the (sanitized, normalized) message breaks, if any. */
export function checkSafety(text: string): SafetyVerdict | undefined {
  for (const [outcome, reason, pattern] of RULES) if (pattern.test(text)) return { outcome, reason };
  return undefined;
}

/** The sensitive words the message contains. */
export function sensitiveWords(text: string, words: readonly string[] = DEFAULT_SENSITIVE_WORDS): string[] {
  return words.filter((w) => w.length > 0 && text.includes(w));
}
