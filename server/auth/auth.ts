import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { Config } from '../config.ts';

export const Role = z.enum(['citizen', 'agent', 'admin']);
export type Role = z.infer<typeof Role>;

/** Who is calling, from a verified token. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** The verified resident ID number the portal's real-name check gives a citizen (claim `idn`). */
  idNumber?: string;
}

const Claims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.string()).default([]),
  idn: z
    .string()
    .regex(/^\d{17}[\dX]$/)
    .optional(),
});

/**
 * Verifies the portal's identity tokens (JWT): against a JWKS URL when `AUTH_JWKS_URL` is set (the
 * portal's real issuer), otherwise with the HS256 secret `AUTH_JWT_SECRET`, or — on the embedded default —
 * a development secret generated once into DATA_DIR (`npm run token` signs demo tokens with it).
 * jose does the cryptography and the claim checks (expiry, issuer, audience).
 */
export class Auth {
  private constructor(
    private readonly key: Uint8Array | JWTVerifyGetKey,
    private readonly options: { issuer?: string; audience?: string },
    /** The HS256 secret, when tokens are verified with one: lets `issue` sign tokens (demo, operators). */
    private readonly devSecret?: Uint8Array,
    private readonly isDev = false,
  ) {}

  static fromConfig(config: Config): Auth {
    const options = {
      ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}),
      ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
    };
    if (config.AUTH_JWKS_URL) return new Auth(createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)), options);
    if (config.AUTH_JWT_SECRET) {
      const secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
      return new Auth(secret, options, secret);
    }
    const secret = devSecret(config.dataDir);
    return new Auth(secret, options, secret, true);
  }

  /** A verifier with a known secret (tests, and the demo issuer). */
  static withSecret(secret: string, development = true): Auth {
    const key = new TextEncoder().encode(secret);
    return new Auth(key, {}, key, development);
  }

  /** The development issuer (no portal keys configured): the demo page may log a sandbox citizen in. */
  get development(): boolean {
    return this.devSecret !== undefined && this.isDev;
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        ...this.options,
        algorithms: this.key instanceof Uint8Array ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'],
      });
      const claims = Claims.parse(payload);
      return {
        subject: claims.sub,
        roles: claims.roles.flatMap((r) => Role.safeParse(r).data ?? []),
        ...(claims.idn ? { idNumber: claims.idn } : {}),
      };
    } catch (error) {
      throw new YishiError('unauthorized', 'auth', '登录凭证无效或已过期，请重新登录', { cause: error });
    }
  }

  /** Signs a token with the HS256 secret (the development issuer's, or AUTH_JWT_SECRET); not with a JWKS. */
  async issue(subject: string, roles: Role[], expiresIn = '8h', idNumber?: string): Promise<string> {
    if (!this.devSecret)
      throw new YishiError('forbidden', 'auth', 'tokens are issued by the portal, not by yishi');
    return new SignJWT({ roles, ...(idNumber ? { idn: idNumber } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.devSecret);
  }
}

/** The development secret: generated once per data directory, readable only by its owner. */
function devSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, 'dev-auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
