import type { ChecklistItem, Plan, PlanStep } from '../../knowledge/index.ts';
import { forListening } from './listening-text.ts';
import { countSpoken, quantitySpoken } from './spoken-numbers.ts';

/** One thing said in one turn of a walk through the plan. */
export interface SpokenItem {
  /** Checklist item id, or `stage:N` for a stage of the steps. */
  key: string;
  text: string;
}

const ordinal = (n: number) => `第${quantitySpoken(n)}`;

/**
 * The checklist as a listener takes it: one material per turn, first what is to be brought, then what shared
 * data makes unnecessary (said to be 免交, so nobody brings it for nothing). Items that depend on the caller's
 * situation are not read one by one: the walk ends with how many there are and the question that decides them.
 */
export function checklistItems(plan: Plan, skip: ReadonlySet<string> = new Set()): SpokenItem[] {
  const told = plan.checklist.filter((c) => c.status !== 'conditional' && !skip.has(c.id));
  const ordered = [
    ...told.filter((c) => c.status === 'submit'),
    ...told.filter((c) => c.status === 'shared'),
  ];
  return ordered.map((item, i) => ({
    key: item.id,
    text: `${ordinal(skip.size + i + 1)}项，${itemText(item)}`,
  }));
}

function itemText(item: ChecklistItem): string {
  const name = forListening(item.name).replace(/。$/, '');
  if (item.status === 'shared')
    return `${name}。可以免交，部门会通过${forListening((item.source ?? '共享数据').replace(/（[^）]*）/g, '')).replace(/。$/, '')}查到。`;
  const forms = item.forms.includes('original')
    ? '要带原件。'
    : item.forms.length === 1 && item.forms[0] === 'electronic'
      ? '网上办理时系统会生成，不用另外准备。'
      : item.forms.includes('copy')
        ? `要复印件${item.copies ? `${quantitySpoken(item.copies)}份` : ''}。`
        : '';
  return `${name}。${forms}`;
}

/** What is left to say once the told items are done: the number of situational items and the deciding question. */
export function situationalNote(plan: Plan): string | undefined {
  const conditional = plan.checklist.filter((c) => c.status === 'conditional').length;
  const question = plan.questions[0]?.question;
  if (conditional === 0 || !question) return undefined;
  return `另外还有${quantitySpoken(conditional)}样材料，要看您的情况。请问：${forListening(question)}`;
}

/** The steps, one stage per turn: what can be done at the same time, and the longest promised time. */
export function stageItems(plan: Plan): SpokenItem[] {
  const stages = new Map<number, PlanStep[]>();
  for (const step of plan.steps) stages.set(step.stage, [...(stages.get(step.stage) ?? []), step]);
  const count = stages.size;
  return [...stages.entries()].map(([stage, steps], i) => {
    const names = steps.map((s) => forListening(s.matter.name).replace(/。$/, '')).join('、');
    const days = Math.max(...steps.map((s) => s.timeLimit.promisedDays));
    const unit = steps[0]?.timeLimit.unit === 'day' ? '天' : '个工作日';
    const together = steps.length > 1 ? '这几件可以同时办：' : '';
    const head = i === 0 ? `一共分${countSpoken(count, '步')}步。` : '';
    const time = days > 0 ? `最长承诺${quantitySpoken(days)}${unit}。` : '';
    return {
      key: `stage:${stage}`,
      text: forListening(`${head}${ordinal(i + 1)}步，${together}${names}。${time}`),
    };
  });
}
