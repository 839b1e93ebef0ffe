/** The work order (工单) at the end of a call: the draft, editable, then saved and exported. */
import { el } from '../shared/dom.ts';
import type { CopilotApi, WorkOrderDraft } from './api.ts';

const CATEGORIES = ['咨询', '求助', '投诉', '建议', '表扬'] as const;

export function workOrderForm(
  api: CopilotApi,
  sessionId: string,
  draft: WorkOrderDraft,
  done: (text: string) => void,
): HTMLElement {
  const category = el(
    'select',
    { id: 'wo-category' },
    ...CATEGORIES.map((c) => el('option', { value: c }, c)),
  );
  category.value = draft.category;
  const field = (id: string, label: string, value: string, rows: string) => {
    const area = el('textarea', { id, rows });
    area.value = value;
    return { area, row: el('div', { class: 'field' }, el('label', { for: id }, label), area) };
  };
  const summary = field('wo-summary', '诉求摘要', draft.summary, '3');
  const answered = field('wo-answered', '答复内容', draft.answered, '4');
  const followUp = field('wo-follow-up', '后续跟进', draft.followUp, '2');
  const save = el('button', { type: 'submit' }, '保存工单');
  const form = el(
    'form',
    { class: 'work-order', 'aria-label': '工单' },
    el('div', { class: 'field' }, el('label', { for: 'wo-category' }, '工单类别'), category),
    el(
      'p',
      { class: 'muted' },
      `一件事：${draft.bundle?.name ?? '无'}；涉及事项：${draft.matters.map((m) => m.name).join('、') || '无'}`,
    ),
    summary.row,
    answered.row,
    followUp.row,
    save,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      const saved = await api.call<{ order: { id: string }; exported: Record<string, string> }>(
        'POST',
        `/copilot/cases/${sessionId}/work-order`,
        {
          ...draft,
          category: category.value,
          summary: summary.area.value,
          answered: answered.area.value,
          followUp: followUp.area.value,
        },
      );
      const exported = Object.entries(saved.exported)
        .map(([to, state]) => `${to === 'url' ? '工单系统' : '文件'}${state === 'failed' ? '失败' : '成功'}`)
        .join('，');
      done(`工单已保存：${saved.order.id}${exported ? `（导出${exported}）` : ''}`);
    } catch (error) {
      done((error as Error).message);
      save.disabled = false;
    }
  });
  return form;
}
