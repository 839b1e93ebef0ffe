import { z } from 'zod';
import { LlmFailure } from '../../llm/llm-client.ts';
import { renderPrompt } from '../../llm/prompts.ts';
import type { Context } from '../context.ts';

const Verdict = z.object({
  attack: z.boolean(),
  kind: z.enum(['injection', 'jailbreak', 'data', 'fraud', 'none']).default('none'),
});

/**
 * Starts the model's injection check of a message the rules let through; resolves true for an attack.
 * Never rejects: a failure or timeout resolves false (the rules already ran) and is traced.
 */
export function startScreening(ctx: Context): Promise<boolean> | undefined {
  const llm = ctx.llm;
  if (!llm || !ctx.injectionCheck) return undefined;
  const prompt = renderPrompt('injection-check', { message: ctx.redacted });
  return llm.structured({ prompt, schema: Verdict, deadline: ctx.deadline }).then(
    ({ value, trace }) => {
      ctx.llmTraces.push(trace);
      return value.attack && value.kind !== 'none';
    },
    (error: unknown) => {
      if (error instanceof LlmFailure) ctx.llmTraces.push(error.trace);
      return false;
    },
  );
}
