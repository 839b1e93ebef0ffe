import { createHash } from 'node:crypto';
import type { AuditEntry } from './consent.ts';

export const GENESIS = '0'.repeat(64);

/** The hash of an entry: SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, source, about, consentId, sessionId, purpose, prevHash } = entry;
  const canonical = JSON.stringify([
    seq,
    at,
    actor,
    action,
    source,
    about,
    consentId,
    sessionId,
    purpose,
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Checks the chain: each entry's hash, and each link to the previous one. Returns the first broken seq. */
export function verifyChain(
  entries: readonly AuditEntry[],
): { ok: true; count: number } | { ok: false; seq: number; why: string } {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, why: 'sequence gap' };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, why: 'link to the previous entry broken' };
    if (entryHash(e) !== e.hash) return { ok: false, seq: e.seq, why: 'entry altered' };
    prev = e.hash;
  }
  return { ok: true, count: entries.length };
}
