import type { FactValue } from '../../knowledge/model/condition.schema.ts';
import type { CaseStore } from '../copilot/case-store.ts';
import type { FeedbackRecord } from '../feedback/feedback.schema.ts';
import type { FormState } from '../form/form-state.ts';
import type { LlmTrace } from '../llm/llm-trace.ts';
import type { ConsentStore } from '../shared-data/consent.ts';

/** What yishi remembers of one conversation between turns. */
export interface SessionState {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** The 一件事 in focus. */
  bundleId?: string;
  /** Bundles discussed before, most recent first, so a person can come back to one. */
  recentBundles: string[];
  region?: string;
  /** Answers to situation questions, shared across bundles (it is the same person). */
  facts: Record<string, FactValue>;
  /** The fact yishi just asked about, so a bare 是/不是 can answer it. */
  pendingFact?: string;
  /** Bundles offered when yishi asked which one was meant. */
  pendingChoice?: string[];
  turnCount: number;
  /** The last few exchanges (identifiers masked, replies shortened), for follow-ups and the model. */
  history: { user: string; reply: string; bundleId?: string }[];
  /** The unified-form draft (一表申请), once the person starts filling. */
  form?: FormState;
  /** The authenticated person the session belongs to, once they log in (consent, shared data). */
  owner?: string;
}

/** One recorded turn: enough to review what happened, never the raw retrieval payloads. */
export interface TurnRecord {
  sessionId: string;
  seq: number;
  channel: string;
  message: string;
  outcome: string;
  reply: string;
  bundleId?: string;
  timings: Record<string, number>;
  /** Model calls of the turn (LLM path): prompt, version, model, time, tokens, structured output. */
  llm?: LlmTrace[];
  /** Why a model-written reply was replaced by the deterministic one. */
  fallback?: string;
  createdAt: string;
}

/** Everything yishi stores: sessions, consents and the audit log, cases and work orders. */
export type Store = SessionStore & ConsentStore & CaseStore;

/** Storage for sessions, turns and idempotent replies; SQLite by default, PostgreSQL with DATABASE_URL. */
export interface SessionStore {
  getSession(id: string): Promise<SessionState | undefined>;
  saveSession(session: SessionState): Promise<void>;
  appendTurn(turn: TurnRecord): Promise<void>;
  listTurns(sessionId: string): Promise<TurnRecord[]>;
  getTurn(sessionId: string, seq: number): Promise<TurnRecord | undefined>;
  /** Turns that ended with one of `outcomes`, newest first. */
  listTurnsWithOutcome(
    outcomes: readonly string[],
    since: string | undefined,
    limit: number,
  ): Promise<TurnRecord[]>;
  /** Stores a rating; a later rating of the same turn replaces it. */
  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  /** Ratings, newest first. */
  listFeedback(since: string | undefined): Promise<FeedbackRecord[]>;
  /** A short case code that resumes a session on another device or channel, until it expires. */
  saveCaseCode(code: string, sessionId: string, expiresAt: string): Promise<void>;
  findCaseCode(code: string): Promise<{ sessionId: string; expiresAt: string } | undefined>;
  /** The stored answer to a client turn id, for idempotent socket turns. */
  getReply(turnId: string): Promise<unknown | undefined>;
  /**
   * Removes a person's conversation: the session (and its form draft), its turns, stored replies, ratings and
   * case codes. Consents and the audit log stay (they are the record of what was read, under which consent).
   */
  deleteSession(id: string): Promise<{ turns: number }>;
  /** A round trip to the database (readiness). */
  ping(): Promise<void>;
  saveReply(turnId: string, sessionId: string, reply: unknown): Promise<void>;
  close(): Promise<void>;
}
