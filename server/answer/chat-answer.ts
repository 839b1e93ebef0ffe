import type { Citation, Plan } from '../../knowledge/index.ts';
import type { formView } from '../form/form-view.ts';
import type { Outcome } from './outcome.ts';

/** The answer of `POST /api/chat` and the socket `reply` event (DESIGN.md public API). */
export interface ChatAnswer {
  sessionId: string;
  /** The turn's number in the session: what a rating (POST /api/feedback) refers to. */
  turn: number;
  outcome: Outcome;
  reply: string;
  bundle?: { id: string; name: string };
  plan?: Plan;
  /** Bundles offered when the outcome is `clarify` and yishi hesitates between some. */
  options?: { id: string; name: string }[];
  citations: Omit<Citation, 'id'>[];
  /** The unified form while the person is filling it: every field with value, source and status. */
  form?: ReturnType<typeof formView>;
  /** The catalog version the answer was made from. */
  catalogVersion: string;
}
