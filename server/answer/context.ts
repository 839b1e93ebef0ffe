import type { Citation, HybridHit, Knowledge, Plan, RouteDecision } from '../../knowledge/index.ts';
import type { FillResult } from '../form/fill.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { LlmTrace } from '../llm/llm-trace.ts';
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
  /** The model when one is configured (the LLM path); undefined on the embedded default. */
  readonly llm?: LlmClient | undefined;
  /** Epoch ms when the turn's model budget ends: no model call runs past it. */
  readonly deadline: number;
  /** Receives the reply so far while a model writes it (the socket streams it). */
  readonly onDelta?: ((textSoFar: string) => void) | undefined;
  /** Whether guard-input asks the model for an injection verdict. */
  readonly injectionCheck: boolean;
  /** The turn's clock: relative dates (昨天) in form values are read against it. */
  readonly now: Date;
  /** What this message filled in the form draft, when the person is filling. */
  filled?: FillResult;
  /** The 敏感词 list from config. */
  readonly sensitiveWords: readonly string[];
  /** What retrieval searches for: the message, or a short follow-up made whole from the conversation. */
  query: string;
  /** The deterministic reply, kept when a model rewrote it: the output guard falls back to it. */
  draft?: string;
  /** Passage ids the model said it used. */
  sourcesUsed?: string[];
  /** Every model call of the turn: prompt, version, model, time, tokens, structured output or failure. */
  llmTraces: LlmTrace[];
  /** Why a model-written reply was not used. */
  fallback?: string;
  /** The model's injection verdict, started by guard-input and awaited before composing. */
  screening?: Promise<boolean>;
  /** Mutable copy of the session; saved by the record step. */
  session: SessionState;
  intents: Intent[];
  route?: RouteDecision;
  /** Facts learnt from this message. */
  learnt: Record<string, boolean | string>;
  /** The bundle in focus changed in this turn. */
  switched: boolean;
  /** It changed back to a bundle discussed before (刚才那个退休的呢). */
  cameBack?: boolean;
  hits: HybridHit[];
  plan?: Plan;
  outcome?: Outcome;
  reply: string;
  options?: { id: string; name: string }[];
  citations: Citation[];
  timings: Record<string, number>;
}
