import type { Socket } from 'socket.io';
import { YishiError } from '../../knowledge/yishi-error.ts';
import { issueCaseCode, sessionOfCaseCode } from '../form/case-code.ts';
import { forListening } from './listening-text.ts';
import type { SpeechFormat } from './speech/audio-format.ts';
import { VoiceCall, type VoiceReply } from './voice-call.ts';
import type { VoiceDeps } from './voice-namespace.ts';

/** Longest utterance buffered for ASR: 30 s of 16 kHz 16-bit mono. */
const MAX_UTTERANCE_BYTES = 30 * 16000 * 2;

interface LiveCall {
  call: VoiceCall;
  sessionId: string;
  caseCode: string;
  speech?: SpeechFormat | undefined;
  audio: Buffer[];
  audioBytes: number;
}

/**
 * The calls of one gateway connection: each a VoiceCall on its own case, what it says sent back (with audio
 * when asked), transfer and hangup signalled, and every line published to the copilot's room for the case.
 */
export class GatewayCalls {
  private readonly calls = new Map<string, LiveCall>();

  constructor(
    private readonly socket: Socket,
    private readonly deps: VoiceDeps,
  ) {}

  async start(start: {
    callId: string;
    caseCode?: string | undefined;
    region?: string | undefined;
    speech?: SpeechFormat | undefined;
  }): Promise<void> {
    const { deps } = this;
    if (this.calls.has(start.callId)) throw new YishiError('conflict', 'voice', '通话已经开始');
    const resumed = start.caseCode ? await sessionOfCaseCode(deps.store, start.caseCode) : undefined;
    if (start.caseCode && !resumed) throw new YishiError('not_found', 'case', '案件码不存在或已过期');
    const sessionId = resumed ?? (await deps.answers.openSession()).id;
    const { code } = await issueCaseCode(deps.store, sessionId, 1);
    const entry: LiveCall = {
      call: new VoiceCall(deps.answers, sessionId, start.region),
      sessionId,
      caseCode: code,
      speech: start.speech,
      audio: [],
      audioBytes: 0,
    };
    this.calls.set(start.callId, entry);
    this.socket.emit('call:started', {
      callId: start.callId,
      sessionId,
      caseCode: code,
      asr: Boolean(deps.asr),
    });
    deps.feed.publish(sessionId, { kind: 'call', state: 'started', callId: start.callId, caseCode: code });
    if (deps.channels?.isOff('voice')) {
      const text = forListening(deps.channels.message);
      await this.say(start.callId, entry, { text, action: 'hangup', reason: 'channel-off' });
      return;
    }
    await this.say(start.callId, entry, entry.call.greet());
  }

  async text(callId: string, text: string, id?: string): Promise<void> {
    await this.heard(callId, this.live(callId), text, id);
  }

  /** A frame of the caller's speech, kept until the gateway says the utterance ended. */
  audio(callId: string, chunk: Buffer): void {
    const entry = this.live(callId);
    if (!this.deps.asr) throw asrMissing();
    entry.audioBytes += chunk.length;
    if (entry.audioBytes > MAX_UTTERANCE_BYTES)
      throw new YishiError('invalid', 'voice', '一句话的录音过长（超过30秒）');
    entry.audio.push(chunk);
  }

  async audioEnd(callId: string, id?: string): Promise<void> {
    const entry = this.live(callId);
    const asr = this.deps.asr;
    if (!asr) throw asrMissing();
    const pcm = Buffer.concat(entry.audio);
    entry.audio = [];
    entry.audioBytes = 0;
    // A recognizer that fails is a turn the caller must repeat, not a silent line.
    const text = await asr.transcribe(pcm).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'asr failed');
      return undefined;
    });
    this.socket.emit('heard', { callId, ...(id ? { id } : {}), text: text ?? '' });
    if (text === undefined) await this.say(callId, entry, entry.call.notHeard(), id);
    else if (text) await this.heard(callId, entry, text, id);
    else await this.say(callId, entry, entry.call.silence(), id);
  }

  async dtmf(callId: string, digit: string): Promise<void> {
    const entry = this.live(callId);
    this.deps.feed.line(entry.sessionId, 'voice', 'caller', `（按键 ${digit}）`);
    await this.say(callId, entry, await entry.call.dtmf(digit));
  }

  async silence(callId: string): Promise<void> {
    const entry = this.live(callId);
    await this.say(callId, entry, entry.call.silence());
  }

  end(callId: string, reason: string): void {
    const entry = this.calls.get(callId);
    if (!entry) return;
    this.calls.delete(callId);
    this.socket.emit('hangup', { callId, reason });
    this.deps.feed.publish(entry.sessionId, { kind: 'call', state: 'ended', callId, reason });
  }

  endAll(reason: string): void {
    for (const callId of [...this.calls.keys()]) this.end(callId, reason);
  }

  private live(callId: string): LiveCall {
    const found = this.calls.get(callId);
    if (!found) throw new YishiError('not_found', 'voice', '通话不存在或已结束');
    return found;
  }

  private async heard(callId: string, entry: LiveCall, text: string, id?: string): Promise<void> {
    this.deps.feed.line(entry.sessionId, 'voice', 'caller', text);
    await this.say(callId, entry, await entry.call.hear(text), id);
  }

  private async say(callId: string, entry: LiveCall, reply: VoiceReply, id?: string): Promise<void> {
    const { feed, tts } = this.deps;
    feed.line(entry.sessionId, 'voice', 'yishi', reply.text);
    const audio = entry.speech ? await tts.synthesize(reply.text, entry.speech) : undefined;
    this.socket.emit('say', {
      callId,
      ...(id ? { id } : {}),
      text: reply.text,
      ...(reply.walk ? { walk: reply.walk } : {}),
      ...(audio ? { audio: { format: audio.format, sampleRate: audio.sampleRate, data: audio.data } } : {}),
    });
    if (reply.action === 'transfer') {
      const transfer = {
        callId,
        caseCode: entry.caseCode,
        ...(reply.reason ? { reason: reply.reason } : {}),
      };
      this.socket.emit('transfer', { ...transfer, sessionId: entry.sessionId });
      feed.publish(entry.sessionId, { kind: 'call', state: 'transfer', ...transfer });
    }
    if (reply.action === 'hangup') this.end(callId, reply.reason ?? 'hangup');
  }
}

function asrMissing(): YishiError {
  return new YishiError(
    'invalid',
    'asr',
    '未配置语音识别（ASR_MODEL）：请由网关识别后用 call:text 发送文字，或配置 OpenAI 兼容的 /audio/transcriptions 服务',
  );
}
