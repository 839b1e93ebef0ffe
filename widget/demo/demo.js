// Minimal chat box for the demo portal page (the embeddable widget is a separate piece).
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('message');
const button = form.querySelector('button');
let sessionId = sessionStorage.getItem('yishi.session') || undefined;
const regionSelect = document.getElementById('region');
regionSelect.value = sessionStorage.getItem('yishi.region') || '';
regionSelect.addEventListener('change', () => {
  sessionStorage.setItem('yishi.region', regionSelect.value);
  loadBundles();
});

function add(role, text, extra) {
  const div = document.createElement('div');
  div.className = `msg ${role}`;
  div.textContent = text;
  if (extra) div.append(extra);
  log.append(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function citations(list) {
  if (!list?.length) return undefined;
  const p = document.createElement('div');
  p.className = 'cites';
  p.append('依据：');
  list.forEach((c, i) => {
    const a = document.createElement('a');
    a.href = c.source;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = `[${i + 1}] ${c.title}（${c.section}）`;
    p.append(a, ' ');
  });
  return p;
}

function options(list) {
  if (!list?.length) return undefined;
  const box = document.createElement('div');
  box.className = 'options';
  for (const o of list) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = o.name;
    b.addEventListener('click', () => send(o.name));
    box.append(b);
  }
  return box;
}

async function send(message) {
  add('user', message);
  button.disabled = true;
  try {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...(sessionId ? { sessionId } : {}),
        message,
        ...(regionSelect.value ? { region: regionSelect.value } : {}),
      }),
    });
    const body = await res.json();
    if (!res.ok) {
      if (body?.error?.code === 'not_found:session') {
        sessionId = undefined;
        sessionStorage.removeItem('yishi.session');
      }
      add('bot', body?.error?.message ?? '请求失败，请稍后再试。');
      return;
    }
    sessionId = body.sessionId;
    sessionStorage.setItem('yishi.session', sessionId);
    const reply = body.reply.replace(/\n\n依据：.*$/s, '');
    const extra = document.createDocumentFragment();
    const opts = options(body.options);
    const cites = citations(body.citations);
    if (opts) extra.append(opts);
    if (cites) extra.append(cites);
    add('bot', reply, extra);
    if (body.bundle || formShown) void refreshForm();
  } catch {
    add('bot', '网络连接出现问题，请稍后再试。');
  } finally {
    button.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const message = input.value.trim();
  if (!message) return;
  input.value = '';
  void send(message);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

function loadBundles() {
  const query = regionSelect.value ? `?region=${regionSelect.value}` : '';
  fetch(`/api/bundles${query}`)
    .then((r) => r.json())
    .then(({ bundles }) => showBundles(bundles))
    .catch(() => {});
}

function showBundles(bundles) {
  const list = document.getElementById('bundle-list');
  list.replaceChildren();
  for (const b of bundles) {
    const li = document.createElement('li');
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = b.name;
    btn.addEventListener('click', () => send(`我想了解${b.name}`));
    li.append(btn);
    list.append(li);
  }
}
loadBundles();

add('bot', '您好，我是“一事”智能导办助手。告诉我您要办的事，我来告诉您要准备哪些材料、先办什么后办什么。');

// ---- Assisted filling: demo login, consent, prefill, and the form with a source beside every value ----
let token = sessionStorage.getItem('yishi.token') || undefined;
let formShown = false;
const who = document.getElementById('who');
const prefillButton = document.getElementById('prefill');
if (token) who.textContent = sessionStorage.getItem('yishi.who') || '';

document.getElementById('login').addEventListener('click', async () => {
  const res = await fetch('/api/dev/demo-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const body = await res.json();
  if (!res.ok) return add('bot', body?.error?.message ?? '登录失败');
  token = body.token;
  const text = `已登录：${body.person.name}（${body.person.idNumber}）· ${body.notice}`;
  sessionStorage.setItem('yishi.token', token);
  sessionStorage.setItem('yishi.who', text);
  who.textContent = text;
  void refreshForm();
});

document.getElementById('start-fill').addEventListener('click', () => {
  formShown = true;
  void send('帮我填表');
});

const SOURCE_KIND = {
  conversation: '对话',
  correction: '您的更正',
  shared: '共享数据',
  person: '您填写',
  model: '模型提取',
};

function sourceText(field) {
  const s = field.source;
  if (!s) return field.status === 'invalid' ? field.message : '待填写';
  if (s.kind === 'shared') return `${SOURCE_KIND.shared}：${field.shared?.name ?? ''}（${s.record ?? ''}）`;
  return `${SOURCE_KIND[s.kind] ?? s.kind}${s.turn ? `（第${s.turn}句）` : ''}`;
}

function shownValue(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).replace(/^(\d{4})\d{10}(\d{3}[\dX])$/, '$1**********$2');
}

async function refreshForm() {
  if (!sessionId) return;
  const res = await fetch(`/api/sessions/${sessionId}/form`);
  if (!res.ok) return;
  const form = await res.json();
  const rows = document.getElementById('form-rows');
  rows.replaceChildren();
  const filled = form.fields.filter((f) => f.value !== null);
  for (const f of form.fields) {
    const tr = document.createElement('tr');
    tr.className = f.status;
    for (const text of [f.label, shownValue(f.value), sourceText(f)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    rows.append(tr);
  }
  const panel = document.getElementById('form-panel');
  panel.hidden = !(formShown || filled.length > 0);
  prefillButton.hidden = !(token && form.fields.some((f) => f.shared));
  prefillButton.onclick = () => prefill(form);
}

async function prefill(form) {
  const sources = new Map(form.fields.filter((f) => f.shared).map((f) => [f.shared.source, f.shared.name]));
  const list = [...sources.values()].join('、');
  if (
    !window.confirm(
      `授权“一事”为填写本申请表读取以下共享数据：${list}。授权30天内有效，可随时撤回。是否同意？`,
    )
  )
    return;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  for (const source of sources.keys()) {
    const res = await fetch(`/api/sessions/${sessionId}/consents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ source, purpose: '预填一件事申请表' }),
    });
    if (!res.ok) return add('bot', (await res.json())?.error?.message ?? '授权失败');
  }
  const res = await fetch(`/api/sessions/${sessionId}/form/prefill`, { method: 'POST', headers });
  const body = await res.json();
  if (!res.ok) return add('bot', body?.error?.message ?? '预填失败');
  formShown = true;
  add('bot', `已从共享数据预填${body.filled.length}项，每一项旁边注明了来源，请核对。`);
  void refreshForm();
}
void refreshForm();
