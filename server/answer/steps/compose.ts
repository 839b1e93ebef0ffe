import type { Citation, HybridHit, Plan } from '../../../knowledge/index.ts';
import { SECTION_LABEL } from '../../../knowledge/search/chunks.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { SEARCH_CONFIG } from '../../../knowledge/search/search.config.ts';
import { fillReply } from '../../form/fill.ts';
import { mentionedSteps } from '../compose/mentioned-matters.ts';
import { renderFollowUp } from '../compose/render-follow-up.ts';
import { renderChecklist, renderQuestion, renderRegion, renderSteps } from '../compose/render-plan.ts';
import type { Context } from '../context.ts';
import { OUTCOME_MESSAGES } from '../outcome.ts';
import { looksLikeService } from '../understand/service-words.ts';

/**
 * The opening line: a new bundle's overview, a return to one, or the situation just learnt; and whether the whole
 * checklist and steps follow.
 */
function openingOf(ctx: Context, plan: Plan): { text?: string; whole: boolean } {
  const learnt = Object.keys(ctx.learnt);
  // Back to an earlier bundle with a question: answer it; the person has seen that plan.
  const resumed = ctx.switched && ctx.cameBack === true && ctx.intents.length > 0;
  if (resumed) return { text: `回到“${plan.bundle.name}”：`, whole: false };
  if (ctx.switched) {
    const bundle = ctx.knowledge.catalog.bundles.get(plan.bundle.id);
    const names = plan.steps.map((s) => s.matter.name);
    return {
      text: `您要办的是“${plan.bundle.name}”（${plan.region.name}）。${bundle?.summary ?? ''}这件事把${names.length}个事项合并办理：${names.join('、')}。${renderRegion(plan)}`,
      whole: true,
    };
  }
  if (learnt.length > 0) {
    const labels = learnt.map((id) => optionLabel(ctx, id)).join('，');
    return {
      text: `好的，已按您的情况（${labels}）更新了“${plan.bundle.name}”的清单和步骤。`,
      whole: ctx.intents.length === 0,
    };
  }
  return { whole: false };
}

/** Answers to the follow-up questions: per step the message names (time, where), then per intent. */
function followUps(ctx: Context, plan: Plan, matterIds: Set<string>): string[] {
  const { catalog } = ctx.knowledge;
  const parts: string[] = [];
  for (const { step, phrase } of mentionedSteps(ctx.message, plan, catalog)) {
    matterIds.add(step.matter.id);
    const named = phrase === step.matter.name ? step.matter.name : `“${phrase}”（即${step.matter.name}）`;
    const note = catalog.matters.get(step.matter.id)?.timeLimit.note;
    if (ctx.intents.some((i) => i.kind === 'time'))
      parts.push(`${named}：${step.timeLimit.text}${note ? `（${note}）` : ''}。`);
    else if (ctx.intents.some((i) => i.kind === 'where'))
      parts.push(`${named}：${step.channel ?? step.department}。`);
  }
  for (const intent of ctx.intents) {
    const answer = renderFollowUp(intent, plan, catalog);
    for (const id of answer.matterIds) matterIds.add(id);
    parts.push(answer.text);
  }
  return parts;
}

/**
 * The deterministic grounded composer: writes the reply only from the plan and cited chunks.
 * A new bundle or new facts get the whole plan and the next question; a follow-up gets its answer;
 * a free question gets the best guide passage; anything else gets `no_answer`.
 */
export function compose(ctx: Context): void {
  composeReply(ctx);
  if (ctx.pii.length > 0 && (ctx.outcome === 'answered' || ctx.outcome === 'no_answer')) {
    ctx.reply += `\n\n${PII_REMINDER}`;
  }
}

/** Said when a guidance question carried an ID, phone or card number (masked in our records). */
export const PII_REMINDER =
  '温馨提示：咨询办事不需要提供身份证号、手机号或银行卡号，我们已在记录中隐去；只有填写申请表时才需要填写。';

