import type { SessionState } from '../../stores/session.types.ts';

/** How many exchanges a session keeps for follow-ups and the model. */
export const HISTORY_TURNS = 4;
/** Replies are kept shortened: enough to resolve 那个 and 呢, not a transcript. */
export const HISTORY_REPLY_CHARS = 200;

/** The last exchanges as prompt text, oldest first, or 无. */
export function historyText(history: SessionState['history']): string {
  if (history.length === 0) return '无';
  return history.map((h) => `用户：${h.user}\n助手：${h.reply}`).join('\n');
}

/** Adds an exchange (identifiers already masked), keeping the last few. */
export function remember(session: SessionState, user: string, reply: string, bundleId?: string): void {
  const short =
    [...reply].length > HISTORY_REPLY_CHARS ? `${[...reply].slice(0, HISTORY_REPLY_CHARS).join('')}…` : reply;
  session.history = [...session.history, { user, reply: short, ...(bundleId ? { bundleId } : {}) }].slice(
    -HISTORY_TURNS,
  );
}
