/**
 * The embeddable widget in headless Chromium: the demo portal embeds it with the public script tag; a citizen
 * opens it, asks about 新生儿出生 and gets the streamed answer with the checklist card; messages typed offline
 * wait, then are answered exactly once; a page on an origin that is not allowed cannot frame the chat.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../server/testing/browser.ts';
import { type RunningApp, startApp } from '../../server/testing/start-app.ts';
import { axeViolations } from './axe.ts';

const CHAT = 'iframe[title="一事 智能导办"]';

describe.skipIf(!hasChromium)('widget on the demo portal (headless Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let stranger: Server;
  let strangerUrl: string;
  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    // A page on another origin (localhost, not the allowed 127.0.0.1) that embeds the same script tag.
    stranger = createServer((req, res) => {
      const yishi = new URL(req.url ?? '/', 'http://localhost').searchParams.get('yishi') ?? running.url;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="zh-CN"><title>别的网站</title><body><h1>别的网站</h1>
<script>window.yishi=window.yishi||function(){(yishi.q=yishi.q||[]).push(arguments)};
yishi('on','ready',function(){window.__ready=true});</script>
<script src="${yishi}/widget.js" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => stranger.listen(0, 'localhost', () => resolve()));
    strangerUrl = `http://localhost:${(stranger.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await new Promise((resolve) => stranger?.close(resolve));
  });

  async function openWidget(page: Page) {
    await page.goto(running.url);
    await page.getByRole('button', { name: '一事 · 办事导办' }).click();
    const chat = page.frameLocator(CHAT);
    await chat.getByLabel('输入您的问题').waitFor();
    return chat;
  }

  it('answers on the portal page with the streamed reply and the checklist card', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() =>
      window.addEventListener('yishi:ready', () => {
        (window as unknown as { __ready: boolean }).__ready = true;
      }),
    );
    const chat = await openWidget(page);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready))
      .toBe(true);
    await chat.getByLabel('输入您的问题').fill('宝宝刚出生，要办哪些证');
    await chat.getByRole('button', { name: '发送' }).click();
    const card = chat.getByRole('region', { name: '需要准备的材料' });
    await card.waitFor();
    expect(await card.locator('.badge').count()).toBeGreaterThan(3);
    expect(await card.textContent()).toMatch(/出生医学证明|居民身份证/);
    expect(await chat.getByRole('region', { name: '办理顺序' }).textContent()).toMatch(/第1步/);
    // What people ask next, one tap away.
    await chat.getByRole('button', { name: '要跑几次？' }).last().click();
    await expect.poll(() => chat.locator('.msg.user').count()).toBe(2);
    await expect.poll(() => chat.locator('.msg.assistant .rating').count()).toBe(2);
    // The conversation survives a reload: same session, what was said and answered shown again.
    const sessionId = await chat.locator('body').evaluate(() => localStorage.getItem('yishi.session'));
    await page.reload();
    await page.getByRole('button', { name: '一事 · 办事导办' }).click();
    await chat.getByRole('region', { name: '需要准备的材料' }).first().waitFor();
    expect(await chat.locator('.msg.user').first().textContent()).toMatch(/宝宝刚出生/);
    // The portal's matter page tells the widget which matter is shown; the chat offers the question about it.
    await page.getByRole('link', { name: '企业注销登记一件事' }).click();
    await chat.getByRole('button', { name: '办理“企业注销登记一件事”要准备什么？' }).click();
    await expect.poll(() => chat.locator('.msg.assistant').last().textContent()).toMatch(/企业注销/);
    expect(await chat.locator('body').evaluate(() => localStorage.getItem('yishi.session'))).toBe(sessionId);
    await page.close();
  });

  it('fills the newborn form in the widget: conversation, consent, shared data, a correction in place', async () => {
    const page = await browser.newPage();
    await page.goto(running.url);
    await page.getByRole('button', { name: '演示登录（沙箱用户）' }).click();
    await page.getByText(/已登录：/).waitFor();
    await page.getByRole('button', { name: '一事 · 办事导办' }).click();
    const chat = page.frameLocator(CHAT);
    const say = async (text: string) => {
      await chat.getByLabel('输入您的问题').fill(text);
      await chat.getByRole('button', { name: '发送' }).click();
    };
    await say('宝宝出生了要办哪些手续');
    await chat.getByRole('region', { name: '需要准备的材料' }).waitFor();
    await say('帮我填表');
    const form = chat.getByRole('region', { name: '申请表（一表申请）' });
    await form.waitFor();
    await say('孩子叫林小满，女孩，电话13912345678');
    await expect
      .poll(() => form.getByRole('row', { name: /新生儿姓名/ }).textContent())
      .toMatch(/林小满.*对话（第\d+句）/);
    // Consent, then the sandbox exchange fills what the government holds, each value with its source.
    await form.getByRole('button', { name: '授权并用共享数据预填' }).click();
    await form.getByRole('button', { name: '同意并预填' }).click();
    await chat.locator('.msg', { hasText: /已从共享数据预填\d+项/ }).waitFor();
    const row = (label: string) => form.getByRole('row', { name: new RegExp(`^${label}`) });
    expect(await row('母亲姓名').textContent()).toMatch(/共享数据：人口基础信息库/);
    expect(await row('母亲身份证号码').locator('td').first().textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    // No whole ID number anywhere on the card, the sources' record keys included.
    expect(await form.textContent()).not.toMatch(/\d{17}[\dX]/);
    expect(await row('结婚证字号').textContent()).toMatch(/共享数据：结婚证电子证照/);
    expect(await row('出生时间').textContent()).toMatch(/共享数据：助产机构分娩与出生信息/);
    // Every filled value names where it came from.
    const sources = await form
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs
          .filter((tr) => tr.children[1]?.textContent !== '—')
          .map((tr) => tr.children[2]?.textContent ?? ''),
      );
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const s of sources) expect(s).toMatch(/对话|共享数据|更正/);
    // A correction in place: the value is the person's own now, and confirmed.
    await form.getByRole('button', { name: '修改：新生儿姓名' }).click();
    await form.getByLabel('新生儿姓名', { exact: true }).fill('林小曼');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => form.getByRole('row', { name: /新生儿姓名/ }).textContent())
      .toMatch(/林小曼.*已确认.*您填写/);
    await page.close();
  });

  it('works by keyboard alone: open, ask, rate, close', async () => {
    const page = await browser.newPage();
    await page.goto(running.url);
    const launcher = page.getByRole('button', { name: '一事 · 办事导办' });
    // Tab through the portal until the launcher has focus (it comes after the page's own controls).
    for (let i = 0; i < 60 && !(await launcher.evaluate((b) => b.matches(':focus'))); i++)
      await page.keyboard.press('Tab');
    expect(await launcher.evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    const chat = page.frameLocator(CHAT);
    const input = chat.getByLabel('输入您的问题');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('宝宝刚出生，要办哪些证');
    await page.keyboard.press('Enter');
    await chat.getByRole('region', { name: '需要准备的材料' }).waitFor();
    const good = chat.getByRole('button', { name: /有帮助/ }).last();
    await good.focus();
    await page.keyboard.press('Enter');
    await chat.getByText('感谢您的评价').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => launcher.evaluate((b) => b.matches(':focus'))).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.1 AA and best practice), in normal and 适老化 mode', async () => {
    const page = await browser.newPage();
    await page.goto(running.url);
    await page.getByRole('button', { name: '一事 · 办事导办' }).click();
    const chat = page.frameLocator(CHAT);
    await chat.getByLabel('输入您的问题').fill('宝宝刚出生，要办哪些证');
    await chat.getByRole('button', { name: '发送' }).click();
    await chat.getByRole('region', { name: '需要准备的材料' }).waitFor();
    const frame = page.frames().find((f) => f.url().includes('/widget/chat'));
    if (!frame) throw new Error('no chat frame');
    const audit = axeViolations;
    expect(await audit(frame)).toEqual([]);
    await chat.getByRole('button', { name: '适老化模式（大字、高对比）' }).click();
    expect(
      await chat.getByRole('button', { name: '适老化模式（大字、高对比）' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await audit(frame)).toEqual([]);
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('fits a 320 px wide screen (400 % zoom): full-screen panel, input and send in view, no sideways scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const chat = await openWidget(page);
    await chat.getByLabel('输入您的问题').fill('宝宝刚出生，要办哪些证');
    await chat.getByRole('button', { name: '发送' }).click();
    await chat.getByRole('region', { name: '需要准备的材料' }).waitFor();
    const box = await page.locator('iframe').boundingBox();
    expect(box?.width).toBe(320);
    const fits = await chat.locator('body').evaluate((b) => {
      const send = b.querySelector('button.send')?.getBoundingClientRect();
      return (
        b.scrollWidth <= b.clientWidth && !!send && send.right <= innerWidth && send.bottom <= innerHeight
      );
    });
    expect(fits).toBe(true);
    await page.close();
  });

  it('shows voice controls only where the browser has speech, and shows the English strings table with lang=en', async () => {
    const without = await browser.newPage();
    await without.addInitScript(() => {
      for (const k of ['SpeechRecognition', 'webkitSpeechRecognition', 'speechSynthesis'])
        Object.defineProperty(window, k, { value: undefined, configurable: true });
      delete (window as unknown as Record<string, unknown>).speechSynthesis;
    });
    const chat = await openWidget(without);
    expect(await chat.getByRole('button', { name: '语音输入' }).count()).toBe(0);
    await without.close();
    const withVoice = await browser.newPage();
    const chat2 = await openWidget(withVoice);
    expect(await chat2.getByRole('button', { name: '语音输入' }).isVisible()).toBe(true);
    await withVoice.goto(`${running.url}/widget/chat?lang=en`);
    expect(await withVoice.getByLabel('Type your question').count()).toBe(1);
    expect(await withVoice.locator('html').getAttribute('lang')).toBe('en');
    await withVoice.close();
  });

  it('speaks and listens in Mandarin: what the microphone hears fills the input, 朗读回答 reads the reply itself', async () => {
    // Headless Chromium has no Mandarin speech engine: a recognizer that hears one sentence stands in for the
    // microphone, and speechSynthesis.speak is recorded instead of played. Everything between is the widget's own.
    const page = await browser.newPage();
    // Plain script text: the test's transpiler would turn class fields into helpers the page does not have.
    await page.addInitScript(`
      window.SpeechRecognition = window.webkitSpeechRecognition = function HeardOnce() {
        const r = this;
        r.start = () => {
          window.__heardLang = r.lang;
          setTimeout(() => {
            r.onresult({ results: [[{ transcript: '退休了要办什么' }]] });
            r.onend();
          }, 50);
        };
        r.stop = () => r.onend();
      };
      window.__spoken = [];
      speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
    `);
    const chat = await openWidget(page);
    await chat.getByRole('button', { name: '语音输入' }).click();
    // What was heard lands in the input for the person to check, then they send it.
    await expect.poll(() => chat.getByLabel('输入您的问题').inputValue()).toBe('退休了要办什么');
    await chat.getByRole('button', { name: '发送' }).click();
    const read = chat.getByRole('button', { name: /朗读回答/ }).first();
    await read.waitFor();
    await read.click();
    const reply = (await chat.locator('.msg.assistant .text').first().textContent()) ?? '';
    const inChat = chat.locator('body');
    const spoken = (await inChat.evaluate(() => (window as unknown as { __spoken: unknown }).__spoken)) as {
      text: string;
      lang: string;
    }[];
    expect(await inChat.evaluate(() => (window as unknown as { __heardLang: string }).__heardLang)).toBe(
      'zh-CN',
    );
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.lang).toBe('zh-CN');
    expect(spoken[0]?.text).toMatch(/退休/);
    expect(reply.replace(/\s/g, '')).toContain(spoken[0]?.text.split('\n')[0]?.replace(/\s/g, '') ?? '∅');
    await page.close();
  });

  it('keeps messages typed offline and sends each exactly once when the network is back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const chat = await openWidget(page);
    await chat.getByLabel('输入您的问题').fill('宝宝刚出生，要办哪些证');
    await chat.getByRole('button', { name: '发送' }).click();
    await chat.getByRole('region', { name: '需要准备的材料' }).waitFor();

    await context.setOffline(true);
    for (const q of ['要跑几次', '在哪里办']) {
      await chat.getByLabel('输入您的问题').fill(q);
      await chat.getByRole('button', { name: '发送' }).click();
    }
    await chat.getByText('网络已断开，消息已保存，联网后自动发送').first().waitFor();
    await context.setOffline(false);
    await expect
      .poll(async () => chat.locator('.msg.assistant .rating').count(), { timeout: 20_000 })
      .toBe(3);
    const sessionId = await chat.locator('body').evaluate(() => localStorage.getItem('yishi.session'));
    const session = await running.app.answers.getSession(sessionId ?? '');
    expect(session?.turnCount).toBe(3);
    await context.close();
  });

  it('cannot be framed by a page on an origin that is not allowed, and can once PORTAL_ORIGINS lists it', async () => {
    const readyOn = async (yishiUrl: string) => {
      const page = await browser.newPage();
      await page.goto(`${strangerUrl}?yishi=${encodeURIComponent(yishiUrl)}`);
      await page.locator('yishi-widget').waitFor({ state: 'attached' });
      await page.evaluate(() => (window as unknown as { yishi(c: string): void }).yishi('open'));
      await page.waitForTimeout(1500);
      const ready = await page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready ?? false);
      // The host page's own scripts cannot read the chat: it is another origin's frame.
      const peek = await page.evaluate(() => {
        const frame = document.querySelector('yishi-widget')?.shadowRoot?.querySelector('iframe');
        try {
          return frame?.contentDocument?.body?.textContent ?? 'blocked';
        } catch {
          return 'blocked';
        }
      });
      await page.close();
      return { ready, peek };
    };
    expect(await readyOn(running.url)).toEqual({ ready: false, peek: 'blocked' });
    const allowing = await startApp(':memory:', {}, [new URL(strangerUrl).origin]);
    try {
      expect(await readyOn(allowing.url)).toEqual({ ready: true, peek: 'blocked' });
    } finally {
      await allowing.close();
    }
  });
});
