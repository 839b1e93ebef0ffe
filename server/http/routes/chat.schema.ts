import { z } from 'zod';
import { RegionCode } from '../../../knowledge/model/region-overlay.schema.ts';
import { MAX_MESSAGE_CHARS } from '../../answer/steps/guard-input.ts';

export const ChatRequest = z.strictObject({
  sessionId: z.uuid().optional(),
  message: z
    .string()
    .trim()
    .min(1, '消息不能为空')
    .refine((m) => [...m].length <= MAX_MESSAGE_CHARS, `消息过长，请控制在${MAX_MESSAGE_CHARS}字以内`),
  region: RegionCode.optional(),
  /** The client's idempotency key: a repeated key gets the stored reply and is never applied twice. */
  id: z.string().min(1).max(100).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;
