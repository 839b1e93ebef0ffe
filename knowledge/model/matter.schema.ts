import { z } from 'zod';
import { Channel, Contact, Faq, Fees, Id, SourceRef, TimeLimit } from './common.schema.ts';
import { MaterialUse } from './material.schema.ts';

export const MatterType = z.enum([
  '行政许可',
  '行政确认',
  '行政给付',
  '行政裁决',
  '行政备案',
  '公共服务',
  '其他行政权力',
]);

/** A matter (事项) with the national service-guide elements. */
export const Matter = z.strictObject({
  id: Id,
  /** Power-list or implementation code (事项编码) when a public source gives one. */
  code: z.string().optional(),
  name: z.string().min(2),
  aliases: z.array(z.string()).default([]),
  department: z.string().min(2),
  /** Absent only for imported matters whose source does not say. */
  type: MatterType.optional(),
  /** Level and department that handle it, e.g. 县级公安机关户籍窗口. */
  level: z.string().optional(),
  /** Authored matters always give both (see catalog completeness test); imported ones may not. */
  legalBasis: z.array(z.string().min(2)).default([]),
  conditions: z.array(z.string().min(2)).default([]),
  materials: z.array(MaterialUse),
  steps: z.array(z.strictObject({ name: z.string().min(2), detail: z.string().optional() })).min(1),
  timeLimit: TimeLimit,
  fees: Fees,
  channels: z.array(Channel).min(1),
  contact: Contact.optional(),
  faqs: z.array(Faq).default([]),
  /** The document or outcome the person receives (出生医学证明, 居民户口簿 …). */
  result: z.string().optional(),
  source: SourceRef,
});
export type Matter = z.infer<typeof Matter>;
