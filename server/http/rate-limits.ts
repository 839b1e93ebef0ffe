import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { YishiError } from '../../knowledge/yishi-error.ts';

export interface RateLimitConfig {
  /** HTTP requests per client IP per minute. */
  ipPerMinute: number;
  /** Chat turns (HTTP or socket) per session per minute. */
  turnsPerSessionPerMinute: number;
  /** Chat turns per client IP per minute (many sessions from one place). */
  turnsPerIpPerMinute: number;
}

/**
 * Per-IP and per-session limits, in memory on each node (rate-limiter-flexible: maintained, and the same API
 * over Redis if one node's share ever is not enough). A refused call is a 429 `rate_limited` with Retry-After.
 */
export class RateLimits {
  private readonly ip: RateLimiterMemory;
  private readonly sessionTurns: RateLimiterMemory;
  private readonly ipTurns: RateLimiterMemory;

  constructor(config: RateLimitConfig) {
    this.ip = new RateLimiterMemory({ points: config.ipPerMinute, duration: 60 });
    this.sessionTurns = new RateLimiterMemory({ points: config.turnsPerSessionPerMinute, duration: 60 });
    this.ipTurns = new RateLimiterMemory({ points: config.turnsPerIpPerMinute, duration: 60 });
  }

  /** Express middleware: every request counts against its IP. */
  http(): RequestHandler {
    return async (req, _res, next) => {
      try {
        await this.ip.consume(req.ip ?? 'unknown');
        next();
      } catch (error) {
        next(refused(error));
      }
    };
  }

  /** One chat turn from `ip` in `sessionId` (if any); throws rate_limited when over either limit. */
  async turn(ip: string, sessionId?: string): Promise<void> {
    try {
      await this.ipTurns.consume(ip);
      if (sessionId) await this.sessionTurns.consume(sessionId);
    } catch (error) {
      throw refused(error);
    }
  }
}

/** A limiter's refusal as `rate_limited:rate`, with the seconds to wait (sent as Retry-After). */
function refused(error: unknown): Error {
  if (!(error instanceof RateLimiterRes)) return error instanceof Error ? error : new Error(String(error));
  const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return new YishiError('rate_limited', 'rate', `请求过于频繁，请${seconds}秒后再试`, {
    details: { retryAfter: seconds },
  });
}
