import { describe, expect, it } from 'vitest';
import { UrlTokens } from './url-tokens.ts';

describe('UrlTokens', () => {
  it('hides links as tokens and maps them back, one token per link', () => {
    const urls = new UrlTokens();
    const hidden = urls.hide(
      '网办：https://zwfw.hunan.gov.cn/a?x=1，或 https://b.cn ；再看 https://zwfw.hunan.gov.cn/a?x=1',
    );
    expect(hidden).toBe('网办：URL_1，或 URL_2 ；再看 URL_1');
    expect(urls.restore('请访问URL_2或URL_1')).toBe('请访问https://b.cn或https://zwfw.hunan.gov.cn/a?x=1');
  });

  it('leaves an unknown token for the output guard and holds back a token still streaming', () => {
    const urls = new UrlTokens();
    urls.hide('https://a.cn');
    expect(urls.restore('见URL_9')).toBe('见URL_9');
    expect(urls.restorePartial('请访问URL_')).toBe('请访问');
    expect(urls.restorePartial('请访问UR')).toBe('请访问');
    // URL_1 at the very end may still become URL_12: held back until the next character.
    expect(urls.restorePartial('请访问URL_1')).toBe('请访问');
    expect(urls.restorePartial('请访问URL_1。')).toBe('请访问https://a.cn。');
  });
});
