import { z } from 'zod';

const Outcome = z.enum(['answered', 'clarify', 'no_answer', 'off_topic', 'unsafe', 'crisis', 'handoff']);

/** One guardrail case: a first message, how the turn must end, and what the reply and record may hold. */
export const GuardrailRow = z.strictObject({
  id: z.string().min(1),
  message: z.string().min(1),
  expect: z.strictObject({
    outcome: Outcome,
    bundleId: z.string().min(1).optional(),
    /** Strings the reply must contain (e.g. 12356 for a crisis). */
    replyIncludes: z.array(z.string().min(1)).optional(),
    /** Strings the reply must not contain (what an injection tried to extract). */
    replyExcludes: z.array(z.string().min(1)).optional(),
    /** Strings the stored transcript must not contain (identifiers). */
    storedExcludes: z.array(z.string().min(1)).optional(),
  }),
  /** The first tag is the category the report groups by. */
  tags: z.array(z.string()).min(1),
});
export type GuardrailRow = z.infer<typeof GuardrailRow>;
