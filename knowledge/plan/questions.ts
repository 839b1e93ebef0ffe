import type { Catalog } from '../load/catalog.ts';
import type { ChecklistItem, PlanQuestion, PlanStep } from './plan.types.ts';

/**
 * The unanswered facts that would still change the plan, most decisive first: ranked by how many
 * checklist items and steps they decide, then by the bundle's own question order.
 */
export function openQuestions(
  catalog: Catalog,
  checklist: readonly ChecklistItem[],
  steps: readonly PlanStep[],
  factOrder: readonly string[],
): PlanQuestion[] {
  const impact = new Map<string, number>();
  const bump = (fact: string | undefined) => {
    if (fact) impact.set(fact, (impact.get(fact) ?? 0) + 1);
  };
  for (const item of checklist) if (item.status === 'conditional') bump(item.fact);
  for (const step of steps) bump(step.conditional?.fact);
  const order = (id: string) => {
    const i = factOrder.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...impact.entries()]
    .sort(([a, x], [b, y]) => y - x || order(a) - order(b))
    .flatMap(([id, n]) => {
      const fact = catalog.facts.get(id);
      if (!fact) return [];
      return [
        {
          fact: id,
          question: fact.question,
          options: fact.options.map((o) => ({ value: o.value, label: o.label })),
          impact: n,
        },
      ];
    });
}
