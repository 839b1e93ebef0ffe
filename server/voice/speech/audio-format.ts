import wavefile from 'wavefile';

const { WaveFile } = wavefile;

/** How the gateway wants speech: a WAV file, raw 16 kHz 16-bit PCM, or telephony 8 kHz μ-law (G.711). */
export type SpeechFormat = 'wav' | 'pcm16' | 'mulaw8k';

export interface Audio {
  format: SpeechFormat;
  sampleRate: number;
  data: Buffer;
  /** Seconds of sound. */
  seconds: number;
}

/**
 * Converts a mono WAV (what both TTS engines give) to the gateway's format. wavefile does the resampling
 * (interpolated, with its low-pass filter) and the G.711 μ-law encoding, so neither is hand-written here.
 */
export function fromWav(wav: Uint8Array, format: SpeechFormat): Audio {
  const file = new WaveFile(wav);
  if (format === 'wav') return { format, ...summary(file), data: Buffer.from(wav) };
  file.toSampleRate(format === 'mulaw8k' ? 8000 : 16000);
  if (format === 'mulaw8k') file.toMuLaw();
  const data = Buffer.from((file.data as { samples: Uint8Array }).samples);
  return { format, ...summary(file), data };
}

function summary(file: InstanceType<typeof WaveFile>): { sampleRate: number; seconds: number } {
  const fmt = file.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number };
  const bytes = (file.data as { samples: Uint8Array }).samples.length;
  const bytesPerSample = Math.max(1, fmt.bitsPerSample / 8) * fmt.numChannels;
  return { sampleRate: fmt.sampleRate, seconds: bytes / bytesPerSample / fmt.sampleRate };
}

/** Raw 16 kHz 16-bit mono PCM frames (what the gateway streams) as a WAV file for an ASR endpoint. */
export function pcm16ToWav(pcm: Buffer): Uint8Array {
  const samples = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.length / 2));
  const file = new WaveFile();
  file.fromScratch(1, 16000, '16', samples);
  return file.toBuffer();
}
