import { z } from 'zod';
import { BundleMatter } from './bundle.schema.ts';
import { Channel, Contact, Fees, Id, RegionCode, SourceRef, TimeLimit } from './common.schema.ts';
import { MaterialUse } from './material.schema.ts';

export { RegionCode } from './common.schema.ts';

/** How one matter differs in a region. */
export const MatterOverride = z.strictObject({
  matter: Id,
  timeLimit: TimeLimit.optional(),
  channels: z.array(Channel).optional(),
  addMaterials: z.array(MaterialUse).default([]),
  removeMaterials: z.array(Id).default([]),
  note: z.string().optional(),
});

/**
 * A region's version of a bundle over the national baseline: linked matters, materials, limits,
 * offices and channels differ by area.
 */
export const RegionOverlay = z.strictObject({
  region: RegionCode,
  regionName: z.string().min(2),
  bundle: Id,
  addMatters: z.array(BundleMatter).default([]),
  removeMatters: z.array(Id).default([]),
  matterOverrides: z.array(MatterOverride).default([]),
  promisedDays: z.number().int().min(0).optional(),
  channels: z.array(Channel).optional(),
  contact: Contact.optional(),
  /** Fees this region's version lists for the whole bundle (e.g. postage for mailed results). */
  fees: Fees.optional(),
  note: z.string().optional(),
  source: SourceRef,
});
export type RegionOverlay = z.infer<typeof RegionOverlay>;
