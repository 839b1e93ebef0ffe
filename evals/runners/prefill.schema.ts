import { z } from 'zod';

/** One assisted-filling dialogue: the turns, the day they happen, and every form value they state. */
export const PrefillRow = z.strictObject({
  id: z.string().min(1),
  bundleId: z.string().min(1),
  /** "Today" for relative dates (昨天, 上个月5号). */
  today: z.iso.date(),
  turns: z.array(z.string().min(1)).min(2),
  expect: z.strictObject({
    /** Every value the conversation states, after corrections, normalized (dates ISO, money in 元 …). */
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    /** Keys given only a wrong ID number or credit code: no value may be accepted for them. */
    invalid: z.array(z.string()).default([]),
  }),
  tags: z.array(z.string()).default([]),
});
export type PrefillRow = z.infer<typeof PrefillRow>;
