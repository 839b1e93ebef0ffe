import { z } from 'zod';
import { Id } from './common.schema.ts';

/** A field of a bundle's unified form (一表申请), mapped back to the matters that need it. */
export const FormField = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)*$/, 'key must be dotted camelCase, e.g. child.name'),
  label: z.string().min(2),
  type: z.enum(['text', 'idNumber', 'uscc', 'phone', 'date', 'address', 'number', 'choice', 'boolean']),
  required: z.boolean().default(true),
  options: z.array(z.string()).optional(),
  section: z.string().optional(),
  matters: z.array(Id).min(1),
  /** A shared register that can prefill this field, under consent, with the attribute read. */
  shared: z.strictObject({ source: Id, attribute: z.string() }).optional(),
  help: z.string().optional(),
});
export type FormField = z.infer<typeof FormField>;
