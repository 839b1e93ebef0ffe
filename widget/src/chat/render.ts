/** How a conversation looks: message bubbles, checklist and steps cards, sources, follow-up chips, 好差评. */

import { el } from '../shared/dom.ts';
import type { Answer } from './answer.ts';
import type { Strings } from './strings.ts';

export { el };

/** A person's message. */
export function userBubble(text: string, t: Strings): HTMLElement {
  return el('li', { class: 'msg user' }, el('span', { class: 'visually-hidden' }, `${t.you}：`), text);
}

/** The assistant's message, filled as pieces stream in, then completed with its cards. */
export function assistantBubble(t: Strings): { node: HTMLElement; text: HTMLElement } {
  const text = el('div', { class: 'text' });
  const node = el(
    'li',
    { class: 'msg assistant' },
    el('span', { class: 'visually-hidden' }, `${t.assistant}：`),
    text,
  );
  return { node, text };
}

/** The reply's text (shown as written, paragraphs kept) and the cards of its plan. */
export function completeAnswer(
  bubble: { node: HTMLElement; text: HTMLElement },
  answer: Answer,
  t: Strings,
  hooks: { ask(text: string): void; rate(rating: 'good' | 'bad', reason?: string): void },
): void {
  bubble.text.textContent = replyText(answer);
  const plan = answer.plan;
  if (plan?.checklist.length) bubble.node.append(checklistCard(plan.checklist, t));
  if (plan?.steps.length) bubble.node.append(stepsCard(plan.steps, t));
  if (answer.citations?.length) bubble.node.append(sources(answer.citations, t));
  if (answer.options?.length)
    bubble.node.append(
      chips(
        answer.options.map((o) => o.name),
        hooks.ask,
      ),
    );
  // After a plan, what people usually ask next; while filling, the form card has its own actions.
  else if (plan && !answer.form)
    bubble.node.append(chips([t.next_trips, t.next_time, t.next_where, t.next_fill], hooks.ask));
  if (answer.turn) bubble.node.append(rating(t, hooks.rate));
}

/** The reply without the checklist and steps it also writes out in text: the cards show those. */
function replyText(answer: Answer): string {
  if (!answer.plan) return answer.reply;
  return answer.reply.split(/\n(?=【需要准备的材料】|【办理顺序】)/)[0] ?? answer.reply;
}

function checklistCard(items: NonNullable<Answer['plan']>['checklist'], t: Strings): HTMLElement {
  const list = el('ul', { class: 'checklist' });
  for (const item of items) {
    const badge = el('span', { class: `badge ${item.status}` }, t[`status_${item.status}`]);
    const li = el('li', {}, badge, ' ', el('span', { class: 'name' }, item.name));
    const note =
      item.status === 'shared' ? item.source : item.status === 'conditional' ? item.condition : undefined;
    if (note) li.append(el('span', { class: 'note' }, `（${note}）`));
    list.append(li);
  }
  return el('section', { class: 'card', 'aria-label': t.checklist }, el('h2', {}, t.checklist), list);
}

function stepsCard(steps: NonNullable<Answer['plan']>['steps'], t: Strings): HTMLElement {
  const stages = [...new Set(steps.map((s) => s.stage))].sort((a, b) => a - b);
  const list = el('ol', { class: 'steps' });
  for (const stage of stages) {
    const here = steps.filter((s) => s.stage === stage);
    const items = el('ul', {});
    for (const s of here) {
      const detail = [s.timeLimit?.text, s.channel].filter(Boolean).join('；');
      items.append(el('li', {}, s.matter.name, detail ? el('span', { class: 'note' }, `（${detail}）`) : ''));
    }
    list.append(el('li', {}, el('strong', {}, t.stage.replace('{n}', String(stage))), items));
  }
  return el('section', { class: 'card', 'aria-label': t.steps }, el('h2', {}, t.steps), list);
}

function sources(list: NonNullable<Answer['citations']>, t: Strings): HTMLElement {
  const ol = el('ol', { class: 'sources' });
  for (const c of list) {
    const a = el(
      'a',
      { href: c.source, target: '_blank', rel: 'noopener noreferrer' },
      `${c.title}（${c.section}）`,
    );
    ol.append(el('li', {}, a));
  }
  return el('details', { class: 'cites' }, el('summary', {}, t.sources), ol);
}

export function chips(labels: string[], ask: (text: string) => void): HTMLElement {
  const box = el('div', { class: 'chips' });
  for (const label of labels) {
    const b = el('button', { type: 'button', class: 'chip' }, label);
    b.addEventListener('click', () => ask(label));
    box.append(b);
  }
  return box;
}

const REASONS = ['wrong', 'incomplete', 'no_source', 'too_long', 'not_asked', 'other'] as const;

function rating(t: Strings, rate: (rating: 'good' | 'bad', reason?: string) => void): HTMLElement {
  const box = el('div', { class: 'rating', role: 'group', 'aria-label': `${t.good} / ${t.bad}` });
  const good = el('button', { type: 'button' }, t.good);
  const bad = el('button', { type: 'button' }, t.bad);
  const done = () => box.replaceChildren(el('span', { class: 'note' }, t.thanks));
  good.addEventListener('click', () => {
    rate('good');
    done();
  });
  bad.addEventListener('click', () => {
    const reasons = el('div', { class: 'reasons', role: 'group', 'aria-label': t.why });
    for (const r of REASONS) {
      const b = el('button', { type: 'button', class: 'chip' }, t[`reason_${r}`]);
      b.addEventListener('click', () => {
        rate('bad', r);
        done();
      });
      reasons.append(b);
    }
    box.replaceChildren(el('span', {}, t.why), reasons);
    (reasons.firstElementChild as HTMLElement | null)?.focus();
  });
  box.append(good, bad);
  return box;
}
