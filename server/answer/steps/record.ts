import type { SessionStore } from '../../stores/session.types.ts';
import type { Context } from '../context.ts';

/** Saves the session and an audit record of the turn with its outcome and per-step timings. */
export async function record(ctx: Context, store: SessionStore): Promise<void> {
  const now = new Date().toISOString();
  ctx.session.updatedAt = now;
  ctx.session.turnCount += 1;
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
    createdAt: now,
  });
}
