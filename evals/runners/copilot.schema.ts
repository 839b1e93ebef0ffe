import { z } from 'zod';
import { WarningKind, WORK_ORDER_CATEGORIES } from '../../server/copilot/work-order.schema.ts';

/** One hotline call as the agent typed it, with what the copilot should show after the last turn. */
export const CopilotCallRow = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.string()).default([]),
  turns: z.array(z.string().min(1)).min(1),
  expect: z.strictObject({
    bundle: z.string().min(1).nullable(),
    /** The fact the agent should ask about next; null when none is left (or no bundle). */
    nextQuestion: z.string().min(1).nullable(),
    category: z.enum(WORK_ORDER_CATEGORIES),
    warnings: z.array(WarningKind).default([]),
  }),
});
export type CopilotCallRow = z.infer<typeof CopilotCallRow>;
