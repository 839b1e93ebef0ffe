import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { parsePartialJson } from '@langchain/core/output_parsers';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { Config } from '../config.ts';
import type { LlmFailureReason, LlmTrace } from './llm-trace.ts';
import type { RenderedPrompt } from './prompts.ts';

export class LlmFailure extends YishiError {
  constructor(
    readonly reason: LlmFailureReason,
    readonly trace: LlmTrace,
    cause?: unknown,
  ) {
    super('unavailable', 'llm', `model call ${trace.prompt} failed: ${reason}`, { cause });
  }
}

export interface StructuredCall<T> {
  prompt: RenderedPrompt;
  schema: z.ZodType<T>;
  /** Epoch ms by which the turn's model budget ends; a call never runs past it. */
  deadline: number;
  /** Receives the growing value of this string field while the model streams (for live replies). */
  stream?: { field: string; onText: (textSoFar: string) => void };
}

/** A retry is only tried when at least this much of the budget is left. */
const MIN_ATTEMPT_MS = 500;
const ATTEMPTS = 2;

/**
 * Every model call of yishi: a rendered prompt in, a zod-validated object out, streamed, within the turn's
 * time budget, retried once on a rate limit, a server error, a dropped connection or malformed output, and
 * otherwise failing with a typed reason so the caller falls back to the deterministic reply.
 */
export class LlmClient {
  constructor(
    private readonly model: BaseChatModel,
    readonly modelName: string,
    private readonly jsonMode: Config['LLM_JSON_MODE'],
    readonly timeoutMs: number,
    /** No first token by then: the endpoint is slow, the turn goes on without it. */
    private readonly firstTokenMs = 1500,
    /** After a timeout or an unreachable endpoint, calls fail at once for this long (a circuit breaker). */
    private readonly breakerMs = 30_000,
  ) {}

  /** Until when calls fail at once (the endpoint just timed out or was unreachable). */
  private openUntil = 0;

  async structured<T>(call: StructuredCall<T>): Promise<{ value: T; trace: LlmTrace }> {
    const started = performance.now();
    const trace: LlmTrace = {
      prompt: call.prompt.id,
      version: call.prompt.version,
      model: this.modelName,
      ms: 0,
      attempts: 0,
    };
    let last: { reason: LlmFailureReason; error: unknown } = { reason: 'timeout', error: undefined };
    if (Date.now() < this.openUntil) {
      trace.failure = 'unavailable';
      throw new LlmFailure('unavailable', trace, undefined);
    }
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const remaining = call.deadline - Date.now();
      if (remaining < (attempt === 1 ? 1 : MIN_ATTEMPT_MS)) break;
      trace.attempts = attempt;
      try {
        const value = await this.once(call, remaining, trace);
        trace.ms = Math.round(performance.now() - started);
        trace.raw = value;
        return { value, trace };
      } catch (error) {
        last = { reason: failureReason(error), error };
        if (!RETRYABLE.has(last.reason)) break;
      }
    }
    trace.ms = Math.round(performance.now() - started);
    trace.failure = last.reason;
    if (last.reason === 'timeout' || last.reason === 'network') this.openUntil = Date.now() + this.breakerMs;
    throw new LlmFailure(last.reason, trace, last.error);
  }

  private async once<T>(call: StructuredCall<T>, remainingMs: number, trace: LlmTrace): Promise<T> {
    const messages = [new SystemMessage(call.prompt.system), new HumanMessage(call.prompt.user)];
    // Two clocks: the turn's remaining budget, and the first token (a slow endpoint is given up early).
    const controller = new AbortController();
    const timeout = (label: string) => () => controller.abort(new DOMException(label, 'TimeoutError'));
    const budget = setTimeout(timeout('turn budget'), remainingMs);
    const firstToken = setTimeout(timeout('no first token'), Math.min(this.firstTokenMs, remainingMs));
    try {
      return await this.read(call, messages, controller.signal, firstToken, trace);
    } finally {
      clearTimeout(budget);
      clearTimeout(firstToken);
    }
  }

  private async read<T>(
    call: StructuredCall<T>,
    messages: (SystemMessage | HumanMessage)[],
    signal: AbortSignal,
    firstToken: NodeJS.Timeout,
    trace: LlmTrace,
  ): Promise<T> {
    const stream = await this.model.stream(messages, { signal, ...this.responseFormat(call) });
    let text = '';
    let streamed = '';
    for await (const chunk of stream) {
      clearTimeout(firstToken);
      if (typeof chunk.content === 'string') text += chunk.content;
      const usage = chunk.usage_metadata;
      if (usage)
        trace.tokens = { input: usage.input_tokens, output: usage.output_tokens, total: usage.total_tokens };
      if (call.stream && chunk.content) {
        const partial: unknown = parsePartialJson(stripFence(text));
        const field =
          partial && typeof partial === 'object'
            ? (partial as Record<string, unknown>)[call.stream.field]
            : undefined;
        if (typeof field === 'string' && field.length > streamed.length) {
          streamed = field;
          call.stream.onText(field);
        }
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(stripFence(text));
    } catch (error) {
      throw new YishiError('invalid', 'llm-output', 'model output is not JSON', {
        cause: error,
        details: 'malformed',
      });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success)
      throw new YishiError('invalid', 'llm-output', 'model output does not match the schema', {
        cause: parsed.error,
        details: 'invalid',
      });
    return parsed.data;
  }

  private responseFormat<T>(call: StructuredCall<T>): Record<string, unknown> {
    if (this.jsonMode === 'none') return {};
    if (this.jsonMode === 'json_object') return { response_format: { type: 'json_object' } };
    return {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: call.prompt.id.replace(/-/g, '_'),
          schema: z.toJSONSchema(call.schema),
          strict: false,
        },
      },
    };
  }
}

const RETRYABLE = new Set<LlmFailureReason>(['rate_limited', 'server_error', 'network', 'malformed']);

function failureReason(error: unknown): LlmFailureReason {
  if (error instanceof YishiError && error.area === 'llm-output')
    return error.details === 'invalid' ? 'invalid' : 'malformed';
  const e = error as { name?: string; status?: number; code?: string; message?: string } | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || /abort|timed? ?out/i.test(e?.message ?? ''))
    return 'timeout';
  if (e?.status === 429) return 'rate_limited';
  if (typeof e?.status === 'number' && e.status >= 500) return 'server_error';
  if (typeof e?.status === 'number') return 'refused';
  return 'network';
}

/** Models sometimes wrap JSON in a Markdown fence even when asked not to. */
function stripFence(text: string): string {
  return text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```$/, '')
    .trim();
}

/**
 * The model client when `OPENAI_MODEL` is set (with `OPENAI_API_KEY`, `OPENAI_BASE_URL` or both: a local
 * vLLM or Ollama needs no key); undefined on the embedded default. LangChain's and the SDK's own retries
 * are off: the client above retries within the turn's budget.
 */
export function createLlmClient(config: Config): LlmClient | undefined {
  if (!config.OPENAI_MODEL || !(config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) return undefined;
  const model = new ChatOpenAI({
    model: config.OPENAI_MODEL,
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    ...(config.OPENAI_BASE_URL ? { configuration: { baseURL: config.OPENAI_BASE_URL } } : {}),
    temperature: 0.2,
    maxRetries: 0,
    streaming: true,
    streamUsage: true,
  });
  return new LlmClient(
    model,
    config.OPENAI_MODEL,
    config.LLM_JSON_MODE,
    config.LLM_TIMEOUT_MS,
    config.LLM_FIRST_TOKEN_MS,
  );
}
