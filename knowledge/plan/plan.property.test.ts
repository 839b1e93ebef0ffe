import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../model/condition.schema.ts';
import { buildCatalog, testBoolFact, testMatter, testUse } from '../testing/catalog-builder.ts';
import { and, evaluate, type Facts } from './condition.ts';
import { plan } from './plan.ts';

const FACTS = ['f0', 'f1', 'f2', 'f3'];
const MATERIALS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];

const leaf = fc.record({ fact: fc.constantFrom(...FACTS), is: fc.boolean() });
const condition: fc.Arbitrary<Condition> = fc.oneof(
  leaf,
  fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
  fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: leaf }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** A random bundle: matter i may depend only on matters < i, so the graph is a DAG by construction. */
const scenario = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    matters: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          after: fc.subarray(Array.from({ length: i }, (_, j) => `x${j}`)),
          condition: maybe(condition),
          days: fc.integer({ min: 0, max: 30 }),
          uses: fc.uniqueArray(
            fc.record({ ref: fc.constantFrom(...MATERIALS), condition: maybe(condition) }),
            { selector: (u) => u.ref, maxLength: 4 },
          ),
        }),
      ),
    ),
    facts: fc.dictionary(fc.constantFrom(...FACTS), fc.boolean()),
    extra: fc.constantFrom(...FACTS),
    extraValue: fc.boolean(),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function catalogOf(s: Scenario) {
  return buildCatalog({
    facts: FACTS.map(testBoolFact),
    materials: MATERIALS.map((id) => ({ id, name: `材料${id}`, kind: 'proof' as const, aliases: [] })),
    matters: s.matters.map((m, i) =>
      testMatter(
        `x${i}`,
        m.uses.map((u) => testUse(u.ref, u.condition ? { condition: u.condition } : {})),
        m.days,
      ),
    ),
    bundles: [
      {
        id: 'rand',
        facts: FACTS,
        matters: s.matters.map((m, i) => ({
          id: `x${i}`,
          after: m.after,
          ...(m.condition ? { condition: m.condition } : {}),
        })),
      },
    ],
  });
}

/** All original dependencies of a matter, transitively. */
function ancestors(s: Scenario, i: number, acc = new Set<string>()): Set<string> {
  for (const a of s.matters[i]?.after ?? []) {
    if (!acc.has(a)) {
      acc.add(a);
      ancestors(s, Number(a.slice(1)), acc);
    }
  }
  return acc;
}

/** Whether some matter that may still apply needs the material under a condition that is not false. */
function mayBeNeeded(s: Scenario, ref: string, facts: Facts): boolean {
  return s.matters.some((m) =>
    m.uses.some((u) => {
      if (u.ref !== ref) return false;
      const c = and(m.condition, u.condition);
      return c === undefined || evaluate(c, facts) !== false;
    }),
  );
}

describe('plan properties', () => {
  it('every step comes after all its dependencies that remain in the plan, directly or transitively', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = plan(catalogOf(s), { bundleId: 'rand', facts: s.facts });
        const stage = new Map(p.steps.map((st) => [st.matter.id, st.stage]));
        for (const st of p.steps) {
          for (const dep of ancestors(s, Number(st.matter.id.slice(1)))) {
            const depStage = stage.get(dep);
            if (depStage !== undefined) expect(depStage).toBeLessThan(st.stage);
          }
          for (const dep of st.after) expect(stage.get(dep)).toBeLessThan(st.stage);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lists a material twice', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const ids = plan(catalogOf(s), { bundleId: 'rand', facts: s.facts }).checklist.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never lists a material whose condition is false, and lists every one that may be needed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const listed = new Set(
          plan(catalogOf(s), { bundleId: 'rand', facts: s.facts }).checklist.map((c) => c.id),
        );
        for (const ref of MATERIALS) expect(listed.has(ref)).toBe(mayBeNeeded(s, ref, s.facts));
      }),
      { numRuns: 300 },
    );
  });

  it('answering one more question never adds a material or a step', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const catalog = catalogOf(s);
        const before = plan(catalog, { bundleId: 'rand', facts: s.facts });
        if (s.facts[s.extra] !== undefined) return;
        const after = plan(catalog, { bundleId: 'rand', facts: { ...s.facts, [s.extra]: s.extraValue } });
        const had = new Set(before.checklist.map((c) => c.id));
        for (const c of after.checklist) expect(had.has(c.id)).toBe(true);
        const hadSteps = new Set(before.steps.map((st) => st.matter.id));
        for (const st of after.steps) expect(hadSteps.has(st.matter.id)).toBe(true);
        expect(after.questions.map((q) => q.fact)).not.toContain(s.extra);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const catalog = catalogOf(s);
        expect(plan(catalog, { bundleId: 'rand', facts: s.facts })).toEqual(
          plan(catalog, { bundleId: 'rand', facts: s.facts }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
