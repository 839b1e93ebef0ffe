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
