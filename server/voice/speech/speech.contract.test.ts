/**
 * Speech out and in. The embedded TTS (eSpeak NG's Mandarin in WebAssembly) is the real engine. The configured
 * OpenAI-compatible TTS and ASR are contract tests against a local test server speaking the same wire format.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wavefile from 'wavefile';
import { startOpenAiAudioTestServer } from '../../llm/testing/openai-audio-test-server.ts';
import { OpenAiAsr } from './asr.ts';
import { EspeakTts, OpenAiTts } from './tts.ts';

const SENTENCE = '第一项，新生儿出生医学记录。要带原件。需要我重复吗？';

function loudness(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe('embedded TTS (eSpeak NG Mandarin)', () => {
  const tts = new EspeakTts();

  it('speaks a sentence as a WAV of plausible length, with sound in it', async () => {
    const audio = await tts.synthesize(SENTENCE, 'wav');
    // 24 syllables at a slow, clear rate: a few seconds, not a click and not a minute.
    expect(audio.seconds).toBeGreaterThan(2.5);
    expect(audio.seconds).toBeLessThan(12);
    const file = new wavefile.WaveFile(audio.data);
    expect((file.fmt as { numChannels: number }).numChannels).toBe(1);
    const samples = new Int16Array(Float64Array.from(file.getSamples(false) as unknown as Float64Array));
    expect(loudness(samples)).toBeGreaterThan(300);
  });

  it('gives telephony 8 kHz μ-law and 16 kHz PCM of the same length', async () => {
    const [wav, mulaw, pcm] = await Promise.all(
      (['wav', 'mulaw8k', 'pcm16'] as const).map((f) => tts.synthesize(SENTENCE, f)),
    );
    expect(mulaw?.sampleRate).toBe(8000);
    expect(mulaw?.data.length).toBeCloseTo((wav?.seconds ?? 0) * 8000, -2);
    expect(pcm?.sampleRate).toBe(16000);
    expect(pcm?.data.length).toBeCloseTo((wav?.seconds ?? 0) * 32000, -3);
    // μ-law silence is 0xFF/0x7F; speech spreads over many code values.
    expect(new Set(mulaw?.data).size).toBeGreaterThan(50);
  });
});

describe('configured OpenAI-compatible speech endpoints (contract, local test server)', () => {
  let server: Awaited<ReturnType<typeof startOpenAiAudioTestServer>>;
  beforeAll(async () => {
    server = await startOpenAiAudioTestServer((file) => (file.length > 1000 ? '孩子出生要办什么' : ''));
  });
  afterAll(async () => server.close());

  it('asks /audio/speech for WAV and converts it to the gateway format', async () => {
    const tts = new OpenAiTts({ baseURL: server.url, apiKey: 'k', timeoutMs: 5000 }, 'tts-test', 'alloy');
    const audio = await tts.synthesize('您好', 'mulaw8k');
    expect(server.requests.at(-1)?.fields).toMatchObject({
      model: 'tts-test',
      voice: 'alloy',
      input: '您好',
      response_format: 'wav',
    });
    expect(audio.sampleRate).toBe(8000);
    expect(audio.seconds).toBeCloseTo(0.12, 1);
  });

  it('uploads 16 kHz PCM as WAV to /audio/transcriptions and returns the text', async () => {
    const asr = new OpenAiAsr({ baseURL: server.url, apiKey: 'k', timeoutMs: 5000 }, 'asr-test');
    const pcm = Buffer.alloc(16000 * 2); // one second
    expect(await asr.transcribe(pcm)).toBe('孩子出生要办什么');
    const request = server.requests.at(-1);
    expect(request?.fields).toMatchObject({ model: 'asr-test', language: 'zh' });
    const file = new wavefile.WaveFile(request?.file);
    expect((file.fmt as { sampleRate: number }).sampleRate).toBe(16000);
  });
});
