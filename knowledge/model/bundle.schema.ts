import { z } from 'zod';
import { Channel, Contact, Faq, Id, RegionCode, SourceRef } from './common.schema.ts';
import { Condition } from './condition.schema.ts';
import { FormField } from './form-field.schema.ts';

/** A member matter of a bundle with the matters it must wait for. */
export const BundleMatter = z.strictObject({
  id: Id,
  after: z.array(Id).default([]),
  /** Only part of the bundle when this holds (e.g. only for enterprise retirees). */
  condition: Condition.optional(),
  note: z.string().optional(),
});
export type BundleMatter = z.infer<typeof BundleMatter>;

const Figures = z.strictObject({
  days: z.number().min(0).optional(),
  trips: z.number().min(0).optional(),
  materials: z.number().min(0).optional(),
  steps: z.number().min(0).optional(),
});

/** A 一件事: the bundle of matters of one life or business event. */
export const Bundle = z.strictObject({
  id: Id,
  /** The official name as in the national list, e.g. 新生儿出生一件事. */
  name: z.string().min(4),
  /** National key-matters list and year, only where a public source confirms it. */
  list: z.strictObject({ batch: z.enum(['第一批', '第二批']), year: z.number().int().min(2024) }).optional(),
  audience: z.enum(['person', 'business']),
  /** Set for a regional bundle (e.g. imported from a provincial portal): offered only within this region. */
  scope: RegionCode.optional(),
  /** Codes of this bundle on provincial portals (Hunan 43PCN0009 …), so imported local versions become overlays. */
  portalCodes: z.array(z.string().regex(/^[0-9A-Z]{6,20}$/)).default([]),
  summary: z.string().min(10),
  leadDepartment: z.string().min(2),
  /** How people actually name the event (宝宝出生, 上户口 …). */
  aliases: z.array(z.string().min(2)).min(3),
  matters: z.array(BundleMatter).min(1),
  /** Situation facts that change the plan, in the order a person would naturally be asked. */
  facts: z.array(Id).default([]),
  form: z.strictObject({ fields: z.array(FormField).min(1) }),
  /** The bundle's own promised limit for the whole event (working days). */
  promisedDays: z.number().int().min(0).optional(),
  /** Before/after figures of the reform, where published. */
  reform: z.strictObject({ before: Figures, after: Figures, note: z.string().optional() }).optional(),
  channels: z.array(Channel).min(1),
  contact: Contact.optional(),
  faqs: z.array(Faq).default([]),
  sources: z.array(SourceRef).min(1),
});
export type Bundle = z.infer<typeof Bundle>;
