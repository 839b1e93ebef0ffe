/** What a caller's words mean to the call itself, before they are a question for the pipeline. */
export type VoiceCommand = 'repeat' | 'next' | 'previous' | 'human' | 'yes' | 'no' | 'bye';

const FILLER = /^(?:喂|嗯|啊|哦|呃|那个|就是说|哎呀|[，,\s])+(?=.)|[吧吗呢啊呀哈咯了。，！？!?,.\s]+$/g;

/** Asking for a person: 转人工, 找个人工问问, 人工客服, 接线员, 真人. */
const HUMAN = /(转|找|要|接|换)(个|一个)?人工|人工(服务|客服|坐席|台)|^人工$|接线员|真人/;

/** Checked in order: a goodbye or a refusal wins over the words inside it (不用重复了 is a no). */
const RULES: [VoiceCommand, RegExp][] = [
  ['human', HUMAN],
  ['bye', /再见|拜拜|挂了|没有了|没别的|没有别的|没其他|就这些|不问了/],
  ['no', /^(不用|不要|不需要|不了|没有|不是|不听|算了|可以了)/],
  [
    'repeat',
    /重复|再说一遍|再说一次|再讲一遍|再讲一次|再念一遍|再念一次|再来一遍|没听清|没听见|没听到|听不清|慢一?点|讲慢|说慢|^什么$|^啥$/,
  ],
  ['previous', /上一项|上一个|上一条|上一步|上一样|前一项|前一个|回到上一/],
  [
    'next',
    /下一项|下一个|下一条|下一步|下一样|下面一个|下面的|继续|接着说|接着讲|往下说|往下讲|然后呢|还有呢|还有什么|知道了|记住了|记下了|记好了|写好了|听清了|听清楚了|明白了/,
  ],
  [
    'yes',
    /^(要|要的|需要|好|好的|行|行的|可以|是|是的|对|听|嗯|说说|说吧|你说|请说|听听)([，,\s]*(好|好的|要|说说|说吧|你说|请说|听听|听一下|说一下))*$/,
  ],
];

/** Words that make an utterance a question for the pipeline, not a command, however it ends. */
const SERVICE_QUESTION =
  /材料|证明|手续|办理|多久|几天|多少钱|费用|电话|地址|在哪|哪里|跑几|怎么办|要带|能不能/;

/** 1 repeat, 2 next, 0 human (the gateway sends the key pressed). */
export const DTMF: Record<string, VoiceCommand> = { '1': 'repeat', '2': 'next', '0': 'human' };

const strip = (text: string) => text.trim().replace(FILLER, '');
const short = (clause: string): VoiceCommand | undefined => RULES.find(([, p]) => p.test(clause))?.[0];

/**
 * The command in what the caller said. A short utterance is read whole; a longer one clause by clause (the
 * elderly rarely say just 下一项: 不用不用，我听清楚了，你往下讲), the last command clause counting, unless a clause
 * asks about the service — then it is a question for the pipeline.
 */
export function voiceCommand(text: string): VoiceCommand | undefined {
  const t = strip(text);
  if (t.length === 0) return undefined;
  if (HUMAN.test(t)) return 'human';
  if ([...t].length <= 8) return short(t);
  const clauses = t
    .split(/[，,。！？!?；;\s]+/)
    .map(strip)
    .filter(Boolean);
  const commands = clauses.map((c) => ({ clause: c, command: short(c) }));
  const asks = (c: { clause: string; command?: VoiceCommand | undefined }) =>
    SERVICE_QUESTION.test(c.clause) && (!c.command || [...c.clause].length > 8);
  if (commands.some(asks)) return undefined;
  if (commands.some((c) => c.command === 'bye') && /再见|拜拜|谢谢/.test(t)) return 'bye';
  return commands.filter((c) => c.command).at(-1)?.command;
}
