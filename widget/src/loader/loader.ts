/**
 * The loader a portal page includes with one script tag:
 *   <script src="https://<yishi>/widget.js" data-region="430100" async></script>
 * It puts a launcher (in a shadow root, so the host's CSS cannot reach it) on the page and opens the chat in an
 * iframe served by yishi, so the host's scripts never see what a citizen types. The host talks to it through
 * `window.yishi(command, ...args)`; messages cross only between the two explicit origins.
 */
import { type ChatContext, type FromChat, LOADER_VERSION, type ToChat } from '../shared/messages.ts';

type Handler = (detail?: unknown) => void;
type Call = [string, ...unknown[]];
interface YishiGlobal {
  (command: string, ...args: unknown[]): void;
  q?: Call[];
  version?: string;
}

const script = document.currentScript as HTMLScriptElement | null;
const chatOrigin = new URL(script?.src ?? location.href).origin;
const handlers = new Map<string, Handler[]>();
let context: ChatContext = {
  region: script?.dataset.region || undefined,
  matterCode: script?.dataset.matterCode || undefined,
};
let frame: HTMLIFrameElement | undefined;
let panel: HTMLElement | undefined;
let launcher: HTMLButtonElement | undefined;
let ready = false;
let pending: ToChat[] = [];

const CSS = `
:host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:16px/1.5 system-ui,sans-serif}
button{font:inherit;cursor:pointer;border:0;border-radius:999px;padding:12px 20px;background:#b3261e;color:#fff;
box-shadow:0 2px 8px rgba(0,0,0,.3)}
button:focus-visible{outline:3px solid #1a4fd0;outline-offset:3px}
.panel{position:fixed;right:20px;bottom:84px;width:min(420px,calc(100vw - 40px));height:min(640px,calc(100vh - 110px));
border-radius:12px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.35);background:#fff}
.panel[hidden]{display:none}
iframe{border:0;width:100%;height:100%}
@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}`;

function emit(event: string, detail?: unknown): void {
  for (const h of handlers.get(event) ?? []) h(detail);
  window.dispatchEvent(new CustomEvent(`yishi:${event}`, { detail }));
}

function post(message: ToChat): void {
  if (ready && frame?.contentWindow) frame.contentWindow.postMessage(message, chatOrigin);
  else pending.push(message);
}

function mount(): void {
  if (launcher) return;
  const host = document.createElement('yishi-widget');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not inline style: portals with a strict CSP (no 'unsafe-inline') still style it.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
  launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.textContent = '一事 · 办事导办';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'yishi-panel');
  launcher.addEventListener('click', () => (panel?.hidden === false ? close() : open()));
  panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'yishi-panel';
  panel.hidden = true;
  root.append(panel, launcher);
  document.body.append(host);
}

function ensureFrame(): void {
  if (frame || !panel) return;
  frame = document.createElement('iframe');
  frame.title = '一事 智能导办';
  frame.allow = 'microphone';
  const url = new URL('/widget/chat', chatOrigin);
  url.searchParams.set('host', location.origin);
  if (script?.dataset.lang === 'en') url.searchParams.set('lang', 'en');
  frame.src = url.toString();
  panel.append(frame);
}

function open(): void {
  mount();
  ensureFrame();
  if (!panel || !launcher) return;
  panel.hidden = false;
  launcher.setAttribute('aria-expanded', 'true');
  post({ type: 'yishi:focus' });
  emit('opened');
}

function close(): void {
  if (!panel || !launcher) return;
  panel.hidden = true;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.focus();
  emit('closed');
}

function setContext(next: Partial<ChatContext>): void {
  context = { ...context, ...next };
  post({ type: 'yishi:context', context });
}

window.addEventListener('message', (event: MessageEvent<FromChat>) => {
  if (event.origin !== chatOrigin || event.source !== frame?.contentWindow) return;
  const data = event.data;
  if (data?.type === 'yishi:ready') {
    ready = true;
    const queued = pending;
    pending = [];
    post({ type: 'yishi:context', context });
    for (const m of queued) post(m);
    emit('ready');
  } else if (data?.type === 'yishi:close') close();
});

const commands: Record<string, (...args: unknown[]) => void> = {
  init: (options) => {
    setContext((options ?? {}) as Partial<ChatContext>);
    mount();
    if ((options as { open?: boolean } | undefined)?.open) open();
  },
  open,
  close,
  setContext: (next) => setContext((next ?? {}) as Partial<ChatContext>),
  on: (event, handler) => {
    if (typeof event === 'string' && typeof handler === 'function')
      handlers.set(event, [...(handlers.get(event) ?? []), handler as Handler]);
  },
};

function run([command, ...args]: Call): void {
  const f = commands[command];
  if (f) f(...args);
  else console.warn(`yishi: unknown command ${command}`);
}

// Calls made before this script loaded wait in `yishi.q`.
const before = (window as unknown as { yishi?: YishiGlobal }).yishi;
const api: YishiGlobal = (command: string, ...args: unknown[]) => run([command, ...args]);
api.version = LOADER_VERSION;
(window as unknown as { yishi: YishiGlobal }).yishi = api;
const start = () => {
  mount();
  for (const call of before?.q ?? []) run(call);
};
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
