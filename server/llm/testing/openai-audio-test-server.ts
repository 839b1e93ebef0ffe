import { createServer, type IncomingMessage, type Server } from 'node:http';
import wavefile from 'wavefile';
import { listenLocal } from './listen-local.ts';

export interface AudioRequest {
  path: 'speech' | 'transcriptions';
  /** JSON body (speech) or the multipart fields and the uploaded file (transcriptions). */
  fields: Record<string, string>;
  file?: Buffer;
}

/**
 * A local OpenAI-compatible server for contract tests of the voice channel's audio calls: `POST
 * /v1/audio/speech` answers a WAV of a 440 Hz tone lasting 60 ms per character of input, and `POST
 * /v1/audio/transcriptions` answers `{ text }` with what `transcript` says for the uploaded file. It tests
 * the wire format and our handling of it; it recognizes and speaks nothing.
 */
export async function startOpenAiAudioTestServer(
  transcript: (file: Buffer) => string,
): Promise<{ url: string; requests: AudioRequest[]; close(): Promise<void> }> {
  const requests: AudioRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readRaw(req);
    if (req.method === 'POST' && req.url?.endsWith('/audio/speech')) {
      const fields = JSON.parse(body.toString('utf8')) as Record<string, string>;
      requests.push({ path: 'speech', fields });
      res
        .writeHead(200, { 'content-type': 'audio/wav' })
        .end(Buffer.from(tone([...(fields.input ?? '')].length * 0.06)));
      return;
    }
    if (req.method === 'POST' && req.url?.endsWith('/audio/transcriptions')) {
      const { fields, file } = multipart(body, String(req.headers['content-type'] ?? ''));
      requests.push({ path: 'transcriptions', fields, ...(file ? { file } : {}) });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ text: transcript(file ?? Buffer.alloc(0)) }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
  });
  return { ...(await listenLocal(server)), requests };
}

function tone(seconds: number): Uint8Array {
  const rate = 24000;
  const samples = Int16Array.from({ length: Math.round(seconds * rate) }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)),
  );
  const file = new wavefile.WaveFile();
  file.fromScratch(1, rate, '16', samples);
  return file.toBuffer();
}

/** Just enough multipart/form-data parsing for the SDK's upload: named fields and one file. */
function multipart(body: Buffer, type: string): { fields: Record<string, string>; file?: Buffer } {
  const boundary = type.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  let at = body.indexOf(marker);
  while (at >= 0) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    const part = body.subarray(at + marker.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = head.match(/name="([^"]+)"/)?.[1] ?? '';
    if (/filename=/.test(head)) file = Buffer.from(content);
    else fields[name] = content.toString('utf8');
    at = next;
  }
  return { fields, ...(file ? { file } : {}) };
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
