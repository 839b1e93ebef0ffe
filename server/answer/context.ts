import type { Citation, HybridHit, Knowledge, Plan, RouteDecision } from '../../knowledge/index.ts';
import type { SessionState } from '../stores/session.types.ts';
import type { PiiKind } from './guard/pii.ts';
import type { StrippedKind } from './guard/sanitize.ts';
import type { Outcome } from './outcome.ts';
import type { Intent } from './understand/intents.ts';

/** Everything one turn knows; each pipeline step reads it and adds its part. */
export interface Context {
  readonly knowledge: Knowledge;
  /** The person's message, with invisible and control characters stripped by guard-input. */
  message: string;
  /** The message with identifiers masked: what logs and stored transcripts hold. */
  redacted: string;
  /** Kinds of identifiers the message contained. */
  pii: PiiKind[];
  /** Why guard-input ended the turn or what it stripped, for the audit record. */
  guard: { reason?: string; stripped?: Partial<Record<StrippedKind, number>>; sensitive?: string[] };
  readonly channel: string;
  /** Mutable copy of the session; saved by the record step. */
  session: SessionState;
  intents: Intent[];
  route?: RouteDecision;
  /** Facts learnt from this message. */
  learnt: Record<string, boolean | string>;
  /** The bundle in focus changed in this turn. */
  switched: boolean;
  hits: HybridHit[];
  plan?: Plan;
  outcome?: Outcome;
  reply: string;
  options?: { id: string; name: string }[];
  citations: Citation[];
  timings: Record<string, number>;
}
