// The demo portal's own script: a service list and a matter page that tells the widget what is shown.
const region = document.getElementById('region');
const list = document.getElementById('services');
const matter = document.getElementById('matter');

region.value = localStorage.getItem('portal.region') || '';
region.addEventListener('change', () => {
  localStorage.setItem('portal.region', region.value);
  window.yishi('setContext', { region: region.value || undefined });
  load();
});

async function load() {
  const query = region.value ? `?region=${region.value}` : '';
  const res = await fetch(`/api/bundles${query}`);
  const { bundles } = await res.json();
  list.replaceChildren(
    ...bundles.map((b) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${b.id}`;
      a.textContent = b.name;
      a.addEventListener('click', () => showMatter(b));
      li.append(a);
      return li;
    }),
  );
}

function showMatter(b) {
  matter.hidden = false;
  document.getElementById('matter-title').textContent = b.name;
  document.getElementById('matter-summary').textContent = `包括：${b.matters.map((m) => m.name).join('、')}`;
  // The page's matter goes to the widget; the citizen still types the question themselves.
  window.yishi('setContext', { matterCode: b.id, region: region.value || undefined });
  document.getElementById('ask-yishi').onclick = () => window.yishi('open');
}

// The portal's login (a demo issuer here): the identity token goes to the widget for prefill under consent.
document.getElementById('login').addEventListener('click', async () => {
  const res = await fetch('/api/dev/demo-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const body = await res.json();
  if (!res.ok) return;
  document.getElementById('who').textContent = `已登录：${body.person.name}`;
  window.yishi('setContext', { identityToken: body.token });
});

window.yishi('init', { region: region.value || undefined });
load();
