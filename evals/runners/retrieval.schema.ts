import { z } from 'zod';

/** One search query with the chunks that answer it (none = nothing in the catalog does). */
export const RetrievalRow = z.strictObject({
  id: z.string().min(1),
  query: z.string().min(1).max(500),
  relevant: z.array(z.string().min(1)),
  bundleId: z.string().nullable(),
  tags: z.array(z.string()).default([]),
});
export type RetrievalRow = z.infer<typeof RetrievalRow>;
