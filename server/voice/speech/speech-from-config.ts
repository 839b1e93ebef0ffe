import type { Config } from '../../config.ts';
import { type Asr, OpenAiAsr } from './asr.ts';
import { EspeakTts, OpenAiTts, type Tts } from './tts.ts';

const TIMEOUT_MS = 15_000;

/** The configured speech engines: TTS always (eSpeak NG by default), ASR only when a model is configured. */
export function speechFromConfig(config: Config): { tts: Tts; asr?: Asr } {
  const endpoint = (baseUrl?: string, apiKey?: string) => ({
    ...((baseUrl ?? config.OPENAI_BASE_URL) ? { baseURL: baseUrl ?? config.OPENAI_BASE_URL } : {}),
    apiKey: apiKey ?? config.OPENAI_API_KEY ?? 'none',
    timeoutMs: TIMEOUT_MS,
  });
  const tts = config.TTS_MODEL
    ? new OpenAiTts(endpoint(config.TTS_BASE_URL, config.TTS_API_KEY), config.TTS_MODEL, config.TTS_VOICE)
    : new EspeakTts();
  return {
    tts,
    ...(config.ASR_MODEL
      ? { asr: new OpenAiAsr(endpoint(config.ASR_BASE_URL, config.ASR_API_KEY), config.ASR_MODEL) }
      : {}),
  };
}
