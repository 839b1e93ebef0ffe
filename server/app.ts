import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { Knowledge } from '../knowledge/index.ts';
import { type AnswerOptions, AnswerService } from './answer/answer-service.ts';
import { IdempotentAnswers } from './answer/idempotent-answers.ts';
import type { Auth } from './auth/auth.ts';
import { CaseFeed } from './cases/case-feed.ts';
import { followCases } from './cases/follow-cases.ts';
import { attachCopilotNamespace } from './copilot/copilot-namespace.ts';
import { copilotRoutes } from './copilot/copilot-routes.ts';
import { CopilotService } from './copilot/copilot-service.ts';
import { WorkOrderExport } from './copilot/work-order-export.ts';
import { FeedbackService } from './feedback/feedback-service.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { type RateLimitConfig, RateLimits } from './http/rate-limits.ts';
import { requestLog } from './http/request-log.ts';
import { chatRoutes } from './http/routes/chat-routes.ts';
import { consentRoutes } from './http/routes/consent-routes.ts';
import { demoRoutes } from './http/routes/demo-routes.ts';
import { feedbackRoutes } from './http/routes/feedback-routes.ts';
import { formRoutes } from './http/routes/form-routes.ts';
import { knowledgeRoutes } from './http/routes/knowledge-routes.ts';
import { sessionRoutes } from './http/routes/session-routes.ts';
import { apiCors, inlineScriptHashes, securityHeaders } from './http/security.ts';
import { ChannelSwitch } from './observability/channel-switch.ts';
import { Metrics } from './observability/metrics.ts';
import { type Check, opsRoutes, readinessChecks } from './observability/ops-routes.ts';
import { mountSharedData } from './shared-data/mount-shared-data.ts';
import { attachChatNamespace } from './socket/chat-namespace.ts';
import { socketClientIp } from './socket/client-ip.ts';
import type { Store } from './stores/session.types.ts';
import type { Asr } from './voice/speech/asr.ts';
import { EspeakTts, type Tts } from './voice/speech/tts.ts';
import { attachVoiceNamespace } from './voice/voice-namespace.ts';
import { widgetRoutes } from './widget/widget-routes.ts';

// Validation messages reach people: have zod write them in Chinese.
z.config(z.locales.zhCN());

const WIDGET_DIR = join(import.meta.dirname, '..', 'widget');

export interface AppDeps {
  knowledge: Knowledge;
  /** Sessions, turns, feedback, consents and the audit log (SQLite by default). */
  store: Store;
  logger: Logger;
  /** The model and 敏感词 (from config); without a model every reply is deterministic. */
  answer?: AnswerOptions;
  /** Verifies identity tokens for role-protected routes. */
  auth: Auth;
  /** A real exchange (base URL and app key); without it yishi serves and reads its own sandbox exchange. */
  exchange?: { baseUrl: string; apiKey: string };
  /** Portal origins allowed to embed the widget (PORTAL_ORIGINS). */
  portalOrigins?: readonly string[];
  /** Speech for the voice channel: TTS (default: embedded eSpeak NG) and an optional ASR. */
  speech?: { tts: Tts; asr?: Asr | undefined };
  /** VOICE_GATEWAY_KEY: the telephony gateway's key for `/voice`; unset: loopback gateways only. */
  voiceGatewayKey?: string | undefined;
  /** Where saved work orders are exported (WORK_ORDER_URL, WORK_ORDER_FILE). */
  workOrders?: { url?: string | undefined; file?: string | undefined };
  /** Per-IP and per-session limits (RATE_LIMIT_*). */
  limits?: RateLimitConfig;
  /** express `trust proxy` (TRUST_PROXY), so limits and logs see the client behind a reverse proxy. */
  trustProxy?: string | undefined;
  /** The kill switch (CHANNELS_OFF, CHANNEL_OFF_MESSAGE); default: every channel on. */
  channels?: ChannelSwitch;
  /** METRICS_TOKEN: a bearer token /metrics requires. */
  metricsToken?: string | undefined;
}

export interface App {
  http: HttpServer;
  io: Server;
  answers: AnswerService;
  store: Store;
  /** What each case's followers receive (set `clustered` once rooms span nodes). */
  feed: CaseFeed;
  /** What /readyz checks; start-up adds what it attaches later (Redis). */
  checks: Record<string, Check>;
  close(): Promise<void>;
}

/** Wires HTTP routes, the socket namespace and the demo page over the given knowledge and store. */
export function createApp({
  knowledge,
  store,
  logger,
  answer = {},
  auth,
  exchange,
  portalOrigins = [],
  speech = { tts: new EspeakTts() },
  voiceGatewayKey,
  workOrders = {},
  limits: limitConfig = { ipPerMinute: 600, turnsPerSessionPerMinute: 30, turnsPerIpPerMinute: 300 },
  trustProxy,
  channels = new ChannelSwitch(),
  metricsToken,
}: AppDeps): App {
  const answers = new AnswerService(knowledge, store, { ...answer, channels });
  const metrics = new Metrics(() => answers.inFlight);
  answers.onTurn((a, context) => metrics.turn(a, context));
  const checks = readinessChecks(store, knowledge);
  const feedback = new FeedbackService(store, knowledge.catalog);
  const app = express();
  const http = createServer(app);
  app.disable('x-powered-by');
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  const limits = new RateLimits(limitConfig);
  app.use(requestLog(logger, metrics));
  app.use(securityHeaders(inlineScriptHashes(join(WIDGET_DIR, 'demo', 'index.html'))));
  app.use('/api', apiCors(portalOrigins), limits.http());
  app.use(express.json({ limit: '16kb' }));

  app.use(
    opsRoutes({
      metrics,
      checks,
      channels,
      auth,
      metricsToken,
      apiVersion: knowledge.catalog.hash.slice(0, 12),
    }),
  );
  app.use('/api', knowledgeRoutes(knowledge));
  const once = new IdempotentAnswers(answers, store);
  app.use('/api', chatRoutes(answers, once, limits));
  app.use('/api', feedbackRoutes(feedback, auth));
  const prefill = mountSharedData(app, http, exchange, store, knowledge.catalog);
  app.use('/api', formRoutes({ answers, store, auth, catalog: knowledge.catalog }));
  app.use('/api', demoRoutes(auth));
  app.use('/api', sessionRoutes({ answers, store, auth }));
  const copilot = new CopilotService(knowledge, answers, store, new WorkOrderExport(workOrders, logger));
  app.use('/api', copilotRoutes(copilot, auth));
  app.use('/api', consentRoutes({ answers, store, auth, catalog: knowledge.catalog, prefill }));
  app.use(widgetRoutes(portalOrigins));
  app.use(express.static(join(WIDGET_DIR, 'demo'), { index: 'index.html' }));
  app.use(notFound);
  app.use(errorHandler(logger));

  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
  attachChatNamespace(io, once, logger, limits, socketClientIp(trustProxy));
  const feed = new CaseFeed(io);
  attachCopilotNamespace(io, copilot, auth, logger);
  followCases(answers, feed, knowledge);
  attachVoiceNamespace(io, {
    answers,
    store,
    feed,
    tts: speech.tts,
    asr: speech.asr,
    gatewayKey: voiceGatewayKey,
    channels,
    logger,
  });

  return {
    http,
    io,
    answers,
    store,
    feed,
    checks,
    async close() {
      await io.close();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      await store.close();
    },
  };
}
