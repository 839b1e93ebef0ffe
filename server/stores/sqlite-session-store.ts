import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { CaseAccess, CaseStore } from '../copilot/case-store.ts';
import { WorkOrder } from '../copilot/work-order.schema.ts';
import { FeedbackRecord } from '../feedback/feedback.schema.ts';
import { entryHash, GENESIS } from '../shared-data/audit-chain.ts';
import { AuditEntry, Consent, type ConsentStore } from '../shared-data/consent.ts';
import type { SessionState, SessionStore, TurnRecord } from './session.types.ts';
import { SessionStateSchema, TurnRecordSchema } from './session-state.schema.ts';

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS sessions (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     updated_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS turns (
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   )`,
  `CREATE TABLE IF NOT EXISTS feedback (
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   )`,
  `CREATE INDEX IF NOT EXISTS turns_outcome ON turns (json_extract(record, '$.outcome'), created_at)`,
  `CREATE TABLE IF NOT EXISTS consents (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     record TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS audit_log (
     seq INTEGER PRIMARY KEY,
     record TEXT NOT NULL,
     hash TEXT NOT NULL
   )`,
  // Append-only: the database itself refuses to change or remove an audit entry.
  `CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
  `CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
  `CREATE TABLE IF NOT EXISTS case_codes (
     code TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     expires_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS case_access (
     session_id TEXT NOT NULL,
     agent TEXT NOT NULL,
     record TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (session_id, agent)
   )`,
  `CREATE TABLE IF NOT EXISTS work_orders (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS turn_replies (
     turn_id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     reply TEXT NOT NULL,
     created_at TEXT NOT NULL
   )`,
];

const Row = z.object({ state: z.string() });
const RecordRow = z.object({ record: z.string() });
const ReplyRow = z.object({ reply: z.string() });

/** The embedded default store: one SQLite file in the data directory (WAL mode), surviving restarts. */
export class SqliteSessionStore implements SessionStore, ConsentStore, CaseStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    for (const sql of MIGRATIONS) this.db.exec(sql);
  }

  async getSession(id: string): Promise<SessionState | undefined> {
    const row = this.db.prepare('SELECT state FROM sessions WHERE id = ?').get(id);
    if (row === undefined) return undefined;
    return SessionStateSchema.parse(JSON.parse(Row.parse(row).state));
  }

  async saveSession(session: SessionState): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(session.id, JSON.stringify(session), session.updatedAt);
  }

  async appendTurn(turn: TurnRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO turns (session_id, seq, record, created_at) VALUES (?, ?, ?, ?)')
      .run(turn.sessionId, turn.seq, JSON.stringify(turn), turn.createdAt);
  }

  async listTurns(sessionId: string): Promise<TurnRecord[]> {
    return this.db
      .prepare('SELECT record FROM turns WHERE session_id = ? ORDER BY seq')
      .all(sessionId)
      .map((row) => TurnRecordSchema.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async getTurn(sessionId: string, seq: number): Promise<TurnRecord | undefined> {
    const row = this.db
      .prepare('SELECT record FROM turns WHERE session_id = ? AND seq = ?')
      .get(sessionId, seq);
    return row === undefined ? undefined : TurnRecordSchema.parse(JSON.parse(RecordRow.parse(row).record));
  }

  async listTurnsWithOutcome(
    outcomes: readonly string[],
    since: string | undefined,
    limit: number,
  ): Promise<TurnRecord[]> {
    const marks = outcomes.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT record FROM turns WHERE json_extract(record, '$.outcome') IN (${marks}) AND created_at >= ?
         ORDER BY created_at DESC LIMIT ?`,
      )
      .all(...outcomes, since ?? '', limit)
      .map((row) => TurnRecordSchema.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feedback (session_id, seq, record, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(session_id, seq) DO UPDATE SET record = excluded.record, created_at = excluded.created_at`,
      )
      .run(feedback.sessionId, feedback.seq, JSON.stringify(feedback), feedback.createdAt);
  }

  async listFeedback(since: string | undefined): Promise<FeedbackRecord[]> {
    return this.db
      .prepare('SELECT record FROM feedback WHERE created_at >= ? ORDER BY created_at DESC')
      .all(since ?? '')
      .map((row) => FeedbackRecord.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async saveConsent(consent: Consent): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO consents (id, session_id, record) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET record = excluded.record`,
      )
      .run(consent.id, consent.sessionId, JSON.stringify(consent));
  }

  async listConsents(sessionId: string): Promise<Consent[]> {
    return this.db
      .prepare('SELECT record FROM consents WHERE session_id = ? ORDER BY rowid')
      .all(sessionId)
      .map((row) => Consent.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async appendAudit(entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): Promise<AuditEntry> {
    // One transaction: read the last hash and append, so concurrent appends cannot fork the chain.
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const base = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS };
      const full: AuditEntry = { ...base, hash: entryHash(base) };
      this.db
        .prepare('INSERT INTO audit_log (seq, record, hash) VALUES (?, ?, ?)')
        .run(full.seq, JSON.stringify(full), full.hash);
      return full;
    })();
  }

  async listAudit(): Promise<AuditEntry[]> {
    return this.db
      .prepare('SELECT record FROM audit_log ORDER BY seq')
      .all()
      .map((row) => AuditEntry.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async saveCaseCode(code: string, sessionId: string, expiresAt: string): Promise<void> {
    this.db
      .prepare('INSERT INTO case_codes (code, session_id, expires_at) VALUES (?, ?, ?)')
      .run(code, sessionId, expiresAt);
  }

  async findCaseCode(code: string): Promise<{ sessionId: string; expiresAt: string } | undefined> {
    const row = this.db.prepare('SELECT session_id, expires_at FROM case_codes WHERE code = ?').get(code) as
      | { session_id: string; expires_at: string }
      | undefined;
    return row ? { sessionId: row.session_id, expiresAt: row.expires_at } : undefined;
  }

  async grantCaseAccess(access: CaseAccess): Promise<void> {
    // The first way an agent got a case is kept: handing it again does not rewrite history.
    this.db
      .prepare('INSERT OR IGNORE INTO case_access (session_id, agent, record, at) VALUES (?, ?, ?, ?)')
      .run(access.sessionId, access.agent, JSON.stringify(access), access.at);
  }

  async getCaseAccess(sessionId: string, agent: string): Promise<CaseAccess | undefined> {
    const row = this.db
      .prepare('SELECT record FROM case_access WHERE session_id = ? AND agent = ?')
      .get(sessionId, agent);
    return row === undefined ? undefined : (JSON.parse(RecordRow.parse(row).record) as CaseAccess);
  }

  async listAgentCases(agent: string): Promise<CaseAccess[]> {
    return this.db
      .prepare('SELECT record FROM case_access WHERE agent = ? ORDER BY at DESC LIMIT 200')
      .all(agent)
      .map((row) => JSON.parse(RecordRow.parse(row).record) as CaseAccess);
  }

  async saveWorkOrder(order: WorkOrder): Promise<void> {
    this.db
      .prepare('INSERT INTO work_orders (id, session_id, record, created_at) VALUES (?, ?, ?, ?)')
      .run(order.id, order.sessionId, JSON.stringify(order), order.createdAt);
  }

  async listWorkOrders(sessionId: string): Promise<WorkOrder[]> {
    return this.db
      .prepare('SELECT record FROM work_orders WHERE session_id = ? ORDER BY created_at')
      .all(sessionId)
      .map((row) => WorkOrder.parse(JSON.parse(RecordRow.parse(row).record)));
  }

  async getReply(turnId: string): Promise<unknown | undefined> {
    const row = this.db.prepare('SELECT reply FROM turn_replies WHERE turn_id = ?').get(turnId);
    return row === undefined ? undefined : JSON.parse(ReplyRow.parse(row).reply);
  }

  async saveReply(turnId: string, sessionId: string, reply: unknown): Promise<void> {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO turn_replies (turn_id, session_id, reply, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(turnId, sessionId, JSON.stringify(reply), new Date().toISOString());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
