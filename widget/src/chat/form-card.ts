/**
 * The unified form as a card: every field with its value, where it came from and its status; a value can be
 * corrected in place or confirmed; shared data can fill it once the person, logged in on the portal, consents.
 */
import { el } from './render.ts';
import type { Strings } from './strings.ts';

export interface FormField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  value: string | number | boolean | null;
  source: { kind: string; turn?: number; record?: string } | null;
  status: 'prefilled' | 'confirmed' | 'needs_input' | 'invalid';
  message?: string;
  shared?: { source: string; name: string };
}

export interface FormView {
  bundleId: string;
  fields: FormField[];
}

export interface FormHooks {
  sessionId(): string | undefined;
  token(): string | undefined;
  ask(text: string): void;
  /** Shows a short result in the conversation (prefill done, a refusal). */
  say(text: string): void;
}

const shown = (v: FormField['value']) =>
  v === null
    ? '—'
    : typeof v === 'boolean'
      ? v
        ? '是'
        : '否'
      : String(v).replace(/^(\d{4})\d{10}(\d{3}[\dX])$/, '$1**********$2');

function sourceText(f: FormField, t: Strings): string {
  const s = f.source;
  if (!s) return f.status === 'invalid' ? (f.message ?? '') : t.form_empty;
  if (s.kind === 'shared')
    // The record key (an ID number, a licence number) stays in the server's audit trail, not on screen.
    return `${t.form_shared}：${f.shared?.name ?? ''}`;
  const kind = (t as Record<string, string>)[`form_${s.kind}`] ?? s.kind;
  return s.turn ? `${kind}（${t.form_turn.replace('{n}', String(s.turn))}）` : kind;
}

/** What the parts of the card share: the strings, the hooks, the API of the session's form and the redraw. */
interface Card {
  node: HTMLElement;
  t: Strings;
  hooks: FormHooks;
  api<T = FormView>(path: string, init?: { method?: string; body?: string }): Promise<T>;
  draw(form: FormView): void;
}

/** The card, re-drawn in place whenever the form changes. */
export function formCard(initial: FormView, t: Strings, hooks: FormHooks): HTMLElement {
  const card: Card = {
    node: el('section', { class: 'card form', 'aria-label': t.form_title }),
    t,
    hooks,
    // Once the person consented, the session is theirs: every change carries their identity token.
    async api<T>(path: string, init: { method?: string; body?: string } = {}): Promise<T> {
      const token = hooks.token();
      const res = await fetch(`/api/sessions/${hooks.sessionId()}${path}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? t.error);
      return body as T;
    },
    draw: (form) => draw(card, form),
  };
  draw(card, initial);
  return card.node;
}

function draw(card: Card, form: FormView): void {
  const { t, hooks } = card;
  const rows = el('tbody');
  for (const f of form.fields) rows.append(row(card, f));
  const filled = form.fields.filter((f) => f.value !== null).length;
  const actions = el('div', { class: 'chips' });
  for (const [label, message] of [
    [t.form_readback, '核对'],
    [t.form_submit, '确认提交'],
  ] as const) {
    const b = el('button', { type: 'button', class: 'chip' }, label);
    b.addEventListener('click', () => hooks.ask(message));
    actions.append(b);
  }
  const sources = new Map(
    form.fields.filter((f) => f.shared).map((f) => [f.shared?.source ?? '', f.shared?.name ?? '']),
  );
  if (hooks.token() && sources.size > 0) actions.prepend(consentButton(card, sources));
  const head = el(
    'tr',
    {},
    ...[t.form_field, t.form_value, t.form_source].map((h) => el('th', { scope: 'col' }, h)),
  );
  card.node.replaceChildren(
    el('h2', {}, `${t.form_title}（${filled}/${form.fields.length}）`),
    el('table', {}, el('thead', {}, head), rows),
    actions,
  );
}

function row(card: Card, f: FormField): HTMLElement {
  const { t } = card;
  const value = el('td', {}, shown(f.value));
  const status = el(
    'span',
    { class: `badge ${f.status}` },
    (t as Record<string, string>)[`form_status_${f.status}`] ?? f.status,
  );
  const source = el('td', {}, status, ' ', sourceText(f, t));
  const edit = el(
    'button',
    { type: 'button', class: 'link', 'aria-label': `${t.form_edit}：${f.label}` },
    t.form_edit,
  );
  edit.addEventListener('click', () => editInPlace(card, f, value));
  const actions = el('td', {}, edit);
  if (f.status === 'prefilled') {
    const ok = el(
      'button',
      { type: 'button', class: 'link', 'aria-label': `${t.form_confirm}：${f.label}` },
      t.form_confirm,
    );
    ok.addEventListener('click', async () =>
      card.draw(
        await card.api(`/form/fields/${encodeURIComponent(f.key)}/confirm`, { method: 'POST', body: '{}' }),
      ),
    );
    actions.append(' ', ok);
  }
  return el('tr', { class: f.status }, el('th', { scope: 'row' }, f.label), value, source, actions);
}

/** A correction in place: the value as the person types it, refused with the field's own message. */
function editInPlace(card: Card, f: FormField, cell: HTMLElement): void {
  const { t } = card;
  const id = `yishi-edit-${f.key.replace(/\W/g, '-')}`;
  const input = el('input', {
    id,
    value: f.value === null ? '' : String(f.value),
    'aria-describedby': `${id}-error`,
  });
  const error = el('span', { class: 'error', id: `${id}-error` });
  const save = el('button', { type: 'button' }, t.form_save);
  const submit = async () => {
    try {
      const body = JSON.stringify({ value: input.value });
      card.draw(await card.api(`/form/fields/${encodeURIComponent(f.key)}`, { method: 'PUT', body }));
    } catch (e) {
      error.textContent = (e as Error).message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  };
  save.addEventListener('click', submit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  });
  cell.replaceChildren(
    el(
      'span',
      { class: 'edit' },
      el('label', { for: id, class: 'visually-hidden' }, f.label),
      input,
      save,
      error,
    ),
  );
  input.focus();
}

/** Consent asked in place, per shared source, then the prefill from shared data. */
function consentButton(card: Card, sources: Map<string, string>): HTMLElement {
  const { t, hooks } = card;
  const b = el('button', { type: 'button', class: 'chip' }, t.form_consent);
  b.addEventListener('click', () => {
    const names = [...sources.values()].join('、');
    const yes = el('button', { type: 'button' }, t.form_consent_yes);
    const no = el('button', { type: 'button' }, t.form_consent_no);
    const box = el(
      'div',
      { class: 'consent', role: 'group', 'aria-label': t.form_consent },
      el('p', {}, t.form_consent_text.replace('{sources}', names)),
      yes,
      no,
    );
    no.addEventListener('click', () => box.remove());
    yes.addEventListener('click', async () => {
      try {
        for (const source of sources.keys())
          await card.api<unknown>('/consents', {
            method: 'POST',
            body: JSON.stringify({ source, purpose: '预填一件事申请表' }),
          });
        const result = await card.api<{ filled: string[]; form: FormView }>('/form/prefill', {
          method: 'POST',
          body: '{}',
        });
        card.draw(result.form);
        hooks.say(t.form_prefilled.replace('{n}', String(result.filled.length)));
      } catch (e) {
        hooks.say((e as Error).message);
      }
    });
    card.node.append(box);
    yes.focus();
  });
  return b;
}
