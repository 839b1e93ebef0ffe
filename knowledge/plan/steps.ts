import type { Catalog } from '../load/catalog.ts';
import type { Channel } from '../model/common.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import { decidingFact, factValues } from './checklist.ts';
import { evaluate, type Facts } from './condition.ts';
import { criticalPath, stages } from './dag.ts';
import type { PlanStep, StepTimeLimit } from './plan.types.ts';
import type { ResolvedBundle } from './resolve-region.ts';

/**
 * Orders the member matters that apply (or may apply) into stages: every matter comes after all its
 * dependencies, and matters of one stage can run in parallel. When a matter drops out because its
 * condition is false, its dependants inherit its own dependencies, so the order stays transitive.
 */
export function buildSteps(
  catalog: Catalog,
  resolved: ResolvedBundle,
  facts: Facts,
  factOrder: readonly string[],
): { steps: PlanStep[]; criticalPathDays: number } {
  const byId = new Map(resolved.matters.map((m) => [m.member.id, m]));
  const included = new Set(
    resolved.matters
      .filter((m) => m.member.condition === undefined || evaluate(m.member.condition, facts) !== false)
      .map((m) => m.member.id),
  );
  const effectiveAfter = (id: string, seen = new Set<string>()): string[] => {
    const deps = byId.get(id)?.member.after ?? [];
    return [
      ...new Set(
        deps.flatMap((d) => {
          if (seen.has(d)) return [];
          seen.add(d);
          return included.has(d) ? [d] : effectiveAfter(d, seen);
        }),
      ),
    ];
  };
  const nodes = resolved.matters
    .filter((m) => included.has(m.member.id))
    .map((m) => ({ id: m.member.id, after: effectiveAfter(m.member.id) }));
  const stageOf = stages(nodes);
  const position = new Map(resolved.matters.map((m, i) => [m.member.id, i]));

  const steps = nodes
    .map((node): PlanStep => {
      const entry = byId.get(node.id);
      if (!entry) throw new Error(`missing matter ${node.id}`);
      const { member, matter } = entry;
      const step: PlanStep = {
        stage: stageOf.get(node.id) ?? 1,
        matter: { id: matter.id, name: matter.name },
        after: node.after,
        department: matter.department,
        timeLimit: timeLimit(matter),
        channels: matter.channels,
        ...(matter.result ? { result: matter.result } : {}),
      };
      const channel = describeChannels(matter.channels);
      if (channel) step.channel = channel;
      if (member.condition && evaluate(member.condition, facts) === undefined) {
        const fact = decidingFact(member.condition, facts, factOrder, (id) => factValues(catalog, id));
        step.conditional = { fact, question: catalog.facts.get(fact)?.question ?? fact };
      }
      return step;
    })
    .sort((a, b) => a.stage - b.stage || (position.get(a.matter.id) ?? 0) - (position.get(b.matter.id) ?? 0));

  const days = (id: string) => byId.get(id)?.matter.timeLimit.promisedDays ?? 0;
  return { steps, criticalPathDays: criticalPath(nodes, days) };
}

function timeLimit(matter: Matter): StepTimeLimit {
  const t = matter.timeLimit;
  const unit = t.unit === 'day' ? '天' : '个工作日';
  const promised = t.promisedDays === 0 ? '即办' : `承诺${t.promisedDays}${unit}`;
  const legal = t.legalDays !== undefined ? `（法定${t.legalDays}${unit}）` : '';
  return {
    promisedDays: t.promisedDays,
    ...(t.legalDays !== undefined ? { legalDays: t.legalDays } : {}),
    unit: t.unit,
    text: `${promised}${legal}`,
  };
}

const CHANNEL_KIND: Record<Channel['kind'], string> = {
  online: '网上办理',
  app: '掌上办理',
  office: '窗口办理',
  mail: '邮寄',
  kiosk: '自助终端',
  phone: '电话',
};

/** One line per channel kind, e.g. 网上办理：湖南省政务服务网；窗口办理：户籍所在地派出所. */
export function describeChannels(channels: readonly Channel[]): string | undefined {
  if (channels.length === 0) return undefined;
  return channels
    .map((c) => {
      const address = c.address && !c.name.includes(c.address) ? `（${c.address}）` : '';
      return `${CHANNEL_KIND[c.kind]}：${c.name}${address}`;
    })
    .join('；');
}
