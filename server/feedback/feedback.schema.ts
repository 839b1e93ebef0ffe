import { z } from 'zod';

/** Why an answer was rated bad (好差评 reasons). */
export const FeedbackReason = z.enum(['wrong', 'incomplete', 'no_source', 'too_long', 'not_asked', 'other']);

/** `POST /api/feedback`: a rating of one answered turn. A bad rating needs a reason. */
export const FeedbackRequest = z
  .strictObject({
    sessionId: z.uuid('会话编号格式不正确'),
    turn: z.number().int().min(1),
    rating: z.enum(['good', 'bad']),
    reason: FeedbackReason.optional(),
    text: z.string().trim().max(500, '补充说明请控制在500字以内').optional(),
  })
  .refine((f) => f.rating === 'good' || f.reason !== undefined, {
    message: '差评请选择原因',
    path: ['reason'],
  });
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** A stored rating; free text has identifiers masked. */
export const FeedbackRecord = z.object({
  sessionId: z.string(),
  seq: z.number().int(),
  rating: z.enum(['good', 'bad']),
  reason: FeedbackReason.optional(),
  text: z.string().optional(),
  createdAt: z.string(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** `GET /api/admin/feedback` query. */
export const FeedbackQuery = z.object({
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
