import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The sha256 sources of the inline scripts of a page, for its CSP (the demo portal's embed snippet). */
export function inlineScriptHashes(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * helmet's headers for every response, with a strict CSP: scripts, styles and connections to yishi only (and the
 * hashes of known inline scripts), framed by yishi itself. The chat and copilot pages send their own CSP with
 * their own `frame-ancestors`; X-Frame-Options is off because it cannot express an allow-list. The loader is
 * fetched by portal pages, so resources may be read cross-origin (CORP), but never framed by strangers.
 */
export function securityHeaders(scriptHashes: readonly string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptHashes],
        styleSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * CORS for the API: only the portal origins of PORTAL_ORIGINS (and yishi's own pages, which need none) get
 * access headers — never `*`. Credentials are not used: identity travels as a bearer token.
 */
export function apiCors(portalOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(portalOrigins);
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
}
