import { z } from 'zod';

export const WORK_ORDER_CATEGORIES = ['咨询', '求助', '投诉', '建议', '表扬'] as const;
export const WarningKind = z.enum(['crisis', 'complaint', 'supervisor', 'handoff']);
export type WarningKind = z.infer<typeof WarningKind>;

/** What the agent may edit before saving (the rest is filled in by the server). */
export const WorkOrderInput = z.strictObject({
  category: z.enum(WORK_ORDER_CATEGORIES),
  bundle: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }).nullable(),
  matters: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1) })).max(40),
  /** What the caller asked for, in a sentence or two. */
  summary: z.string().trim().min(2, '请填写诉求摘要').max(500),
  /** What was answered on the call. */
  answered: z.string().trim().max(1000),
  /** What still has to happen, and who does it. */
  followUp: z.string().trim().max(500),
  warnings: z.array(WarningKind).max(4).default([]),
});
export type WorkOrderInput = z.infer<typeof WorkOrderInput>;

/** A saved 工单. */
export const WorkOrder = WorkOrderInput.extend({
  id: z.string(),
  sessionId: z.string(),
  agent: z.string(),
  channel: z.string(),
  createdAt: z.string(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;