function composeReply(ctx: Context): void {
  if (ctx.outcome) {
    if (!ctx.reply && ctx.outcome !== 'answered') ctx.reply = OUTCOME_MESSAGES[ctx.outcome];
    return;
  }
  const plan = ctx.plan;
  if (!plan) {
    ctx.outcome = 'no_answer';
    ctx.reply = OUTCOME_MESSAGES.no_answer;
    return;
  }
  const { catalog } = ctx.knowledge;
  // While filling, a message that gave values gets what was filled (电话13912345678 is an answer, not a
  // question about phone numbers); a question that filled nothing is answered as usual.
  const filledSomething = ctx.filled && (ctx.filled.set.length > 0 || ctx.filled.rejected.length > 0);
  if (ctx.filled && ctx.session.form && (filledSomething || ctx.intents.length === 0)) {
    ctx.outcome = 'answered';
    ctx.reply = fillReply(catalog, ctx.session.form, ctx.filled);
    ctx.citations = citationsFor(plan, new Set());
    return;
  }
  const learnt = Object.keys(ctx.learnt);
  const matterIds = new Set<string>();
  const { text: opening, whole } = openingOf(ctx, plan);
  const parts = [...(opening ? [opening] : []), ...followUps(ctx, plan, matterIds)];
  const passage = ctx.switched
    ? firstTurnPassage(ctx)
    : ctx.intents.length > 0 || learnt.length > 0
      ? specificPassage(ctx)
      : undefined;
  if (passage)
    parts.push(`另外，根据“${passage.title}”的${SECTION_LABEL[passage.section]}：\n${passage.text}`);
  if (whole) {
    if (!ctx.intents.some((i) => i.kind === 'materials')) parts.push(renderChecklist(plan));
    if (!ctx.intents.some((i) => i.kind === 'steps')) parts.push(renderSteps(plan));
  }
  if (!whole && ctx.intents.length === 0 && learnt.length === 0) {
    const hit = bestCovering(ctx, ctx.hits);
    if (!hit || !coversQuestion(ctx, hit)) {
      ctx.outcome = looksLikeService(normalizeText(ctx.message)) ? 'no_answer' : 'off_topic';
      ctx.reply = OUTCOME_MESSAGES[ctx.outcome];
      return;
    }
    parts.push(`根据“${hit.title}”的${SECTION_LABEL[hit.section]}：\n${hit.text}`);
    ctx.citations = [hit, ...ctx.hits.filter((h) => h !== hit)]
      .slice(0, 2)
      .map((h) => ({ id: h.id, title: h.title, section: SECTION_LABEL[h.section], source: h.source }));
  }

  const question = whole || learnt.length > 0 ? renderQuestion(plan) : undefined;
  if (question) parts.push(question);
  ctx.session.pendingFact = question ? plan.questions[0]?.fact : ctx.session.pendingFact;
  if (ctx.citations.length === 0) ctx.citations = citationsFor(plan, whole ? undefined : matterIds);
  const titles = [...new Set(ctx.citations.map((c) => c.title))];
  parts.push(`依据：${titles.map((t, i) => `[${i + 1}] ${t}`).join('；')}`);
  ctx.outcome = 'answered';
  ctx.reply = parts.join('\n\n');
}

/**
 * A guide passage worth adding to an intent answer: the question has words beyond the intent (公示期 in
 * 简易注销公示期多久) and the best FAQ, conditions or limits chunk contains them.
 */
function specificPassage(ctx: Context): HybridHit | undefined {
  const candidates = ctx.hits.filter((h) => ['faq', 'conditions', 'limits', 'steps'].includes(h.section));
  const best = bestCovering(ctx, candidates);
  if (!best) return undefined;
  const words = contentWords(ctx);
  // A question needs one of its words in the passage; a statement of the person's situation (还有公积金贷款没还完)
  // two, since it did not ask for more than the updated plan.
  const asks = ctx.intents.length > 0 || QUESTION.test(normalizeText(ctx.message));
  if (coverage(words, best) >= (asks ? 1 : 2)) return best;
  // A bare follow-up (能在网上办吗) after a specific situation (非正常死亡): the passage that speaks to both.
  const asked = ctx.knowledge.tokenizer.tokens(ctx.message).filter((t) => INTENT_WORDS.test(t));
  if (words.length === 0 && coverage(asked, best) > 0 && coverage(historyWords(ctx), best) > 0) return best;
  return undefined;
}

/** The question's distinctive words: not generic service words, not the words that only name an intent. */
function contentWords(ctx: Context): string[] {
  const generic = new Set<string>(SEARCH_CONFIG.routing.genericTerms);
  return [
    ...new Set(
      ctx.knowledge.tokenizer
        .tokens(ctx.message)
        .filter(
          (t) =>
            !FUNCTION_CHARS.test(t) && !generic.has(t) && !INTENT_WORDS.test(t) && !POINTING_WORDS.test(t),
        ),
    ),
  ];
}

/**
 * For the first message about a bundle: the guide's FAQ when its question is the person's question
 * (社保卡密码忘了咋整 ≈ 社保卡密码忘了怎么办); none for 退休要准备什么, which the plan answers.
 */
function firstTurnPassage(ctx: Context): HybridHit | undefined {
  const words = contentWords(ctx);
  if (words.length < 2) return undefined;
  // Only a guide question that is the person's question: most of its words, at least two.
  const asked = (h: HybridHit) => questionCoverage(words, h);
  const best = [...ctx.hits].filter((h) => h.section === 'faq').sort((a, b) => asked(b) - asked(a))[0];
  return best && asked(best) >= Math.max(2, Math.ceil(words.length * 0.6)) ? best : undefined;
}

