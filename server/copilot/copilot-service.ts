import { randomInt } from 'node:crypto';
import type { Knowledge } from '../../knowledge/index.ts';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import type { ChatAnswer } from '../answer/chat-answer.ts';
import { issueCaseCode, sessionOfCaseCode } from '../form/case-code.ts';
import { draftOf, setFieldValue } from '../form/form-draft.ts';
import { formView } from '../form/form-view.ts';
import type { SessionState, Store } from '../stores/session.types.ts';
import type { CaseAccess } from './case-store.ts';
import { type CopilotPanels, callerLines, copilotPanels } from './panels.ts';
import type { WorkOrder, WorkOrderInput } from './work-order.schema.ts';
import { draftWorkOrder } from './work-order.ts';
import type { ExportResult, WorkOrderExport } from './work-order-export.ts';

/**
 * The hotline agent's side of a case. An agent sees only the cases they opened, entered by case code with the
 * caller's consent (recorded in the audit log), or were handed by another agent; everything else is 404, so a
 * session id alone reveals nothing.
 */
export class CopilotService {
  constructor(
    private readonly knowledge: Knowledge,
    private readonly answers: AnswerService,
    private readonly store: Store,
    private readonly exporter: WorkOrderExport,
  ) {}

  /** A new call: an empty case the agent owns, with a code the caller can use in the widget later. */
  async open(agent: string): Promise<{ sessionId: string; caseCode: string; panels: CopilotPanels }> {
    const session = await this.answers.openSession();
    await this.grant({ sessionId: session.id, agent, via: 'opened', at: now() });
    const { code } = await issueCaseCode(this.store, session.id);
    return { sessionId: session.id, caseCode: code, panels: copilotPanels(this.knowledge, session) };
  }

  /** A caller's case code, opened only with their consent, which is recorded. */
  async join(
    agent: string,
    code: string,
    consent: boolean,
  ): Promise<{ sessionId: string; panels: CopilotPanels }> {
    if (!consent) throw new YishiError('invalid', 'case', '需要先征得来电人同意，才能查看其案件');
    const sessionId = await sessionOfCaseCode(this.store, code);
    if (!sessionId) throw new YishiError('not_found', 'case', '案件码不存在或已过期');
    await this.store.appendAudit({
      at: now(),
      actor: agent,
      action: 'case-access',
      sessionId,
      purpose: '12345热线坐席经来电人口头同意查看案件（办事清单与表单草稿）',
    });
    await this.grant({ sessionId, agent, via: 'case-code', at: now() });
    return { sessionId, panels: copilotPanels(this.knowledge, await this.answers.getSession(sessionId)) };
  }

  /** Hands the case to another agent (a transfer between seats or to a supervisor). */
  async hand(agent: string, sessionId: string, to: string): Promise<void> {
    await this.session(agent, sessionId);
    await this.grant({ sessionId, agent: to, via: 'handed', from: agent, at: now() });
  }

  async cases(agent: string): Promise<CaseAccess[]> {
    return this.store.listAgentCases(agent);
  }

  /** The case as the agent sees it: panels, transcript and saved work orders. */
  async view(agent: string, sessionId: string) {
    const session = await this.session(agent, sessionId);
    const turns = await this.store.listTurns(sessionId);
    return {
      panels: copilotPanels(this.knowledge, session),
      transcript: turns.map((t) => ({
        seq: t.seq,
        channel: t.channel,
        caller: t.message,
        reply: t.reply,
        at: t.createdAt,
      })),
      workOrders: await this.store.listWorkOrders(sessionId),
    };
  }

  /** What the caller just said, as the agent typed or pasted it: one turn of the case's pipeline. */
  async callerSaid(
    agent: string,
    sessionId: string,
    message: string,
  ): Promise<{ answer: ChatAnswer; panels: CopilotPanels }> {
    await this.session(agent, sessionId);
    const answer = await this.answers.answer({ sessionId, message, channel: 'copilot' });
    return {
      answer,
      panels: copilotPanels(this.knowledge, await this.answers.getSession(sessionId), answer),
    };
  }

  /** The agent corrects or fills a form field from the call. */
  async setField(agent: string, sessionId: string, key: string, value: string | number | boolean) {
    const session = await this.session(agent, sessionId);
    const form = draftOf(session);
    // The agent heard it; the person still confirms it (prefilled, not confirmed).
    setFieldValue(this.knowledge.catalog, form, key, value, 'agent', 'prefilled');
    await this.store.saveSession(session);
    return formView(this.knowledge.catalog, form.bundleId, form);
  }

  async workOrderDraft(agent: string, sessionId: string): Promise<WorkOrderInput> {
    const session = await this.session(agent, sessionId);
    const panels = copilotPanels(this.knowledge, session);
    const turns = await this.store.listTurns(sessionId);
    const filled = Object.values(session.form?.fields ?? {}).filter((f) => f.value != null).length;
    return draftWorkOrder({
      lines: callerLines(session),
      warnings: panels.warnings,
      plan: panels.plan,
      outcomes: turns.map((t) => t.outcome),
      formFilled: filled,
    });
  }

  async saveWorkOrder(
    agent: string,
    sessionId: string,
    input: WorkOrderInput,
  ): Promise<{ order: WorkOrder; exported: ExportResult }> {
    await this.session(agent, sessionId);
    const createdAt = now();
    const order: WorkOrder = {
      ...input,
      id: `GD${createdAt.slice(0, 10).replace(/-/g, '')}${String(randomInt(1_000_000)).padStart(6, '0')}`,
      sessionId,
      agent,
      channel: 'hotline',
      createdAt,
    };
    await this.store.saveWorkOrder(order);
    return { order, exported: await this.exporter.send(order) };
  }

  /** The session behind a case the agent may see; 404 for any other, whether or not it exists. */
  async session(agent: string, sessionId: string): Promise<SessionState> {
    const access = await this.store.getCaseAccess(sessionId, agent);
    if (!access) throw new YishiError('not_found', 'case', '案件不存在，或您无权查看');
    return this.answers.getSession(sessionId);
  }

  private grant(access: CaseAccess): Promise<void> {
    return this.store.grantCaseAccess(access);
  }
}

const now = () => new Date().toISOString();
