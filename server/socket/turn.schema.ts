import { z } from 'zod';
import { ChatRequest } from '../http/routes/chat.schema.ts';

/** `turn` on namespace `/chat`: `id` is the client's idempotency key. */
export const TurnEvent = ChatRequest.extend({
  id: z.string().min(1).max(100),
});
