import type { Catalog } from '../load/catalog.ts';
import type { Condition } from '../model/condition.schema.ts';
import { and, evaluate, type Facts, unknownFacts } from './condition.ts';
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
      const fact = decidingFact(merged, facts, factOrder);
      const question = catalog.facts.get(fact)?.question;
      item.fact = fact;
      if (question) item.condition = question;
    }
    items.push(item);
  }
  return items;
}

/** The unanswered fact of a condition that comes first in the bundle's question order. */
export function decidingFact(condition: Condition, facts: Facts, factOrder: readonly string[]): string {
  const unknown = unknownFacts(condition, facts);
  const ranked = [...unknown].sort((a, b) => orderOf(factOrder, a) - orderOf(factOrder, b));
  return ranked[0] ?? '';
}

function orderOf(list: readonly string[], id: string): number {
  const i = list.indexOf(id);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
