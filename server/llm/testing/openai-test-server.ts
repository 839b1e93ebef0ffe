import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenLocal } from './listen-local.ts';

/** What the test server does with one chat-completions request. */
export interface Behaviour {
  /** The assistant message content (sent in pieces when the request streams). */
  content?: string;
  /** An HTTP error status instead of an answer (429, 500 …). */
  status?: number;
  /** Wait this long before answering (a slow or dead endpoint). */
  delayMs?: number;
  /** Characters per streamed piece (default 8). */
  chunk?: number;
}

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  response_format?: unknown;
}

/**
 * A local OpenAI-compatible HTTP server for contract tests of the LLM path: it speaks the real wire format
 * of `POST /v1/chat/completions` (JSON, or server-sent events with a final usage chunk when `stream` is
 * set), and answers each request with what `respond` decides. It tests our handling of the protocol and of
 * failures; it says nothing about the quality of any model.
 */
export async function startOpenAiTestServer(
  respond: (request: ChatRequest, index: number) => Behaviour,
): Promise<{ url: string; requests: ChatRequest[]; close(): Promise<void> }> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(body);
    const behaviour = respond(body, requests.length - 1);
    if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    if (res.destroyed || res.socket?.destroyed) return;
    if (behaviour.status && behaviour.status >= 400) {
      res
        .writeHead(behaviour.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `test server status ${behaviour.status}`, type: 'test' } }));
      return;
    }
    const content = behaviour.content ?? '';
    const usage = {
      prompt_tokens: 120,
      completion_tokens: [...content].length,
      total_tokens: 120 + [...content].length,
    };
    const base = { id: 'chatcmpl-test', object: 'chat.completion', created: 1, model: body.model };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...base,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage,
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chars = [...content];
    const size = behaviour.chunk ?? 8;
    send({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' } }],
    });
    for (let i = 0; i < chars.length; i += size) {
      send({
        ...base,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { content: chars.slice(i, i + size).join('') }, finish_reason: null }],
      });
    }
    send({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
    });
    send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
    res.end('data: [DONE]\n\n');
  });
  return { ...(await listenLocal(server)), requests };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
