/**
 * The chat inside yishi's iframe: conversation, cards, 好差评, voice, 适老化, and the offline queue. It talks to the
 * portal page only through postMessage with the host origin the server allows (see the loader).
 */
import type { ChatContext, FromChat, ToChat } from '../shared/messages.ts';
import type { Answer } from './answer.ts';
import { formCard } from './form-card.ts';
import { assistantBubble, chips, completeAnswer, el, userBubble } from './render.ts';
import { store } from './storage.ts';
import { strings } from './strings.ts';
import { type Entry, Transcript } from './transcript.ts';
import { Transport } from './transport.ts';
import { canListen, canSpeak, listen, speak } from './voice.ts';

const params = new URLSearchParams(location.search);
const t = strings(params.get('lang'));
const allowed = new Set(
  (document.querySelector('meta[name="yishi-hosts"]')?.getAttribute('content') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .concat(location.origin),
);
const hostParam = params.get('host') ?? '';
const host = allowed.has(hostParam) ? hostParam : undefined;
let context: ChatContext = {};

const SESSION_KEY = 'yishi.session';
const ELDER_KEY = 'yishi.elder';
const session = {
  get: () => store.getItem(SESSION_KEY) ?? undefined,
  set: (id: string) => store.setItem(SESSION_KEY, id),
};

// Layout: header (title, 适老化, close), the conversation, one polite live region, the input.
// Short on the bar, full in the name (which begins with what is shown, so voice control finds it).
const elder = el(
  'button',
  { type: 'button', class: 'elder', 'aria-pressed': 'false', 'aria-label': t.elder, title: t.elder },
  t.elderShort,
);
const closeButton = el('button', { type: 'button', class: 'close', 'aria-label': t.close }, '×');
const status = el('p', { class: 'status', hidden: '' });
const log = el('ol', { class: 'log', 'aria-label': t.title, tabindex: '-1' });
const live = el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
const input = el('textarea', { id: 'yishi-input', rows: '2', maxlength: '2000', placeholder: t.placeholder });
const mic = el('button', { type: 'button', class: 'mic', 'aria-label': t.mic, hidden: '' });
// A drawn microphone rather than an emoji: many government desktops have no colour-emoji font.
mic.innerHTML =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="1.2em" height="1.2em"><path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1A7 7 0 0 0 19 11z"/></svg>';
const send = el('button', { type: 'submit', class: 'send' }, t.send);
const form = el(
  'form',
  { class: 'ask', 'aria-label': t.askForm },
  el('label', { for: 'yishi-input', class: 'visually-hidden' }, t.input),
  input,
  mic,
  send,
);
document.getElementById('app')?.append(
  // Inside a frame the chat is one part of the portal page: its title bar is not a second banner.
  el(
    'main',
    { 'aria-label': t.title },
    el('div', { class: 'bar' }, el('h1', {}, t.title), elder, closeButton),
    status,
    log,
    live,
  ),
  form,
);
// Escape closes the chat; the portal page puts focus back on the launcher.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') toHost({ type: 'yishi:close' });
});

// 适老化: large text and high contrast, one toggle, remembered.
function setElder(on: boolean): void {
  document.documentElement.classList.toggle('elder-mode', on);
  elder.setAttribute('aria-pressed', String(on));
  store.setItem(ELDER_KEY, on ? '1' : '0');
}
setElder(store.getItem(ELDER_KEY) === '1');
elder.addEventListener('click', () => setElder(elder.getAttribute('aria-pressed') !== 'true'));
closeButton.addEventListener('click', () => toHost({ type: 'yishi:close' }));

// The conversation survives a reload (transcript.ts).
const transcript = new Transcript();
const bubbles = new Map<string, { node: HTMLElement; text: HTMLElement }>();

function show(entry: Entry, waiting: boolean): void {
  log.append(userBubble(entry.message, t));
  const bubble = assistantBubble(t);
  bubbles.set(entry.id, bubble);
  log.append(bubble.node);
  if (entry.answer) finish(entry.id, entry.answer, false);
  else bubble.text.textContent = waiting ? t.queued : t.sending;
  log.scrollTop = log.scrollHeight;
}

