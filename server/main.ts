import { join } from 'node:path';
import { buildKnowledge, DEFAULT_CATALOG_DIR, loadCatalog } from '../knowledge/index.ts';
import { type AppDeps, createApp } from './app.ts';
import { Auth } from './auth/auth.ts';
import { type Config, loadConfig } from './config.ts';
import { embeddingsOptions } from './embeddings.ts';
import { createLlmClient } from './llm/llm-client.ts';
import { createLogger } from './logger.ts';
import { ChannelSwitch, DEFAULT_OFF_MESSAGE } from './observability/channel-switch.ts';
import { useRedisAdapter } from './scale/redis-adapter.ts';
import { openStore } from './stores/open-store.ts';
import { speechFromConfig } from './voice/speech/speech-from-config.ts';

/** Exit codes an operator can tell apart: bad configuration, a database that cannot be reached or migrated. */
const EXIT = { unexpected: 1, config: 2, store: 3 } as const;

/** What the app takes from the configuration, besides the knowledge, the store and the model. */
function appSettings(config: Config): Omit<AppDeps, 'knowledge' | 'store' | 'logger' | 'answer'> {
  return {
    auth: Auth.fromConfig(config),
    portalOrigins: config.PORTAL_ORIGINS,
    speech: speechFromConfig(config),
    voiceGatewayKey: config.VOICE_GATEWAY_KEY,
    workOrders: { url: config.WORK_ORDER_URL, file: config.WORK_ORDER_FILE },
    limits: {
      ipPerMinute: config.RATE_LIMIT_IP_PER_MIN,
      turnsPerSessionPerMinute: config.RATE_LIMIT_TURNS_PER_SESSION_PER_MIN,
      turnsPerIpPerMinute: config.RATE_LIMIT_TURNS_PER_IP_PER_MIN,
    },
    trustProxy: config.TRUST_PROXY,
    channels: new ChannelSwitch(config.CHANNELS_OFF, config.CHANNEL_OFF_MESSAGE ?? DEFAULT_OFF_MESSAGE),
    metricsToken: config.METRICS_TOKEN,
    ...(config.EXCHANGE_BASE_URL
      ? { exchange: { baseUrl: config.EXCHANGE_BASE_URL, apiKey: config.EXCHANGE_API_KEY ?? '' } }
      : {}),
  };
}

/** Starts yishi on embedded defaults: bundled catalog, SQLite in DATA_DIR, deterministic composer. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(EXIT.config);
  }
  const logger = createLogger(config.LOG_LEVEL);
  // The database first: if it cannot be reached, say so and stop before anything else is built.
  const store = await openStore(
    config.DATABASE_URL
      ? { postgres: config.DATABASE_URL }
      : { sqlite: join(config.dataDir, 'yishi.sqlite') },
  ).catch((error: unknown) => {
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(EXIT.store);
  });
  logger.info({ store: store.dialect }, 'store ready');
  const catalog = loadCatalog([config.CATALOG_DIR ?? DEFAULT_CATALOG_DIR, ...config.knowledgeDirs]);
  const knowledge = await buildKnowledge(catalog, {
    indexDir: join(config.dataDir, 'index'),
    ...embeddingsOptions(config),
  });
  const llm = createLlmClient(config);
  if (llm) logger.info({ model: llm.modelName, budgetMs: llm.timeoutMs }, 'LLM path on');
  const app = createApp({
    knowledge,
    store,
    logger,
    answer: { llm, sensitiveWords: config.sensitiveWords, injectionCheck: config.LLM_INJECTION_CHECK },
    ...appSettings(config),
  });

  // Several nodes: socket.io rooms over Redis. Unreachable Redis is a warning and a single node, not a crash.
  const redis = config.REDIS_URL ? await useRedisAdapter(app.io, config.REDIS_URL, logger) : undefined;
  if (redis) app.feed.clustered = true;
  if (config.REDIS_URL)
    // A node without Redis still serves its own clients: ready, but saying it is alone.
    app.checks.redis = async () =>
      redis?.ready() ? { ok: true } : { ok: true, detail: 'single-node: Redis unreachable' };

  app.http.listen(config.PORT, config.HOST, () => {
    logger.info(
      {
        port: config.PORT,
        bundles: catalog.bundles.size,
        matters: catalog.matters.size,
        overlays: catalog.overlays.length,
        catalogs: config.knowledgeDirs,
        denseIndex: { chunks: knowledge.dense.size, loaded: knowledge.dense.loaded },
      },
      `yishi listening on http://localhost:${config.PORT}`,
    );
  });
  const stop = async () => {
    logger.info('shutting down');
    await app.close();
    await redis?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(EXIT.unexpected);
});
