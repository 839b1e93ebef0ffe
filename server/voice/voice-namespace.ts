import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import type { CaseFeed } from '../cases/case-feed.ts';
import { issueCaseCode, sessionOfCaseCode } from '../form/case-code.ts';
import { toPublicError } from '../http/error-status.ts';
import { parsePayload } from '../http/parse.ts';
import type { SessionStore } from '../stores/session.types.ts';
import type { Asr } from './speech/asr.ts';
import type { SpeechFormat } from './speech/audio-format.ts';
import type { Tts } from './speech/tts.ts';
import { VoiceCall, type VoiceReply } from './voice-call.ts';

const CallId = z.string().min(1).max(100);
const Start = z.object({
  callId: CallId,
  /** A case code the caller gave (keyed in or read out to the gateway's IVR): the call continues that case. */
  caseCode: z.string().max(20).optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Audio with every `say` in this format; none: text only (the gateway has its own TTS). */
  speech: z.enum(['wav', 'pcm16', 'mulaw8k']).optional(),
});
const Text = z.object({
  callId: CallId,
  id: z.string().max(100).optional(),
  text: z.string().min(1).max(500),
});
const Audio = z.object({ callId: CallId, chunk: z.instanceof(Buffer).refine((b) => b.length <= 64_000) });
const AudioEnd = z.object({ callId: CallId, id: z.string().max(100).optional() });
const Dtmf = z.object({ callId: CallId, digit: z.string().regex(/^[0-9*#]$/) });
const CallOnly = z.object({ callId: CallId });

/** Longest utterance buffered for ASR: 30 s of 16 kHz 16-bit mono. */
const MAX_UTTERANCE_BYTES = 30 * 16000 * 2;

interface LiveCall {
  call: VoiceCall;
  sessionId: string;
  caseCode: string;
  speech?: SpeechFormat;
  audio: Buffer[];
  audioBytes: number;
}

export interface VoiceDeps {
  answers: AnswerService;
  store: SessionStore;
  feed: CaseFeed;
  tts: Tts;
  asr?: Asr | undefined;
  /** VOICE_GATEWAY_KEY; unset: loopback gateways only. */
  gatewayKey?: string | undefined;
  logger: Logger;
}

/**
 * Namespace `/voice`: the telephony gateway's side of accessibility calls (protocol: docs/voice-protocol.md).
 * Text turns (the gateway did ASR) or 16 kHz PCM audio (to a configured ASR); every reply shaped for listening,
 * optionally with audio from the TTS; transfer and hangup as events. Each call is a case the copilot can follow.
 */
export function attachVoiceNamespace(io: Server, deps: VoiceDeps): void {
  const nsp = io.of('/voice');
  nsp.use((socket, next) => {
    if (gatewayAllowed(socket, deps.gatewayKey)) next();
    else next(new Error('unauthorized: VOICE_GATEWAY_KEY required'));
  });
  nsp.on('connection', (socket) => {
    const calls = new Map<string, LiveCall>();
    const handle = <T>(event: string, schema: z.ZodType<T>, run: (payload: T) => Promise<void>) =>
      socket.on(event, async (payload: unknown) => {
        try {
          await run(parsePayload(schema, payload, 'voice'));
        } catch (error) {
          const { status, body } = toPublicError(error);
          if (status >= 500) deps.logger.error({ err: error, event }, 'voice event failed');
          const callId = CallOnly.safeParse(payload).data?.callId;
          socket.emit('error', { ...(callId ? { callId } : {}), event, ...body });
        }
      });
    const live = (callId: string) => {
      const found = calls.get(callId);
      if (!found) throw new YishiError('not_found', 'voice', '通话不存在或已结束');
      return found;
    };
    const say = async (callId: string, entry: LiveCall, reply: VoiceReply, id?: string) => {
      deps.feed.line(entry.sessionId, 'voice', 'yishi', reply.text);
      const audio = entry.speech ? await deps.tts.synthesize(reply.text, entry.speech) : undefined;
      socket.emit('say', {
        callId,
        ...(id ? { id } : {}),
        text: reply.text,
        ...(reply.walk ? { walk: reply.walk } : {}),
        ...(audio ? { audio: { format: audio.format, sampleRate: audio.sampleRate, data: audio.data } } : {}),
      });
      if (reply.action === 'transfer') {
        socket.emit('transfer', {
          callId,
          sessionId: entry.sessionId,
          caseCode: entry.caseCode,
          reason: reply.reason,
        });
        deps.feed.publish(entry.sessionId, {
          kind: 'call',
          state: 'transfer',
          callId,
          caseCode: entry.caseCode,
          ...(reply.reason ? { reason: reply.reason } : {}),
        });
      }
      if (reply.action === 'hangup') end(callId, reply.reason ?? 'hangup');
    };
    const end = (callId: string, reason: string) => {
      const entry = calls.get(callId);
      if (!entry) return;
      calls.delete(callId);
      socket.emit('hangup', { callId, reason });
      deps.feed.publish(entry.sessionId, { kind: 'call', state: 'ended', callId, reason });
    };
    const heard = async (callId: string, entry: LiveCall, text: string, id?: string) => {
      deps.feed.line(entry.sessionId, 'voice', 'caller', text);
      await say(callId, entry, await entry.call.hear(text), id);
    };

    handle('call:start', Start, async (start) => {
      if (calls.has(start.callId)) throw new YishiError('conflict', 'voice', '通话已经开始');
      const resumed = start.caseCode ? await sessionOfCaseCode(deps.store, start.caseCode) : undefined;
      if (start.caseCode && !resumed) throw new YishiError('not_found', 'case', '案件码不存在或已过期');
      const sessionId = resumed ?? (await deps.answers.openSession()).id;
      const { code } = await issueCaseCode(deps.store, sessionId, 1);
      const entry: LiveCall = {
        call: new VoiceCall(deps.answers, sessionId, start.region),
        sessionId,
        caseCode: code,
        ...(start.speech ? { speech: start.speech } : {}),
        audio: [],
        audioBytes: 0,
      };
      calls.set(start.callId, entry);
      socket.emit('call:started', {
        callId: start.callId,
        sessionId,
        caseCode: code,
        asr: Boolean(deps.asr),
      });
      deps.feed.publish(sessionId, { kind: 'call', state: 'started', callId: start.callId, caseCode: code });
      await say(start.callId, entry, entry.call.greet());
    });
    handle('call:text', Text, async ({ callId, id, text }) => heard(callId, live(callId), text, id));
    handle('call:audio', Audio, async ({ callId, chunk }) => {
      const entry = live(callId);
      if (!deps.asr) throw asrMissing();
      entry.audioBytes += chunk.length;
      if (entry.audioBytes > MAX_UTTERANCE_BYTES)
        throw new YishiError('invalid', 'voice', '一句话的录音过长（超过30秒）');
      entry.audio.push(chunk);
    });
    handle('call:audio-end', AudioEnd, async ({ callId, id }) => {
      const entry = live(callId);
      if (!deps.asr) throw asrMissing();
      const pcm = Buffer.concat(entry.audio);
      entry.audio = [];
      entry.audioBytes = 0;
      // A recognizer that fails is a turn the caller must repeat, not a silent line.
      const text = await deps.asr.transcribe(pcm).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'asr failed');
        return undefined;
      });
      socket.emit('heard', { callId, ...(id ? { id } : {}), text: text ?? '' });
      if (text === undefined) await say(callId, entry, entry.call.notHeard(), id);
      else if (text) await heard(callId, entry, text, id);
      else await say(callId, entry, entry.call.silence(), id);
    });
    handle('call:dtmf', Dtmf, async ({ callId, digit }) => {
      const entry = live(callId);
      deps.feed.line(entry.sessionId, 'voice', 'caller', `（按键 ${digit}）`);
      await say(callId, entry, await entry.call.dtmf(digit));
    });
    handle('call:silence', CallOnly, async ({ callId }) => {
      const entry = live(callId);
      await say(callId, entry, entry.call.silence());
    });
    handle('call:end', CallOnly, async ({ callId }) => end(callId, 'caller'));
    socket.on('disconnect', () => {
      for (const callId of [...calls.keys()]) end(callId, 'gateway-disconnected');
    });
  });
}

function asrMissing(): YishiError {
  return new YishiError(
    'invalid',
    'asr',
    '未配置语音识别（ASR_MODEL）：请由网关识别后用 call:text 发送文字，或配置 OpenAI 兼容的 /audio/transcriptions 服务',
  );
}

/** The shared key when one is configured (compared in constant time); otherwise only a local gateway. */
function gatewayAllowed(socket: Socket, key: string | undefined): boolean {
  if (!key) return ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(socket.handshake.address);
  const given = Buffer.from(String((socket.handshake.auth as { key?: unknown }).key ?? ''));
  const wanted = Buffer.from(key);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
