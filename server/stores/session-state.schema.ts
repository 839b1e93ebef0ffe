import { z } from 'zod';
import { FactValue } from '../../knowledge/model/condition.schema.ts';
import { FormState } from '../form/form-state.ts';
import { LlmTrace } from '../llm/llm-trace.ts';

/** Stored session rows are parsed on the way back in: a row written by an older version fails loudly. */
export const SessionStateSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  bundleId: z.string().optional(),
  recentBundles: z.array(z.string()).default([]),
  region: z.string().optional(),
  facts: z.record(z.string(), FactValue).default({}),
  pendingFact: z.string().optional(),
  pendingChoice: z.array(z.string()).optional(),
  turnCount: z.number().int().default(0),
  history: z
    .array(z.object({ user: z.string(), reply: z.string(), bundleId: z.string().optional() }))
    .default([]),
  form: FormState.optional(),
  owner: z.string().optional(),
});

export const TurnRecordSchema = z.object({
  sessionId: z.string(),
  seq: z.number().int(),
  channel: z.string(),
  message: z.string(),
  outcome: z.string(),
  reply: z.string(),
  bundleId: z.string().optional(),
  timings: z.record(z.string(), z.number()),
  llm: z.array(LlmTrace).optional(),
  fallback: z.string().optional(),
  createdAt: z.string(),
});
