/**
 * The 12345 agent's console (/copilot): sign in as an agent, take a call (new case, or a caller's case code
 * with their consent), type what the caller says, and follow the panels; voice calls and widget cases the
 * agent follows update live over the `/copilot` socket. At the end, the work order.
 */
import { io, type Socket } from 'socket.io-client';
import { el } from '../shared/dom.ts';
import { CopilotApi, type Panels, type WorkOrderDraft } from './api.ts';
import { renderPanels } from './render-panels.ts';
import { workOrderForm } from './work-order-form.ts';

const TOKEN_KEY = 'yishi.agentToken';
let token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
let caseId: string | undefined;
let socket: Socket | undefined;
const api = new CopilotApi(() => token);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const transcript = $<HTMLOListElement>('transcript');
const panelsBox = $('panels');
const callerInput = $<HTMLTextAreaElement>('caller-input');
const caseTitle = $('case-title');

function notify(text: string): void {
  status.textContent = text;
}

function line(speaker: 'caller' | 'yishi' | 'agent', text: string, channel?: string): void {
  const who = { caller: '来电人', yishi: '一事', agent: '坐席' }[speaker];
  const via =
    channel && channel !== 'copilot'
      ? `（${{ voice: '语音', socket: '网页', http: '网页' }[channel] ?? channel}）`
      : '';
  transcript.append(el('li', { class: `line ${speaker}` }, el('strong', {}, `${who}${via}：`), text));
  transcript.scrollTop = transcript.scrollHeight;
}

function showPanels(panels: Panels): void {
  panelsBox.replaceChildren(
    ...renderPanels(panels, {
      notify,
      async setField(key, value) {
        if (!caseId) return;
        try {
          await api.call('PUT', `/copilot/cases/${caseId}/form/fields/${encodeURIComponent(key)}`, { value });
          notify('已保存表单字段');
        } catch (error) {
          notify((error as Error).message);
        }
      },
    }),
  );
}

function signedIn(agentName: string): void {
  $('signin').hidden = true;
  $('workspace').hidden = false;
  $('agent-name').textContent = agentName;
  socket?.close();
  socket = io('/copilot', { auth: { token }, transports: ['websocket', 'polling'] });
  socket.on(
    'case',
    (event: {
      sessionId: string;
      kind: string;
      speaker?: 'caller' | 'yishi' | 'agent';
      text?: string;
      channel?: string;
      panels?: Panels;
      state?: string;
      caseCode?: string;
    }) => {
      if (event.sessionId !== caseId) return;
      if (event.kind === 'line' && event.speaker && event.text && event.channel !== 'copilot')
        line(event.speaker, event.text, event.channel);
      if (event.kind === 'panels' && event.panels) showPanels(event.panels);
      if (event.kind === 'call' && event.state === 'transfer')
        notify(`语音来电请求转人工（案件码 ${event.caseCode ?? ''}）`);
      if (event.kind === 'call' && event.state === 'ended') notify('语音通话已结束');
    },
  );
  socket.on('connect', () => {
    if (caseId) socket?.emit('watch', { sessionId: caseId });
  });
}

async function openCase(id: string, title: string, panels: Panels): Promise<void> {
  if (caseId && socket) socket.emit('unwatch', { sessionId: caseId });
  caseId = id;
  caseTitle.textContent = title;
  transcript.replaceChildren();
  $('work-order').replaceChildren();
  showPanels(panels);
  socket?.emit('watch', { sessionId: id });
  const view = await api.call<{ transcript: { caller: string; reply: string; channel: string }[] }>(
    'GET',
    `/copilot/cases/${id}`,
  );
  for (const t of view.transcript) {
    line('caller', t.caller, t.channel);
    line('yishi', t.reply, t.channel);
  }
  $('caller-form').hidden = false;
  callerInput.focus();
}

$('demo-signin').addEventListener('click', async () => {
  try {
    const res = await fetch('/api/dev/demo-agent', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) throw new Error('演示坐席仅在开发环境可用，请粘贴坐席令牌');
    const body: { token: string; agent: { name: string } } = await res.json();
    token = body.token;
    sessionStorage.setItem(TOKEN_KEY, token);
    signedIn(body.agent.name);
  } catch (error) {
    notify((error as Error).message);
  }
});

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  token = $<HTMLInputElement>('token-input').value.trim();
  sessionStorage.setItem(TOKEN_KEY, token);
  signedIn('坐席');
});

$('new-call').addEventListener('click', async () => {
  try {
    const opened = await api.call<{ sessionId: string; caseCode: string; panels: Panels }>(
      'POST',
      '/copilot/cases',
    );
    await openCase(opened.sessionId, `新来电 · 案件码 ${opened.caseCode}`, opened.panels);
    notify('已新建来电案件');
  } catch (error) {
    notify((error as Error).message);
  }
});

$('join-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const code = $<HTMLInputElement>('case-code').value.trim();
  const consent = $<HTMLInputElement>('consent').checked;
  try {
    const joined = await api.call<{ sessionId: string; panels: Panels }>('POST', '/copilot/cases/join', {
      code,
      consent,
    });
    await openCase(joined.sessionId, `案件码 ${code.toUpperCase()}`, joined.panels);
    notify('已打开来电人的案件（同意已记录）');
  } catch (error) {
    notify((error as Error).message);
  }
});

$('caller-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const message = callerInput.value.trim();
  if (!message || !caseId) return;
  callerInput.value = '';
  line('caller', message);
  try {
    const result = await api.call<{ answer: { reply: string }; panels: Panels }>(
      'POST',
      `/copilot/cases/${caseId}/turns`,
      { message },
    );
    line('yishi', result.answer.reply);
    showPanels(result.panels);
  } catch (error) {
    notify((error as Error).message);
  }
});

callerInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    $<HTMLFormElement>('caller-form').requestSubmit();
  }
});

$('draft-order').addEventListener('click', async () => {
  if (!caseId) return;
  try {
    const draft = await api.call<WorkOrderDraft>('GET', `/copilot/cases/${caseId}/work-order`);
    $('work-order').replaceChildren(workOrderForm(api, caseId, draft, notify));
  } catch (error) {
    notify((error as Error).message);
  }
});

if (token) signedIn('坐席');
