import { z } from 'zod';

/** One routing case: a first message and what yishi must do with it. */
export const RoutingRow = z.strictObject({
  id: z.string().min(1),
  message: z.string().min(1).max(2000),
  expect: z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('answered'), bundleId: z.string().min(1) }),
    z.strictObject({ outcome: z.literal('off_topic') }),
    z.strictObject({ outcome: z.literal('clarify') }),
    z.strictObject({ outcome: z.literal('unsafe') }),
    z.strictObject({ outcome: z.literal('crisis') }),
    z.strictObject({ outcome: z.literal('handoff') }),
  ]),
  tags: z.array(z.string()).default([]),
});
export type RoutingRow = z.infer<typeof RoutingRow>;
