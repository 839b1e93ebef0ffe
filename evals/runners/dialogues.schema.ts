import { z } from 'zod';
import { IntentKind } from '../../server/answer/understand/intents.ts';

const Outcome = z.enum(['answered', 'clarify', 'no_answer', 'off_topic', 'unsafe', 'crisis', 'handoff']);

/** One turn of a dialogue: what the person says and what must hold after yishi's reply. */
export const DialogueTurn = z.strictObject({
  user: z.string().min(1),
  expect: z.strictObject({
    outcome: Outcome,
    /** The bundle in focus after the turn. */
    bundleId: z.string().min(1).optional(),
    /** Situation facts the session must know after the turn (the plan changes with them). */
    facts: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
    /** The follow-up the turn asks (where, time, fees …). */
    intent: IntentKind.optional(),
    replyIncludes: z.array(z.string().min(1)).optional(),
  }),
});

export const DialogueRow = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.string()).default([]),
  turns: z.array(DialogueTurn).min(2),
});
export type DialogueRow = z.infer<typeof DialogueRow>;
export type DialogueTurn = z.infer<typeof DialogueTurn>;
