import type { Context } from '../context.ts';

/**
 * Searches the guide chunks of the bundle in focus and its matters for the question's own words, so a
 * question no plan-based answer covers (多胞胎怎么办, 公示期多久) is answered from the guide — also in the
 * first message about a bundle (社保卡密码忘了咋整 gets the plan and the passage on passwords).
 */
export async function retrieve(ctx: Context): Promise<void> {
  if (ctx.outcome || !ctx.plan) return;
  const within = new Set([ctx.plan.bundle.id, ...ctx.plan.steps.map((s) => s.matter.id)]);
  ctx.hits = await ctx.knowledge.search.search(ctx.query, {
    k: 3,
    ...(ctx.session.region ? { region: ctx.session.region } : {}),
    within,
  });
}
