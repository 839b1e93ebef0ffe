import { z } from 'zod';

/** Where a value came from: a conversation turn, a shared-data record, the person's correction, or a model. */
export const FieldSource = z.object({
  kind: z.enum(['conversation', 'correction', 'shared', 'person', 'model', 'agent']),
  /** The turn that said it (conversation, correction, model). */
  turn: z.number().int().optional(),
  /** The shared-data source and record (shared). */
  record: z.string().optional(),
  at: z.string(),
});
export type FieldSource = z.infer<typeof FieldSource>;

export const FieldState = z.object({
  /** Null when what was said was refused (status invalid, with the message). */
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  source: FieldSource,
  status: z.enum(['prefilled', 'confirmed', 'invalid']),
  message: z.string().optional(),
});
export type FieldState = z.infer<typeof FieldState>;

/** A session's unified-form draft: the bundle, whether the person is filling, the field asked next, the values. */
export const FormState = z.object({
  bundleId: z.string(),
  filling: z.boolean(),
  asking: z.string().optional(),
  /** Whose fields 我 fills, once the person has said (我是他的监护人 → guardian). */
  speaker: z.string().optional(),
  fields: z.record(z.string(), FieldState),
  /** The application package once submitted (receipt number, values, matters). */
  submission: z.looseObject({ receipt: z.string(), submittedAt: z.string() }).optional(),
});
export type FormState = z.infer<typeof FormState>;
