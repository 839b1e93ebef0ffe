import { z } from 'zod';
import { chineseNumber } from '../../text/chinese-number.ts';

/**
 * What a person asks about the bundle in focus. Detected with patterns because the answer to each comes
 * from the plan, never from free text; an unmatched question falls through to retrieval.
 */
export const IntentKind = z.enum([
  'materials',
  'originals',
  'steps',
  'where',
  'visits',
  'time',
  'fees',
  'contact',
  'conditions',
]);
export type IntentKind = z.infer<typeof IntentKind>;

/** `stage` is set when the person names a step ("第二步在哪里办"). */
export interface Intent {
  kind: IntentKind;
  stage?: number;
}

const PATTERNS: [IntentKind, RegExp][] = [
  ['originals', /原件|原卡|原本|复印件|复印|电子版|电子证照|扫描件/],
  [
    'where',
    /网上|线上|在线|手机|小程序|app|哪里办|哪儿办|在哪|去哪|哪个窗口|什么地方|地址|渠道|怎么申请|哪里申请|哪办|找哪|哪个(部门|单位|医院|地方)?开|谁开|开吧|回老家|户籍地/,
  ],
  [
    'visits',
    /到场|现场|跑几[次趟回]|跑一趟|跑腿|跑动|跑(银行|税务|各个|几个|部门)|部门跑|到处跑|来回跑|要不要去|用不用去|需不需要去|亲自去|本人(要|得|需要)?(去|到)|亲自到|上门/,
  ],
  [
    'time',
    /多久|好久|多长时间|几天|工作日|时限|多少天|多少个工作日|什么时候能|多快|要等|期限|当天|当场|马上能/,
  ],
  ['fees', /多少钱|收费|收钱|费用|要钱|免费|花钱|交钱|交费|缴费|付费|几块|钱呢|要交不|要不要交钱|给钱/],
  ['contact', /电话|热线|联系方式|咨询谁|打给谁|问谁/],
  [
    'conditions',
    /条件|资格|能不能办|能办吗|还能办|直接办|可以办吗|可不可以办|谁能办|谁可以办|什么人能|哪些人能|符合|够不够/,
  ],
  ['materials', /材料|带什么|带啥|准备什么|准备啥|要带|清单|哪些证|什么证|证件|资料/],
  [
    'steps',
    /顺序|流程|步骤|先办|先去|先后|第一步|接下来|下一步|然后办|哪一步|(以后|之后|完了?)还要(干|做|办)|然后呢|后面还|明年(咋|怎么)/,
  ],
];

/** Reads "第二步" / "第2步" as 2. */
export function stageMentioned(text: string): number | undefined {
  const m = /第\s*([一二两三四五六七八九十\d]+)\s*(?:步|个步骤|阶段)/.exec(text);
  if (!m?.[1]) return undefined;
  const raw = m[1];
  const n = chineseNumber(raw);
  return n && n > 0 ? n : undefined;
}

/** All intents of a normalized message, in a fixed order. */
export function detectIntents(text: string): Intent[] {
  const out: Intent[] = [];
  const stage = stageMentioned(text);
  for (const [kind, re] of PATTERNS) {
    if (!re.test(text)) continue;
    out.push(kind === 'where' && stage ? { kind, stage } : { kind });
  }
  if (stage && !out.some((i) => i.kind === 'where')) out.push({ kind: 'where', stage });
  // "要带原件吗" asks about the form of the materials, not for the list again.
  if (out.some((i) => i.kind === 'originals')) return out.filter((i) => i.kind !== 'materials');
  return out;
}
