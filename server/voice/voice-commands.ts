/** What a caller's words mean to the call itself, before they are a question for the pipeline. */
export type VoiceCommand = 'repeat' | 'next' | 'previous' | 'human' | 'yes' | 'no' | 'bye';

const FILLER = /^(?:喂|嗯|啊|哦|呃|那个|就是说|哎呀|[，,\s])+(?=.)|[吧吗呢啊呀哈了。，！？!?,.\s]+$/g;

const RULES: [VoiceCommand, RegExp][] = [
  ['human', /转人工|人工服务|人工客服|找人工|要人工|^人工$|接线员|真人/],
  ['repeat', /重复|再说一遍|再说一次|再讲一遍|再念一遍|没听清|没听见|没听到|听不清|说慢一点|^什么$|^啥$/],
  ['previous', /上一项|上一个|上一条|上一步|前一项|前一个|回到上一/],
  [
    'next',
    /下一项|下一个|下一条|下一步|继续|接着说|往下说|然后呢|还有呢|还有什么|知道了|记住了|记下了|明白了/,
  ],
  ['bye', /再见|拜拜|挂了|没有了|没别的|没有别的|没其他|就这些|不问了/],
  ['no', /^(不用|不要|不需要|不了|没有|不是|不听|算了|可以了)/],
  [
    'yes',
    /^(要|需要|好|好的|行|行的|可以|是|是的|对|听|嗯|说说|说吧|你说|请说|听听)([，,\s]*(好|好的|要|说说|说吧|你说|请说|听听|听一下|说一下))*$/,
  ],
];

/** 1 repeat, 2 next, 0 human (the gateway sends the key pressed). */
export const DTMF: Record<string, VoiceCommand> = { '1': 'repeat', '2': 'next', '0': 'human' };

/** The command in a short utterance; longer utterances are questions (a command word inside one is not a command). */
export function voiceCommand(text: string): VoiceCommand | undefined {
  const t = text.trim().replace(FILLER, '');
  if (t.length === 0) return undefined;
  if ([...t].length > 12) {
    if (/转人工|人工服务/.test(t)) return 'human';
    return /(再见|拜拜)$/.test(t) ? 'bye' : undefined;
  }
  return RULES.find(([, pattern]) => pattern.test(t))?.[0];
}
