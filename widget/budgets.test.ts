/** The widget's size budgets (issue 8): loader ≤ 10 KB gzip, chat app (script and style) ≤ 60 KB gzip. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { widgetAssets } from '../server/widget/widget-assets.ts';

const KB = 1024;

describe('widget bundles', () => {
  it('stay within their gzip budgets', async () => {
    const { loader, chatJs, chatCss } = await widgetAssets();
    const gz = (s: string) => gzipSync(s).length;
    expect(loader.length).toBeGreaterThan(1000);
    expect(gz(loader)).toBeLessThanOrEqual(10 * KB);
    expect(gz(chatJs) + gz(chatCss)).toBeLessThanOrEqual(60 * KB);
  });
});
