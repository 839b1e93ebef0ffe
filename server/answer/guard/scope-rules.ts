/**
 * What yishi does not do, even when the words sound like a service: other government services outside
 * the 一件事 catalog (passports, driving tests, traffic fines, public rental housing), legal advice,
 * investment advice, writing for people, homework, politics. Each rule names where to go instead.
 * Reviewed patterns; the guardrails and routing datasets hold cases they must catch and leave alone.
 */
const RULES: [topic: string, pattern: RegExp, hint: string][] = [
  [
    'exit-entry',
    /护照|港澳通行证|往来台湾|台湾通行证|签证|签注/,
    '护照、港澳台通行证和签注属于出入境业务，请咨询当地公安出入境管理部门（电话12367）。',
  ],
  [
    'traffic',
    /驾照.{0,6}(考试|考|预约)|科目[一二三四1-4]|闯红灯|违章|(扣了?|扣)\s*[一二三六十0-9]+分|交通罚款|驾驶证换证/,
    '驾驶证考试和交通违法处理请通过“交管12123”办理，或咨询当地交警部门。',
  ],
  [
    'housing-security',
    /公租房|廉租房|保障房|人才公寓/,
    '公租房等住房保障请咨询当地住房保障部门或拨打12345。',
  ],
  [
    'legal',
    /打官司|起诉书|起诉状|诉状|胜诉|抚养权|判给谁|律师费|怎么告/,
    '法律纠纷建议咨询12348公共法律服务热线，或当地法律援助中心。',
  ],
  ['finance', /基金|股票|炒股|理财|存定期|买什么股|涨停/, '投资理财问题我无法提供建议。'],
  [
    'writing',
    /(写|作)(一|首|篇|段|份)?.{0,6}(诗|作文|文章|主持词|演讲稿|发言稿|小说|对联|祝福语)|征文|主持词|演讲稿|发言稿/,
    '',
  ],
  ['homework', /鸡兔同笼|作业题|这道题|数学题|应用题/, ''],
  ['weather', /天气|会不会下雨|下不下雨|会下雨|下雨吗|带伞|下雪|气温|多少度|台风/, ''],
  ['politics', /站哪边|支持哪个国家|哪个国家.{0,4}(好|强)|打起来了/, ''],
];

export interface ScopeVerdict {
  topic: string;
  /** Where to go instead, in Chinese; empty when there is nowhere better. */
  hint: string;
}

/** The first out-of-scope topic a (normalized) message is about, if any. */
export function outOfScope(text: string): ScopeVerdict | undefined {
  for (const [topic, pattern, hint] of RULES) if (pattern.test(text)) return { topic, hint };
  return undefined;
}
