import { describe, expect, it } from 'vitest';
import { voiceCommand } from './voice-commands.ts';

describe('voice commands', () => {
  it('reads short commands and answers', () => {
    expect(voiceCommand('重复一遍')).toBe('repeat');
    expect(voiceCommand('喂，下一项')).toBe('next');
    expect(voiceCommand('上一个吧')).toBe('previous');
    expect(voiceCommand('转人工')).toBe('human');
    expect(voiceCommand('好的')).toBe('yes');
    expect(voiceCommand('不用重复了')).toBe('no');
    expect(voiceCommand('再见')).toBe('bye');
  });

  it('finds the command in the last clause of a longer utterance', () => {
    expect(voiceCommand('不用不用，我听清楚了，你往下讲')).toBe('next');
    expect(voiceCommand('要的，刚才旁边有点吵，你再讲一遍')).toBe('repeat');
    expect(voiceCommand('不好意思刚才有人跟我说话，上一项')).toBe('previous');
    expect(voiceCommand('好了好了，谢谢，没有了谢谢')).toBe('bye');
  });

  it('leaves questions about the service to the pipeline, whatever command words they hold', () => {
    expect(voiceCommand('我想问一下退休的事情下一项怎么办')).toBeUndefined();
    expect(voiceCommand('那我要带什么材料，你继续说')).toBeUndefined();
    expect(voiceCommand('宝宝刚出生要准备什么')).toBeUndefined();
  });
});

describe('asking for a person', () => {
  it('hears it in any common wording', () => {
    for (const t of ['转人工', '在的在的，我想找个人工问问', '给我接人工客服', '我要跟真人说'])
      expect(voiceCommand(t)).toBe('human');
  });
});
