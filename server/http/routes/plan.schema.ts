import { z } from 'zod';
import { Id } from '../../../knowledge/model/common.schema.ts';
import { FactValue } from '../../../knowledge/model/condition.schema.ts';
import { RegionCode } from '../../../knowledge/model/region-overlay.schema.ts';

export const PlanRequest = z.strictObject({
  bundleId: Id,
  facts: z.record(Id, FactValue).default({}),
  region: RegionCode.optional(),
});
