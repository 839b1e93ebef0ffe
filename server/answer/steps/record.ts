import type { SessionStore } from '../../stores/session.types.ts';
import type { Context } from '../context.ts';
import { remember } from '../understand/history.ts';

/**
 * Saves the session (with the exchange in its short history) and a record of the turn: outcome, per-step
 * timings and, on the LLM path, each model call and why a model reply was not used.
 */
export async function record(ctx: Context, store: SessionStore): Promise<void> {
  const now = new Date().toISOString();
  ctx.session.updatedAt = now;
  ctx.session.turnCount += 1;
  // What an attack said never reaches a later prompt.
  if (ctx.outcome !== 'unsafe') remember(ctx.session, ctx.redacted, ctx.reply, ctx.session.bundleId);
  await store.saveSession(ctx.session);
  await store.appendTurn({
    sessionId: ctx.session.id,
    seq: ctx.session.turnCount,
    channel: ctx.channel,
    // Identifiers never reach the stored transcript.
    message: ctx.redacted,
    outcome: ctx.outcome ?? 'error',
    reply: ctx.reply,
    ...(ctx.session.bundleId ? { bundleId: ctx.session.bundleId } : {}),
    timings: ctx.timings,
    ...(ctx.llmTraces.length > 0 ? { llm: ctx.llmTraces } : {}),
    ...(ctx.fallback ? { fallback: ctx.fallback } : {}),
    createdAt: now,
  });
}