function finish(id: string, answer: Answer, announce: boolean): void {
  const bubble = bubbles.get(id);
  if (!bubble) return;
  completeAnswer(bubble, answer, t, {
    ask,
    rate: (rating, reason) => void rate(answer, rating, reason),
  });
  // The form while filling: one card, the newest, drawn again as values come in.
  if (answer.form && answer.form.fields.length > 0) {
    log.querySelectorAll('.card.form').forEach((old) => {
      old.remove();
    });
    bubble.node.append(
      formCard(answer.form, t, {
        sessionId: session.get,
        token: () => context.identityToken,
        ask,
        say: (text) => {
          log.append(el('li', { class: 'msg assistant' }, text));
          live.textContent = text;
        },
      }),
    );
  }
  if (canSpeak()) {
    const read = el('button', { type: 'button', class: 'read' }, t.readAloud);
    read.addEventListener('click', () => speak(answer.reply));
    bubble.node.append(read);
  }
  if (announce) live.textContent = answer.reply.split('\n')[0] ?? '';
  log.scrollTop = log.scrollHeight;
}

async function rate(answer: Answer, rating: 'good' | 'bad', reason?: string): Promise<void> {
  await fetch('/api/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionId: answer.sessionId,
      turn: answer.turn,
      rating,
      ...(reason ? { reason } : {}),
    }),
  }).catch(() => undefined);
}

const transport = new Transport(location.origin, session, {
  delta(id, text) {
    const bubble = bubbles.get(id);
    if (!bubble) return;
    if (bubble.text.dataset.streaming !== '1') {
      bubble.text.textContent = '';
      bubble.text.dataset.streaming = '1';
    }
    bubble.text.append(text);
  },
  reply(answer) {
    if (transcript.answer(answer)) finish(answer.id, answer, true);
  },
  failed(id) {
    const bubble = bubbles.get(id);
    if (bubble) bubble.text.textContent = t.error;
    transcript.drop(id);
  },
  waiting(ids) {
    for (const id of ids) {
      const bubble = bubbles.get(id);
      if (bubble && bubble.text.dataset.streaming !== '1')
        bubble.text.textContent = transport?.online === false ? t.queued : t.sending;
    }
  },
  online(online) {
    status.hidden = online;
    status.textContent = online ? '' : t.queued;
  },
});

function ask(message: string): void {
  const text = message.trim();
  if (!text) return;
  const entry = transcript.add(crypto.randomUUID(), text);
  show(entry, !navigator.onLine);
  transport.send({ id: entry.id, message: text, ...(context.region ? { region: context.region } : {}) });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  ask(input.value);
  input.value = '';
  input.focus();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
});

// Voice input where the browser has it; hidden otherwise.
if (canListen()) {
  mic.hidden = false;
  let stop: (() => void) | undefined;
  mic.addEventListener('click', () => {
    if (stop) {
      stop();
      return;
    }
    mic.setAttribute('aria-label', t.micStop);
    mic.setAttribute('aria-pressed', 'true');
    stop = listen(
      (heard) => {
        input.value = heard;
      },
      () => {
        stop = undefined;
        mic.setAttribute('aria-label', t.mic);
        mic.setAttribute('aria-pressed', 'false');
      },
    );
  });
}

/** The page shows a matter: offer the question about it (the person still chooses to ask). */
async function suggestFor(matterCode: string): Promise<void> {
  const res = await fetch(`/api/lookup?matterCode=${encodeURIComponent(matterCode)}`).catch(() => undefined);
  if (!res?.ok) return;
  const found: { bundle?: { name: string }; matter?: { name: string } } = await res.json();
  const name = found.bundle?.name ?? found.matter?.name;
  if (!name) return;
  log.querySelectorAll('.suggest').forEach((old) => {
    old.remove();
  });
  log.append(
    el('li', { class: 'msg assistant suggest' }, chips([t.about_matter.replace('{name}', name)], ask)),
  );
}

function toHost(message: FromChat): void {
  if (host && window.parent !== window) window.parent.postMessage(message, host);
}

window.addEventListener('message', (event: MessageEvent<ToChat>) => {
  if (!host || event.origin !== host || event.source !== window.parent) return;
  if (event.data?.type === 'yishi:context') {
    const before = context.matterCode;
    context = { ...event.data.context };
    if (context.matterCode && context.matterCode !== before) void suggestFor(context.matterCode);
  } else if (event.data?.type === 'yishi:focus') input.focus();
});

// What was said before a reload, and a welcome on the first visit.
if (transcript.all.length === 0) log.append(el('li', { class: 'msg assistant' }, t.welcome));
const waiting = new Set(transport.waitingIds);
for (const entry of transcript.all) show(entry, waiting.has(entry.id) && !navigator.onLine);
toHost({ type: 'yishi:ready' });
