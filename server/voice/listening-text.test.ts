import { describe, expect, it } from 'vitest';
import { forListening, listeningText, MAX_SENTENCE, shortSentences } from './listening-text.ts';

describe('listening text', () => {
  it('reads hotline, phone and ID numbers digit by digit, in groups', () => {
    expect(listeningText('请拨打12345热线')).toBe('请拨打一二三四五热线');
    expect(listeningText('电话13912345678')).toBe('电话一三九，一二三四，五六七八');
    expect(listeningText('身份证号43010219940413457X')).toBe(
      '身份证号四三零一零二，一九九四零四一三，四五七叉',
    );
  });

  it('says quantities as numbers and dates and times as spoken', () => {
    expect(listeningText('承诺30个工作日（法定60个工作日）')).toBe('承诺三十个工作日，法定六十个工作日，');
    expect(listeningText('需要2份复印件，费用105元，在2楼')).toBe('需要两份复印件，费用一百零五元，在二楼');
    expect(listeningText('2026年3月5日前')).toBe('二〇二六年三月五日前');
    expect(listeningText('9:00-17:30')).toBe('九点至十七点三十分');
    expect(listeningText('减免50%')).toBe('减免百分之五十');
  });

  it('leaves no URL, markup, citation or Arabic digit', () => {
    const said = forListening(
      '**材料**：\n- 出生医学证明（原件）\n- 户口簿\n网上办理：https://zwfw.hunan.gov.cn/a?b=1 \n依据：[1] 新生儿出生一件事',
    );
    expect(said).not.toMatch(/https?|www|\*|#|\[|\]|依据|\d/);
    expect(said).toContain('出生医学证明');
    expect(said).toContain('网站');
  });

  it('spells a case code out', () => {
    expect(listeningText('案件码K7Q-4MR')).toBe('案件码K 七 Q，四 M R');
  });

  it('cuts long sentences at a comma', () => {
    const long =
      '宝宝出生后，父母一次申请、一套材料，即可联办出生医学证明、预防接种证、出生登记、城乡居民医保参保登记、社会保障卡申领，并按参保情况一并办理生育医疗费用报销。';
    const sentences = shortSentences(long);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect([...s].length).toBeLessThanOrEqual(MAX_SENTENCE + 1);
    expect(sentences.join('').replace(/[，、。]/g, '')).toBe(long.replace(/[，、。]/g, ''));
  });
});
