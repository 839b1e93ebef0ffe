import type { Catalog } from '../../../knowledge/index.ts';
import type { Context } from '../context.ts';
import { catalogNames, groundingOf, ungrounded } from '../guard/output-check.ts';

const names = new WeakMap<Catalog, string[]>();

/**
 * Checks a model-written reply against what it was given: every material, matter, document, quantity,
 * number, link and passage id it states must be in the draft, the passages or the plan. Otherwise the
 * deterministic draft is the reply, and the record says why.
 */
export function guardOutput(ctx: Context): void {
  if (ctx.draft === undefined) return;
  const catalog = ctx.knowledge.catalog;
  let known = names.get(catalog);
  if (!known) {
    known = catalogNames(catalog);
    names.set(catalog, known);
  }
  const grounding = groundingOf(
    ctx.draft,
    ctx.hits.map((h) => `${h.title}\n${h.text}\n${h.source}`),
    ctx.plan,
    ctx.hits.map((_, i) => `S${i + 1}`),
    catalog,
  );
  const problems = ungrounded(ctx.reply, grounding, known, ctx.sourcesUsed);
  if (problems.length === 0) return;
  ctx.fallback = `output guard: ${problems.slice(0, 6).join('; ')}`;
  ctx.reply = ctx.draft;
}
