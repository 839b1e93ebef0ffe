import type { Catalog, Plan } from '../../../knowledge/index.ts';
import { describeChannels } from '../../../knowledge/plan/steps.ts';
import type { Intent, IntentKind } from '../understand/intents.ts';
import { formsText, renderChecklist, renderSteps, renderTiming } from './render-plan.ts';

interface Answer {
  text: string;
  /** Matters the answer is about, for citing their guides. */
  matterIds: string[];
}

type Renderer = (intent: Intent, plan: Plan, catalog: Catalog) => Answer;

/** Answers one follow-up question about the plan in focus, from the plan and catalog only. */
export function renderFollowUp(intent: Intent, plan: Plan, catalog: Catalog): Answer {
  return RENDERERS[intent.kind](intent, plan, catalog);
}

const allMatters = (plan: Plan) => plan.steps.map((s) => s.matter.id);

const originals: Renderer = (_intent, plan) => {
  const lines = plan.checklist
    .filter((c) => c.status !== 'shared')
    .map((c) => `· ${c.name}：${formsText(c)}${c.status === 'conditional' ? '（视情况）' : ''}`);
  const shared = plan.checklist.filter((c) => c.status === 'shared').map((c) => c.name);
  const tail = shared.length ? `\n${shared.join('、')}由部门共享核验，不用带。` : '';
  return { text: `各项材料的要求如下：\n${lines.join('\n')}${tail}`, matterIds: [] };
};

/** Where to apply: for a named step ("第二步在哪里办"), or the whole bundle and each matter. */
const where: Renderer = (intent, plan) => {
  if (intent.stage !== undefined) {
    const steps = plan.steps.filter((s) => s.stage === intent.stage);
    if (steps.length === 0) {
      return { text: `这件事一共只有${plan.stageCount}步，没有第${intent.stage}步。`, matterIds: [] };
    }
    const text = steps
      .map((s) => `第${intent.stage}步是“${s.matter.name}”，由${s.department}办理。\n${s.channel ?? ''}`)
      .join('\n');
    return { text, matterIds: steps.map((s) => s.matter.id) };
  }
  const one = describeChannels(plan.channels);
  const per = plan.steps.map((s) => `· ${s.matter.name}：${s.channel ?? s.department}`);
  return {
    text: `整件事可以一次提交：${one ?? '当地政务服务中心综合窗口'}。\n各事项的办理渠道：\n${per.join('\n')}`,
    matterIds: allMatters(plan),
  };
};

/** Must I go in person: the trips after the reform, when published. */
const visits: Renderer = (_intent, plan) => {
  const online = plan.channels.some((c) => c.kind === 'online' || c.kind === 'app');
  if (plan.trips === undefined) {
    return {
      text: `这件事${online ? '可以在网上提交申请' : '需要到窗口办理'}；是否需要本人到场，以办理窗口的要求为准。`,
      matterIds: [],
    };
  }
  const text =
    plan.trips === 0
      ? '按“一件事”的办理方式，最多跑0次：可全程网办，无需到现场。'
      : `按“一件事”的办理方式，最多跑${plan.trips}次${online ? '，其余环节可在网上办理' : ''}。`;
  return { text, matterIds: [] };
};

const time: Renderer = (_intent, plan) => {
  const per = plan.steps.map((s) => `· ${s.matter.name}：${s.timeLimit.text}`);
  return { text: `${renderTiming(plan)}\n各事项时限：\n${per.join('\n')}`, matterIds: [] };
};

/** Fees per matter, plus what the region's version lists for the whole bundle. */
const fees: Renderer = (_intent, plan, catalog) => {
  const lines = plan.steps.map((s) => {
    const f = catalog.matters.get(s.matter.id)?.fees;
    // A note says what the amounts do not (备案不收费；刻章费用由刻制企业收取).
    const items = f && !f.free ? f.items.map((i) => `${i.name}${i.amount}`) : [];
    const base = !f || f.free ? '不收费' : items.join('，');
    const text = f?.note ? (base ? `${base}（${f.note}）` : f.note) : base || '以办理窗口公布为准';
    return `· ${s.matter.name}：${text}`;
  });
  const extra = (plan.regionFees ?? []).map(
    (f) => `· ${f.name}：${f.amount}${f.basis ? `（${f.basis}）` : ''}`,
  );
  const region = extra.length ? `\n${plan.region.name}版本另列出的收费：\n${extra.join('\n')}` : '';
  return { text: `收费情况：\n${lines.join('\n')}${region}`, matterIds: allMatters(plan) };
};

const contact: Renderer = (_intent, plan, catalog) => {
  const lines = plan.steps.flatMap((s) => {
    const phone = catalog.matters.get(s.matter.id)?.contact?.phone;
    return phone ? [`· ${s.matter.name}：${phone}`] : [];
  });
  const main = plan.contact?.phone ? `咨询电话：${plan.contact.phone}（${plan.region.name}）。` : '';
  return {
    text: `${main}也可以拨打12345政务服务便民热线。${lines.length ? `\n各事项咨询：\n${lines.join('\n')}` : ''}`,
    matterIds: [],
  };
};

const conditions: Renderer = (_intent, plan, catalog) => {
  const lines = plan.steps.map((s) => {
    const conds = catalog.matters.get(s.matter.id)?.conditions ?? [];
    return `· ${s.matter.name}：${conds.join('；')}`;
  });
  return { text: `办理条件：\n${lines.join('\n')}`, matterIds: allMatters(plan) };
};

const RENDERERS: Record<IntentKind, Renderer> = {
  materials: (_intent, plan) => ({ text: renderChecklist(plan), matterIds: [] }),
  steps: (_intent, plan) => ({ text: renderSteps(plan), matterIds: [] }),
  originals,
  where,
  visits,
  time,
  fees,
  contact,
  conditions,
};
