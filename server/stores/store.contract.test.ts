/**
 * The same store suite on both engines: SQLite (the embedded default, in memory and in a file) and PostgreSQL
 * (CI's 127.0.0.1:5432, a schema per run). Skipped for PostgreSQL, with a message, only where it is unreachable.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../shared-data/audit-chain.ts';
import { postgresReachable, SKIP_POSTGRES, TEST_DATABASE_URL, testSchema } from '../testing/test-postgres.ts';
import { openStore, type StoreTarget } from './open-store.ts';
import type { SessionState, TurnRecord } from './session.types.ts';
import type { SqlStore } from './sql/sql-store.ts';

const pgUp = await postgresReachable();
if (!pgUp) console.warn(SKIP_POSTGRES);
const pgSchema = testSchema();
const sqliteFile = join(mkdtempSync(join(tmpdir(), 'yishi-store-')), 'yishi.sqlite');

const engines: { name: string; target: StoreTarget; skip: boolean }[] = [
  { name: 'SQLite', target: { sqlite: sqliteFile }, skip: false },
  { name: 'PostgreSQL', target: { postgres: TEST_DATABASE_URL, schema: pgSchema.schema }, skip: !pgUp },
];

afterAll(async () => {
  if (pgUp) await pgSchema.drop();
});

const session = (id: string, turnCount = 0): SessionState => ({
  id,
  createdAt: '2026-11-24T08:00:00.000Z',
  updatedAt: `2026-11-24T08:00:0${turnCount}.000Z`,
  recentBundles: [],
  facts: { 'local-hukou': true },
  turnCount,
  history: [],
});

const turn = (sessionId: string, seq: number, outcome: string, createdAt: string): TurnRecord => ({
  sessionId,
  seq,
  channel: 'socket',
  message: `问题${seq}`,
  outcome,
  reply: `回答${seq}`,
  timings: { understand: 0.4 },
  createdAt,
});

for (const engine of engines) {
  describe.skipIf(engine.skip)(`store on ${engine.name}`, () => {
    let store: SqlStore;
    beforeAll(async () => {
      store = await openStore(engine.target);
    });
    afterAll(async () => store?.close());

    it('saves and replaces sessions', async () => {
      await store.saveSession(session('s1'));
      await store.saveSession(session('s1', 2));
      expect(await store.getSession('s1')).toMatchObject({ turnCount: 2, facts: { 'local-hukou': true } });
      expect(await store.getSession('nope')).toBeUndefined();
    });

    it('keeps turns in order and finds them by outcome, newest first', async () => {
      await store.appendTurn(turn('s1', 1, 'answered', '2026-11-24T08:00:01.000Z'));
      await store.appendTurn(turn('s1', 2, 'no_answer', '2026-11-24T08:00:02.000Z'));
      await store.appendTurn(turn('s1', 3, 'clarify', '2026-11-24T08:00:03.000Z'));
      await expect(store.appendTurn(turn('s1', 3, 'answered', '2026-11-24T08:00:04.000Z'))).rejects.toThrow();
      expect((await store.listTurns('s1')).map((t) => t.seq)).toEqual([1, 2, 3]);
      expect(await store.getTurn('s1', 2)).toMatchObject({ outcome: 'no_answer', reply: '回答2' });
      const found = await store.listTurnsWithOutcome(['no_answer', 'clarify'], undefined, 10);
      expect(found.map((t) => t.seq)).toEqual([3, 2]);
      expect(
        await store.listTurnsWithOutcome(['no_answer', 'clarify'], '2026-11-24T08:00:03.000Z', 10),
      ).toHaveLength(1);
      expect(await store.listTurnsWithOutcome(['clarify', 'no_answer'], undefined, 1)).toHaveLength(1);
    });

    it('replaces a rating of the same turn', async () => {
      await store.saveFeedback({
        sessionId: 's1',
        seq: 1,
        rating: 'bad',
        reason: 'wrong',
        createdAt: '2026-11-24T09:00:00.000Z',
      });
      await store.saveFeedback({
        sessionId: 's1',
        seq: 1,
        rating: 'good',
        createdAt: '2026-11-24T09:01:00.000Z',
      });
      await store.saveFeedback({
        sessionId: 's1',
        seq: 2,
        rating: 'good',
        createdAt: '2026-11-24T09:02:00.000Z',
      });
      const all = await store.listFeedback(undefined);
      expect(all.map((f) => [f.seq, f.rating])).toEqual([
        [2, 'good'],
        [1, 'good'],
      ]);
      expect(await store.listFeedback('2026-11-24T09:02:00.000Z')).toHaveLength(1);
    });

    it('keeps consents in the order given and updates a revoked one', async () => {
      const consent = (id: string, at: string) => ({
        id,
        sessionId: 's1',
        subject: 'demo-1',
        source: 'population-register',
        purpose: '预填',
        grantedAt: at,
        expiresAt: '2026-12-24T00:00:00.000Z',
      });
      await store.saveConsent(consent('c2', '2026-11-24T10:00:00.000Z'));
      await store.saveConsent(consent('c1', '2026-11-24T09:00:00.000Z'));
      await store.saveConsent({
        ...consent('c2', '2026-11-24T10:00:00.000Z'),
        revokedAt: '2026-11-24T11:00:00.000Z',
      });
      const list = await store.listConsents('s1');
      expect(list.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(list[1]?.revokedAt).toBe('2026-11-24T11:00:00.000Z');
    });

    it('chains concurrent audit appends without a fork, and refuses to change or delete them', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.appendAudit({
            at: new Date().toISOString(),
            actor: `a${i}`,
            action: 'shared-read',
            sessionId: 's1',
          }),
        ),
      );
      const entries = await store.listAudit();
      expect(entries).toHaveLength(20);
      expect(verifyChain(entries)).toEqual({ ok: true, count: 20 });
      await expect(sql`UPDATE audit_log SET hash = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await store.listAudit()).toHaveLength(20);
    });

    it('stores case codes, case access (first grant kept), work orders and idempotent replies', async () => {
      await store.saveCaseCode('K7Q-4MR', 's1', '2026-12-01T00:00:00.000Z');
      expect(await store.findCaseCode('K7Q-4MR')).toEqual({
        sessionId: 's1',
        expiresAt: '2026-12-01T00:00:00.000Z',
      });
      await store.grantCaseAccess({
        sessionId: 's1',
        agent: 'agent-1',
        via: 'opened',
        at: '2026-11-24T08:00:00.000Z',
      });
      await store.grantCaseAccess({
        sessionId: 's1',
        agent: 'agent-1',
        via: 'handed',
        at: '2026-11-24T09:00:00.000Z',
      });
      await store.grantCaseAccess({
        sessionId: 's2',
        agent: 'agent-1',
        via: 'case-code',
        at: '2026-11-24T10:00:00.000Z',
      });
      expect(await store.getCaseAccess('s1', 'agent-1')).toMatchObject({ via: 'opened' });
      expect(await store.getCaseAccess('s1', 'agent-2')).toBeUndefined();
      expect((await store.listAgentCases('agent-1')).map((a) => a.sessionId)).toEqual(['s2', 's1']);
      const order = {
        id: 'GD20261124000001',
        sessionId: 's1',
        agent: 'agent-1',
        channel: 'hotline',
        createdAt: '2026-11-24T08:30:00.000Z',
        category: '咨询' as const,
        bundle: { id: 'newborn', name: '新生儿出生一件事' },
        matters: [],
        summary: '来电人咨询',
        answered: '已告知',
        followUp: '无',
        warnings: [],
      };
      await store.saveWorkOrder(order);
      expect(await store.listWorkOrders('s1')).toEqual([order]);
      await store.saveReply('turn-1', 's1', { reply: '第一次' });
      await store.saveReply('turn-1', 's1', { reply: '第二次' });
      expect(await store.getReply('turn-1')).toEqual({ reply: '第一次' });
    });

    it('keeps everything across a reopen (migrations run once)', async () => {
      await store.close();
      store = await openStore(engine.target);
      expect(await store.getSession('s1')).toMatchObject({ turnCount: 2 });
      expect(verifyChain(await store.listAudit())).toEqual({ ok: true, count: 20 });
    });
  });
}

describe('store start-up errors', () => {
  it('names an unreachable PostgreSQL (password hidden) instead of hanging', async () => {
    await expect(openStore({ postgres: 'postgres://yishi:secret@127.0.0.1:1/none' })).rejects.toThrow(
      /yishi:\*\*\*@127\.0\.0\.1:1\/none unreachable/,
    );
  });
});

describe('taking over a data/yishi.sqlite written before the migrations', () => {
  it('keeps its sessions, turns and consents and fills the new query columns', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yishi-old-')), 'yishi.sqlite');
    const old = new (await import('better-sqlite3')).default(file);
    old.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE turns (session_id TEXT NOT NULL, seq INTEGER NOT NULL, record TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (session_id, seq));
      CREATE INDEX turns_outcome ON turns (json_extract(record, '$.outcome'), created_at);
      CREATE TABLE consents (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, record TEXT NOT NULL);`);
    old
      .prepare('INSERT INTO sessions VALUES (?, ?, ?)')
      .run('old', JSON.stringify(session('old', 1)), '2026-11-01');
    const t = turn('old', 1, 'no_answer', '2026-11-01T00:00:00.000Z');
    old.prepare('INSERT INTO turns VALUES (?, ?, ?, ?)').run('old', 1, JSON.stringify(t), t.createdAt);
    old.close();
    const store = await openStore({ sqlite: file });
    try {
      expect(await store.getSession('old')).toMatchObject({ turnCount: 1 });
      expect(await store.listTurnsWithOutcome(['no_answer'], undefined, 5)).toEqual([t]);
    } finally {
      await store.close();
    }
  });
});
