import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.ts';

/**
 * One line per request: method, route path, status and duration — no bodies, queries or client IPs — and the
 * request counted by route pattern (/api/sessions/:id, never the id itself).
 */
export function requestLog(logger: Logger, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : '(other)';
      metrics?.request(req.method, route, res.statusCode);
      logger.info(
        { method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    next();
  };
}
