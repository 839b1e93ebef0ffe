import { z } from 'zod';

/** Why a model call gave no usable answer. */
export const LlmFailureReason = z.enum([
  'timeout',
  'rate_limited',
  'server_error',
  'network',
  'malformed',
  'invalid',
  'refused',
  'unavailable',
]);
export type LlmFailureReason = z.infer<typeof LlmFailureReason>;

/** What each model call leaves in the turn record: enough to review it, never the prompt text. */
export const LlmTrace = z.object({
  prompt: z.string(),
  version: z.number().int(),
  model: z.string(),
  ms: z.number(),
  attempts: z.number().int(),
  tokens: z.object({ input: z.number(), output: z.number(), total: z.number() }).optional(),
  /** The structured output as the model gave it (validated). */
  raw: z.unknown().optional(),
  failure: LlmFailureReason.optional(),
});
export type LlmTrace = z.infer<typeof LlmTrace>;
