import { z } from 'zod';
import { RegionCode } from '../../knowledge/model/common.schema.ts';

const Expect = z.strictObject({
  /** The reply reads exactly one checklist item (or one stage of the steps). */
  walk: z.enum(['checklist', 'steps']).optional(),
  /** Which item (第N项 / 第N步) it reads. */
  item: z.number().int().min(1).optional(),
  /** It repeats the previous reply. */
  same: z.boolean().optional(),
  action: z.enum(['transfer', 'hangup', 'none']).optional(),
  contains: z.array(z.string().min(1)).optional(),
  /** The 一件事 the call is about after this turn. */
  bundle: z.string().min(1).optional(),
});

const Turn = z.union([
  z.strictObject({ say: z.string().min(1), expect: Expect.optional() }),
  z.strictObject({ dtmf: z.string().regex(/^[0-9*#]$/), expect: Expect.optional() }),
  z.strictObject({ silence: z.literal(true), expect: Expect.optional() }),
]);

/** One phone call as text turns (the gateway did ASR), with what each reply must show. */
export const VoiceCallRow = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.string()).default([]),
  region: RegionCode.optional(),
  turns: z.array(Turn).min(1),
});
export type VoiceCallRow = z.infer<typeof VoiceCallRow>;
export type VoiceTurn = z.infer<typeof Turn>;
export type VoiceExpect = z.infer<typeof Expect>;