/**
 * Whether a passage speaks to what the question adds beyond naming the event: 退休以后能去国外定居吗 has
 * 国外 and 定居 beyond 退休, and a retirement passage without them does not answer it.
 */
function coversQuestion(ctx: Context, hit: HybridHit): boolean {
  const beyond = wordsBeyondEvent(ctx);
  return beyond.length === 0 || coverage(beyond, hit) > 0;
}

/** The question's content words that do not just name the bundle in focus or its matters. */
function wordsBeyondEvent(ctx: Context): string[] {
  const focus = ctx.plan ? ctx.knowledge.catalog.bundles.get(ctx.plan.bundle.id) : undefined;
  if (!focus || !ctx.plan) return [];
  const named = normalizeText(
    [focus.name, ...focus.aliases, ...ctx.plan.steps.map((s) => s.matter.name)].join(' '),
  );
  return contentWords(ctx).filter((w) => !named.includes(w) && [...w].length >= 2);
}

/** How many of the words a FAQ passage's own question contains. */
function questionCoverage(words: readonly string[], hit: HybridHit): number {
  const question = normalizeText(hit.question ?? '');
  return words.filter((w) => question.includes(w)).length;
}

/** How many of the words the passage contains, as written or as the guides say it (明年 → 次年). */
function coverage(words: readonly string[], hit: HybridHit): number {
  const text = normalizeText(hit.text);
  const synonyms: Record<string, readonly string[]> = SEARCH_CONFIG.chunks.synonyms;
  return words.filter((w) => text.includes(w) || (synonyms[w] ?? []).some((s) => text.includes(s))).length;
}

/**
 * Among hits of close relevance, the one that contains most of the question's own words; on a tie, the
 * stronger exact-word (BM25) match, since that is the passage that will be quoted.
 */
function bestCovering(ctx: Context, hits: readonly HybridHit[]): HybridHit | undefined {
  const words = contentWords(ctx);
  const earlier = historyWords(ctx);
  const lexical = (h: HybridHit) => h.signals.bm25?.score ?? 0;
  // A guide question worded like the person's is the best passage among equals.
  const asked = (h: HybridHit) => {
    const n = questionCoverage(words, h);
    return n >= 2 ? n : 0;
  };
  return [...hits].sort(
    (a, b) =>
      coverage(words, b) - coverage(words, a) ||
      asked(b) - asked(a) ||
      coverage(earlier, b) - coverage(earlier, a) ||
      lexical(b) - lexical(a) ||
      b.score - a.score,
  )[0];
}

/**
 * The distinctive words of the person's last two messages: 要公示不 after 我是个体户 asks about a
 * 个体户's notice period, and the passage about 个体户 is the better answer.
 */
function historyWords(ctx: Context): string[] {
  const generic = new Set<string>(SEARCH_CONFIG.routing.genericTerms);
  // The situation as the catalog words it (出车祸 is known as 非正常死亡), and the person's own last words.
  const known = Object.keys(ctx.session.facts).map((id) => optionLabel(ctx, id, ctx.session.facts[id]));
  const text = [...ctx.session.history.slice(-2).map((h) => h.user), ...known].join(' ');
  return [
    ...new Set(ctx.knowledge.tokenizer.tokens(text).filter((t) => !generic.has(t) && [...t].length >= 2)),
  ];
}

/** A message that asks something, beyond stating a fact about the person. */
const QUESTION = /[吗么？?]|多少|怎么|能不能|可不可以|是否|是不是|要不要|会不会|能否|咋/;

/** Single characters that only hold a sentence together (寄 or 发 do carry meaning and stay). */
const FUNCTION_CHARS = /^[能在吗呢的了是要有我你他她就都也还和跟把被给啊吧呀嘛么哪谁得地着过会可想请]$/;

/** Words that point back at something said before; they carry no content of their own. */
const POINTING_WORDS = /^(那边|这边|那个|这个|那些|这些|各个|几个|一下|还要|还得|的话)$/;

const INTENT_WORDS =
  /^(多久|多长|时间|几天|网上|线上|在线|电话|地址|收费|费用|原件|复印件|材料|流程|步骤|现场|办理|申请|能不能|可以|需要)$/;

function citationsFor(plan: Plan, matterIds?: ReadonlySet<string>): Citation[] {
  const bundleLevel = plan.citations.filter((c) => !c.id.startsWith('matter:'));
  if (!matterIds || matterIds.size === 0) return matterIds ? bundleLevel : plan.citations;
  return bundleLevel.concat(plan.citations.filter((c) => matterIds.has(c.id.slice('matter:'.length))));
}

function optionLabel(ctx: Context, factId: string, value = ctx.learnt[factId]): string {
  const fact = ctx.knowledge.catalog.facts.get(factId);
  return fact?.options.find((o) => o.value === value)?.label ?? factId;
}
