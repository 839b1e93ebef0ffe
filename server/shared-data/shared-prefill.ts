import type { Catalog } from '../../knowledge/index.ts';
import type { FormField } from '../../knowledge/model/form-field.schema.ts';
import { findPii, maskPii } from '../answer/guard/pii.ts';
import { newForm } from '../form/fill.ts';
import type { SessionState } from '../stores/session.types.ts';
import { type Consent, type ConsentStore, isActive } from './consent.ts';
import type { ExchangeClient } from './exchange-client.ts';
import type { PersonRecord } from './exchange-contract.ts';

/** Prefixes that are the authenticated person themself. */
const SELF =
  /^(applicant|person|borrower|operator|veteran|legalRep|guardian|taxpayer\.legalRep|individual\.operator)$/;

type Attributes = Record<string, string | undefined>;

/**
 * Prefill from shared data: for every field of the form that a shared source can fill (`shared` in the
 * catalog), read the record of the right person — the citizen, their spouse (from the register), their
 * newborn (birth record), their company (legal-person register) — under an active consent for that source.
 * Every read is written to the audit log. Values the person already gave are left as they are.
 */
export class SharedPrefill {
  constructor(
    private readonly exchange: ExchangeClient,
    private readonly consents: ConsentStore,
    private readonly catalog: Catalog,
  ) {}

  async prefill(
    session: SessionState,
    subject: string,
    idNumber: string,
    now = new Date(),
  ): Promise<string[]> {
    const bundleId = session.form?.bundleId ?? session.bundleId;
    if (!bundleId) return [];
    if (!session.form || session.form.bundleId !== bundleId) session.form = newForm(bundleId);
    const form = session.form;
    const fields = this.catalog.bundles.get(bundleId)?.form.fields ?? [];
    const active = new Map<string, Consent>();
    for (const c of await this.consents.listConsents(session.id))
      if (c.subject === subject && isActive(c, now)) active.set(c.source, c);

    const cache = new Map<string, Promise<Attributes | undefined>>();
    const read = (
      source: string,
      key: string,
      load: (c: Consent) => Promise<{ id: string; attrs: Attributes } | undefined>,
    ) => {
      const cacheKey = `${source}|${key}`;
      let pending = cache.get(cacheKey);
      if (!pending) {
        const consent = active.get(source);
        pending = consent
          ? load(consent).then(async (found) => {
              await this.consents.appendAudit({
                at: now.toISOString(),
                actor: subject,
                action: found ? 'shared-read' : 'shared-read-empty',
                source,
                about: maskPii(key, findPii(key)),
                consentId: consent.id,
                sessionId: session.id,
                purpose: consent.purpose,
              });
              return found ? { ...found.attrs, '@record': `${source}:${found.id}` } : undefined;
            })
          : Promise.resolve(undefined);
        cache.set(cacheKey, pending);
      }
      return pending;
    };
    const call = (c: Consent) => ({ consentId: c.id, purpose: c.purpose });
    const person = (id: string) =>
      read('population-register', id, async (c) => {
        const p = await this.exchange.person(id, call(c));
        return p ? { id: p.公民身份号码, attrs: p } : undefined;
      });
    const self = (await person(idNumber)) as (PersonRecord & Attributes) | undefined;
    const spouseId = self?.配偶公民身份号码;
    const spouse = spouseId
      ? ((await person(spouseId)) as (PersonRecord & Attributes) | undefined)
      : undefined;

    const recordFor = async (field: FormField): Promise<Attributes | undefined> => {
      const shared = field.shared;
      if (!shared) return undefined;
      const prefix = field.key.slice(0, field.key.lastIndexOf('.'));
      const head = field.key.split('.')[0] ?? '';
      if (shared.source === 'population-register') {
        if (head === 'mother' || head === 'bride') return [self, spouse].find((p) => p?.性别 === '女');
        if (head === 'father' || head === 'groom') return [self, spouse].find((p) => p?.性别 === '男');
        if (head === 'coBorrower') return spouse;
        if (head === 'household' || SELF.test(prefix) || SELF.test(head)) return self;
        return undefined;
      }
      if (shared.source === 'elicence-marriage')
        return read('elicence-marriage', idNumber, async (c) => {
          const [m] = await this.exchange.marriages(idNumber, call(c));
          return m ? { id: m.结婚证字号, attrs: m } : undefined;
        });
      if (shared.source === 'birth-record')
        return read('birth-record', idNumber, async (c) => {
          const births = await this.exchange.births(idNumber, call(c));
          const latest = births.sort((a, b) => b.出生时间.localeCompare(a.出生时间))[0];
          return latest ? { id: latest.出生医学证明编号, attrs: latest } : undefined;
        });
      if (shared.source === 'legal-person-register' || shared.source === 'elicence-business-licence')
        return read(shared.source, idNumber, async (c) => {
          const [company] = await this.exchange.companies(idNumber, call(c));
          return company ? { id: company.统一社会信用代码, attrs: company } : undefined;
        });
      return undefined;
    };

    const filled: string[] = [];
    for (const field of fields) {
      if (!field.shared || !active.has(field.shared.source)) continue;
      if (form.fields[field.key]?.value != null) continue;
      const record = await recordFor(field);
      const value = record?.[field.shared.attribute];
      if (!record || value === undefined || value === '') continue;
      form.fields[field.key] = {
        value,
        source: { kind: 'shared', record: record['@record'] ?? field.shared.source, at: now.toISOString() },
        status: 'prefilled',
      };
      filled.push(field.key);
    }
    return filled;
  }
}
