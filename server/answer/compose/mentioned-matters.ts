import type { Catalog, Plan, PlanStep } from '../../../knowledge/index.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';

/** Brackets and quotes removed, so 生育医疗待遇支付（生育医疗费用报销） also matches 生育医疗待遇支付. */
function core(name: string): string {
  return normalizeText(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"《》]/g, '');
}

/**
 * The steps of the plan a message names, with the words it used: "个体工商户注销登记几天" names the
 * market-entity deregistration step by one of its aliases.
 */
export function mentionedSteps(
  message: string,
  plan: Plan,
  catalog: Catalog,
): { step: PlanStep; phrase: string }[] {
  const text = normalizeText(message);
  const out: { step: PlanStep; phrase: string }[] = [];
  for (const step of plan.steps) {
    const matter = catalog.matters.get(step.matter.id);
    const names = [step.matter.name, ...(matter?.aliases ?? [])].flatMap((n) => [normalizeText(n), core(n)]);
    const phrase = names
      .filter((n) => [...n].length >= 2 && text.includes(n))
      .sort((a, b) => b.length - a.length)[0];
    if (phrase) out.push({ step, phrase });
  }
  return out;
}
