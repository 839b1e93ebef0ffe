import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, type RunningApp, startApp, TEST_AUTH } from '../testing/start-app.ts';
import { verifyChain } from './audit-chain.ts';
import { loadRegistry } from './sandbox/sandbox-exchange.ts';

const registry = loadRegistry();
const father = registry.people[0];
const birth = registry.births[0];
const marriage = registry.marriages[0];

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.close();
});

async function send(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

describe('prefill from the sandbox exchange under consent (real HTTP connector)', () => {
  it('fills the newborn form from the citizen, the spouse, the marriage licence and the birth record, with sources, and audits every read', async () => {
    expect(father && birth && marriage).toBeTruthy();
    if (!father || !birth || !marriage) return;
    const token = await TEST_AUTH.issue('citizen-yi', ['citizen'], '1h', father.idNumber);
    const chat = await postJson(`${running.url}/api/chat`, { message: '宝宝出生了要办哪些手续' });
    const sessionId = chat.body.sessionId;

    // Without a token, or without consent, nothing is read.
    expect((await send('POST', `/api/sessions/${sessionId}/form/prefill`)).status).toBe(401);
    const none = await send('POST', `/api/sessions/${sessionId}/form/prefill`, token);
    expect(none.status).toBe(200);
    expect(none.body.filled).toEqual([]);

    for (const source of ['population-register', 'elicence-marriage', 'birth-record']) {
      const granted = await send('POST', `/api/sessions/${sessionId}/consents`, token, {
        source,
        purpose: '新生儿出生一件事申请表预填',
      });
      expect(granted.status).toBe(201);
    }
    const result = await send('POST', `/api/sessions/${sessionId}/form/prefill`, token);
    expect(result.status).toBe(200);
    const field = (key: string) => result.body.form.fields.find((f: { key: string }) => f.key === key);
    expect(field('father.name')).toMatchObject({
      value: father.name,
      status: 'prefilled',
      source: { kind: 'shared', record: `population-register:${father.idNumber}` },
    });
    expect(field('mother.name').value).toBe(birth.母亲姓名);
    expect(field('mother.idNumber').value).toBe(birth.母亲公民身份号码);
    expect(field('marriage.certificateNumber')).toMatchObject({
      value: marriage.结婚证字号,
      source: { kind: 'shared', record: `elicence-marriage:${marriage.结婚证字号}` },
    });
    expect(field('child.birthDate').value).toBe(birth.出生时间);
    expect(field('child.birthInstitution').value).toBe(birth.助产机构名称);
    expect(field('household.address').value).toBe(father.hukouAddress);
    expect(field('child.name')).toMatchObject({ value: null, status: 'needs_input' });

    // The session is now this citizen's: another person's token is refused.
    const other = await TEST_AUTH.issue('citizen-other', ['citizen'], '1h', registry.people[2]?.idNumber);
    expect((await send('POST', `/api/sessions/${sessionId}/form/prefill`, other)).status).toBe(403);

    // Every read and consent is in the audit log, hash-chained, with identifiers masked.
    const audit = await running.app.store.listAudit();
    expect(verifyChain(audit)).toEqual({ ok: true, count: audit.length });
    expect(audit.filter((a) => a.action === 'shared-read').map((a) => a.source)).toEqual(
      expect.arrayContaining(['population-register', 'elicence-marriage', 'birth-record']),
    );
    expect(JSON.stringify(audit)).not.toContain(father.idNumber);
  });

  it('stops reading a source once its consent is revoked', async () => {
    if (!father) return;
    const token = await TEST_AUTH.issue('citizen-yi-2', ['citizen'], '1h', father.idNumber);
    const chat = await postJson(`${running.url}/api/chat`, { message: '宝宝出生了要办哪些手续' });
    const sessionId = chat.body.sessionId;
    const consent = await send('POST', `/api/sessions/${sessionId}/consents`, token, {
      source: 'population-register',
      purpose: '预填',
    });
    const revoked = await send('DELETE', `/api/sessions/${sessionId}/consents/${consent.body.id}`, token);
    expect(revoked.body.revokedAt).toBeTruthy();
    const result = await send('POST', `/api/sessions/${sessionId}/form/prefill`, token);
    expect(result.body.filled).toEqual([]);
    const listed = await send('GET', `/api/sessions/${sessionId}/consents`, token);
    expect(listed.body.consents).toHaveLength(1);
    // The session is theirs now: its form opens with their token only.
    expect((await getJson(`${running.url}/api/sessions/${sessionId}/form`)).status).toBe(401);
    const form = await send('GET', `/api/sessions/${sessionId}/form`, token);
    expect(form.body.fields.every((f: { value: unknown }) => f.value === null)).toBe(true);
  });

  it('refuses unknown sources, and the exchange refuses calls without its key', async () => {
    if (!father) return;
    const token = await TEST_AUTH.issue('citizen-yi-3', ['citizen'], '1h', father.idNumber);
    const chat = await postJson(`${running.url}/api/chat`, { message: '宝宝出生了要办哪些手续' });
    const bad = await send('POST', `/api/sessions/${chat.body.sessionId}/consents`, token, {
      source: 'bank-secrets',
      purpose: '预填',
    });
    expect(bad.status).toBe(400);
    const direct = await fetch(`${running.url}/sandbox/exchange/v1/population/${father.idNumber}`);
    expect(direct.status).toBe(401);
  });
});

describe('demo login (development issuer only)', () => {
  it('logs in a sandbox parent of a newborn, whose token can read the birth record', async () => {
    const login = await postJson(`${running.url}/api/dev/demo-login`, {});
    expect(login.status).toBe(200);
    expect(login.body.person.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const principal = await TEST_AUTH.verify(login.body.token);
    expect(principal.roles).toEqual(['citizen']);
    expect(registry.births.some((b) => b.父亲公民身份号码 === principal.idNumber)).toBe(true);
  });
});

describe('audit chain', () => {
  it('detects an altered or removed entry', async () => {
    const { entryHash, GENESIS } = await import('./audit-chain.ts');
    const base = { seq: 1, at: 't', actor: 'a', action: 'x', prevHash: GENESIS };
    const first = { ...base, hash: entryHash(base) };
    const secondBase = { seq: 2, at: 't', actor: 'a', action: 'y', prevHash: first.hash };
    const second = { ...secondBase, hash: entryHash(secondBase) };
    expect(verifyChain([first, second]).ok).toBe(true);
    expect(verifyChain([{ ...first, actor: 'b' }, second])).toMatchObject({ ok: false, seq: 1 });
    expect(verifyChain([second])).toMatchObject({ ok: false });
  });
});
