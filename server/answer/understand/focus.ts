import type { Fact } from '../../../knowledge/model/fact.schema.ts';
import type { Context } from '../context.ts';

/** The situation facts a bundle depends on. */
export function factsOf(ctx: Context, bundleId: string): Fact[] {
  const { catalog } = ctx.knowledge;
  return (catalog.bundles.get(bundleId)?.facts ?? []).flatMap((id) => {
    const f = catalog.facts.get(id);
    return f ? [f] : [];
  });
}

/** Puts a bundle in focus, remembering the previous one so the person can come back to it. */
export function focus(ctx: Context, bundleId: string): void {
  const session = ctx.session;
  if (session.bundleId === bundleId) return;
  if (session.bundleId)
    session.recentBundles = [
      session.bundleId,
      ...session.recentBundles.filter((b) => b !== session.bundleId && b !== bundleId),
    ].slice(0, 5);
  session.bundleId = bundleId;
  session.pendingFact = undefined;
  ctx.switched = true;
}
