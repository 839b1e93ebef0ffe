import { z } from 'zod';
import { RegionCode } from '../../knowledge/model/common.schema.ts';

/** One simple, frequent question with the fact its answer must state, taken from the source guide. */
export const SentinelRow = z.strictObject({
  id: z.string().min(1),
  bundleId: z.string().min(1),
  /** A first message that puts the bundle in focus. */
  setup: z.string().min(1),
  /** The simple follow-up question; only its reply is checked. */
  message: z.string().min(1),
  region: RegionCode.optional(),
  expect: z.strictObject({
    includes: z.array(z.string().min(1)).min(1),
    excludes: z.array(z.string().min(1)).optional(),
  }),
  /** Where the expected fact comes from (file and field). */
  source: z.string().min(1),
  tags: z.array(z.string()).default([]),
});
export type SentinelRow = z.infer<typeof SentinelRow>;
