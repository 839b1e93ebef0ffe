import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../load/load-catalog.ts';
import type { FactValue } from '../model/condition.schema.ts';
import { and, evaluate } from './condition.ts';
import { plan } from './plan.ts';

const catalog = loadCatalog();

/** Random partial answers to one bundle's own questions, drawn from each fact's options. */
function answersFor(bundleId: string): fc.Arbitrary<Record<string, FactValue>> {
  const facts = catalog.bundles.get(bundleId)?.facts ?? [];
  const entries = facts.map((id) => {
    const values = catalog.facts.get(id)?.options.map((o) => o.value) ?? [];
    return fc.option(fc.constantFrom(...values), { nil: undefined }).map((v) => [id, v] as const);
  });
  return fc
    .tuple(...entries)
    .map((pairs) =>
      Object.fromEntries(pairs.flatMap(([id, v]) => (v === undefined ? [] : [[id, v] as const]))),
    );
}

describe.each([...catalog.bundles.keys()])('shipped bundle %s', (bundleId) => {
  const bundle = catalog.bundles.get(bundleId);
  const afterOf = new Map(bundle?.matters.map((m) => [m.id, m.after]));

  it('orders every step after its dependencies, lists no material twice, never one whose condition is false', () => {
    fc.assert(
      fc.property(answersFor(bundleId), (facts) => {
        const p = plan(catalog, { bundleId, facts });
        const stage = new Map(p.steps.map((s) => [s.matter.id, s.stage]));
        const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
          for (const a of afterOf.get(id) ?? []) if (!seen.has(a)) ancestors(a, seen.add(a));
          return seen;
        };
        for (const s of p.steps) {
          for (const a of ancestors(s.matter.id)) {
            const st = stage.get(a);
            if (st !== undefined) expect(st).toBeLessThan(s.stage);
          }
        }
        const ids = p.checklist.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const item of p.checklist) {
          const live = bundle?.matters.some((bm) =>
            catalog.matters.get(bm.id)?.materials.some((u) => {
              if (u.ref !== item.id) return false;
              const c = and(bm.condition, u.condition);
              return c === undefined || evaluate(c, facts) !== false;
            }),
          );
          expect(live).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
