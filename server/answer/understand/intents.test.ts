import { describe, expect, it } from 'vitest';
import { detectIntents, stageMentioned } from './intents.ts';

const kinds = (text: string) => detectIntents(text).map((i) => i.kind);

describe('detectIntents', () => {
  it('reads the follow-ups people ask', () => {
    expect(detectIntents('第二步在哪里办？')).toEqual([{ kind: 'where', stage: 2 }]);
    expect(kinds('要带原件吗？')).toEqual(['originals']);
    expect(kinds('一共要多久？')).toEqual(['time']);
    expect(kinds('要交钱吗')).toEqual(['fees']);
    expect(kinds('需要准备什么材料')).toEqual(['materials']);
    expect(kinds('先办哪个，顺序是怎样的')).toEqual(['steps']);
    expect(kinds('咨询电话是多少')).toEqual(['contact']);
  });

  it('finds nothing in a message that asks none of these', () => {
    expect(kinds('多胞胎怎么弄')).toEqual([]);
  });

  it('reads stage numbers in Chinese and Arabic numerals', () => {
    expect(stageMentioned('第三步')).toBe(3);
    expect(stageMentioned('第 2 步')).toBe(2);
    expect(stageMentioned('第十步呢')).toBe(10);
    expect(stageMentioned('第一次来')).toBeUndefined();
  });
});
