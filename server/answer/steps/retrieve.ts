import type { Context } from '../context.ts';

/**
 * For a question about the bundle in focus that no plan-based answer covers (e.g. 多胞胎怎么办),
 * searches the guide chunks of that bundle and its matters.
 */
export function retrieve(ctx: Context): void {
  if (ctx.outcome || !ctx.plan) return;
  if (ctx.switched || ctx.intents.length > 0 || Object.keys(ctx.learnt).length > 0) return;
  const within = new Set([ctx.plan.bundle.id, ...ctx.plan.steps.map((s) => s.matter.id)]);
  ctx.hits = ctx.knowledge.search.search(ctx.message, { k: 3, within });
}
