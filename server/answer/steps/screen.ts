import type { Context } from '../context.ts';
import { OUTCOME_MESSAGES } from '../outcome.ts';

/**
 * Awaits the model's injection check that guard-input started (it ran while the rules understood,
 * planned and searched). A positive verdict ends the turn as `unsafe` before anything is composed.
 */
export async function screen(ctx: Context): Promise<void> {
  if (!ctx.screening) return;
  const attack = await ctx.screening;
  if (!attack || ctx.outcome === 'crisis' || ctx.outcome === 'unsafe') return;
  ctx.outcome = 'unsafe';
  ctx.guard.reason = 'injection (model check)';
  ctx.plan = undefined;
  ctx.hits = [];
  ctx.options = undefined;
  ctx.reply = OUTCOME_MESSAGES.unsafe;
}
