import type { RouteDecision } from '../../../knowledge/index.ts';
import type { Fact } from '../../../knowledge/model/fact.schema.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { SEARCH_CONFIG } from '../../../knowledge/search/search.config.ts';
import { extractFields } from '../../form/extract/extract-fields.ts';
import { FILL_INTENT } from '../../form/fill.ts';
import type { Context } from '../context.ts';
import { detectFacts } from '../understand/detect-facts.ts';
import { factsOf, focus } from '../understand/focus.ts';
import { detectIntents } from '../understand/intents.ts';
import { understandWithModel } from '../understand/model-understanding.ts';
import { looksLikeService } from '../understand/service-words.ts';

/**
 * Works out which 一件事 the message is about and what it asks. A strong route switches focus (and a
 * person may come back to an earlier one); a close call asks which one; with a bundle in focus, an
 * unroutable message is a follow-up. Never guesses a bundle: unplaced messages end as `clarify` or
 * `off_topic`.
 */
export async function understand(ctx: Context): Promise<void> {
  if (ctx.outcome) return;
  understandByRules(ctx);
  if (ctx.llm) await understandWithModel(ctx);
}

function understandByRules(ctx: Context): void {
  const { catalog, router } = ctx.knowledge;
  const text = plainWords(normalizeText(ctx.message));
  const session = ctx.session;
  ctx.intents = detectIntents(text);

  const chosen = pickOffered(text, session.pendingChoice, ctx);
  const route = router.route(ctx.message, session.region);
  ctx.route = route;

  // A message that answers something about the person's situation in the bundle in focus stays on it,
  // unless it names another bundle outright ("我跟老公都是外地户口" is about the newborn, not school).
  const focusFacts = session.bundleId ? factsOf(ctx, session.bundleId) : [];
  const pendingFact = session.pendingFact ? catalog.facts.get(session.pendingFact) : undefined;
  const aboutFocus =
    focusFacts.length > 0 && Object.keys(detectFacts(text, focusFacts, pendingFact)).length > 0;

  const back = chosen ? undefined : comingBack(ctx, route);
  ctx.cameBack = back !== undefined && back !== session.bundleId;
  let target: string | undefined = chosen ?? back;
  if (!target && route.kind === 'bundle' && !staysOnFocus(ctx, route, aboutFocus)) target = route.bundleId;
  if (!target && route.kind === 'ambiguous') {
    const ids = route.candidates.map((c) => c.bundleId);
    const followUp = (ctx.intents.length > 0 || aboutFocus) && !route.candidates.some((c) => c.aliasHit);
    // With a bundle in focus, two other candidates that the message does not name are no reason to leave it.
    const unnamed =
      !route.candidates.some((c) => c.aliasHit) && !SWITCH_BACK.test(normalizeText(ctx.message));
    if (session.bundleId && (ids.includes(session.bundleId) || followUp || unnamed || fillsFocusedForm(ctx)))
      target = session.bundleId;
    else {
      session.pendingChoice = ids;
      ctx.options = route.candidates.map((c) => ({ id: c.bundleId, name: c.name }));
      ctx.outcome = 'clarify';
      ctx.reply = `您说的可能是以下几件事中的一件，请问是哪一件？\n${ctx.options.map((o, i) => `${i + 1}. ${o.name}`).join('\n')}`;
      return;
    }
  }
  // Asked which one and answered with something else that names none (直接帮我申请吧): ask again, same options.
  const offered = session.pendingChoice;
  // …unless the request itself leans to one of them (帮我填变更申请 after 迁移 or 变更).
  const leaning =
    offered?.length && FILL_INTENT.test(text) ? route.ranked.filter((r) => offered.includes(r.bundleId)) : [];
  if (!target && leaning[0] && (leaning.length === 1 || (leaning[1]?.score ?? 0) < leaning[0].score * 0.75))
    target = leaning[0].bundleId;
  if (!target && !session.bundleId && offered?.length && route.kind !== 'bundle' && FILL_INTENT.test(text)) {
    ctx.options = offered.map((id) => ({ id, name: catalog.bundles.get(id)?.name ?? id }));
    ctx.outcome = 'clarify';
    ctx.reply = `好的，先确认一下要办的是哪一件（回复序号即可）：\n${ctx.options.map((o, i) => `${i + 1}. ${o.name}`).join('\n')}`;
    return;
  }
  if (target) focus(ctx, target);
  session.pendingChoice = undefined;

  const bundle = session.bundleId ? catalog.bundles.get(session.bundleId) : undefined;
  if (!bundle) {
    ctx.outcome = looksLikeService(text) ? 'clarify' : 'off_topic';
    return;
  }
  const pending: Fact | undefined = session.pendingFact ? catalog.facts.get(session.pendingFact) : undefined;
  ctx.learnt = detectFacts(text, factsOf(ctx, bundle.id), ctx.switched ? undefined : pending);
  Object.assign(session.facts, ctx.learnt);
}

