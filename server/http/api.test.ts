import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, type RunningApp, startApp } from '../testing/start-app.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(() => running.close());

describe('public API', () => {
  it('GET /healthz', async () => {
    expect(await getJson(`${running.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('GET /api/bundles lists every bundle with its matters', async () => {
    const { status, body } = await getJson(`${running.url}/api/bundles`);
    expect(status).toBe(200);
    const ids = body.bundles.map((b: { id: string }) => b.id);
    for (const id of [
      'newborn',
      'retirement',
      'posthumous',
      'open-restaurant',
      'company-deregistration',
      'school-enrollment',
      'social-security-card',
      'company-info-change',
    ]) {
      expect(ids).toContain(id);
    }
    const newborn = body.bundles.find((b: { id: string }) => b.id === 'newborn');
    expect(newborn).toMatchObject({ name: '新生儿出生一件事', audience: 'person' });
    expect(newborn.matters.length).toBeGreaterThanOrEqual(5);
  });

  it('GET /api/lookup finds what the matter code of a portal page is about', async () => {
    const byCode = await getJson(`${running.url}/api/lookup?matterCode=000111016000`);
    expect(byCode.body).toMatchObject({
      matter: { id: 'cremation-certificate-issuance', code: '000111016000' },
      bundle: { id: 'posthumous' },
    });
    expect((await getJson(`${running.url}/api/lookup?matterCode=newborn`)).body.bundle.id).toBe('newborn');
    expect((await getJson(`${running.url}/api/lookup?matterCode=nothing-like-it`)).status).toBe(404);
  });

  it('GET /api/bundles/:id returns the bundle with its matters in full', async () => {
    const { status, body } = await getJson(`${running.url}/api/bundles/retirement`);
    expect(status).toBe(200);
    expect(body.name).toBe('退休一件事');
    expect(body.matters[0]).toHaveProperty('materials');
    expect(body.matters[0]).toHaveProperty('timeLimit');
    expect(body.matters[0]).toHaveProperty('after');
  });

  it('POST /api/plan returns checklist, staged steps and questions', async () => {
    const { status, body } = await postJson(`${running.url}/api/plan`, { bundleId: 'newborn' });
    expect(status).toBe(200);
    expect(body.bundle).toEqual({ id: 'newborn', name: '新生儿出生一件事' });
    expect(body.checklist.length).toBeGreaterThan(0);
    for (const item of body.checklist) expect(['submit', 'shared', 'conditional']).toContain(item.status);
    const stageOf = (re: RegExp) =>
      body.steps.find((s: { matter: { name: string } }) => re.test(s.matter.name))?.stage;
    expect(stageOf(/出生医学证明/)).toBeLessThan(stageOf(/出生登记|落户/));
    expect(body.questions.length).toBeGreaterThan(0);
  });

  it('POST /api/plan applies facts: answering a question removes it', async () => {
    const first = await postJson(`${running.url}/api/plan`, { bundleId: 'newborn' });
    const q = first.body.questions[0];
    const second = await postJson(`${running.url}/api/plan`, {
      bundleId: 'newborn',
      facts: { [q.fact]: q.options[0].value },
    });
    expect(second.status).toBe(200);
    expect(second.body.questions.map((x: { fact: string }) => x.fact)).not.toContain(q.fact);
  });

  it('GET /api/search finds guide sections with jieba tokens', async () => {
    const { status, body } = await getJson(
      `${running.url}/api/search?q=${encodeURIComponent('出生医学证明')}&k=3`,
    );
    expect(status).toBe(200);
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    expect(body.hits[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      section: expect.any(String),
      score: expect.any(Number),
      source: expect.stringMatching(/^https?:/),
    });
  });

  it('POST /api/chat and GET /api/sessions/:id/form', async () => {
    const chat = await postJson(`${running.url}/api/chat`, { message: '快退休了要办什么手续' });
    expect(chat.status).toBe(200);
    expect(chat.body.bundle.id).toBe('retirement');
    const form = await getJson(`${running.url}/api/sessions/${chat.body.sessionId}/form`);
    expect(form.status).toBe(200);
    expect(form.body.bundleId).toBe('retirement');
    expect(form.body.fields.length).toBeGreaterThanOrEqual(8);
    expect(form.body.fields[0]).toMatchObject({ value: null, source: null, status: 'needs_input' });
  });

  it('answers a repeated POST /api/chat id from the stored reply, never applying the turn twice', async () => {
    const first = await postJson(`${running.url}/api/chat`, {
      message: '宝宝出生了要办哪些手续',
      id: 'offline-1',
    });
    const body = { sessionId: first.body.sessionId, message: '要跑几次', id: 'offline-2' };
    const once = await postJson(`${running.url}/api/chat`, body);
    const again = await postJson(`${running.url}/api/chat`, body);
    expect(again.body).toEqual(once.body);
    const next = await postJson(`${running.url}/api/chat`, { ...body, id: 'offline-3', message: '在哪里办' });
    expect(next.body.turn).toBe(once.body.turn + 1);
  });

  it('fills the form from the conversation once the person asks, with the source of every value', async () => {
    const first = await postJson(`${running.url}/api/chat`, { message: '宝宝出生了要办哪些手续' });
    const sessionId = first.body.sessionId;
    const start = await postJson(`${running.url}/api/chat`, { sessionId, message: '帮我填一下表' });
    expect(start.body.reply).toMatch(/开始填写/);
    const turn = await postJson(`${running.url}/api/chat`, {
      sessionId,
      message: '孩子叫林小满，女孩，妈妈王芳，身份证430104199203154417',
    });
    expect(turn.body.reply).toMatch(/新生儿姓名：林小满/);
    expect(turn.body.reply).toMatch(/校验不通过/);
    const form = await getJson(`${running.url}/api/sessions/${sessionId}/form`);
    const field = (key: string) => form.body.fields.find((f: { key: string }) => f.key === key);
    expect(field('child.name')).toMatchObject({
      value: '林小满',
      status: 'prefilled',
      source: { kind: 'conversation', turn: 3 },
    });
    expect(field('child.gender')).toMatchObject({ value: '女' });
    expect(field('mother.name')).toMatchObject({ value: '王芳' });
    // A wrong check character is refused with its message, never stored as a value.
    expect(field('mother.idNumber')).toMatchObject({
      value: null,
      status: 'invalid',
      message: expect.stringMatching(/校验不通过/),
    });
    const fix = await postJson(`${running.url}/api/chat`, {
      sessionId,
      message: '不对，妈妈身份证是430104199203154416',
    });
    expect(fix.body.reply).toMatch(/母亲身份证号码：4301\*+16/);
    const fixed = await getJson(`${running.url}/api/sessions/${sessionId}/form`);
    expect(fixed.body.fields.find((f: { key: string }) => f.key === 'mother.idNumber')).toMatchObject({
      value: '430104199203154416',
      source: { kind: 'correction', turn: 4 },
    });
  });
});

describe('bad input gets a 4xx with { error: { code, message } } and the server keeps serving', () => {
  const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
    ['invalid JSON', () => postJson(`${running.url}/api/chat`, '{"message": '), 400, 'bad_request:json'],
    ['wrong type', () => postJson(`${running.url}/api/chat`, { message: 42 }), 400, 'bad_request:chat'],
    ['missing field', () => postJson(`${running.url}/api/chat`, {}), 400, 'bad_request:chat'],
    [
      'unknown field',
      () => postJson(`${running.url}/api/chat`, { message: '你好', admin: true }),
      400,
      'bad_request:chat',
    ],
    [
      'message over 2,000 characters',
      () => postJson(`${running.url}/api/chat`, { message: '办'.repeat(2001) }),
      400,
      'bad_request:chat',
    ],
    [
      'body over the size limit',
      () => postJson(`${running.url}/api/chat`, { message: 'x'.repeat(20_000) }),
      413,
      'payload_too_large:body',
    ],
    [
      'malformed session id',
      () => postJson(`${running.url}/api/chat`, { sessionId: 'abc', message: '你好' }),
      400,
      'bad_request:chat',
    ],
    [
      'unknown session',
      () =>
        postJson(`${running.url}/api/chat`, {
          sessionId: '00000000-0000-4000-8000-000000000000',
          message: '你好',
        }),
      404,
      'not_found:session',
    ],
    [
      'bad region',
      () => postJson(`${running.url}/api/chat`, { message: '你好', region: 'hunan' }),
      400,
      'bad_request:chat',
    ],
    ['unknown bundle', () => getJson(`${running.url}/api/bundles/nope`), 404, 'not_found:bundle'],
    [
      'plan for unknown bundle',
      () => postJson(`${running.url}/api/plan`, { bundleId: 'nope' }),
      404,
      'not_found:bundle',
    ],
    [
      'plan with unknown fact',
      () => postJson(`${running.url}/api/plan`, { bundleId: 'newborn', facts: { 'no-such-fact': true } }),
      400,
      'bad_request:plan',
    ],
    [
      'plan with a bad fact value',
      () => postJson(`${running.url}/api/plan`, { bundleId: 'newborn', facts: { 'by-proxy': 'perhaps' } }),
      400,
      'bad_request:plan',
    ],
    ['search without q', () => getJson(`${running.url}/api/search`), 400, 'bad_request:search'],
    [
      'search with k out of range',
      () => getJson(`${running.url}/api/search?q=x&k=500`),
      400,
      'bad_request:search',
    ],
    [
      'form of unknown session',
      () => getJson(`${running.url}/api/sessions/00000000-0000-4000-8000-000000000000/form`),
      404,
      'not_found:session',
    ],
    ['unknown route', () => getJson(`${running.url}/api/nothing-here`), 404, 'not_found:route'],
  ];

  for (const [name, call, status, code] of cases) {
    it(name, async () => {
      const res = await call();
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
      expect(res.body.error.message).not.toMatch(/at .*\.ts|Error:|stack/);
    });
  }

  it('still serves after all of them', async () => {
    expect((await getJson(`${running.url}/healthz`)).status).toBe(200);
  });

  it('answers Chinese validation messages', async () => {
    const res = await postJson(`${running.url}/api/chat`, { message: '' });
    expect(res.body.error.message).toMatch(/消息不能为空/);
  });
});

describe('region versions through the API', () => {
  it('POST /api/plan says which version it used and falls back with a note', async () => {
    const gd = await postJson(`${running.url}/api/plan`, { bundleId: 'newborn', region: '440300' });
    expect(gd.status).toBe(200);
    expect(gd.body.region).toMatchObject({ requested: '440300', used: '440000', fallback: false });
    const none = await postJson(`${running.url}/api/plan`, { bundleId: 'newborn', region: '110101' });
    expect(none.body.region).toMatchObject({ fallback: true, name: '全国通用版本' });
    expect(none.body.region.note).toContain('全国通用版本');
    expect(none.body.catalogVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('every chat answer carries the catalog version and its sources', async () => {
    const chat = await postJson(`${running.url}/api/chat`, {
      message: '宝宝刚出生要办什么',
      region: '440300',
    });
    expect(chat.body.catalogVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(chat.body.plan.region.used).toBe('440000');
    expect(chat.body.citations.length).toBeGreaterThan(0);
  });
});

describe('the form: set, confirm, clear, read back and submit', () => {
  it('validates typed values, refuses to submit an incomplete form, and gives a receipt for a complete one', async () => {
    const first = await postJson(`${running.url}/api/chat`, { message: '公司信用修复要怎么办' });
    const sessionId = first.body.sessionId;
    expect(first.body.bundle.id).toBe('credit-repair');
    const put = (key: string, value: unknown) =>
      fetch(`${running.url}/api/sessions/${sessionId}/form/fields/${key}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ value }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const bad = await put('legalRep.idNumber', '430104199203154417');
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/校验不通过/);
    const good = await put('legalRep.idNumber', '430104199203154416');
    expect(good.status).toBe(200);
    expect(good.body.fields.find((f: { key: string }) => f.key === 'legalRep.idNumber')).toMatchObject({
      value: '430104199203154416',
      status: 'confirmed',
      source: { kind: 'person' },
    });
    expect((await put('nope.field', 'x')).status).toBe(404);

    const early = await postJson(`${running.url}/api/sessions/${sessionId}/form/submit`, { confirm: true });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/还有\d+项/);

    const form = await getJson(`${running.url}/api/sessions/${sessionId}/form`);
    const sample: Record<string, unknown> = {
      idNumber: '430104199203154416',
      uscc: '91430104MA4L123454',
      phone: '13912345678',
      date: '2026-11-03',
      number: 1,
      boolean: true,
    };
    for (const f of form.body.fields as { key: string; type: string; required: boolean; value: unknown }[]) {
      if (!f.required || f.value !== null) continue;
      const options = (await getJson(`${running.url}/api/bundles/credit-repair`)).body.form.fields.find(
        (x: { key: string }) => x.key === f.key,
      ).options;
      expect((await put(f.key, options?.[0] ?? sample[f.type] ?? '测试内容')).status).toBe(200);
    }
    const readBack = await postJson(`${running.url}/api/chat`, { sessionId, message: '帮我填表' });
    expect(readBack.status).toBe(200);
    const check = await postJson(`${running.url}/api/chat`, { sessionId, message: '帮我核对一下' });
    expect(check.body.reply).toMatch(/请核对/);
    expect(check.body.reply).toMatch(/4301\*+16/);
    expect(check.body.reply).not.toContain('430104199203154416');
    const done = await postJson(`${running.url}/api/chat`, { sessionId, message: '确认提交' });
    expect(done.body.reply).toMatch(/回执编号：YS\d{8}[0-9A-F]{8}/);
    const receipt = await getJson(`${running.url}/api/sessions/${sessionId}/form/receipt`);
    expect(receipt.body.matters.length).toBeGreaterThan(0);
    expect(receipt.body.fields.every((f: { source: unknown }) => f.source)).toBe(true);
    const html = await fetch(`${running.url}/api/sessions/${sessionId}/form/receipt.html`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain(receipt.body.receipt);
    expect(page).not.toContain('430104199203154416');
    expect((await put('legalRep.phone', '13800001111')).status).toBe(409);
  });
});

describe('case codes', () => {
  it('resume a draft on another device with a short code', async () => {
    const first = await postJson(`${running.url}/api/chat`, { message: '宝宝出生了要办哪些手续' });
    const sessionId = first.body.sessionId;
    await postJson(`${running.url}/api/chat`, { sessionId, message: '帮我填表' });
    await postJson(`${running.url}/api/chat`, { sessionId, message: '孩子叫林小满' });
    const code = await postJson(`${running.url}/api/sessions/${sessionId}/case-code`, {});
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[3-9A-Y]{3}-[3-9A-Y]{3}$/);
    const typed = code.body.code.toLowerCase().replace('-', ' ');
    const resumed = await getJson(`${running.url}/api/cases/${encodeURIComponent(typed)}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.sessionId).toBe(sessionId);
    expect(resumed.body.form.fields.find((f: { key: string }) => f.key === 'child.name').value).toBe(
      '林小满',
    );
    expect((await getJson(`${running.url}/api/cases/AAA-AAA`)).status).toBe(404);
  });
});
