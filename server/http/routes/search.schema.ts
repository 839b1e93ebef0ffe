import { z } from 'zod';
import { RegionCode } from '../../../knowledge/model/region-overlay.schema.ts';

export const SearchQuery = z.object({
  q: z.string().trim().min(1, '请输入要搜索的内容').max(200, '搜索内容过长'),
  k: z.coerce.number().int().min(1).max(20).default(5),
  region: RegionCode.optional(),
});
