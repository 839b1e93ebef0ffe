import type { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import {
  BirthRecord,
  CompanyRecord,
  ManyRecords,
  MarriageRecord,
  OneRecord,
  PersonRecord,
} from './exchange-contract.ts';

/** Who is asking and why: every exchange call carries the consent and the purpose. */
export interface ExchangeCall {
  consentId: string;
  purpose: string;
}

/**
 * The connector to the data-sharing exchange over HTTP (the sandbox by default, a real exchange with
 * EXCHANGE_BASE_URL and EXCHANGE_API_KEY). Responses are validated; an unreachable or failing exchange is
 * `unavailable`, a missing record is undefined / empty.
 */
export class ExchangeClient {
  constructor(
    /** A function, so the sandbox's URL can be known once the server listens. */
    private readonly baseUrl: () => string,
    private readonly apiKey: string,
    private readonly timeoutMs = 5000,
  ) {}

  async person(idNumber: string, call: ExchangeCall): Promise<PersonRecord | undefined> {
    const body = await this.get(`/population/${encodeURIComponent(idNumber)}`, call, OneRecord(PersonRecord));
    return body?.record;
  }

  async marriages(holder: string, call: ExchangeCall): Promise<MarriageRecord[]> {
    return (
      (
        await this.get(
          `/licences/marriage?holder=${encodeURIComponent(holder)}`,
          call,
          ManyRecords(MarriageRecord),
        )
      )?.records ?? []
    );
  }

  async births(parent: string, call: ExchangeCall): Promise<BirthRecord[]> {
    return (
      (await this.get(`/records/birth?parent=${encodeURIComponent(parent)}`, call, ManyRecords(BirthRecord)))
        ?.records ?? []
    );
  }

  async companies(legalRep: string, call: ExchangeCall): Promise<CompanyRecord[]> {
    return (
      (
        await this.get(
          `/legal-persons?legalRep=${encodeURIComponent(legalRep)}`,
          call,
          ManyRecords(CompanyRecord),
        )
      )?.records ?? []
    );
  }

  private async get<T>(path: string, call: ExchangeCall, schema: z.ZodType<T>): Promise<T | undefined> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl()}${path}`, {
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          'x-consent-id': call.consentId,
          'x-purpose': encodeURIComponent(call.purpose),
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new YishiError('unavailable', 'exchange', '数据共享平台暂时无法访问，请稍后再试或手动填写', {
        cause: error,
      });
    }
    if (res.status === 404) return undefined;
    if (!res.ok)
      throw new YishiError('unavailable', 'exchange', '数据共享平台暂时无法访问，请稍后再试或手动填写', {
        details: { status: res.status },
      });
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success)
      throw new YishiError('internal', 'exchange', 'exchange answer does not match the contract', {
        cause: parsed.error,
      });
    return parsed.data;
  }
}
