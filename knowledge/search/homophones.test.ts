import { describe, expect, it } from 'vitest';
import { HomophoneCorrector } from './homophones.ts';

describe('HomophoneCorrector', () => {
  const corrector = new HomophoneCorrector([
    '征信',
    '报告',
    '挂失',
    '个体户',
    '注销',
    '小时',
    '社保卡',
    '不能',
    '能补',
  ]);

  it('reads an IME homophone typo as the word of the index it sounds like', () => {
    expect(corrector.corrections('正信报告去哪里打印')).toEqual(['征信']);
    expect(corrector.corrections('社保卡挂视')).toEqual(['挂失']);
    expect(corrector.corrections('个踢户转公司')).toEqual(['个体户']);
  });

  it('leaves correctly typed words and characters that belong to another word alone', () => {
    expect(corrector.corrections('征信报告')).toEqual([]);
    // 销 belongs to 注销, so 销时 is not a typo of 小时; 不 belongs to 不能, so 能不 is not 能补.
    expect(corrector.corrections('注销时要带什么')).toEqual([]);
    expect(corrector.corrections('能不能挂失')).toEqual([]);
  });

  it('needs a character in common: a word that only sounds alike is something else', () => {
    expect(new HomophoneCorrector(['征信']).corrections('正新')).toEqual([]);
  });
});
