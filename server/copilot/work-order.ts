import type { Plan } from '../../knowledge/index.ts';
import type { WarningKind, WORK_ORDER_CATEGORIES, WorkOrderInput } from './work-order.schema.ts';

type Category = (typeof WORK_ORDER_CATEGORIES)[number];

const PRAISE =
  /表扬|点赞|锦旗|感谢信|(服务|态度)(真|很|特别|非常|挺)(好|热情|耐心|周到)|(感谢|谢谢)(你们)?.{0,12}(工作人员|窗口|同志|姑娘|小伙|师傅|社区|网格员|帮忙|耐心|热心)|(工作人员|窗口|同志|姑娘|小伙|师傅).{0,8}(很|特别|非常|真)(好|耐心|热情|负责)/;
const SUGGESTION =
  /建议|提个意见|提议|希望(你们|政府|以后)?(能|可以|把)|(能不能|可不可以|是否可以)(增加|开通|延长|改进|改成|多设|在周末|加个)|要是能.{0,12}就好了|最好能|应该(增加|开通|延长|改)/;
const HELP =
  /求助|求求|帮帮|救救|走投无路|没有办法|没办法了|不知道怎么办|不知道找谁|不知道该找谁|帮我问问|帮忙问问|帮我协调|跟.{1,6}协调|想想办法|想个办法|怎么办才好|急死|急用|停电|停水|断电|没人照顾|一个人在家|独居|拖欠|欠薪|被困|看不了病/;

/** The work-order category a call fits, from the caller's words and the warnings raised. */
export function categoryOf(lines: readonly string[], warnings: readonly WarningKind[]): Category {
  const text = lines.join('。');
  if (warnings.includes('complaint')) return '投诉';
  if (PRAISE.test(text)) return '表扬';
  if (SUGGESTION.test(text)) return '建议';
  if (warnings.includes('crisis') || HELP.test(text)) return '求助';
  return '咨询';
}

/**
 * The draft 工单 of a call, for the agent to edit and save: category, the 一件事 and its matters, the caller's
 * request in their first words, what the plan answered, and what is still open.
 */
export function draftWorkOrder(input: {
  lines: readonly string[];
  warnings: readonly WarningKind[];
  plan?: Plan | undefined;
  outcomes: readonly string[];
  formFilled?: number;
}): WorkOrderInput {
  const { lines, warnings, plan, outcomes } = input;
  const category = categoryOf(lines, warnings);
  const request = lines
    .filter((l) => l.trim().length > 0)
    .slice(0, 2)
    .join(' ');
  const summary = `${plan ? `来电人咨询“${plan.bundle.name}”：` : '来电人反映：'}${clip(request, 200)}`;
  const answered = plan ? answeredFrom(plan) : '';
  const followUp = followUpOf(input, plan, category, outcomes);
  return {
    category,
    bundle: plan ? plan.bundle : null,
    matters: plan ? plan.steps.map((s) => s.matter) : [],
    summary,
    answered,
    followUp,
    warnings: [...warnings],
  };
}

function answeredFrom(plan: Plan): string {
  const submit = plan.checklist.filter((c) => c.status === 'submit').map((c) => c.name);
  const shared = plan.checklist.filter((c) => c.status === 'shared').map((c) => c.name);
  const parts = [
    `告知一次性材料清单：需提交${submit.length}项（${clip(submit.join('、'), 160)}）`,
    shared.length
      ? `免提交${shared.length}项（${clip(shared.join('、'), 120)}，通过共享数据或电子证照获取）`
      : '',
    `办理分${plan.stageCount}步，整体承诺${plan.timing.promisedDays ?? plan.timing.criticalPathDays}个工作日`,
  ];
  return `${parts.filter(Boolean).join('；')}。`;
}

function followUpOf(
  input: { warnings: readonly WarningKind[]; formFilled?: number },
  plan: Plan | undefined,
  category: Category,
  outcomes: readonly string[],
): string {
  const todo: string[] = [];
  if (input.warnings.includes('crisis')) todo.push('来电人有危机表述，已提供心理援助热线，需回访确认安全');
  if (category === '投诉') todo.push('转相关部门核实处理，按时限答复来电人');
  if (input.warnings.includes('supervisor')) todo.push('来电人要求与负责人沟通，请值班长回电');
  if (outcomes.includes('no_answer')) todo.push('有问题未能在办事指南中找到答案，需转业务部门答复');
  if (plan && plan.questions.length > 0)
    todo.push(
      `待确认情况：${plan.questions
        .slice(0, 2)
        .map((q) => q.question.replace(/[？?]$/, ''))
        .join('；')}`,
    );
  if (input.formFilled) todo.push(`一表申请已预填${input.formFilled}项，待来电人在线核对提交`);
  return todo.join('；') || '无';
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
