import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../../knowledge/index.ts';
import { YishiError } from '../../knowledge/yishi-error.ts';
import { formView } from '../form/form-view.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { ChannelSwitch } from '../observability/channel-switch.ts';
import type { SessionState, SessionStore } from '../stores/session.types.ts';
import type { ChatAnswer } from './chat-answer.ts';
import type { Context } from './context.ts';
import { DEFAULT_SENSITIVE_WORDS } from './guard/safety-rules.ts';
import { KeyedLock } from './keyed-lock.ts';
import { compose } from './steps/compose.ts';
import { fill } from './steps/fill.ts';
import { guardInput } from './steps/guard-input.ts';
import { guardOutput } from './steps/guard-output.ts';
import { phrase } from './steps/phrase.ts';
import { planStep } from './steps/plan-step.ts';
import { record } from './steps/record.ts';
import { rephrase } from './steps/rephrase.ts';
import { retrieve } from './steps/retrieve.ts';
import { screen } from './steps/screen.ts';
import { understand } from './steps/understand.ts';

export interface TurnInput {
  sessionId?: string;
  message: string;
  region?: string;
  channel: string;
  /** Receives the reply so far while a model writes it. */
  onDelta?: (textSoFar: string) => void;
}

export interface AnswerOptions {
  /** The model (LLM path); without it every reply is the deterministic one. */
  llm?: LlmClient | undefined;
  /** 敏感词 from config; the built-in list by default. */
  sensitiveWords?: readonly string[];
  /** Ask the model for an injection verdict after the rules (default true when there is a model). */
  injectionCheck?: boolean;
  /** The clock (tests and evals fix "today"). */
  now?: () => Date;
  /** Channels switched off answer with a prepared message (the kill switch). */
  channels?: ChannelSwitch;
}

type Step = [name: string, run: (ctx: Context) => void | Promise<void>];

/**
 * The answer pipeline over one Context, each step timed: guard-input → understand → plan → rephrase →
 * retrieve → screen → compose → phrase → guard-output → record. The model steps (phrase, and parts of
 * understand, rephrase and screen) only run when a model is configured. Turns of one session are serialized.
 */
export class AnswerService {
  private readonly lock = new KeyedLock();
  private readonly steps: Step[];
  private readonly listeners: ((answer: ChatAnswer, context: Context) => void)[] = [];
  /** Turns being answered or waiting for their session's previous turn. */
  inFlight = 0;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly store: SessionStore,
    private readonly options: AnswerOptions = {},
  ) {
    this.steps = [
      ['guard-input', guardInput],
      ['understand', understand],
      ['fill', fill],
      ['plan', planStep],
      ['rephrase', rephrase],
      ['retrieve', retrieve],
      ['screen', screen],
      ['compose', compose],
      ['phrase', phrase],
      ['guard-output', guardOutput],
      ['record', (ctx) => record(ctx, this.store)],
    ];
  }

  /** The model behind the LLM path, if any. */
  get llm(): LlmClient | undefined {
    return this.options.llm;
  }

  async answer(input: TurnInput): Promise<ChatAnswer> {
    const channels = this.options.channels;
    if (channels?.isOff(input.channel))
      return {
        sessionId: input.sessionId ?? randomUUID(),
        turn: 0,
        outcome: 'handoff',
        reply: channels.message,
        citations: [],
        catalogVersion: this.knowledge.catalog.hash.slice(0, 12),
      };
    return (await this.run(input)).answer;
  }

  /** One turn, returning the whole Context too, for evals and the audit of what each step decided. */
  async run(input: TurnInput): Promise<{ answer: ChatAnswer; context: Context }> {
    const sessionId = input.sessionId ?? randomUUID();
    this.inFlight += 1;
    try {
      return await this.locked(sessionId, input);
    } finally {
      this.inFlight -= 1;
    }
  }

  private locked(sessionId: string, input: TurnInput): Promise<{ answer: ChatAnswer; context: Context }> {
    return this.lock.run(sessionId, async () => {
      const session = input.sessionId ? await this.existing(input.sessionId) : newSession(sessionId);
      if (input.region) session.region = input.region;
      const ctx: Context = {
        knowledge: this.knowledge,
        message: input.message,
        redacted: input.message,
        pii: [],
        guard: {},
        channel: input.channel,
        llm: this.options.llm,
        deadline: Date.now() + (this.options.llm?.timeoutMs ?? 0),
        onDelta: input.onDelta,
        sensitiveWords: this.options.sensitiveWords ?? DEFAULT_SENSITIVE_WORDS,
        injectionCheck: this.options.injectionCheck ?? true,
        now: this.options.now?.() ?? new Date(),
        query: input.message,
        llmTraces: [],
        session,
        intents: [],
        learnt: {},
        switched: false,
        hits: [],
        reply: '',
        citations: [],
        timings: {},
      };
      for (const [name, run] of this.steps) {
        const started = performance.now();
        await run(ctx);
        ctx.timings[name] = Math.round((performance.now() - started) * 100) / 100;
      }
      const answer = toAnswer(ctx);
      for (const listener of this.listeners) listener(answer, ctx);
      return { answer, context: ctx };
    });
  }

  /** Called after every turn of every channel (the copilot follows a case live through it). */
  onTurn(listener: (answer: ChatAnswer, context: Context) => void): void {
    this.listeners.push(listener);
  }

  /** A new, empty session saved now: a call or a copilot case exists before its first turn. */
  async openSession(): Promise<SessionState> {
    const session = newSession(randomUUID());
    await this.store.saveSession(session);
    return session;
  }

  async getSession(id: string): Promise<SessionState> {
    return this.existing(id);
  }

  private async existing(id: string): Promise<SessionState> {
    const session = await this.store.getSession(id);
    if (!session) throw new YishiError('not_found', 'session', '会话不存在或已过期，请重新开始对话');
    return session;
  }
}

function newSession(id: string): SessionState {
  const now = new Date().toISOString();
  return { id, createdAt: now, updatedAt: now, recentBundles: [], facts: {}, turnCount: 0, history: [] };
}

/** One citation per page: several sections of the same guide are cited once. */
function uniqueCitations(citations: Context['citations']): ChatAnswer['citations'] {
  const seen = new Set<string>();
  return citations.flatMap(({ title, section, source }) => {
    const key = `${title}|${source}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ title, section, source }];
  });
}

function toAnswer(ctx: Context): ChatAnswer {
  const plan = ctx.outcome === 'answered' ? ctx.plan : undefined;
  const form = ctx.session.form;
  return {
    sessionId: ctx.session.id,
    turn: ctx.session.turnCount,
    outcome: ctx.outcome ?? 'error',
    reply: ctx.reply,
    ...(plan ? { bundle: plan.bundle, plan } : {}),
    ...(ctx.options ? { options: ctx.options } : {}),
    ...(form?.filling || form?.submission
      ? { form: formView(ctx.knowledge.catalog, form.bundleId, form) }
      : {}),
    citations: uniqueCitations(ctx.citations),
    catalogVersion: ctx.knowledge.catalog.hash.slice(0, 12),
  };
}
