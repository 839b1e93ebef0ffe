import { z } from 'zod';
import { Id } from './common.schema.ts';

/**
 * A register or electronic licence (电子证照) that, where connected, replaces a paper material:
 * the office reads it instead of asking the person for it (免提交).
 */
export const SharedSource = z.strictObject({
  id: Id,
  name: z.string().min(2),
  kind: z.enum(['register', 'elicence']),
  provider: z.string().min(2),
  note: z.string().optional(),
});
export type SharedSource = z.infer<typeof SharedSource>;

export const SharedSourceFile = z.array(SharedSource).min(1);
