import OpenAI from 'openai';
import text2wav from 'text2wav';
import { type Audio, fromWav, type SpeechFormat } from './audio-format.ts';

/** Speech out: text to audio in the gateway's format. */
export interface Tts {
  readonly name: string;
  synthesize(text: string, format: SpeechFormat): Promise<Audio>;
}

/**
 * The embedded default: eSpeak NG's Mandarin voice (cmn-latn-pinyin), compiled to WebAssembly and shipped with
 * its data in the npm package text2wav, so `npm install` is all it needs — no Debian package, no download,
 * no model weights. Robotic but clear, and it reads what listeningText wrote (digits already in words).
 */
export class EspeakTts implements Tts {
  readonly name = 'espeak-ng:cmn-latn-pinyin';

  async synthesize(text: string, format: SpeechFormat): Promise<Audio> {
    const wav = await quietly(() =>
      text2wav(text, { voice: 'cmn-latn-pinyin', speed: 150, noFinalPause: true }),
    );
    return fromWav(wav, format);
  }
}

/** A configured OpenAI-compatible `/audio/speech` endpoint (OpenAI, a vLLM or other TTS server). */
export class OpenAiTts implements Tts {
  readonly name: string;
  private readonly client: OpenAI;

  constructor(
    options: { baseURL?: string; apiKey: string; timeoutMs: number },
    private readonly model: string,
    private readonly voice: string,
  ) {
    this.client = new OpenAI({ ...options, timeout: options.timeoutMs, maxRetries: 1 });
    this.name = `openai-compatible:${model}`;
  }

  async synthesize(text: string, format: SpeechFormat): Promise<Audio> {
    const response = await this.client.audio.speech.create({
      model: this.model,
      voice: this.voice,
      input: text,
      response_format: 'wav',
    });
    return fromWav(new Uint8Array(await response.arrayBuffer()), format);
  }
}

/** text2wav's Emscripten loader prints a harmless notice when it cannot stream-compile from a file path. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (
      !String(args[0]).includes('wasm streaming compile failed') &&
      !String(args[0]).includes('falling back')
    )
      warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}
