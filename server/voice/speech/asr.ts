import OpenAI, { toFile } from 'openai';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import { pcm16ToWav } from './audio-format.ts';

/** Speech in: a caller's utterance (16 kHz 16-bit mono PCM) to text. */
export interface Asr {
  transcribe(pcm: Buffer): Promise<string>;
}

/**
 * A configured OpenAI-compatible `/audio/transcriptions` endpoint (OpenAI, a Whisper or SenseVoice server
 * behind vLLM …). The openai SDK (already a dependency of @langchain/openai) speaks it: LangChain has no
 * transcription API. No Mandarin ASR model can be installed on the embedded default, so without this the
 * voice channel takes text turns only.
 */
export class OpenAiAsr implements Asr {
  private readonly client: OpenAI;

  constructor(
    options: { baseURL?: string; apiKey: string; timeoutMs: number },
    private readonly model: string,
  ) {
    this.client = new OpenAI({ ...options, timeout: options.timeoutMs, maxRetries: 1 });
  }

  async transcribe(pcm: Buffer): Promise<string> {
    if (pcm.length < 3200) return ''; // under 0.1 s: nothing said
    try {
      const file = await toFile(pcm16ToWav(pcm), 'utterance.wav', { type: 'audio/wav' });
      const result = await this.client.audio.transcriptions.create({
        file,
        model: this.model,
        language: 'zh',
      });
      return result.text.trim();
    } catch (error) {
      throw new YishiError('unavailable', 'asr', '语音识别服务暂时不可用，请稍后再说一遍或按零转人工', {
        cause: error,
      });
    }
  }
}
