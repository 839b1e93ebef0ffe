import { z } from 'zod';
import { LlmFailure } from '../../llm/llm-client.ts';
import { renderPrompt } from '../../llm/prompts.ts';
import type { Context } from '../context.ts';
import { historyText } from '../understand/history.ts';

/** A short follow-up that leans on what was said before: 银行那边呢, 那外地的呢, 这个要多久. */
export function elliptical(message: string): boolean {
  const text = message.trim();
  return [...text].length <= 14 && /^(那|那么|还有|然后)|呢[？?。]?$|这个|那个|这些|那些|它/.test(text);
}

const Rephrased = z.object({ question: z.string().min(1).max(300) });

/**
 * Makes a short follow-up whole before retrieval: on the embedded default by joining it to the previous
 * question; with a model, by the rephrase prompt. Only the search uses the rewritten text; the reply
 * still answers the person's own words.
 */
export async function rephrase(ctx: Context): Promise<void> {
  if (ctx.outcome || !ctx.plan || ctx.switched) return;
  const previous = ctx.session.history.at(-1);
  if (!previous || !elliptical(ctx.message)) return;
  ctx.query = `${previous.user} ${ctx.message}`;
  if (!ctx.llm) return;
  const prompt = renderPrompt('rephrase', {
    message: ctx.redacted,
    history: historyText(ctx.session.history),
    bundle: ctx.plan.bundle.name,
  });
  try {
    const { value, trace } = await ctx.llm.structured({ prompt, schema: Rephrased, deadline: ctx.deadline });
    ctx.llmTraces.push(trace);
    ctx.query = value.question;
  } catch (error) {
    if (!(error instanceof LlmFailure)) throw error;
    ctx.llmTraces.push(error.trace);
  }
}