/**
 * With a bundle in focus, a message is read as a follow-up unless it clearly names another event: a
 * follow-up question (where, how long …) or a statement of the person's situation in the focused bundle
 * switches only on a verbatim alias of the other bundle, and any
 * message stays when the focus scores close to the best (the two would be ambiguous).
 */
function staysOnFocus(
  ctx: Context,
  route: Extract<RouteDecision, { kind: 'bundle' }>,
  aboutFocus: boolean,
): boolean {
  const focusId = ctx.session.bundleId;
  if (!focusId || focusId === route.bundleId) return false;
  const best = route.ranked[0];
  if (!best) return false;
  if ((ctx.intents.length > 0 || aboutFocus) && !best.aliasHit) return true;
  // 他是企业退休的 while arranging a funeral is about the deceased, not the retirement bundle;
  // 回到开店那个 / 刚才那个注销的 are the person's way of switching back.
  // Leaving the focus takes a clear signal: a word announcing another subject, a name or alias of the
  // other bundle, or a strong match.
  const announced = SWITCH_BACK.test(normalizeText(ctx.message));
  if (aboutFocus && !announced) return true;
  // While filling a form, names, numbers and addresses are answers, not a new subject — even when they name
  // another bundle's words (社保卡银行选农业银行 is the newborn form's bank, not the social security card).
  if (ctx.session.form?.filling && ctx.session.form.bundleId === focusId) {
    if ((!announced && !best.aliasHit) || fillsFocusedForm(ctx)) return true;
  }
  if (!announced && !best.aliasHit && best.score < SEARCH_CONFIG.routing.switchMinScore) return true;
  const focusScore = route.ranked.find((r) => r.bundleId === focusId)?.score ?? 0;
  return focusScore * SEARCH_CONFIG.routing.stayRatio >= best.score;
}

/** Whether the person is filling the focused bundle's form and the message gives values for it. */
function fillsFocusedForm(ctx: Context): boolean {
  const form = ctx.session.form;
  if (!form?.filling || form.bundleId !== ctx.session.bundleId) return false;
  const fields = ctx.knowledge.catalog.bundles.get(form.bundleId)?.form.fields ?? [];
  const e = extractFields(ctx.message, { fields, today: ctx.now });
  // 刚才那个号码打错了，是… corrects the form; 刚才那个退休的呢 (no values) switches back.
  return e.values.length > 0 && (e.correction || !SWITCH_BACK.test(normalizeText(ctx.message)));
}

/**
 * 刚才那个退休的呢 / 回到开店那个: a switch-back word and a bundle discussed before that the message
 * matches at all; the best-matching one of them.
 */
function comingBack(ctx: Context, route: RouteDecision): string | undefined {
  const recent = ctx.session.recentBundles;
  if (recent.length === 0 || !SWITCH_BACK.test(normalizeText(ctx.message))) return undefined;
  return route.ranked.find((r) => recent.includes(r.bundleId))?.bundleId;
}

/** Words that announce a change of subject. */
const SWITCH_BACK =
  /刚才|回到|另外|另一个|还有一?件|换个|再问|顺便|对了|那个.{0,6}的呢|先不.{1,3}了|不.{1,2}了.?就|算了.?(先|就)/;

/** Dialect and chat spellings read as the words the fact cues use (冇 = 没, 么子 = 什么). */
function plainWords(text: string): string {
  return text.replace(/冇/g, '没').replace(/么子|啥子/g, '什么');
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
