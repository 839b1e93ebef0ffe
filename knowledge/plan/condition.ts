import type { Condition, FactValue } from '../model/condition.schema.ts';

/** Known answers to situation facts, by fact id. A missing key means "not asked yet". */
export type Facts = Readonly<Record<string, FactValue>>;

/** Three-valued truth: a condition over unanswered facts is `undefined` (unknown). */
export type Truth = boolean | undefined;

/**
 * Evaluates a condition with Kleene logic, so a plan can say "depends on …" while facts are missing.
 * @example evaluate({ fact: 'by-proxy', is: true }, {}) // undefined
 */
export function evaluate(condition: Condition, facts: Facts): Truth {
  if ('fact' in condition) {
    const value = facts[condition.fact];
    if (value === undefined) return undefined;
    return Array.isArray(condition.is) ? condition.is.includes(value) : condition.is === value;
  }
  if ('all' in condition) {
    let unknown = false;
    for (const c of condition.all) {
      const t = evaluate(c, facts);
      if (t === false) return false;
      if (t === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  if ('any' in condition) {
    let unknown = false;
    for (const c of condition.any) {
      const t = evaluate(c, facts);
      if (t === true) return true;
      if (t === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  const inner = evaluate(condition.not, facts);
  return inner === undefined ? undefined : !inner;
}

/** Every leaf comparison of a condition. */
export function conditionLeaves(condition: Condition): { fact: string; is: FactValue | FactValue[] }[] {
  if ('fact' in condition) return [condition];
  if ('all' in condition) return condition.all.flatMap(conditionLeaves);
  if ('any' in condition) return condition.any.flatMap(conditionLeaves);
  return conditionLeaves(condition.not);
}

/** The distinct facts a condition reads, in order of first appearance. */
export function conditionFacts(condition: Condition): string[] {
  return [...new Set(conditionLeaves(condition).map((l) => l.fact))];
}

/** The facts of a condition that are still unanswered. */
export function unknownFacts(condition: Condition, facts: Facts): string[] {
  return conditionFacts(condition).filter((f) => facts[f] === undefined);
}

/** Conjunction that drops missing parts: `and(undefined, c)` is `c`. */
export function and(...parts: (Condition | undefined)[]): Condition | undefined {
  const present = parts.filter((p): p is Condition => p !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { all: present };
}
