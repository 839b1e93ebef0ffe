import { type Knowledge, plan as makePlan, type Plan } from '../../knowledge/index.ts';
import { SEARCH_CONFIG } from '../../knowledge/search/search.config.ts';
import type { ChatAnswer } from '../answer/chat-answer.ts';
import { formView } from '../form/form-view.ts';
import type { SessionState } from '../stores/session.types.ts';
import { listeningText, shortSentences } from '../voice/listening-text.ts';
import { callerWarnings } from './warnings.ts';
import type { WarningKind } from './work-order.schema.ts';
import { categoryOf } from './work-order.ts';

/** What the agent sees beside a call, updated after every caller turn. */
export interface CopilotPanels {
  sessionId: string;
  /** The 一件事 the case is about and the runners-up, with a share of the routing score (0–1). */
  bundles: { id: string; name: string; confidence: number; chosen: boolean }[];
  plan?: Plan;
  /** The most decisive fact still unknown: the question to ask next. */
  nextQuestion?: { fact: string; question: string; options: string[] };
  /** What the agent can say, in spoken Chinese, and the guides it rests on. */
  replyDraft: { text: string; citations: { title: string; section: string; source: string }[] };
  form?: ReturnType<typeof formView>;
  warnings: WarningKind[];
}

/** The caller's words so far (identifiers masked), oldest first. */
export const callerLines = (session: SessionState): string[] => session.history.map((h) => h.user);

/**
 * The panels of a case, from its session (bundle, facts, form) and the caller's words. Confidence is each
 * bundle's share of the top three routing scores over everything the caller said, so a call that names its
 * need late still ranks it first. The reply draft is the last answer made speakable, or the plan in brief.
 */
export function copilotPanels(
  knowledge: Knowledge,
  session: SessionState,
  answer?: ChatAnswer,
): CopilotPanels {
  const lines = callerLines(session);
  const warnings = callerWarnings(lines);
  const { bundleId, bundles } = bundlesOf(knowledge, session, lines, warnings);
  const plan = bundleId
    ? makePlan(knowledge.catalog, {
        bundleId,
        facts: session.facts,
        ...(session.region ? { region: session.region } : {}),
      })
    : undefined;
  const question = plan?.questions[0];
  const formBundle = session.form?.bundleId;
  return {
    sessionId: session.id,
    bundles,
    ...(plan ? { plan } : {}),
    ...(question
      ? {
          nextQuestion: {
            fact: question.fact,
            question: question.question,
            options: question.options.map((o) => o.label),
          },
        }
      : {}),
    replyDraft: replyDraft(plan, answer),
    ...(formBundle ? { form: formView(knowledge.catalog, formBundle, session.form) } : {}),
    warnings,
  };
}

/**
 * The bundle the case is about and the top three candidates with their share of the routing score, from one
 * routing of everything the caller said.
 */
function bundlesOf(
  knowledge: Knowledge,
  session: SessionState,
  lines: readonly string[],
  warnings: readonly WarningKind[],
): { bundleId: string | undefined; bundles: CopilotPanels['bundles'] } {
  const decision = knowledge.router.route(lines.join('。'), session.region);
  const ranked = decision.ranked.slice(0, 3);
  // The assistant may not have settled on a bundle (a complaint or a call for a supervisor came first): the
  // copilot names one only when the caller said its name or an alias outright (办退休), never on looser cues.
  const named = decision.kind === 'bundle' && decision.ranked[0]?.aliasHit ? decision.bundleId : undefined;
  // A complaint, praise or suggestion is about how something went — a road, a noisy shop — and names a 一件事
  // only by saying it outright or by strong evidence (four times the router's own minimum score).
  const aboutService = !['投诉', '表扬', '建议'].includes(categoryOf(lines, warnings));
  const clearly = (id: string) => {
    const r = ranked.find((x) => x.bundleId === id);
    return Boolean(r && (r.aliasHit || r.score >= SEARCH_CONFIG.routing.minScore * 4));
  };
  const settled =
    session.bundleId && (aboutService || clearly(session.bundleId)) ? session.bundleId : undefined;
  const bundleId = settled ?? (session.bundleId ? undefined : named);
  const total = ranked.reduce((sum, r) => sum + Math.max(0, r.score), 0);
  const bundles = ranked
    .filter((r) => r.score > 0)
    .map((r) => ({
      id: r.bundleId,
      name: r.name,
      confidence: total > 0 ? Math.round((r.score / total) * 100) / 100 : 0,
      chosen: r.bundleId === bundleId,
    }));
  if (bundleId && !bundles.some((b) => b.chosen)) {
    const name = knowledge.catalog.bundles.get(bundleId)?.name ?? bundleId;
    bundles.unshift({ id: bundleId, name, confidence: 0, chosen: true });
  }
  return { bundleId, bundles };
}

/** Sentences an agent reads out: the answer without citations or markup, at most six short sentences. */
function replyDraft(plan: Plan | undefined, answer?: ChatAnswer): CopilotPanels['replyDraft'] {
  const source = answer?.reply ?? (plan ? planInBrief(plan) : '');
  const sentences = shortSentences(spokenKeepingDigits(source)).slice(0, 6);
  return { text: sentences.join(''), citations: answer?.citations ?? [] };
}

/** Agents read digits fine: only markup, URLs and citations go; numbers stay as written. */
function spokenKeepingDigits(text: string): string {
  const digits: string[] = [];
  const kept = text.replace(/https?:\/\/\S+/g, '').replace(/\d+(?:[.:：-]\d+)*/g, (d) => {
    digits.push(d);
    // A private-use character per number: listeningText leaves it alone.
    return String.fromCharCode(0xe000 + digits.length - 1);
  });
  return listeningText(kept).replace(/[\ue000-\uf8ff]/g, (c) => digits[c.charCodeAt(0) - 0xe000] ?? '');
}

function planInBrief(plan: Plan): string {
  const submit = plan.checklist.filter((c) => c.status === 'submit').map((c) => c.name);
  const shared = plan.checklist.filter((c) => c.status === 'shared').map((c) => c.name);
  return [
    `您要办的是${plan.bundle.name}。`,
    `需要准备：${submit.join('、')}。`,
    shared.length ? `${shared.join('、')}不用交，部门通过共享数据查询。` : '',
    `一共分${plan.stageCount}步办理。`,
  ].join('');
}
