import type { RouteDecision } from '../../../knowledge/index.ts';
import type { Fact } from '../../../knowledge/model/fact.schema.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { SEARCH_CONFIG } from '../../../knowledge/search/search.config.ts';
import type { Context } from '../context.ts';
import { detectFacts } from '../understand/detect-facts.ts';
import { detectIntents } from '../understand/intents.ts';
import { looksLikeService } from '../understand/service-words.ts';

/**
 * Works out which 一件事 the message is about and what it asks. A strong route switches focus (and a
 * person may come back to an earlier one); a close call asks which one; with a bundle in focus, an
 * unroutable message is a follow-up. Never guesses a bundle: unplaced messages end as `clarify` or
 * `off_topic`.
 */
export function understand(ctx: Context): void {
  if (ctx.outcome) return;
  const { catalog, router } = ctx.knowledge;
  const text = normalizeText(ctx.message);
  const session = ctx.session;
  ctx.intents = detectIntents(text);

  const chosen = pickOffered(text, session.pendingChoice, ctx);
  const route = router.route(ctx.message, session.region);
  ctx.route = route;

  let target: string | undefined = chosen;
  if (!target && route.kind === 'bundle' && !staysOnFocus(ctx, route)) target = route.bundleId;
  if (!target && route.kind === 'ambiguous') {
    const ids = route.candidates.map((c) => c.bundleId);
    const followUp = ctx.intents.length > 0 && !route.candidates.some((c) => c.aliasHit);
    if (session.bundleId && (ids.includes(session.bundleId) || followUp)) target = session.bundleId;
    else {
      session.pendingChoice = ids;
      ctx.options = route.candidates.map((c) => ({ id: c.bundleId, name: c.name }));
      ctx.outcome = 'clarify';
      ctx.reply = `您说的可能是以下几件事中的一件，请问是哪一件？\n${ctx.options.map((o, i) => `${i + 1}. ${o.name}`).join('\n')}`;
      return;
    }
  }
  if (target) focus(ctx, target);
  session.pendingChoice = undefined;

  const bundle = session.bundleId ? catalog.bundles.get(session.bundleId) : undefined;
  if (!bundle) {
    ctx.outcome = looksLikeService(text) ? 'clarify' : 'off_topic';
    return;
  }
  const facts = bundle.facts.flatMap((id) => {
    const f = catalog.facts.get(id);
    return f ? [f] : [];
  });
  const pending: Fact | undefined = session.pendingFact ? catalog.facts.get(session.pendingFact) : undefined;
  ctx.learnt = detectFacts(text, facts, ctx.switched ? undefined : pending);
  Object.assign(session.facts, ctx.learnt);
}

/**
 * With a bundle in focus, a message is read as a follow-up unless it clearly names another event: a
 * follow-up question (where, how long …) switches only on a verbatim alias of the other bundle, and any
 * message stays when the focus scores close to the best (the two would be ambiguous).
 */
function staysOnFocus(ctx: Context, route: Extract<RouteDecision, { kind: 'bundle' }>): boolean {
  const focusId = ctx.session.bundleId;
  if (!focusId || focusId === route.bundleId) return false;
  const best = route.ranked[0];
  if (!best) return false;
  if (ctx.intents.length > 0 && !best.aliasHit) return true;
  const focusScore = route.ranked.find((r) => r.bundleId === focusId)?.score ?? 0;
  return focusScore * SEARCH_CONFIG.routing.stayRatio >= best.score;
}

function focus(ctx: Context, bundleId: string): void {
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

/** After "which one?", reads 第一个 / 1 / a name among the offered bundles. */
function pickOffered(text: string, offered: string[] | undefined, ctx: Context): string | undefined {
  if (!offered?.length) return undefined;
  const ordinal = /^(?:第)?([一二三1-3])(?:个|件)?$/.exec(text.replace(/[，,。.!！?？\s]/g, ''));
  if (ordinal?.[1]) {
    const n = '一二三'.indexOf(ordinal[1]) + 1 || Number(ordinal[1]);
    return offered[n - 1];
  }
  return offered.find((id) => {
    const name = ctx.knowledge.catalog.bundles.get(id)?.name.replace(/[“”"]|一件事/g, '');
    return name !== undefined && text.includes(name);
  });
}
