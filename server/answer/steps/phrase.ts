import { z } from 'zod';
import { SECTION_LABEL } from '../../../knowledge/search/chunks.ts';
import { LlmFailure } from '../../llm/llm-client.ts';
import { type RenderedPrompt, renderPrompt } from '../../llm/prompts.ts';
import { UrlTokens } from '../../llm/url-tokens.ts';
import type { Context } from '../context.ts';
import { historyText } from '../understand/history.ts';
import { PII_REMINDER } from './compose.ts';

/** The composer prompts' structured output. */
export const ComposerOutput = z.object({
  answer: z.string().min(1).max(4000),
  completeness: z.enum(['complete', 'partial', 'none']),
  sources: z.array(z.string()).default([]),
});

/**
 * The LLM path's composer: the model rewrites the deterministic reply (the draft, made from the plan) with
 * the retrieved passages, streaming as it writes. Links travel as tokens. The draft is kept for the output
 * guard, which falls back to it; a failure, a timeout or "no answer" keeps the draft too.
 */
export async function phrase(ctx: Context): Promise<void> {
  const llm = ctx.llm;
  if (!llm || ctx.outcome !== 'answered') return;
  const urls = new UrlTokens();
  const draft = ctx.reply;
  const passages = ctx.hits.map(
    (h, i) =>
      `[S${i + 1}] ${h.title} / ${SECTION_LABEL[h.section]}\n${urls.hide(`${h.text}\n来源：${h.source}`)}`,
  );
  const bundle = ctx.plan ? `${ctx.plan.bundle.name}（${ctx.plan.region.name}）` : '无';
  const prompt = composerPrompt(
    ctx,
    urls.hide(withoutReminder(draft)),
    bundle,
    passages.join('\n\n') || '无',
  );
  const onDelta = ctx.onDelta;
  try {
    const { value, trace } = await llm.structured({
      prompt,
      schema: ComposerOutput,
      deadline: ctx.deadline,
      ...(onDelta
        ? { stream: { field: 'answer', onText: (t: string) => onDelta(urls.restorePartial(t)) } }
        : {}),
    });
    ctx.llmTraces.push(trace);
    if (value.completeness === 'none') {
      ctx.fallback = 'model: the draft and passages do not answer it';
      return;
    }
    ctx.draft = draft;
    ctx.reply = urls.restore(value.answer);
    if (ctx.pii.length > 0) ctx.reply += `\n\n${PII_REMINDER}`;
    ctx.sourcesUsed = value.sources;
  } catch (error) {
    if (!(error instanceof LlmFailure)) throw error;
    ctx.llmTraces.push(error.trace);
    ctx.fallback = `model: ${error.reason}`;
  }
}

function composerPrompt(ctx: Context, draft: string, bundle: string, passages: string): RenderedPrompt {
  if (ctx.channel === 'voice') return renderPrompt('voice-answer', { question: ctx.redacted, bundle, draft });
  return renderPrompt('citizen-answer', {
    question: ctx.redacted,
    history: historyText(ctx.session.history),
    bundle,
    draft,
    passages,
  });
}

function withoutReminder(reply: string): string {
  return reply.replace(`\n\n${PII_REMINDER}`, '');
}
