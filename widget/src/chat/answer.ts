import type { FormView } from './form-card.ts';

/** The parts of a chat answer (POST /api/chat, socket `reply`) the widget shows. */
export interface ChecklistItem {
  name: string;
  status: 'submit' | 'shared' | 'conditional';
  matters?: string[];
  condition?: string;
  source?: string;
}

export interface Step {
  stage: number;
  matter: { id: string; name: string };
  timeLimit?: { text: string };
  department?: string;
  channel?: string;
}

export interface Answer {
  id?: string;
  sessionId: string;
  turn?: number;
  outcome: string;
  reply: string;
  bundle?: { id: string; name: string };
  plan?: { checklist: ChecklistItem[]; steps: Step[] };
  options?: { id: string; name: string }[];
  citations?: { title: string; section: string; source: string }[];
  /** The unified form while the person is filling it. */
  form?: FormView;
}
