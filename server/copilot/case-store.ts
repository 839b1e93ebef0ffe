import type { WorkOrder } from './work-order.schema.ts';

/** How an agent came to see a case. */
export type CaseAccessVia = 'opened' | 'case-code' | 'handed';

export interface CaseAccess {
  sessionId: string;
  agent: string;
  via: CaseAccessVia;
  /** The agent who handed it on (via handed). */
  from?: string;
  at: string;
}

/** Which agent may see which case, and the work orders (工单) saved for cases. */
export interface CaseStore {
  grantCaseAccess(access: CaseAccess): Promise<void>;
  getCaseAccess(sessionId: string, agent: string): Promise<CaseAccess | undefined>;
  /** The cases an agent can see, newest first. */
  listAgentCases(agent: string): Promise<CaseAccess[]>;
  saveWorkOrder(order: WorkOrder): Promise<void>;
  listWorkOrders(sessionId: string): Promise<WorkOrder[]>;
}
