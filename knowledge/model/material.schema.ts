import { z } from 'zod';
import { Id } from './common.schema.ts';
import { Condition } from './condition.schema.ts';

/**
 * The identity of a material across matters (居民身份证 is one thing whichever matter asks for it),
 * so the planner can merge a bundle's checklist by `id`.
 */
export const MaterialDef = z.strictObject({
  id: Id,
  name: z.string().min(2),
  kind: z.enum(['identity', 'certificate', 'licence', 'form', 'proof', 'contract', 'photo', 'other']),
  /** The register or electronic licence that can replace it, when one exists. */
  shared: Id.optional(),
  aliases: z.array(z.string()).default([]),
  note: z.string().optional(),
});
export type MaterialDef = z.infer<typeof MaterialDef>;

export const MaterialFile = z.array(MaterialDef).min(1);

/** One matter's requirement for a material. */
export const MaterialUse = z.strictObject({
  ref: Id,
  forms: z
    .array(z.enum(['original', 'copy', 'electronic']))
    .min(1)
    .default(['original']),
  copies: z.number().int().min(1).optional(),
  /** Only needed when this holds (e.g. applying by proxy → power of attorney). */
  condition: Condition.optional(),
  /** Overrides the material's default shared source for this matter; `null` = this office cannot read it. */
  shared: Id.nullable().optional(),
  /** 容缺后补: may be handed in after acceptance. */
  deferrable: z.boolean().default(false),
  note: z.string().optional(),
});
export type MaterialUse = z.infer<typeof MaterialUse>;
