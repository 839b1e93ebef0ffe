import { z } from 'zod';
import { withinRegion } from '../../../knowledge/regions/divisions.ts';
import { LlmFailure } from '../../llm/llm-client.ts';
import { renderPrompt } from '../../llm/prompts.ts';
import type { Context } from '../context.ts';
import { factsOf, focus } from './focus.ts';
import { historyText } from './history.ts';
import { IntentKind } from './intents.ts';

/** The understanding prompt's structured output; every value is checked against the catalog before use. */
export const ModelUnderstanding = z.object({
  bundleId: z.string().nullable(),
  candidates: z.array(z.string()).max(5).default([]),
  facts: z.record(z.string(), z.union([z.boolean(), z.string()])).default({}),
  intents: z.array(z.string()).default([]),
  offTopic: z.boolean().default(false),
});
export type ModelUnderstanding = z.infer<typeof ModelUnderstanding>;

/**
 * The model's reading of a message the rules could not place (no bundle) or could not read (a message
 * about the bundle in focus with no fact or question the rules know). Only ids and values the catalog
 * has are taken; anything else is dropped. A failure or timeout leaves the rules' reading.
 */
export async function understandWithModel(ctx: Context): Promise<void> {
  const llm = ctx.llm;
  if (!llm) return;
  const unplaced = (ctx.outcome === 'clarify' && !ctx.options) || ctx.outcome === 'off_topic';
  const unread =
    !ctx.outcome &&
    ctx.session.bundleId !== undefined &&
    !ctx.switched &&
    Object.keys(ctx.learnt).length === 0 &&
    ctx.intents.length === 0;
  if (!unplaced && !unread) return;

  const { catalog } = ctx.knowledge;
  const focusId = ctx.session.bundleId;
  const focusBundle = focusId ? catalog.bundles.get(focusId) : undefined;
  const facts = focusId ? factsOf(ctx, focusId) : [];
  const prompt = renderPrompt('understanding', {
    message: ctx.redacted,
    history: historyText(ctx.session.history),
    focus: focusBundle ? `${focusBundle.id} ${focusBundle.name}` : '无',
    bundles: [...catalog.bundles.values()]
      .map((b) => `${b.id}: ${b.name}（${b.aliases.slice(0, 6).join('、')}）`)
      .join('\n'),
    facts:
      facts
        .map(
          (f) =>
            `${f.id}: ${f.question} 取值：${f.options.map((o) => `${JSON.stringify(o.value)}=${o.label}`).join('；')}`,
        )
        .join('\n') || '无',
    intents: IntentKind.options.join('\n'),
  });
  let reading: ModelUnderstanding;
  try {
    const { value, trace } = await llm.structured({
      prompt,
      schema: ModelUnderstanding,
      deadline: ctx.deadline,
    });
    ctx.llmTraces.push(trace);
    reading = value;
  } catch (error) {
    if (!(error instanceof LlmFailure)) throw error;
    ctx.llmTraces.push(error.trace);
    return;
  }

  if (unplaced) {
    if (reading.offTopic) return;
    const bundle = reading.bundleId ? catalog.bundles.get(reading.bundleId) : undefined;
    if (bundle && inScope(ctx, bundle.id)) {
      ctx.outcome = undefined;
      ctx.reply = '';
      focus(ctx, bundle.id);
      ctx.session.pendingChoice = undefined;
    } else {
      const known = reading.candidates.filter((id) => catalog.bundles.has(id) && inScope(ctx, id));
      if (known.length >= 2) {
        ctx.options = known.map((id) => ({ id, name: catalog.bundles.get(id)?.name ?? id }));
        ctx.session.pendingChoice = known;
        ctx.reply = `您说的可能是以下几件事中的一件，请问是哪一件？\n${ctx.options.map((o, i) => `${i + 1}. ${o.name}`).join('\n')}`;
        ctx.outcome = 'clarify';
      }
      return;
    }
  }
  const bundleId = ctx.session.bundleId;
  if (!bundleId) return;
  const allowed = new Map(factsOf(ctx, bundleId).map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(reading.facts)) {
    const fact = allowed.get(id);
    if (!fact || ctx.learnt[id] !== undefined) continue;
    if (!fact.options.some((o) => o.value === value)) continue;
    ctx.learnt[id] = value;
    ctx.session.facts[id] = value;
  }
  for (const kind of reading.intents) {
    const parsed = IntentKind.safeParse(kind);
    if (parsed.success && !ctx.intents.some((i) => i.kind === parsed.data))
      ctx.intents.push({ kind: parsed.data });
  }
}

/** A regional bundle only counts inside its region (the router applies the same rule). */
function inScope(ctx: Context, bundleId: string): boolean {
  const scope = ctx.knowledge.catalog.bundles.get(bundleId)?.scope;
  const region = ctx.session.region;
  return !scope || (region !== undefined && withinRegion(region, scope));
}
