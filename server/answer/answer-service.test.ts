import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../stores/open-store.ts';
import { testKnowledge } from '../testing/start-app.ts';
import { AnswerService } from './answer-service.ts';

async function service(file = ':memory:') {
  const store = await openStore({ sqlite: file });
  return { answers: new AnswerService(await testKnowledge(), store), store };
}

describe('chat on the embedded default', () => {
  it('answers a newborn question with the merged checklist, ordered steps and citations', async () => {
    const { answers } = await service();
    const a = await answers.answer({ message: '宝宝刚出生，要办哪些证', channel: 'test' });
    expect(a.outcome).toBe('answered');
    expect(a.bundle).toEqual({ id: 'newborn', name: '新生儿出生一件事' });
    expect(a.reply).toContain('新生儿出生一件事');
    expect(a.reply).toContain('【需要准备的材料】');
    expect(a.reply).toContain('【办理顺序】');
    const birthCert = a.reply.indexOf('出生医学证明');
    const registration = a.reply.search(/出生登记|落户/);
    expect(birthCert).toBeGreaterThan(-1);
    expect(a.reply.indexOf('第1步')).toBeLessThan(a.reply.indexOf('第2步'));
    expect(a.plan?.steps.find((s) => /出生医学证明/.test(s.matter.name))?.stage).toBe(1);
    expect(registration).toBeGreaterThan(-1);
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) expect(c.source).toMatch(/^https?:\/\//);
    // Every material named in the checklist comes from the plan, none is invented.
    const names = new Set(a.plan?.checklist.map((c) => c.name));
    for (const line of a.reply.split('\n').filter((l) => /^\d+\. /.test(l))) {
      expect(names.has(line.replace(/^\d+\. /, '').replace(/（.*$/, ''))).toBe(true);
    }
  });

  it('handles follow-ups in the same session', async () => {
    const { answers } = await service();
    const first = await answers.answer({ message: '宝宝刚出生，要办哪些证', channel: 'test' });
    const sessionId = first.sessionId;
    const where = await answers.answer({ sessionId, message: '第二步在哪里办？', channel: 'test' });
    expect(where.outcome).toBe('answered');
    const stage2 = first.plan?.steps.filter((s) => s.stage === 2).map((s) => s.matter.name) ?? [];
    expect(stage2.length).toBeGreaterThan(0);
    for (const name of stage2) expect(where.reply).toContain(name);
    expect(where.reply).toMatch(/第2步/);

    const originals = await answers.answer({ sessionId, message: '要带原件吗？', channel: 'test' });
    expect(originals.outcome).toBe('answered');
    expect(originals.reply).toMatch(/原件|复印件/);
    expect(originals.reply).not.toContain('【需要准备的材料】');

    const time = await answers.answer({ sessionId, message: '一共要多久？', channel: 'test' });
    expect(time.outcome).toBe('answered');
    expect(time.reply).toMatch(/\d+个工作日/);
    expect(time.bundle?.id).toBe('newborn');
  });

  it('asks the decisive question and updates the plan from a bare answer', async () => {
    const { answers } = await service();
    const first = await answers.answer({ message: '孩子出生了要办什么', channel: 'test' });
    const q = first.plan?.questions[0];
    expect(q).toBeDefined();
    expect(first.reply).toContain(q?.question ?? '?');
    const yes = q?.options.find((o) => o.value === true);
    const reply = yes ? '是的' : (q?.options[0]?.label ?? '');
    const second = await answers.answer({ sessionId: first.sessionId, message: reply, channel: 'test' });
    expect(second.outcome).toBe('answered');
    expect(second.reply).toContain('已按您的情况');
    expect(second.plan?.questions.map((x) => x.fact)).not.toContain(q?.fact);
  });

  it('switches topic and comes back to an earlier one', async () => {
    const { answers } = await service();
    const a = await answers.answer({ message: '我明年退休，要准备什么', channel: 'test' });
    expect(a.bundle?.id).toBe('retirement');
    const b = await answers.answer({
      sessionId: a.sessionId,
      message: '另外我想开一家小饭馆',
      channel: 'test',
    });
    expect(b.bundle?.id).toBe('open-restaurant');
    const c = await answers.answer({
      sessionId: a.sessionId,
      message: '刚才那个退休的呢？',
      channel: 'test',
    });
    expect(c.bundle?.id).toBe('retirement');
  });

  it('keeps the focus when the person states their situation, and leaves it when they drop the subject', async () => {
    const { answers } = await service();
    const a = await answers.run({ message: '宝宝前天出生 出生证 户口 医保能不能一起办', channel: 'test' });
    expect(a.answer.bundle?.id).toBe('newborn');
    // 外地户口 also fits school enrollment; said here, it is about the newborn.
    const b = await answers.run({
      sessionId: a.answer.sessionId,
      message: '我跟老公都是外地户口',
      channel: 'test',
    });
    expect(b.answer.bundle?.id).toBe('newborn');
    expect(b.context.session.facts['local-hukou']).toBe(false);
    expect(b.answer.reply).toContain('已按您的情况');

    const c = await answers.answer({ message: '公司要迁到隔壁县去', channel: 'test' });
    expect(c.bundle?.id).toBe('enterprise-relocation');
    const d = await answers.answer({
      sessionId: c.sessionId,
      message: '好 先不迁了 就改经营范围那个 要去银行吗',
      channel: 'test',
    });
    expect(d.bundle?.id).toBe('company-info-change');
  });

  it('answers the question inside a first message from the guide, beside the plan', async () => {
    const { answers } = await service();
    const a = await answers.answer({ message: '社保卡密码忘了 咋整', channel: 'test' });
    expect(a.bundle?.id).toBe('social-security-card');
    expect(a.reply).toContain('【需要准备的材料】');
    expect(a.reply).toMatch(/问：社保卡密码忘了怎么办[\s\S]*银行柜台/);
    const plain = await answers.answer({ message: '我明年退休，要准备什么', channel: 'test' });
    expect(plain.reply).not.toContain('常见问题');
  });

  it('never places an off-topic or vague message in a bundle', async () => {
    const { answers } = await service();
    const weather = await answers.answer({ message: '明天长沙会下雨吗', channel: 'test' });
    expect(weather.outcome).toBe('off_topic');
    expect(weather.bundle).toBeUndefined();
    expect(weather.reply).toMatch(/一件事/);
    const vague = await answers.answer({ message: '我想办个证', channel: 'test' });
    expect(vague.outcome).toBe('clarify');
    expect(vague.bundle).toBeUndefined();
  });

  it('while filling, a correction of the situation re-plans the checklist, and a value naming another bundle stays in the form', async () => {
    const { answers } = await service();
    const first = await answers.answer({
      message: '宝宝出生了要办哪些手续，我们是本地户口',
      channel: 'test',
    });
    const sessionId = first.sessionId;
    await answers.answer({ sessionId, message: '帮我填一下表', channel: 'test' });
    const fix = await answers.answer({
      sessionId,
      message: '不对，我们是外地户口，户口不在这里',
      channel: 'test',
    });
    expect(fix.reply).toMatch(/更新了“新生儿出生一件事”的清单和步骤/);
    expect(fix.plan?.checklist.length).toBeLessThan(first.plan?.checklist.length ?? 0);
    // 社保卡 is another bundle's name, but here it is the newborn form's bank.
    const bank = await answers.answer({ sessionId, message: '社保卡银行就选农业银行', channel: 'test' });
    expect(bank.bundle?.id).toBe('newborn');
    const session = await answers.getSession(sessionId);
    expect(session?.form?.fields['card.bank']?.value).toBe('农业银行');
  });

  it('asks again with the same options when the person asks to apply before choosing', async () => {
    const { answers } = await service();
    const first = await answers.answer({
      message: '我妈今年到退休年龄了，她这几年是以灵活就业人员身份自己交的社保，我帮她问下怎么办退休',
      channel: 'test',
    });
    expect(first.outcome).toBe('clarify');
    const again = await answers.answer({
      sessionId: first.sessionId,
      message: '直接帮我申请吧',
      channel: 'test',
    });
    expect(again.outcome).toBe('clarify');
    expect(again.options).toEqual(first.options);
    const retirement = (first.options ?? []).findIndex((o) => o.id === 'retirement') + 1;
    const chosen = await answers.answer({
      sessionId: first.sessionId,
      message: String(retirement),
      channel: 'test',
    });
    expect(chosen.bundle?.id).toBe('retirement');
  });

  it('keeps sessions across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yishi-db-')), 'yishi.sqlite');
    const one = await service(file);
    const first = await one.answers.answer({ message: '公司不做了，怎么注销', channel: 'test' });
    expect(first.bundle?.id).toBe('company-deregistration');
    await one.store.close();

    const two = await service(file);
    const again = await two.answers.answer({
      sessionId: first.sessionId,
      message: '一共要多久？',
      channel: 'test',
    });
    expect(again.bundle?.id).toBe('company-deregistration');
    const turns = await two.store.listTurns(first.sessionId);
    expect(turns.map((t) => t.seq)).toEqual([1, 2]);
    expect(Object.keys(turns[0]?.timings ?? {})).toEqual([
      'guard-input',
      'understand',
      'fill',
      'plan',
      'rephrase',
      'retrieve',
      'screen',
      'compose',
      'phrase',
      'guard-output',
    ]);
    await two.store.close();
  });
});
