import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { Context } from '../context.ts';
import { startScreening } from '../guard/model-screen.ts';
import { findPii, maskPii } from '../guard/pii.ts';
import { checkSafety, sensitiveWords } from '../guard/safety-rules.ts';
import { sanitizeInput } from '../guard/sanitize.ts';
import { outOfScope } from '../guard/scope-rules.ts';
import { OUTCOME_MESSAGES } from '../outcome.ts';
import { looksLikeService } from '../understand/service-words.ts';

export const MAX_MESSAGE_CHARS = 2000;

/**
 * The first step: strips invisible and control characters, refuses empty or over-long messages, masks
 * identifiers for the record, and ends the turn for a crisis (help first), an injection or other unsafe request,
 * a request for a human (except on the copilot, where a person is already answering), or abuse with no question
 * in it. With a model, starts its injection check too
 * (awaited by the screen step).
 */
export function guardInput(ctx: Context): void {
  const { text, stripped } = sanitizeInput(ctx.message);
  if (Object.keys(stripped).length > 0) ctx.guard.stripped = stripped;
  if (text.length === 0) throw new YishiError('bad_request', 'chat', '消息不能为空');
  if ([...text].length > MAX_MESSAGE_CHARS) {
    throw new YishiError('bad_request', 'chat', `消息过长，请控制在${MAX_MESSAGE_CHARS}字以内`);
  }
  ctx.message = text;
  const pii = findPii(text);
  ctx.pii = [...new Set(pii.map((m) => m.kind))];
  ctx.redacted = pii.length > 0 ? maskPii(text, pii) : text;

  const normalized = normalizeText(text);
  const verdict = checkSafety(normalized, text);
  // On the copilot a person is already on the line: a crisis or a call for a person is the agent's warning
  // (the panels show it), and the caller's question is still understood for them.
  if (verdict && ctx.channel === 'copilot' && verdict.outcome !== 'unsafe') ctx.guard.reason = verdict.reason;
  else if (verdict) {
    ctx.outcome = verdict.outcome;
    ctx.guard.reason = verdict.reason;
    return;
  }
  const scope = outOfScope(normalized);
  if (scope) {
    ctx.outcome = 'off_topic';
    ctx.guard.reason = `out of scope: ${scope.topic}`;
    ctx.reply = scope.hint ? `${scope.hint}\n\n${OUTCOME_MESSAGES.off_topic}` : OUTCOME_MESSAGES.off_topic;
    return;
  }
  const abuse = sensitiveWords(normalized, ctx.sensitiveWords);
  if (abuse.length > 0) {
    ctx.guard.sensitive = abuse;
    if (!looksLikeService(normalized)) {
      ctx.outcome = 'unsafe';
      ctx.guard.reason = 'abuse';
      return;
    }
  }
  ctx.screening = startScreening(ctx);
}
