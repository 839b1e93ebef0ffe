import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { Auth } from '../auth/auth.ts';
import { caseRoom } from '../cases/case-feed.ts';
import { toPublicError } from '../http/error-status.ts';
import { parsePayload } from '../http/parse.ts';
import type { CopilotService } from './copilot-service.ts';

const Watch = z.object({ sessionId: z.uuid() });

/**
 * Namespace `/copilot`: an agent's console follows its cases live. The handshake carries the agent's token
 * (`auth: { token }`); `watch { sessionId }` joins the case's room once the agent may see it, and the server
 * then sends `case` events: each line said (caller, yishi, agent, on any channel), the panels after each
 * turn, and a voice call's start, transfer and end.
 */
export function attachCopilotNamespace(
  io: Server,
  copilot: CopilotService,
  auth: Auth,
  logger: Logger,
): void {
  const nsp = io.of('/copilot');
  nsp.use(async (socket, next) => {
    try {
      const token = String((socket.handshake.auth as { token?: unknown }).token ?? '');
      const principal = await auth.verify(token);
      if (!principal.roles.some((r) => r === 'agent' || r === 'admin')) throw new Error('forbidden');
      socket.data.agent = principal.subject;
      next();
    } catch {
      next(new Error('unauthorized: an agent token is required'));
    }
  });
  nsp.on('connection', (socket) => {
    socket.on('watch', async (payload: unknown, ack?: (reply: unknown) => void) => {
      try {
        const { sessionId } = parsePayload(Watch, payload, 'case');
        await copilot.session(String(socket.data.agent), sessionId);
        await socket.join(caseRoom(sessionId));
        ack?.({ ok: true });
      } catch (error) {
        const { status, body } = toPublicError(error);
        if (status >= 500) logger.error({ err: error }, 'copilot watch failed');
        ack?.({ ok: false, ...body });
      }
    });
    socket.on('unwatch', async (payload: unknown) => {
      const parsed = Watch.safeParse(payload);
      if (parsed.success) await socket.leave(caseRoom(parsed.data.sessionId));
    });
  });
}
