import { resolve } from 'node:path';
import { z } from 'zod';
import { YishiError } from '../knowledge/yishi-error.ts';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/**
 * The environment, parsed once at start-up. A bad value stops start-up with a message naming the
 * variable. Scale-out switches are optional: without them yishi runs on embedded defaults.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data'),
  CATALOG_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** LLM path (issue "Conversation"): any OpenAI-compatible endpoint. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().min(1).optional(),
  /** PostgreSQL for stores instead of SQLite (issue "Production readiness"). */
  DATABASE_URL: optionalUrl,
  /** socket.io Redis adapter across nodes (issue "Production readiness"). */
  REDIS_URL: optionalUrl,
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new YishiError('invalid', 'config', `invalid environment:\n${lines.join('\n')}`);
  }
  return { ...result.data, dataDir: resolve(result.data.DATA_DIR) };
}
