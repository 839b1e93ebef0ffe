import type { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';

/**
 * Parses a request payload with its schema; a mismatch is a `bad_request:<area>` naming the first
 * offending field, in Chinese for the person and with the path for the developer.
 */
export function parsePayload<T>(schema: z.ZodType<T>, value: unknown, area: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const path = first?.path.length ? first.path.join('.') : '(body)';
  throw new YishiError('bad_request', area, `请求参数有误：${path} ${first?.message ?? ''}`.trim(), {
    cause: result.error,
  });
}
