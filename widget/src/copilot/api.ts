/** The console's calls to /api/copilot with the agent's token; errors carry the server's Chinese message. */
export class CopilotApi {
  constructor(private readonly token: () => string | undefined) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const token = this.token();
    const res = await fetch(`/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status === 204) return undefined as T;
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data?.error?.message ?? `请求失败（${res.status}）`);
    return data as T;
  }
}

/** The panels as the server sends them (server/copilot/panels.ts). */
export interface Panels {
  sessionId: string;
  bundles: { id: string; name: string; confidence: number; chosen: boolean }[];
  plan?: {
    bundle: { id: string; name: string };
    checklist: {
      name: string;
      status: 'submit' | 'shared' | 'conditional';
      source?: string;
      condition?: string;
    }[];
    steps: { stage: number; matter: { name: string }; timeLimit: { text: string }; channel?: string }[];
    timing: { promisedDays?: number; criticalPathDays: number };
  };
  nextQuestion?: { fact: string; question: string; options: string[] };
  replyDraft: { text: string; citations: { title: string; section: string; source: string }[] };
  form?: {
    fields: { key: string; label: string; value: unknown; status: string; source: { kind: string } | null }[];
  };
  warnings: ('crisis' | 'complaint' | 'supervisor' | 'handoff')[];
}

export interface WorkOrderDraft {
  category: '咨询' | '求助' | '投诉' | '建议' | '表扬';
  bundle: { id: string; name: string } | null;
  matters: { id: string; name: string }[];
  summary: string;
  answered: string;
  followUp: string;
  warnings: string[];
}
