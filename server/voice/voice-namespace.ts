import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { AnswerService } from '../answer/answer-service.ts';
import type { CaseFeed } from '../cases/case-feed.ts';
import { toPublicError } from '../http/error-status.ts';
import { parsePayload } from '../http/parse.ts';
import type { ChannelSwitch } from '../observability/channel-switch.ts';
import type { SessionStore } from '../stores/session.types.ts';
import { GatewayCalls } from './gateway-calls.ts';
import type { Asr } from './speech/asr.ts';
import type { Tts } from './speech/tts.ts';

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
const Audio = z.object({
  callId: CallId,
  chunk: z.instanceof(Buffer).refine((b) => b.length <= 16_000, '音频帧过大（每帧不超过16 KB）'),
});
const AudioEnd = z.object({ callId: CallId, id: z.string().max(100).optional() });
const Dtmf = z.object({ callId: CallId, digit: z.string().regex(/^[0-9*#]$/) });
const CallOnly = z.object({ callId: CallId });

export interface VoiceDeps {
  answers: AnswerService;
  store: SessionStore;
  feed: CaseFeed;
  tts: Tts;
  asr?: Asr | undefined;
  /** The kill switch: with voice off, a call hears the prepared message and ends. */
  channels?: ChannelSwitch | undefined;
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
    const calls = new GatewayCalls(socket, deps);
    // Every event is validated; a refused one is an `error` for that call, and the call goes on.
    const on = <T>(event: string, schema: z.ZodType<T>, run: (payload: T) => unknown) =>
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
    on('call:start', Start, (start) => calls.start(start));
    on('call:text', Text, ({ callId, id, text }) => calls.text(callId, text, id));
    on('call:audio', Audio, ({ callId, chunk }) => calls.audio(callId, chunk));
    on('call:audio-end', AudioEnd, ({ callId, id }) => calls.audioEnd(callId, id));
    on('call:dtmf', Dtmf, ({ callId, digit }) => calls.dtmf(callId, digit));
    on('call:silence', CallOnly, ({ callId }) => calls.silence(callId));
    on('call:end', CallOnly, ({ callId }) => calls.end(callId, 'caller'));
    socket.on('disconnect', () => calls.endAll('gateway-disconnected'));
  });
}

/** The shared key when one is configured (compared in constant time); otherwise only a local gateway. */
function gatewayAllowed(socket: Socket, key: string | undefined): boolean {
  if (!key) return ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(socket.handshake.address);
  const given = Buffer.from(String((socket.handshake.auth as { key?: unknown }).key ?? ''));
  const wanted = Buffer.from(key);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
