import { plan } from '../../../knowledge/index.ts';
import type { Context } from '../context.ts';

/** Plans the bundle in focus for the facts known so far and the session's region. */
export function planStep(ctx: Context): void {
  if (ctx.outcome || !ctx.session.bundleId) return;
  ctx.plan = plan(ctx.knowledge.catalog, {
    bundleId: ctx.session.bundleId,
    facts: ctx.session.facts,
    ...(ctx.session.region ? { region: ctx.session.region } : {}),
  });
}
