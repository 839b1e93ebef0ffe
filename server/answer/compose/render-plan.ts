import type { ChecklistItem, Plan, PlanStep } from '../../../knowledge/index.ts';

const FORM_LABEL = { original: '原件', copy: '复印件', electronic: '电子版' } as const;

export function formsText(item: ChecklistItem): string {
  const forms = item.forms.map((f) => FORM_LABEL[f]).join('或');
  return item.copies ? `${forms}${item.copies}份` : forms;
}

/** The merged checklist (一套材料) grouped by status. */
export function renderChecklist(plan: Plan): string {
  const submit = plan.checklist.filter((c) => c.status === 'submit');
  const shared = plan.checklist.filter((c) => c.status === 'shared');
  const conditional = plan.checklist.filter((c) => c.status === 'conditional');
  const lines: string[] = ['【需要准备的材料】'];
  if (submit.length === 0) lines.push('无需另外提交纸质材料。');
  submit.forEach((c, i) => {
    const later = c.deferrable ? '，可容缺后补' : '';
    lines.push(`${i + 1}. ${c.name}（${formsText(c)}${later}）— 用于：${c.matters.join('、')}`);
  });
  if (shared.length > 0) {
    lines.push('免提交（部门通过数据共享或电子证照直接核验）：');
    for (const c of shared) lines.push(`· ${c.name} — 由“${c.source}”核验`);
  }
  if (conditional.length > 0) {
    lines.push('视您的情况可能需要：');
    const byQuestion = new Map<string, string[]>();
    for (const c of conditional) {
      const q = c.condition ?? '具体情况';
      byQuestion.set(q, [...(byQuestion.get(q) ?? []), c.name]);
    }
    for (const [q, names] of byQuestion) lines.push(`· 取决于“${q}”：${names.join('、')}`);
  }
  return lines.join('\n');
}

function stepLine(step: PlanStep): string {
  const cond = step.conditional ? `（视情况：${step.conditional.question}）` : '';
  return `${step.matter.name}（${step.department}，${step.timeLimit.text}）${cond}`;
}

/** The ordered steps, one line per stage; matters of a stage can run at the same time. */
export function renderSteps(plan: Plan): string {
  const lines: string[] = ['【办理顺序】'];
  for (let stage = 1; stage <= plan.stageCount; stage++) {
    const steps = plan.steps.filter((s) => s.stage === stage);
    if (steps.length === 1 && steps[0]) lines.push(`第${stage}步：${stepLine(steps[0])}`);
    else lines.push(`第${stage}步（以下可同时办理）：\n${steps.map((s) => `  · ${stepLine(s)}`).join('\n')}`);
  }
  lines.push(renderTiming(plan));
  return lines.join('\n');
}

export function renderTiming(plan: Plan): string {
  const { promisedDays, criticalPathDays } = plan.timing;
  if (promisedDays !== undefined) {
    return `整体承诺办结时限：${promisedDays}个工作日（联办后各部门并联审批；按各事项单独时限顺序累计最长约${criticalPathDays}个工作日）。`;
  }
  return `按各事项承诺时限，最长一条办理链约${criticalPathDays}个工作日（同一步的事项可同时办理）。`;
}

export function renderQuestion(plan: Plan): string | undefined {
  const q = plan.questions[0];
  if (!q) return undefined;
  const options = q.options.map((o) => o.label).join(' / ');
  return `【还需要确认】为了给您更准确的清单，请问：${q.question}（${options}）`;
}

export function renderRegion(plan: Plan): string {
  return plan.region.note ? `\n（${plan.region.note}）` : '';
}
