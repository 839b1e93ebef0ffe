import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { FeedbackRecord } from '../feedback/feedback.schema.ts';
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
export class SqliteSessionStore implements SessionStore {
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
