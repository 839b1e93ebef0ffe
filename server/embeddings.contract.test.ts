/**
 * Contract tests for the embeddings path: a local OpenAI-compatible test server (started here) answers
 * POST /v1/embeddings, and @langchain/openai talks to it over real HTTP. They check the wiring and the
 * protocol, not the quality of any model.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledge } from '../knowledge/index.ts';
import { loadCatalog } from '../knowledge/load/load-catalog.ts';
import { loadConfig } from './config.ts';
import { embeddingsOptions } from './embeddings.ts';

/** A deterministic toy embedding: counts of character classes, so related texts get related vectors. */
function toyVector(text: string): number[] {
  const v = new Array<number>(16).fill(0);
  for (const ch of text) v[(ch.codePointAt(0) ?? 0) % 16] = (v[(ch.codePointAt(0) ?? 0) % 16] ?? 0) + 1;
  return v;
}

const seen: { model: string; inputs: number; auth: string | undefined }[] = [];
let server: Server;
let baseURL: string;

async function body(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      res.writeHead(404).end();
      return;
    }
    const payload = JSON.parse(await body(req)) as { model: string; input: string | string[] };
    const inputs = Array.isArray(payload.input) ? payload.input : [payload.input];
    seen.push({ model: payload.model, inputs: inputs.length, auth: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        object: 'list',
        model: payload.model,
        data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: toyVector(t) })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('embeddings through an OpenAI-compatible endpoint (contract)', () => {
  it('uses the embedded default when EMBEDDINGS_MODEL is not set', () => {
    expect(embeddingsOptions(loadConfig({}))).toEqual({});
  });

  it('builds the dense index and answers queries through the endpoint', async () => {
    const config = loadConfig({
      EMBEDDINGS_MODEL: 'bge-m3',
      EMBEDDINGS_BASE_URL: baseURL,
      EMBEDDINGS_API_KEY: 'test-key',
    });
    const options = embeddingsOptions(config);
    expect(options.embeddingsId).toBe('openai-bge-m3');
    const knowledge = await buildKnowledge(loadCatalog(), options);
    expect(knowledge.dense.size).toBeGreaterThan(1000);
    expect(knowledge.dense.dimensions).toBe(16);
    const documents = seen.reduce((n, s) => n + s.inputs, 0);
    expect(documents).toBeGreaterThanOrEqual(knowledge.dense.size);
    expect(seen.every((s) => s.model === 'bge-m3' && s.auth === 'Bearer test-key')).toBe(true);

    const before = seen.length;
    const hits = await knowledge.search.search('社保卡丢了怎么补办', { k: 3 });
    expect(seen.length).toBe(before + 1);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.signals.dense !== undefined)).toBe(true);
  });

  it('falls back to the OPENAI_* base URL and key', () => {
    const options = embeddingsOptions(
      loadConfig({
        EMBEDDINGS_MODEL: 'text-embedding-3-small',
        OPENAI_BASE_URL: baseURL,
        OPENAI_API_KEY: 'k',
      }),
    );
    expect(options.embeddingsId).toBe('openai-text-embedding-3-small');
  });
});
