/** Messages between the loader on the portal page and the chat in yishi's iframe (postMessage, explicit origins). */
export const LOADER_VERSION = '1';

/** What the portal page tells the chat: the matter shown, the region, the citizen's identity token. */
export interface ChatContext {
  matterCode?: string | undefined;
  region?: string | undefined;
  identityToken?: string | undefined;
}

export type ToChat = { type: 'yishi:context'; context: ChatContext } | { type: 'yishi:focus' };
export type FromChat = { type: 'yishi:ready' } | { type: 'yishi:close' };
