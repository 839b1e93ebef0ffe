import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { Context } from '../context.ts';

export const MAX_MESSAGE_CHARS = 2000;

/** Rejects what no later step should see: empty or over-long messages. */
export function guardInput(ctx: Context): void {
  if (ctx.message.trim().length === 0) throw new YishiError('bad_request', 'chat', '消息不能为空');
  if ([...ctx.message].length > MAX_MESSAGE_CHARS) {
    throw new YishiError('bad_request', 'chat', `消息过长，请控制在${MAX_MESSAGE_CHARS}字以内`);
  }
}
