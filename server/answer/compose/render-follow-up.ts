import type { Catalog, Plan } from '../../../knowledge/index.ts';
import { describeChannels } from '../../../knowledge/plan/steps.ts';
import type { Intent } from '../understand/intents.ts';
import { formsText, renderChecklist, renderSteps, renderTiming } from './render-plan.ts';

/** Answers one follow-up question about the plan in focus, from the plan and catalog only. */
export function renderFollowUp(
  intent: Intent,
  plan: Plan,
  catalog: Catalog,
): { text: string; matterIds: string[] } {
  switch (intent.kind) {
    case 'materials':
      return { text: renderChecklist(plan), matterIds: [] };
    case 'steps':
      return { text: renderSteps(plan), matterIds: [] };
    case 'originals': {
      const lines = plan.checklist
        .filter((c) => c.status !== 'shared')
        .map((c) => `· ${c.name}：${formsText(c)}${c.status === 'conditional' ? '（视情况）' : ''}`);
      const shared = plan.checklist.filter((c) => c.status === 'shared').map((c) => c.name);
      const tail = shared.length ? `\n${shared.join('、')}由部门共享核验，不用带。` : '';
      return { text: `各项材料的要求如下：\n${lines.join('\n')}${tail}`, matterIds: [] };
    }
    case 'where': {
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
        matterIds: plan.steps.map((s) => s.matter.id),
      };
    }
    case 'visits': {
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
    }
    case 'time': {
      const per = plan.steps.map((s) => `· ${s.matter.name}：${s.timeLimit.text}`);
      return { text: `${renderTiming(plan)}\n各事项时限：\n${per.join('\n')}`, matterIds: [] };
    }
    case 'fees': {
      const lines = plan.steps.map((s) => {
        const fees = catalog.matters.get(s.matter.id)?.fees;
        const text = !fees || fees.free ? '不收费' : fees.items.map((f) => `${f.name}${f.amount}`).join('，');
        return `· ${s.matter.name}：${text}`;
      });
      const extra = (plan.regionFees ?? []).map(
        (f) => `· ${f.name}：${f.amount}${f.basis ? `（${f.basis}）` : ''}`,
      );
      const region = extra.length ? `\n${plan.region.name}版本另列出的收费：\n${extra.join('\n')}` : '';
      return {
        text: `收费情况：\n${lines.join('\n')}${region}`,
        matterIds: plan.steps.map((s) => s.matter.id),
      };
    }
    case 'contact': {
      const lines = plan.steps.flatMap((s) => {
        const phone = catalog.matters.get(s.matter.id)?.contact?.phone;
        return phone ? [`· ${s.matter.name}：${phone}`] : [];
      });
      const main = plan.contact?.phone ? `咨询电话：${plan.contact.phone}（${plan.region.name}）。` : '';
      return {
        text: `${main}也可以拨打12345政务服务便民热线。${lines.length ? `\n各事项咨询：\n${lines.join('\n')}` : ''}`,
        matterIds: [],
      };
    }
    case 'conditions': {
      const lines = plan.steps.map((s) => {
        const conds = catalog.matters.get(s.matter.id)?.conditions ?? [];
        return `· ${s.matter.name}：${conds.join('；')}`;
      });
      return { text: `办理条件：\n${lines.join('\n')}`, matterIds: plan.steps.map((s) => s.matter.id) };
    }
  }
}
