import { describe, expect, it } from 'vitest';
import { openStore } from '../../stores/open-store.ts';
import { testKnowledge } from '../../testing/start-app.ts';
import { AnswerService } from '../answer-service.ts';
import { catalogNames, digits, groundingOf, ungrounded } from './output-check.ts';

const grounding = groundingOf(
  '需要准备：居民身份证（原件）、居民户口簿。办理时限：五个工作日。咨询电话：0731-84112345。',
  ['详见 https://zwfw.hunan.gov.cn/item/123 的办事指南。'],
  undefined,
  ['S1', 'S2'],
);

describe('output check', () => {
  it('accepts a faithful rewording', () => {
    const reply =
      '您好！请带上本人居民身份证原件和居民户口簿，5个工作日办结。网址：https://zwfw.hunan.gov.cn/item/123';
    expect(ungrounded(reply, grounding, ['居民身份证', '居民户口簿'], ['S1'])).toEqual([]);
  });

  it('flags a material, link, quantity, number or passage it was not given', () => {
    const reply =
      '还需要户口迁移证明。登录 https://fake.example.cn 申请，11个工作日办结，费用20元，电话0731-88886666。';
    expect(ungrounded(reply, grounding, ['居民身份证'], ['S7'])).toEqual([
      'url:https://fake.example.cn',
      'document:还需要户口迁移证明',
      'quantity:11个工作日',
      'quantity:20元',
      'number:88886666',
      'source:S7',
    ]);
  });

  it('lets the hotlines through and reads Chinese numerals before units', () => {
    expect(ungrounded('可拨打12345或12356。', grounding, [])).toEqual([]);
    expect(digits('五个工作日、二十日、十五天')).toBe('5个工作日、20日、15天');
  });

  it('finds every deterministic reply grounded in its plan and passages alone, for every bundle', async () => {
    const knowledge = await testKnowledge();
    const answers = new AnswerService(knowledge, await openStore({ sqlite: ':memory:' }));
    const names = catalogNames(knowledge.catalog);
    const problems: string[] = [];
    for (const bundle of knowledge.catalog.bundles.values()) {
      const { answer, context } = await answers.run({ message: `${bundle.name}要准备什么`, channel: 'test' });
      if (context.outcome !== 'answered') continue;
      const quoted = context.hits.map((h) => `${h.title}\n${h.text}\n${h.source}`);
      const plan = groundingOf(bundle.summary ?? '', quoted, context.plan, [], knowledge.catalog);
      for (const p of ungrounded(context.reply, plan, names)) problems.push(`${bundle.id} ${p}`);
      for (const message of ['要多久', '在哪里办', '要交钱吗', '咨询电话多少', '要带原件吗', '要跑几次']) {
        const next = await answers.run({ sessionId: answer.sessionId, message, channel: 'test' });
        const hits = next.context.hits.map((h) => `${h.title}\n${h.text}\n${h.source}`);
        const g = groundingOf('', hits, next.context.plan, [], knowledge.catalog);
        for (const p of ungrounded(next.context.reply, g, names))
          problems.push(`${bundle.id} ${message} ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
