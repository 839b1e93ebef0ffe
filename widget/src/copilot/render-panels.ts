/** The panels beside a call: warnings, bundle, next question, reply draft, checklist, steps, form. */
import { el } from '../shared/dom.ts';
import type { Panels } from './api.ts';

const WARNING_TEXT: Record<string, string> = {
  crisis: '危机表述：先安抚，提供心理援助热线12356，必要时转110/120',
  complaint: '投诉：记录诉求与涉及部门，生成投诉工单',
  supervisor: '来电人要求找负责人：请按流程转值班长',
  handoff: '来电人要求人工处理',
};

const STATUS_TEXT = { submit: '需提交', shared: '免提交', conditional: '视情况' } as const;

function section(title: string, ...body: (Node | string)[]): HTMLElement {
  const id = `panel-${title}`;
  return el('section', { class: 'panel', 'aria-labelledby': id }, el('h2', { id }, title), ...body);
}

export interface PanelHooks {
  /** Saves a form field the agent typed. */
  setField(key: string, value: string): Promise<void>;
  /** Tells the agent something happened (copied, saved, refused). */
  notify(text: string): void;
}

export function renderPanels(panels: Panels, hooks: PanelHooks): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (panels.warnings.length > 0)
    out.push(
      el(
        'section',
        { class: 'panel warnings', role: 'alert', 'aria-label': '提醒' },
        el('h2', {}, '提醒'),
        el(
          'ul',
          {},
          ...panels.warnings.map((w) => el('li', { class: `warning ${w}` }, WARNING_TEXT[w] ?? w)),
        ),
      ),
    );
  out.push(
    section(
      '一件事',
      panels.bundles.length === 0
        ? el('p', { class: 'muted' }, '还没有识别出要办的事')
        : el(
            'ol',
            { class: 'bundles' },
            ...panels.bundles.map((b) =>
              el(
                'li',
                { class: b.chosen ? 'chosen' : '' },
                b.name,
                ' ',
                el('span', { class: 'confidence' }, `${Math.round(b.confidence * 100)}%`),
                b.chosen ? el('span', { class: 'badge' }, '当前') : '',
              ),
            ),
          ),
    ),
  );
  if (panels.nextQuestion)
    out.push(
      section(
        '下一步该问',
        el('p', { class: 'question' }, panels.nextQuestion.question),
        el('p', { class: 'muted' }, `可选：${panels.nextQuestion.options.join(' / ')}`),
      ),
    );
  out.push(replyDraft(panels, hooks));
  if (panels.plan) out.push(checklist(panels), steps(panels));
  if (panels.form) out.push(form(panels, hooks));
  return out;
}

function replyDraft(panels: Panels, hooks: PanelHooks): HTMLElement {
  const text = el('p', { class: 'draft' }, panels.replyDraft.text || '（等待来电人说明情况）');
  const copy = el('button', { type: 'button' }, '复制回复');
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(panels.replyDraft.text).catch(() => undefined);
    hooks.notify('回复草稿已复制');
  });
  const sources = panels.replyDraft.citations.map((c) =>
    el(
      'li',
      {},
      /^https?:/.test(c.source)
        ? el('a', { href: c.source, target: '_blank', rel: 'noopener' }, c.title)
        : c.title,
      ` · ${c.section}`,
    ),
  );
  return section(
    '回复草稿',
    text,
    copy,
    sources.length ? el('ul', { class: 'sources', 'aria-label': '依据' }, ...sources) : '',
  );
}

function checklist(panels: Panels): HTMLElement {
  const items = panels.plan?.checklist ?? [];
  return section(
    '材料清单',
    el(
      'ul',
      { class: 'checklist' },
      ...items.map((c) =>
        el(
          'li',
          {},
          el('span', { class: `badge ${c.status}` }, STATUS_TEXT[c.status]),
          ' ',
          c.name,
          c.status === 'shared' && c.source ? el('span', { class: 'muted' }, `（${c.source}）`) : '',
          c.status === 'conditional' && c.condition
            ? el('span', { class: 'muted' }, `（${c.condition}）`)
            : '',
        ),
      ),
    ),
  );
}

function steps(panels: Panels): HTMLElement {
  const plan = panels.plan;
  const stages = new Map<number, NonNullable<Panels['plan']>['steps']>();
  for (const s of plan?.steps ?? []) stages.set(s.stage, [...(stages.get(s.stage) ?? []), s]);
  return section(
    '办理步骤',
    el(
      'p',
      { class: 'muted' },
      `整体承诺${plan?.timing.promisedDays ?? plan?.timing.criticalPathDays ?? '—'}个工作日`,
    ),
    el(
      'ol',
      { class: 'steps' },
      ...[...stages.values()].map((group) =>
        el(
          'li',
          {},
          el('ul', {}, ...group.map((s) => el('li', {}, `${s.matter.name}（${s.timeLimit.text}）`))),
        ),
      ),
    ),
  );
}

function form(panels: Panels, hooks: PanelHooks): HTMLElement {
  const rows = (panels.form?.fields ?? []).map((f) => {
    const input = el('input', {
      type: 'text',
      value: f.value == null ? '' : String(f.value),
      'aria-label': f.label,
    });
    input.addEventListener('change', () => void hooks.setField(f.key, input.value));
    const source = f.source
      ? ({ conversation: '通话', shared: '共享数据', agent: '坐席', person: '本人', correction: '更正' }[
          f.source.kind
        ] ?? f.source.kind)
      : '待填写';
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, f.label),
      el('td', {}, input),
      el('td', { class: 'muted' }, source),
    );
  });
  return section('一表申请', el('table', { class: 'form' }, el('tbody', {}, ...rows)));
}
