import type { Catalog } from '../load/catalog.ts';
import type { Condition, FactValue } from '../model/condition.schema.ts';
import { and, conditionLeaves, evaluate, type Facts, unknownFacts } from './condition.ts';
import type { ChecklistItem } from './plan.types.ts';
import type { ResolvedBundle } from './resolve-region.ts';

interface Usage {
  matterId: string;
  matterName: string;
  condition: Condition | undefined;
  forms: ChecklistItem['forms'];
  copies?: number;
  sharedSource: string | null;
  deferrable: boolean;
  note?: string;
}

/**
 * Merges the materials of the member matters by identity: one entry per material, naming every matter
 * that needs it. Entries whose condition is false are left out; undecided ones are `conditional` with
 * the deciding question; those a connected register or electronic licence replaces are `shared`.
 *
 * `order` lists the matter ids in step order so the checklist reads in the order things are needed.
 */
export function buildChecklist(
  catalog: Catalog,
  resolved: ResolvedBundle,
  order: readonly string[],
  facts: Facts,
  factOrder: readonly string[],
  sharedAvailable: ReadonlySet<string>,
): ChecklistItem[] {
  const usages = new Map<string, Usage[]>();
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const matters = [...resolved.matters].sort((a, b) => rank(a.member.id) - rank(b.member.id));
  for (const { member, matter } of matters) {
    for (const use of matter.materials) {
      const def = catalog.materials.get(use.ref);
      const list = usages.get(use.ref) ?? [];
      list.push({
        matterId: matter.id,
        matterName: matter.name,
        condition: and(member.condition, use.condition),
        forms: use.forms,
        ...(use.copies !== undefined ? { copies: use.copies } : {}),
        sharedSource: use.shared === undefined ? (def?.shared ?? null) : use.shared,
        deferrable: use.deferrable,
        ...(use.note ? { note: use.note } : {}),
      });
      usages.set(use.ref, list);
    }
  }

  const items: ChecklistItem[] = [];
  for (const [ref, all] of usages) {
    const def = catalog.materials.get(ref);
    if (!def) continue;
    const live = all.filter((u) => u.condition === undefined || evaluate(u.condition, facts) !== false);
    if (live.length === 0) continue;
    const merged = live.some((u) => u.condition === undefined)
      ? undefined
      : live.length === 1
        ? live[0]?.condition
        : { any: live.map((u) => u.condition).filter((c): c is Condition => c !== undefined) };
    const truth = merged === undefined ? true : evaluate(merged, facts);
    const sources = new Set(live.map((u) => u.sharedSource));
    const [onlySource] = sources;
    const shared =
      sources.size === 1 && onlySource != null && sharedAvailable.has(onlySource) ? onlySource : undefined;

    const item: ChecklistItem = {
      id: ref,
      name: def.name,
      status: shared ? 'shared' : truth === true ? 'submit' : 'conditional',
      matters: unique(live.map((u) => u.matterName)),
      matterIds: unique(live.map((u) => u.matterId)),
      forms: unique(live.flatMap((u) => u.forms)),
      deferrable: live.every((u) => u.deferrable),
      notes: unique(live.flatMap((u) => (u.note ? [u.note] : [])).concat(def.note ? [def.note] : [])),
    };
    const copies = Math.max(0, ...live.map((u) => u.copies ?? 0));
    if (copies > 0) item.copies = copies;
    if (shared) {
      item.sourceId = shared;
      item.source = catalog.sharedSources.get(shared)?.name ?? shared;
    }
    if (truth === undefined && merged) {
      const fact = decidingFact(merged, facts, factOrder, (id) => factValues(catalog, id));
      const question = catalog.facts.get(fact)?.question;
      item.fact = fact;
      if (question) item.condition = question;
    }
    items.push(item);
  }
  return items;
}

/**
 * The question to ask about an undecided condition: first a fact whose answer alone can settle it
 * (for 代办人身份证 that is "by proxy?", not "local hukou?"), then the fact the condition mentions most,
 * then the bundle's own question order.
 */
export function decidingFact(
  condition: Condition,
  facts: Facts,
  factOrder: readonly string[],
  optionsOf: (fact: string) => readonly FactValue[],
): string {
  const leaves = conditionLeaves(condition).map((l) => l.fact);
  const ranked = unknownFacts(condition, facts)
    .map((f) => ({
      f,
      decisive: optionsOf(f).some((v) => evaluate(condition, { ...facts, [f]: v }) !== undefined) ? 0 : 1,
      mentions: leaves.filter((x) => x === f).length,
      order: orderOf(factOrder, f),
    }))
    .sort((a, b) => a.decisive - b.decisive || b.mentions - a.mentions || a.order - b.order);
  return ranked[0]?.f ?? '';
}

/** The values a fact can take, from its declared options. */
export function factValues(catalog: Catalog, factId: string): FactValue[] {
  return catalog.facts.get(factId)?.options.map((o) => o.value) ?? [];
}

function orderOf(list: readonly string[], id: string): number {
  const i = list.indexOf(id);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
