/**
 * The 12345 agent's console in headless Chromium: demo sign-in, a new call, the caller's words typed in, the
 * panels updated; then a voice call (a gateway on the /voice socket) taken over by its case code with the
 * caller's consent, its transcript and panels arriving live; the work order saved. axe-core on the console.
 */
import type { Browser } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../server/testing/browser.ts';
import { type RunningApp, startApp } from '../../server/testing/start-app.ts';
import { axeViolations } from './axe.ts';

describe.skipIf(!hasChromium)('copilot console (headless Chromium)', () => {
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

  it('updates the panels after each caller turn and saves the work order', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${running.url}/copilot`);
    await page.getByRole('button', { name: '演示坐席登录' }).click();
    await page.getByRole('button', { name: '新来电' }).click();
    const input = page.getByLabel('来电人说', { exact: true });
    await input.fill('喂，我老婆前天在医院生了，出生证、上户口、医保这些要怎么弄');
    await input.press('Enter');
    const bundle = page.getByRole('region', { name: '一件事' });
    await expect.poll(() => bundle.textContent()).toMatch(/新生儿出生一件事.*\d+%.*当前/);
    const next = page.getByRole('region', { name: '下一步该问' });
    const firstQuestion = await next.textContent();
    expect(firstQuestion).toMatch(/？/);
    expect(await page.getByRole('region', { name: '回复草稿' }).textContent()).toMatch(/新生儿出生/);
    expect(await page.getByRole('region', { name: '材料清单' }).locator('.badge').count()).toBeGreaterThan(3);
    // The caller answers: the next question moves on.
    await input.fill('我们户口都在本地');
    await input.press('Enter');
    await expect.poll(() => next.textContent()).not.toBe(firstQuestion);
    expect(await axeViolations(page)).toEqual([]);
    // The work order at the end, edited by the agent.
    await page.getByRole('button', { name: '生成工单' }).click();
    await expect.poll(() => page.getByLabel('工单类别').inputValue()).toBe('咨询');
    await page.getByLabel('后续跟进').fill('来电人将在线提交，已告知材料。');
    await page.getByRole('button', { name: '保存工单' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/工单已保存：GD\d{14}/);
    await page.close();
  });

  it('takes over a voice call by its case code, with consent, and follows it live', async () => {
    const gateway: Socket = connect(`${running.url}/voice`, { transports: ['websocket'], forceNew: true });
    try {
      const started = new Promise<{ caseCode: string }>((resolve) => gateway.once('call:started', resolve));
      gateway.emit('call:start', { callId: 'e2e-call' });
      const { caseCode } = await started;
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${running.url}/copilot`);
      await page.getByRole('button', { name: '演示坐席登录' }).click();
      await page.getByLabel('案件码', { exact: true }).fill(caseCode);
      await page.getByRole('button', { name: '打开案件' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/同意/);
      await page.getByLabel('来电人已同意坐席查看其案件').check();
      await page.getByRole('button', { name: '打开案件' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已打开来电人的案件/);
      // The caller speaks on the phone; the agent sees it as it happens.
      gateway.emit('call:text', { callId: 'e2e-call', text: '我快退休了，要准备哪些材料' });
      const transcript = page.getByRole('list', { name: '通话记录' });
      await expect.poll(() => transcript.textContent()).toMatch(/来电人（语音）：我快退休了/);
      await expect.poll(() => transcript.textContent()).toMatch(/一事（语音）：您要办的是退休一件事.*第一项/);
      await expect
        .poll(() => page.getByRole('region', { name: '一件事' }).textContent())
        .toMatch(/退休一件事/);
      gateway.emit('call:dtmf', { callId: 'e2e-call', digit: '0' });
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/转人工/);
      await page.close();
    } finally {
      gateway.close();
    }
  });
});
