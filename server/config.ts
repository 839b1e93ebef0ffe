import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  /** Extra catalog folders (comma-separated), loaded beside the authored one; default: every folder in DATA_DIR/catalogs. */
  KNOWLEDGE_DIRS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** LLM path (issue "Conversation"): any OpenAI-compatible endpoint. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().min(1).optional(),
  /** Dense retrieval through an OpenAI-compatible embeddings endpoint (bge-m3 on vLLM/TEI/Ollama, OpenAI …). */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Defaults to OPENAI_BASE_URL. */
  EMBEDDINGS_BASE_URL: optionalUrl,
  /** Defaults to OPENAI_API_KEY. */
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** PostgreSQL for stores instead of SQLite (issue "Production readiness"). */
  DATABASE_URL: optionalUrl,
  /** socket.io Redis adapter across nodes (issue "Production readiness"). */
  REDIS_URL: optionalUrl,
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string; knowledgeDirs: string[] };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new YishiError('invalid', 'config', `invalid environment:\n${lines.join('\n')}`);
  }
  const dataDir = resolve(result.data.DATA_DIR);
  const knowledgeDirs =
    result.data.KNOWLEDGE_DIRS !== undefined
      ? result.data.KNOWLEDGE_DIRS.split(',')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => resolve(d))
      : importedCatalogs(join(dataDir, 'catalogs'));
  return { ...result.data, dataDir, knowledgeDirs };
}

/** Every catalog folder an import wrote into `dir` (those with a bundles/ or regions/ folder). */
function importedCatalogs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['bundles', 'regions'].some((s) => existsSync(join(dir, d.name, s))))
    .map((d) => join(dir, d.name))
    .sort();
}
