import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../knowledge/model/fact.schema.ts';
import { detectFacts, distributeNegation, findCue } from './detect-facts.ts';

const proxy: Fact = {
  id: 'by-proxy',
  question: '是本人办理，还是委托他人代办？',
  kind: 'boolean',
  options: [
    { value: true, label: '委托他人代办', cues: ['代办', '帮我妈'] },
    { value: false, label: '本人办理', cues: ['本人办理', '我自己办'] },
  ],
};
const local: Fact = {
  id: 'local-hukou',
  question: '户籍是否在本地？',
  kind: 'boolean',
  options: [
    { value: true, label: '户籍在本地', cues: ['本地户口'] },
    { value: false, label: '户籍在外地', cues: ['外地户口'] },
  ],
};
const entity: Fact = {
  id: 'entity-type',
  question: '是什么类型的经营主体？',
  kind: 'choice',
  options: [
    { value: 'company', label: '有限责任公司', cues: ['有限公司'] },
    { value: 'individual', label: '个体工商户', cues: ['个体户'] },
  ],
};

describe('detectFacts', () => {
  it('reads option cues anywhere in the message', () => {
    expect(detectFacts('我是帮我妈问的，她是外地户口', [proxy, local])).toEqual({
      'by-proxy': true,
      'local-hukou': false,
    });
    expect(detectFacts('我们是个体户', [entity])).toEqual({ 'entity-type': 'individual' });
  });

  it('flips a negated yes/no cue and ignores a negated choice cue', () => {
    expect(detectFacts('不是本地户口', [local])).toEqual({ 'local-hukou': false });
    expect(detectFacts('我们不是个体户', [entity])).toEqual({});
  });

  it('takes a bare yes or no as the answer to the question just asked', () => {
    expect(detectFacts('是的', [proxy, local], proxy)).toEqual({ 'by-proxy': true });
    expect(detectFacts('不是', [proxy, local], local)).toEqual({ 'local-hukou': false });
    expect(detectFacts('没有。', [proxy], proxy)).toEqual({ 'by-proxy': false });
  });

  it('does not read a long message as a bare yes', () => {
    expect(detectFacts('是这样的我想问问材料', [proxy], proxy)).toEqual({});
  });

  it('picks a choice by ordinal or label', () => {
    expect(detectFacts('第二个', [entity], entity)).toEqual({ 'entity-type': 'individual' });
    expect(detectFacts('有限责任公司', [entity], entity)).toEqual({ 'entity-type': 'company' });
  });
});

describe('findCue', () => {
  it('finds a cue verbatim or with a few filler characters inside it', () => {
    expect(findCue('我下个月退休 单位交社保', '单位交社保')).toBe(7);
    expect(findCue('在厂里上班 单位一直交的社保', '单位交社保')).toBe(6);
    expect(findCue('公司交了公积金', '公司交公积金')).toBe(0);
  });

  it('does not stretch a cue across other words or stretch two-character cues', () => {
    expect(findCue('单位没有给我交社保', '单位交社保')).toBe(-1);
    expect(findCue('单位上个月开始改成交社保', '单位交社保')).toBe(-1);
    expect(findCue('本的地', '本地')).toBe(-1);
  });
});

describe('distributeNegation', () => {
  it('applies a negation after two joined things to both', () => {
    expect(distributeNegation('宽带和有线电视不要')).toBe('宽带和有线电视不要 宽带不要 有线电视不要');
    expect(distributeNegation('水、电都不用')).toBe('水、电都不用 水不用 电不用');
    expect(distributeNegation('宽带要装，电视不要')).toBe('宽带要装，电视不要');
  });
});
