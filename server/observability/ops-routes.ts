import { Router } from 'express';
import type { Knowledge } from '../../knowledge/index.ts';
import type { Auth } from '../auth/auth.ts';
import { requireRole } from '../auth/require-role.ts';
import { openApiDocument } from '../http/openapi.ts';
import { parsePayload } from '../http/parse.ts';
import { type ChannelSwitch, ChannelToggle } from './channel-switch.ts';
import type { Metrics } from './metrics.ts';

/** One dependency's state, as /readyz reports it. */
export type Check = () => Promise<{ ok: boolean; detail?: string }>;

/** What /readyz checks on every node: a store round trip and a usable retrieval index. */
export function readinessChecks(
  store: { ping(): Promise<void> },
  knowledge: Knowledge,
): Record<string, Check> {
  return {
    store: async () => {
      await store.ping();
      return { ok: true };
    },
    index: async () => ({ ok: knowledge.dense.size > 0, detail: `${knowledge.dense.size} passages` }),
  };
}

/**
 * Operations: `/healthz` (the process answers), `/readyz` (store, Redis, retrieval index usable: 200, else 503
 * naming what is not), `/metrics` (Prometheus text; with METRICS_TOKEN, only for that bearer token), and the
 * per-channel switch for admins (`GET` / `PUT /api/admin/channels`).
 */
export function opsRoutes(deps: {
  metrics: Metrics;
  checks: Record<string, Check>;
  channels: ChannelSwitch;
  auth: Auth;
  metricsToken?: string | undefined;
  /** The API's version in /api/openapi.json (the catalog's). */
  apiVersion: string;
}): Router {
  const router = Router();
  const openApi = openApiDocument(deps.apiVersion);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        const result = await check().catch((error: unknown) => ({
          ok: false,
          detail: (error as Error).message,
        }));
        return [name, result] as const;
      }),
    );
    const ready = entries.every(([, r]) => r.ok);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(entries) });
  });
  router.get('/metrics', async (req, res) => {
    if (deps.metricsToken && req.get('authorization') !== `Bearer ${deps.metricsToken}`) {
      res.status(401).type('text/plain').send('metrics need METRICS_TOKEN');
      return;
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  const admin = requireRole(deps.auth, 'admin');
  router.get('/api/admin/channels', admin, (_req, res) => {
    res.json({ channels: deps.channels.state(), message: deps.channels.message });
  });
  router.put('/api/admin/channels', admin, (req, res) => {
    const { channel, on } = parsePayload(ChannelToggle, req.body, 'channels');
    deps.channels.set(channel, on);
    res.json({ channels: deps.channels.state(), message: deps.channels.message });
  });
  // Diagnostics: with node --expose-gc, an admin can collect garbage and read the heap (the load bench measures
  // memory per idle session this way); otherwise the route does not exist.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc)
    router.post('/api/admin/gc', admin, (_req, res) => {
      gc();
      const { heapUsed, rss } = process.memoryUsage();
      res.json({ heapUsed, rss });
    });
  return router;
}
