import { z } from 'zod';
import { Id } from './common.schema.ts';
import { FactValue } from './condition.schema.ts';

/**
 * A situation question (情形) whose answer changes the checklist or the steps.
 * `cues` are phrases that, found in a message, select the option (e.g. 代办/帮家人办 → by-proxy: true).
 */
export const FactOption = z.strictObject({
  value: FactValue,
  label: z.string().min(1),
  cues: z.array(z.string().min(1)).default([]),
});

export const Fact = z.strictObject({
  id: Id,
  question: z.string().min(4),
  kind: z.enum(['boolean', 'choice']),
  options: z.array(FactOption).min(2),
  help: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const FactFile = z.array(Fact).min(1);
