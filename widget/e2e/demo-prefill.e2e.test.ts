/**
 * End to end in headless Chromium: a demo citizen logs in on the demo page, asks about a newborn, starts
 * filling, grants consent, and sees the form prefilled from the sandbox exchange and from the conversation,
 * with a source beside every value.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../server/testing/browser.ts';
import { type RunningApp, startApp } from '../../server/testing/start-app.ts';

describe.skipIf(!hasChromium)('demo page: login, consent and prefill (headless Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the newborn form prefilled from shared data and the conversation, each value with its source', async () => {
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${running.url}/filling.html`);
    await page.getByRole('button', { name: '演示登录（沙箱用户）' }).click();
    await expect.poll(() => page.locator('#who').textContent()).toMatch(/已登录：/);

    await page.getByLabel('您的问题').fill('宝宝出生了要办哪些手续');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('.msg.bot', { hasText: '新生儿出生一件事' }).first().waitFor();
    await page.getByRole('button', { name: '帮我填表' }).click();
    await page.locator('.msg.bot', { hasText: '开始填写' }).waitFor();

    await page.getByLabel('您的问题').fill('孩子叫林小满，女孩，电话13912345678');
    await page.getByRole('button', { name: '发送' }).click();
    // Values given while filling are recorded and read back (the phone masked), not taken as a question.
    await page.locator('.msg.bot', { hasText: '新生儿姓名：林小满' }).waitFor();
    expect(await page.locator('.msg.bot').last().textContent()).toMatch(/联系电话：139\*+5678/);

    await page.getByRole('button', { name: '授权并用共享数据预填' }).click();
    await page.locator('.msg.bot', { hasText: '已从共享数据预填' }).waitFor();

    const rows = page.locator('#form-rows tr');
    const row = (label: string) =>
      rows.filter({ has: page.locator('td', { hasText: new RegExp(`^${label}$`) }) });
    await expect.poll(() => row('新生儿姓名').locator('td').nth(2).textContent()).toMatch(/对话（第\d+句）/);
    await expect
      .poll(() => row('母亲姓名').locator('td').nth(2).textContent())
      .toMatch(/共享数据：人口基础信息库/);
    expect(await row('母亲身份证号码').locator('td').nth(1).textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await row('结婚证字号').locator('td').nth(2).textContent()).toMatch(/共享数据：结婚证电子证照/);
    expect(await row('出生时间').locator('td').nth(2).textContent()).toMatch(
      /共享数据：助产机构分娩与出生信息/,
    );
    // Every filled value names where it came from.
    const sources = await rows.evaluateAll((trs) =>
      trs.filter((tr) => tr.children[1]?.textContent !== '—').map((tr) => tr.children[2]?.textContent ?? ''),
    );
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const s of sources) expect(s).toMatch(/对话|共享数据|更正/);
  });
});
