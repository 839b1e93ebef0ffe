import { z } from 'zod';

/** Catalog ids are lowercase kebab-case ASCII so they are stable in URLs, logs and form keys. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase kebab-case, e.g. birth-registration');

/** A GB/T 2260 administrative division code: 6 digits (430000 湖南省, 430100 长沙市, 430102 芙蓉区). */
export const RegionCode = z.string().regex(/^\d{6}$/, 'region must be a 6-digit GB/T 2260 code');

/** A calendar date written as YYYY-MM-DD (retrieval dates of sources). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/** Where a fact came from: every bundle and matter cites at least one public page. */
export const SourceRef = z.strictObject({
  title: z.string().min(2),
  url: z.url(),
  publisher: z.string().min(2).optional(),
  retrieved: IsoDate,
});
export type SourceRef = z.infer<typeof SourceRef>;

/** How and where a matter or bundle is applied for. */
export const Channel = z.strictObject({
  kind: z.enum(['online', 'app', 'office', 'mail', 'kiosk', 'phone']),
  name: z.string().min(2),
  url: z.url().optional(),
  address: z.string().optional(),
  hours: z.string().optional(),
  note: z.string().optional(),
});
export type Channel = z.infer<typeof Channel>;

/**
 * Legal and promised time limits in working days (工作日) unless `unit` says otherwise.
 * 0 means handled on the spot (即办).
 */
export const TimeLimit = z.strictObject({
  legalDays: z.number().int().min(0).optional(),
  promisedDays: z.number().int().min(0),
  unit: z.enum(['workday', 'day']).default('workday'),
  note: z.string().optional(),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Fees = z.strictObject({
  free: z.boolean(),
  items: z
    .array(z.strictObject({ name: z.string(), amount: z.string(), basis: z.string().optional() }))
    .default([]),
  note: z.string().optional(),
});
export type Fees = z.infer<typeof Fees>;

export const Contact = z.strictObject({
  phone: z.string().optional(),
  note: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Faq = z.strictObject({ q: z.string().min(2), a: z.string().min(2) });
export type Faq = z.infer<typeof Faq>;
