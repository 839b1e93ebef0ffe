import { z } from 'zod';

/** A person's consent to read one shared source for one purpose, revocable, with an expiry. */
export const Consent = z.object({
  id: z.string(),
  sessionId: z.string(),
  /** The authenticated person (the token's subject). */
  subject: z.string(),
  source: z.string(),
  purpose: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
});
export type Consent = z.infer<typeof Consent>;

export const ConsentRequest = z.strictObject({
  source: z.string().min(1),
  purpose: z.string().min(2).max(100),
  /** How long the consent lasts (default 30 days, at most a year). */
  days: z.number().int().min(1).max(365).default(30),
});

export function isActive(consent: Consent, now = new Date()): boolean {
  return !consent.revokedAt && new Date(consent.expiresAt).getTime() > now.getTime();
}

/** One append-only audit entry: who read what about whom, under which consent. Hash-chained. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  source: z.string().optional(),
  /** The person the record is about, masked (4301**********16). */
  about: z.string().optional(),
  consentId: z.string().optional(),
  sessionId: z.string().optional(),
  purpose: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export interface ConsentStore {
  saveConsent(consent: Consent): Promise<void>;
  listConsents(sessionId: string): Promise<Consent[]>;
  /** Appends to the hash-chained audit log and returns the entry. */
  appendAudit(entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): Promise<AuditEntry>;
  listAudit(): Promise<AuditEntry[]>;
}
