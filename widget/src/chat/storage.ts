/**
 * The chat's storage: localStorage on yishi's origin, which the host page cannot read. A browser that blocks
 * storage in third-party frames (Chromium without partitioned storage) gets memory only: the chat still works,
 * but the conversation and the offline queue last until the page is closed.
 */
export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function pick(): Store {
  try {
    const s = window.localStorage;
    s.setItem('yishi.probe', '1');
    s.removeItem('yishi.probe');
    return s;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

export const store: Store = pick();
