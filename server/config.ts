import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { normalizeText } from '../knowledge/search/normalize.ts';
import { YishiError } from '../knowledge/yishi-error.ts';
import { DEFAULT_SENSITIVE_WORDS } from './answer/guard/safety-rules.ts';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/**
 * The environment, parsed once at start-up. A bad value stops start-up with a message naming the
 * variable. Scale-out switches are optional: without them yishi runs on embedded defaults.
 */
/** A comma-separated setting as a list of its trimmed, non-empty items. */
const commaList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

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
  /** The model's time budget per turn (all its calls together); past it the deterministic reply is used. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  /** A model call with no first token by then is given up (a slow endpoint); the turn answers without it. */
  LLM_FIRST_TOKEN_MS: z.coerce.number().int().min(100).max(60_000).default(1500),
  /**
   * How the model is asked for JSON: `json_object` (OpenAI, Qwen, DeepSeek, vLLM, Ollama), `json_schema`
   * (endpoints with strict schemas), or `none` (the prompt alone asks for JSON).
   */
  LLM_JSON_MODE: z.enum(['json_object', 'json_schema', 'none']).default('json_object'),
  /** Ask the model for a second opinion on prompt injection after the rules (default on with a model). */
  LLM_INJECTION_CHECK: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Extra 敏感词, comma-separated, added to the built-in list. */
  SENSITIVE_WORDS: z.string().optional(),
  /** A file of extra 敏感词, one per line (# comments allowed). */
  SENSITIVE_WORDS_FILE: z.string().min(1).optional(),
  /** Dense retrieval through an OpenAI-compatible embeddings endpoint (bge-m3 on vLLM/TEI/Ollama, OpenAI …). */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Defaults to OPENAI_BASE_URL. */
  EMBEDDINGS_BASE_URL: optionalUrl,
  /** Defaults to OPENAI_API_KEY. */
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** HS256 secret of the portal's identity tokens (at least 32 characters). */
  AUTH_JWT_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  /** The portal issuer's JWKS URL (RS256/ES256/EdDSA tokens); takes precedence over the secret. */
  AUTH_JWKS_URL: optionalUrl,
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** A real data-sharing exchange (same contract as the sandbox); default: the sandbox yishi serves itself. */
  EXCHANGE_BASE_URL: optionalUrl,
  EXCHANGE_API_KEY: z.string().min(1).optional(),
  /**
   * Portal origins allowed to embed the widget (comma-separated, e.g. https://zwfw.hunan.gov.cn): sent as the chat
   * frame's `frame-ancestors`, and the only origins the chat talks to over postMessage. yishi's own origin is always
   * allowed (the demo portal).
   */
  PORTAL_ORIGINS: commaList.pipe(z.array(z.url().transform((u) => new URL(u).origin))),
  /**
   * The telephony gateway's shared key for the `/voice` socket namespace (docs/voice-protocol.md). Unset: only
   * a gateway on this machine (loopback) may connect.
   */
  VOICE_GATEWAY_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  /** Speech recognition through an OpenAI-compatible `/audio/transcriptions`; unset: text turns only. */
  ASR_MODEL: z.string().min(1).optional(),
  /** Defaults to OPENAI_BASE_URL. */
  ASR_BASE_URL: optionalUrl,
  /** Defaults to OPENAI_API_KEY. */
  ASR_API_KEY: z.string().min(1).optional(),
  /** Speech synthesis through an OpenAI-compatible `/audio/speech`; unset: the embedded eSpeak NG Mandarin. */
  TTS_MODEL: z.string().min(1).optional(),
  TTS_VOICE: z.string().min(1).default('alloy'),
  /** Defaults to OPENAI_BASE_URL. */
  TTS_BASE_URL: optionalUrl,
  /** Defaults to OPENAI_API_KEY. */
  TTS_API_KEY: z.string().min(1).optional(),
  /** Where saved work orders (工单) go: an HTTP endpoint (POST JSON) and/or a JSON Lines file. */
  WORK_ORDER_URL: optionalUrl,
  WORK_ORDER_FILE: z.string().min(1).optional(),
  /** HTTP requests per client IP per minute. */
  RATE_LIMIT_IP_PER_MIN: z.coerce.number().int().min(1).default(600),
  /** Chat turns per session per minute (HTTP and socket). */
  RATE_LIMIT_TURNS_PER_SESSION_PER_MIN: z.coerce.number().int().min(1).default(30),
  /** Chat turns per client IP per minute (an office behind one address has many people). */
  RATE_LIMIT_TURNS_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(300),
  /** Behind a reverse proxy: express's `trust proxy` (a hop count, or addresses), so limits see the client's IP. */
  TRUST_PROXY: z.string().optional(),
  /** Channels answering only with CHANNEL_OFF_MESSAGE (the kill switch): widget, api, copilot, voice. */
  CHANNELS_OFF: commaList.pipe(z.array(z.enum(['widget', 'api', 'copilot', 'voice']))),
  CHANNEL_OFF_MESSAGE: z.string().min(4).max(200).optional(),
  /** A bearer token for /metrics; unset: /metrics is open (keep it on the internal network). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** PostgreSQL for stores instead of SQLite (issue "Production readiness"). */
  DATABASE_URL: optionalUrl,
  /** socket.io Redis adapter across nodes (issue "Production readiness"). */
  REDIS_URL: optionalUrl,
});

export type Config = z.infer<typeof ConfigSchema> & {
  dataDir: string;
  knowledgeDirs: string[];
  /** The built-in 敏感词 plus SENSITIVE_WORDS and SENSITIVE_WORDS_FILE. */
  sensitiveWords: string[];
};

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
  return { ...result.data, dataDir, knowledgeDirs, sensitiveWords: sensitiveWordList(result.data) };
}

function sensitiveWordList(env: z.infer<typeof ConfigSchema>): string[] {
  const extra = (env.SENSITIVE_WORDS ?? '').split(',');
  if (env.SENSITIVE_WORDS_FILE) {
    if (!existsSync(env.SENSITIVE_WORDS_FILE))
      throw new YishiError(
        'invalid',
        'config',
        `SENSITIVE_WORDS_FILE: ${env.SENSITIVE_WORDS_FILE} does not exist`,
      );
    extra.push(
      ...readFileSync(env.SENSITIVE_WORDS_FILE, 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('#')),
    );
  }
  const words = extra.map((w) => normalizeText(w)).filter((w) => w.length > 0);
  return [...new Set([...DEFAULT_SENSITIVE_WORDS, ...words])];
}

/** Every catalog folder an import wrote into `dir` (those with a bundles/ or regions/ folder). */
function importedCatalogs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['bundles', 'regions'].some((s) => existsSync(join(dir, d.name, s))))
    .map((d) => join(dir, d.name))
    .sort();
}
