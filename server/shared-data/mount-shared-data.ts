import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Catalog } from '../../knowledge/index.ts';
import type { Store } from '../stores/session.types.ts';
import { ExchangeClient } from './exchange-client.ts';
import { sandboxExchange } from './sandbox/sandbox-exchange.ts';
import { SharedPrefill } from './shared-prefill.ts';

/**
 * Prefill from shared data through the exchange's HTTP contract: a real exchange when configured, otherwise the
 * sandbox of synthetic people and companies that yishi serves itself (with a key of this run) and reads like one.
 */
export function mountSharedData(
  app: Express,
  http: HttpServer,
  exchange: { baseUrl: string; apiKey: string } | undefined,
  store: Store,
  catalog: Catalog,
): SharedPrefill {
  const sandboxKey = randomUUID();
  if (!exchange) app.use('/sandbox/exchange/v1', sandboxExchange(sandboxKey));
  const client = new ExchangeClient(
    () =>
      exchange?.baseUrl ??
      `http://127.0.0.1:${(http.address() as AddressInfo | null)?.port ?? 0}/sandbox/exchange/v1`,
    exchange?.apiKey ?? sandboxKey,
  );
  return new SharedPrefill(client, store, catalog);
}
