import type { Server } from 'socket.io';

/** One thing that happened in a case, as the copilot shows it live. */
export type CaseEvent =
  | { kind: 'line'; channel: string; speaker: 'caller' | 'yishi' | 'agent'; text: string; at: string }
  | { kind: 'panels'; panels: unknown }
  | {
      kind: 'call';
      state: 'started' | 'transfer' | 'ended';
      callId: string;
      reason?: string;
      caseCode?: string;
    };

/**
 * Publishes what happens in a case to the agents following it: the socket.io room `case:<sessionId>` of the
 * `/copilot` namespace. Rooms go through the adapter, so with the Redis adapter an agent on another node sees
 * it too.
 */
export class CaseFeed {
  /** Set when rooms span nodes (Redis adapter): an agent elsewhere may follow any case. */
  clustered = false;

  constructor(private readonly io: Server) {}

  /**
   * Whether an agent on this node follows the case: panels are only computed for watched cases. (With the
   * Redis adapter an agent on another node is not seen here; the lines still reach them through the room.)
   */
  watched(sessionId: string): boolean {
    if (this.clustered) return true;
    return (this.io.of('/copilot').adapter.rooms.get(caseRoom(sessionId))?.size ?? 0) > 0;
  }

  publish(sessionId: string, event: CaseEvent): void {
    this.io
      .of('/copilot')
      .to(caseRoom(sessionId))
      .emit('case', { sessionId, ...event });
  }

  line(sessionId: string, channel: string, speaker: 'caller' | 'yishi' | 'agent', text: string): void {
    this.publish(sessionId, { kind: 'line', channel, speaker, text, at: new Date().toISOString() });
  }
}

export const caseRoom = (sessionId: string) => `case:${sessionId}`;
