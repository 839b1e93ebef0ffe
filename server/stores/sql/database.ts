/**
 * The tables, as Kysely sees them. Records are JSON text validated by zod on the way out; the columns beside
 * them are what queries filter and order by, so the same SQL runs on SQLite and PostgreSQL.
 */
export interface Database {
  sessions: { id: string; state: string; updated_at: string };
  turns: { session_id: string; seq: number; record: string; created_at: string; outcome: string | null };
  feedback: { session_id: string; seq: number; record: string; created_at: string };
  consents: { id: string; session_id: string; record: string; created_at: string | null };
  audit_log: { seq: number; record: string; hash: string };
  case_codes: { code: string; session_id: string; expires_at: string };
  case_access: { session_id: string; agent: string; record: string; at: string };
  work_orders: { id: string; session_id: string; record: string; created_at: string };
  turn_replies: { turn_id: string; session_id: string; reply: string; created_at: string };
}

export type Dialect = 'sqlite' | 'postgres';
