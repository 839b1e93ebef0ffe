import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseAccess } from '../../copilot/case-store.ts';
import { WorkOrder } from '../../copilot/work-order.schema.ts';
import { FeedbackRecord } from '../../feedback/feedback.schema.ts';
import { entryHash, GENESIS } from '../../shared-data/audit-chain.ts';
import { AuditEntry, Consent } from '../../shared-data/consent.ts';
import type { SessionState, Store, TurnRecord } from '../session.types.ts';
import { SessionStateSchema, TurnRecordSchema } from '../session-state.schema.ts';
import type { Database, Dialect } from './database.ts';

const json = JSON.stringify;

/**
 * The one store implementation: Kysely queries that run unchanged on SQLite (better-sqlite3, the embedded
 * default) and PostgreSQL (pg, DATABASE_URL). Records are JSON validated by zod when read back.
 */
export class SqlStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  async getSession(id: string): Promise<SessionState | undefined> {
    const row = await this.db.selectFrom('sessions').select('state').where('id', '=', id).executeTakeFirst();
    return row && SessionStateSchema.parse(JSON.parse(row.state));
  }

  async saveSession(session: SessionState): Promise<void> {
    const values = { id: session.id, state: json(session), updated_at: session.updatedAt };
    await this.db
      .insertInto('sessions')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ state: values.state, updated_at: values.updated_at }))
      .execute();
  }

  async appendTurn(turn: TurnRecord): Promise<void> {
    await this.db
      .insertInto('turns')
      .values({
        session_id: turn.sessionId,
        seq: turn.seq,
        record: json(turn),
        created_at: turn.createdAt,
        outcome: turn.outcome,
      })
      .execute();
  }

  async listTurns(sessionId: string): Promise<TurnRecord[]> {
    const rows = await this.db
      .selectFrom('turns')
      .select('record')
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => TurnRecordSchema.parse(JSON.parse(r.record)));
  }

  async getTurn(sessionId: string, seq: number): Promise<TurnRecord | undefined> {
    const row = await this.db
      .selectFrom('turns')
      .select('record')
      .where('session_id', '=', sessionId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return row && TurnRecordSchema.parse(JSON.parse(row.record));
  }

  async listTurnsWithOutcome(outcomes: readonly string[], since: string | undefined, limit: number) {
    if (outcomes.length === 0) return [];
    const rows = await this.db
      .selectFrom('turns')
      .select('record')
      .where('outcome', 'in', [...outcomes])
      .where('created_at', '>=', since ?? '')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => TurnRecordSchema.parse(JSON.parse(r.record)));
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    const values = {
      session_id: feedback.sessionId,
      seq: feedback.seq,
      record: json(feedback),
      created_at: feedback.createdAt,
    };
    await this.db
      .insertInto('feedback')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['session_id', 'seq'])
          .doUpdateSet({ record: values.record, created_at: values.created_at }),
      )
      .execute();
  }

  async listFeedback(since: string | undefined): Promise<FeedbackRecord[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .select('record')
      .where('created_at', '>=', since ?? '')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => FeedbackRecord.parse(JSON.parse(r.record)));
  }

  async saveConsent(consent: Consent): Promise<void> {
    await this.db
      .insertInto('consents')
      .values({
        id: consent.id,
        session_id: consent.sessionId,
        record: json(consent),
        created_at: consent.grantedAt,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ record: json(consent) }))
      .execute();
  }

  async listConsents(sessionId: string): Promise<Consent[]> {
    const rows = await this.db
      .selectFrom('consents')
      .select('record')
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => Consent.parse(JSON.parse(r.record)));
  }

  /**
   * Reads the last hash and appends in one transaction; on PostgreSQL the table is locked for it (SQLite's
   * single writer serializes by itself), so concurrent appends from several nodes cannot fork the chain.
   */
  async appendAudit(entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): Promise<AuditEntry> {
    return this.db.transaction().execute(async (tx) => {
      if (this.dialect === 'postgres')
        await sql`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
      const last = await lastAudit(tx);
      const base = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS };
      const full: AuditEntry = { ...base, hash: entryHash(base) };
      await tx
        .insertInto('audit_log')
        .values({ seq: full.seq, record: json(full), hash: full.hash })
        .execute();
      return full;
    });
  }

  async listAudit(): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').select('record').orderBy('seq').execute();
    return rows.map((r) => AuditEntry.parse(JSON.parse(r.record)));
  }

  async saveCaseCode(code: string, sessionId: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('case_codes')
      .values({ code, session_id: sessionId, expires_at: expiresAt })
      .execute();
  }

  async findCaseCode(code: string): Promise<{ sessionId: string; expiresAt: string } | undefined> {
    const row = await this.db
      .selectFrom('case_codes')
      .select(['session_id', 'expires_at'])
      .where('code', '=', code)
      .executeTakeFirst();
    return row && { sessionId: row.session_id, expiresAt: row.expires_at };
  }

  async grantCaseAccess(access: CaseAccess): Promise<void> {
    // The first way an agent got a case is kept: handing it again does not rewrite history.
    await this.db
      .insertInto('case_access')
      .values({ session_id: access.sessionId, agent: access.agent, record: json(access), at: access.at })
      .onConflict((oc) => oc.columns(['session_id', 'agent']).doNothing())
      .execute();
  }

  async getCaseAccess(sessionId: string, agent: string): Promise<CaseAccess | undefined> {
    const row = await this.db
      .selectFrom('case_access')
      .select('record')
      .where('session_id', '=', sessionId)
      .where('agent', '=', agent)
      .executeTakeFirst();
    return row && (JSON.parse(row.record) as CaseAccess);
  }

  async listAgentCases(agent: string): Promise<CaseAccess[]> {
    const rows = await this.db
      .selectFrom('case_access')
      .select('record')
      .where('agent', '=', agent)
      .orderBy('at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => JSON.parse(r.record) as CaseAccess);
  }

  async saveWorkOrder(order: WorkOrder): Promise<void> {
    await this.db
      .insertInto('work_orders')
      .values({ id: order.id, session_id: order.sessionId, record: json(order), created_at: order.createdAt })
      .execute();
  }

  async listWorkOrders(sessionId: string): Promise<WorkOrder[]> {
    const rows = await this.db
      .selectFrom('work_orders')
      .select('record')
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => WorkOrder.parse(JSON.parse(r.record)));
  }

  async getReply(turnId: string): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom('turn_replies')
      .select('reply')
      .where('turn_id', '=', turnId)
      .executeTakeFirst();
    return row && JSON.parse(row.reply);
  }

  async saveReply(turnId: string, sessionId: string, reply: unknown): Promise<void> {
    await this.db
      .insertInto('turn_replies')
      .values({
        turn_id: turnId,
        session_id: sessionId,
        reply: json(reply),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('turn_id').doNothing())
      .execute();
  }

  async deleteSession(id: string): Promise<{ turns: number }> {
    return this.db.transaction().execute(async (tx) => {
      const removed = await tx.deleteFrom('turns').where('session_id', '=', id).executeTakeFirst();
      for (const table of ['turn_replies', 'feedback', 'case_codes', 'case_access'] as const)
        await tx.deleteFrom(table).where('session_id', '=', id).execute();
      await tx.deleteFrom('sessions').where('id', '=', id).execute();
      return { turns: Number(removed.numDeletedRows) };
    });
  }

  /** A round trip to the database (readiness). */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

async function lastAudit(tx: Transaction<Database>): Promise<{ seq: number; hash: string } | undefined> {
  const row = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { seq: Number(row.seq), hash: row.hash };
}
